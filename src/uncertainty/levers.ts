import { ConcordError } from '../core/errors.js';
import { type ParameterPath, type ParameterTarget, resolveParameter } from '../model/parameters.js';
import type { Scenario } from '../model/scenario.js';
import { leverUnits } from '../record/lever-units.js';
import type { Lever, LeverEffect, NegotiationRecord } from '../record/types.js';
import type { ParameterSample } from './sample.js';

/** A setting per lever: one of its level names, or a number on its scale. Levers left out stay at their baseline. */
export type LeverSettings = Readonly<Record<string, string | number>>;

/** What one lever effect does at a setting: `delta = perUnit × units` is added to `parameter`. */
export interface LeverShift {
  readonly lever: string;
  /** Position of the effect in the lever's `effects`. */
  readonly effect: number;
  readonly parameter: ParameterPath;
  readonly target: ParameterTarget;
  /** `level − baseline` on the lever's scale. */
  readonly units: number;
  readonly perUnit: number;
  /** The assumption that gives `perUnit`, when one does. */
  readonly assumption?: string;
  readonly delta: number;
}

/** Path an assumption uses to set a lever effect's strength. */
export const leverEffectPath = (lever: string, effect: number): string =>
  `levers.${lever}.effects.${effect}.perUnit`;

/**
 * The assumption that sizes a lever effect: the one the effect names, else one whose
 * parameter is `levers.<id>.effects.<k>.perUnit`; undefined when the effect's own `perUnit` stands.
 */
export function effectAssumption(
  record: NegotiationRecord,
  lever: Lever,
  k: number,
  effect: LeverEffect,
): string | undefined {
  if (effect.assumption !== undefined) return effect.assumption;
  const path = leverEffectPath(lever.id, k);
  return record.assumptions.find((a) => a.parameter === path)?.id;
}

export { leverUnits } from '../record/lever-units.js';

/** Checks every lever id of `settings`; throws `unknown-lever`. */
export function checkLeverSettings(scenario: Scenario, settings: LeverSettings): void {
  const levers = scenario.record?.levers ?? [];
  for (const id of Object.keys(settings))
    if (!levers.some((l) => l.id === id))
      throw new ConcordError(
        'unknown-lever',
        `no lever "${id}" (levers: ${levers.map((l) => l.id).join(', ') || 'none'})`,
      );
}

/**
 * What the lever settings do to the model: one shift per effect of every lever moved off its
 * baseline. An effect that names an assumption (or is named by one, as
 * `levers.<id>.effects.<k>.perUnit`) takes its `perUnit` from that assumption: its value in
 * `sample` when given, else its point value.
 *
 * @example
 * leverTargets(scenario, { sanctions: 'intensified' });
 * // [{ lever: 'sanctions', parameter: 'Russia.reservation', units: 1, perUnit: -0.04, delta: -0.04, ... }]
 */
export function leverTargets(
  scenario: Scenario,
  settings: LeverSettings,
  sample: ParameterSample = {},
): LeverShift[] {
  checkLeverSettings(scenario, settings);
  const record = scenario.record;
  if (!record) return [];
  const out: LeverShift[] = [];
  for (const lever of record.levers) {
    const setting = settings[lever.id];
    if (setting === undefined) continue;
    const units = leverUnits(lever, setting);
    if (units === 0) continue;
    lever.effects.forEach((e, k) => {
      const target = resolveParameter(scenario, e.parameter);
      if (typeof target === 'string') throw new ConcordError('unknown-parameter', target);
      const id = effectAssumption(record, lever, k, e);
      const a = id === undefined ? undefined : record.assumptions.find((x) => x.id === id);
      if (id !== undefined && !a)
        throw new ConcordError('unknown-assumption', `lever "${lever.id}" names no assumption "${id}"`);
      const perUnit = a ? (sample[a.id] ?? a.value) : e.perUnit;
      out.push({
        lever: lever.id,
        effect: k,
        parameter: e.parameter,
        target,
        units,
        perUnit,
        ...(a ? { assumption: a.id } : {}),
        delta: perUnit * units,
      });
    });
  }
  return out;
}
