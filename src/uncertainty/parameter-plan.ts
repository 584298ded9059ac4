import { ConcordError } from '../core/errors.js';
import {
  getParameter,
  type ParameterPath,
  type ParameterTarget,
  resolveParameter,
} from '../model/parameters.js';
import type { Scenario } from '../model/scenario.js';
import { distributionSupport } from '../record/distribution.js';
import type { Distribution } from '../record/types.js';
import { checkLeverSettings, effectAssumption, type LeverSettings, leverUnits } from './levers.js';
import { quantileOf } from './sample.js';

/** A model parameter some assumption, lever or pin sets. */
export interface Slot {
  readonly path: ParameterPath;
  readonly target: ParameterTarget;
  /** Its value in the scenario as given. */
  readonly base: number;
}

/**
 * How the record's assumptions, the lever settings and the pins turn one draw into parameter
 * values, resolved once: every run of Monte Carlo, the slow {@link instantiate} and the fast
 * per-sample model read this, so they set the same parameters in the same order.
 */
export interface ParameterPlan {
  /** Every parameter set, in order of first mention: assumptions (record order), lever effects, pins. */
  readonly slots: readonly Slot[];
  /** Per assumption (record order): its distribution, point value, and slot (-1: it sizes a lever effect). */
  readonly assumptions: readonly {
    readonly id: string;
    readonly distribution: Distribution;
    readonly value: number;
    readonly slot: number;
  }[];
  /** Lever effects moved off their baseline: add `perUnit × units` to the slot. */
  readonly shifts: readonly {
    readonly slot: number;
    readonly units: number;
    readonly perUnit: number;
    /** Assumption giving the perUnit (-1: the effect's own). */
    readonly assumption: number;
  }[];
  /** Per assumption: the pinned draw, or NaN. */
  readonly pinnedDraws: Float64Array;
  /** Per slot: the pinned final value, or NaN. */
  readonly pinnedSlots: Float64Array;
  /** Assumptions whose range does not contain the model's value (often a scale mistake). */
  readonly warnings: readonly string[];
}

export interface PlanParameterOptions {
  /** Lever settings; default every lever at its baseline. */
  readonly levers?: LeverSettings;
  /**
   * Pins: an assumption id fixes that assumption's draw (levers still add to it); a parameter
   * path fixes the parameter's final value. Default none.
   */
  readonly overrides?: Readonly<Record<string, number>>;
}

/** Resolves the record against the scenario; throws ConcordError on misuse (unknown lever, level, parameter, pin). */
export function planParameters(scenario: Scenario, options: PlanParameterOptions = {}): ParameterPlan {
  const record = scenario.record;
  const levers = options.levers ?? {};
  checkLeverSettings(scenario, levers);
  const slots: Slot[] = [];
  const slotOf = new Map<string, number>();
  const slot = (path: string): number => {
    const known = slotOf.get(path);
    if (known !== undefined) return known;
    const target = resolveParameter(scenario, path);
    if (typeof target === 'string') throw new ConcordError('unknown-parameter', target);
    slots.push({ path, target, base: getParameter(scenario, target) });
    slotOf.set(path, slots.length - 1);
    return slots.length - 1;
  };
  const warnings: string[] = [];
  const assumptions = (record?.assumptions ?? []).map((a) => {
    const isLever = a.parameter.startsWith('levers.');
    const s = isLever ? -1 : slot(a.parameter);
    if (s >= 0) {
      const base = (slots[s] as Slot).base;
      const [lo, hi] = distributionSupport(a.distribution);
      if (base < lo - 1e-12 || base > hi + 1e-12)
        warnings.push(
          `assumption "${a.id}": ${a.parameter} is ${base} in the model, outside the range it is drawn from [${lo}, ${hi}]`,
        );
    }
    return { id: a.id, distribution: a.distribution, value: a.value, slot: s };
  });
  const indexOf = new Map(assumptions.map((a, i) => [a.id, i]));
  const shifts: ParameterPlan['shifts'][number][] = [];
  for (const lever of record?.levers ?? []) {
    const setting = levers[lever.id];
    const units = setting === undefined ? 0 : leverUnits(lever, setting);
    lever.effects.forEach((e, k) => {
      const s = slot(e.parameter);
      const id = record ? effectAssumption(record, lever, k, e) : undefined;
      const ai = id === undefined ? -1 : (indexOf.get(id) ?? -2);
      if (ai === -2)
        throw new ConcordError('unknown-assumption', `lever "${lever.id}" names no assumption "${id}"`);
      if (units !== 0) shifts.push({ slot: s, units, perUnit: e.perUnit, assumption: ai });
    });
  }
  const pinnedDraws = new Float64Array(assumptions.length).fill(Number.NaN);
  const pins: [number, number][] = [];
  for (const [key, x] of Object.entries(options.overrides ?? {})) {
    if (!Number.isFinite(x))
      throw new ConcordError('bad-override', `override "${key}" is not a finite number`);
    const ai = indexOf.get(key);
    if (ai !== undefined) pinnedDraws[ai] = x;
    else pins.push([slot(key), x]);
  }
  const pinnedSlots = new Float64Array(slots.length).fill(Number.NaN);
  for (const [s, x] of pins) pinnedSlots[s] = x;
  return { slots, assumptions, shifts, pinnedDraws, pinnedSlots, warnings };
}

/**
 * Per assumption, its value for one draw: the pin, else the distribution at quantile `u[i]`
 * (`u` undefined: the point values).
 */
export function drawValues(
  plan: ParameterPlan,
  u: Float64Array | undefined,
  out?: Float64Array,
): Float64Array {
  const d = out ?? new Float64Array(plan.assumptions.length);
  plan.assumptions.forEach((a, i) => {
    const pin = plan.pinnedDraws[i] as number;
    d[i] = !Number.isNaN(pin) ? pin : u ? quantileOf(a.distribution, u[i] as number) : a.value;
  });
  return d;
}

/** Per slot, the final parameter value for the given assumption values. */
export function slotValues(plan: ParameterPlan, draws: Float64Array, out?: Float64Array): Float64Array {
  const v = out ?? new Float64Array(plan.slots.length);
  plan.slots.forEach((s, j) => {
    v[j] = s.base;
  });
  plan.assumptions.forEach((a, i) => {
    if (a.slot >= 0) v[a.slot] = draws[i] as number;
  });
  for (const sh of plan.shifts) {
    const per = sh.assumption >= 0 ? (draws[sh.assumption] as number) : sh.perUnit;
    v[sh.slot] = (v[sh.slot] as number) + per * sh.units;
  }
  plan.pinnedSlots.forEach((x, j) => {
    if (!Number.isNaN(x)) v[j] = x;
  });
  return v;
}
