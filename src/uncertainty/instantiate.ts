import { applyTargets } from '../model/parameters.js';
import type { Scenario } from '../model/scenario.js';
import type { LeverSettings } from './levers.js';
import { drawValues, planParameters, slotValues } from './parameter-plan.js';
import type { ParameterSample } from './sample.js';

/**
 * The scenario one draw describes: each assumption's parameter set to its value in `sample`
 * (its point value when missing; an assumption on `levers.<id>.effects.<k>.perUnit` sizes that
 * lever effect instead), then each lever effect's `perUnit × (level − baseline)` added, then
 * `overrides` (assumption id: that draw; parameter path: that final value). Red lines whose
 * `.active` ends below 0.5 are dropped.
 *
 * @example
 * const s = instantiate(scenario, sampleParameters(scenario.record, rng), { sanctions: 'intensified' });
 */
export function instantiate(
  scenario: Scenario,
  sample: ParameterSample,
  levers: LeverSettings = {},
  overrides: Readonly<Record<string, number>> = {},
): Scenario {
  const plan = planParameters(scenario, { levers, overrides });
  const draws = drawValues(plan, undefined);
  plan.assumptions.forEach((a, i) => {
    const x = sample[a.id];
    if (x !== undefined && Number.isNaN(plan.pinnedDraws[i] as number)) draws[i] = x;
  });
  const values = slotValues(plan, draws);
  return applyTargets(
    scenario,
    plan.slots.map((s, j) => [s.target, values[j] as number] as const),
  );
}

/**
 * The scenario at the central assumptions: every assumption at its point value, with `levers` and
 * `overrides` applied. What `brief`, `whatif` and `diff` call "central".
 *
 * @example
 * const central = centralScenario(scenario, { sanctions: 'intensified' });
 */
export function centralScenario(
  scenario: Scenario,
  levers: LeverSettings = {},
  overrides: Readonly<Record<string, number>> = {},
): Scenario {
  const point = Object.fromEntries((scenario.record?.assumptions ?? []).map((a) => [a.id, a.value]));
  return instantiate(scenario, point, levers, overrides);
}
