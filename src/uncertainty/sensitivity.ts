import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { distributionSupport } from '../record/distribution.js';
import type { LeverSettings } from './levers.js';
import { type MonteCarloOptions, type MonteCarloResult, monteCarlo } from './monte-carlo.js';
import { positiveInteger } from './sample.js';

export interface SensitivityOptions {
  /** Draws per bar end; default 2,000. */
  readonly samples?: number;
  /** Seed, the same for every bar (common random numbers); default 1. */
  readonly seed?: number;
  /** Lever settings for every bar (a lever's own bar varies it); default the baselines. */
  readonly levers?: LeverSettings;
  /** Pins for every bar, as in Monte Carlo; default none. */
  readonly overrides?: Readonly<Record<string, number>>;
}

export const SENSITIVITY_DEFAULTS = { samples: 2_000, seed: 1 } as const;

/** P(agreement zone) with one parameter held at one value. */
export interface BarEnd {
  readonly value: number;
  /** The lever level's name (lever bars). */
  readonly level?: string;
  readonly pAgreementZone: number;
  readonly stdError: number;
}

/** One bar of the tornado. */
export interface SensitivityBar {
  readonly kind: 'assumption' | 'lever';
  readonly id: string;
  /** The parameter an assumption sets. */
  readonly parameter?: string;
  /** At the low end of the range (lowest level). */
  readonly low: BarEnd;
  /** At the high end (highest level). */
  readonly high: BarEnd;
  /** `|high − low|` of P(agreement zone). */
  readonly swing: number;
  /** Lever bars: every level, in the lever's order. */
  readonly levels?: readonly BarEnd[];
}

export interface Sensitivity {
  readonly samples: number;
  readonly seed: number;
  /** P(agreement zone) with nothing extra pinned, on the same draws. */
  readonly baseline: { readonly pAgreementZone: number; readonly stdError: number };
  /** Largest swing first (ties in record order). */
  readonly bars: readonly SensitivityBar[];
}

/**
 * A tornado of P(agreement zone): each assumption pinned at the low and at the high end of its
 * range (a bernoulli at 0 and 1; fixed ones are skipped), and each lever at each of its levels,
 * the other assumptions drawn. Every bar uses the same seed, and a pinned assumption still
 * consumes its random number, so all bars share their draws (common random numbers) and the
 * differences between bars are not sampling noise. Ranked by swing.
 *
 * @example
 * sensitivity(scenario, { samples: 2000 }).bars[0]; // { id: 'a-ru-cap-real', swing: 0.21, ... }
 */
export function sensitivity(scenario: Scenario, options: SensitivityOptions = {}): Sensitivity {
  const plan = sensitivityPlan(scenario, options);
  return plan.finish(plan.runs.map((run) => monteCarlo(scenario, run)));
}

/** The Monte Carlo runs a tornado needs, and how their results make it. */
export interface SensitivityPlan {
  /** The baseline first, then each bar end (or lever level): run them anywhere, in any order. */
  readonly runs: readonly MonteCarloOptions[];
  /** The tornado from the runs' results, given in the order of `runs`. */
  finish(results: readonly Pick<MonteCarloResult, 'pAgreementZone' | 'stdError'>[]): Sensitivity;
}

/**
 * {@link sensitivity} as data: the Monte Carlo runs (each a `monteCarlo` options object) and the
 * step that assembles their results, so the runs can be spread over threads or machines.
 */
export function sensitivityPlan(scenario: Scenario, options: SensitivityOptions = {}): SensitivityPlan {
  const samples = positiveInteger('samples', options.samples ?? SENSITIVITY_DEFAULTS.samples);
  const seed = options.seed ?? SENSITIVITY_DEFAULTS.seed;
  const levers = options.levers ?? {};
  const pins = options.overrides ?? {};
  const runs: MonteCarloOptions[] = [];
  const run = (extraPins: Record<string, number>, leverSettings: LeverSettings): number => {
    runs.push({
      samples,
      seed,
      levers: leverSettings,
      overrides: { ...pins, ...extraPins },
      drafts: false,
      nashEvery: 0,
    });
    return runs.length - 1;
  };
  const baseline = run({}, levers);
  type End = { value: number; level?: string; run: number };
  const ends: { kind: 'assumption' | 'lever'; id: string; parameter?: string; ends: End[] }[] = [];
  for (const a of scenario.record?.assumptions ?? []) {
    if (a.distribution.kind === 'fixed' || a.id in pins) continue;
    const [lo, hi] = distributionSupport(a.distribution);
    if (lo === hi) continue;
    ends.push({
      kind: 'assumption',
      id: a.id,
      parameter: a.parameter,
      ends: [
        { value: lo, run: run({ [a.id]: lo }, levers) },
        { value: hi, run: run({ [a.id]: hi }, levers) },
      ],
    });
  }
  const leverOrder = new Map<string, string[]>();
  for (const lever of scenario.record?.levers ?? []) {
    const entries = Object.entries(lever.levels).sort((x, y) => x[1] - y[1]);
    if (entries.length < 2) continue;
    leverOrder.set(lever.id, Object.keys(lever.levels));
    ends.push({
      kind: 'lever',
      id: lever.id,
      ends: entries.map(([level, value]) => ({
        value,
        level,
        run: run({}, { ...levers, [lever.id]: level }),
      })),
    });
  }
  return {
    runs,
    finish(results) {
      if (results.length !== runs.length)
        throw new ConcordError('bad-option', `${runs.length} results needed, got ${results.length}`);
      const at = (e: End): BarEnd => {
        const r = results[e.run] as Pick<MonteCarloResult, 'pAgreementZone' | 'stdError'>;
        return {
          value: e.value,
          ...(e.level !== undefined ? { level: e.level } : {}),
          pAgreementZone: r.pAgreementZone,
          stdError: r.stdError,
        };
      };
      const bars: SensitivityBar[] = ends.map((b) => {
        const levels = b.ends.map(at);
        const low = levels[0] as BarEnd;
        const high = levels[levels.length - 1] as BarEnd;
        const swing = Math.abs(high.pAgreementZone - low.pAgreementZone);
        if (b.kind === 'assumption')
          return { kind: b.kind, id: b.id, parameter: b.parameter as string, low, high, swing };
        const order = leverOrder.get(b.id) ?? [];
        return {
          kind: b.kind,
          id: b.id,
          low,
          high,
          swing,
          levels: order.map((name) => levels.find((l) => l.level === name) as BarEnd),
        };
      });
      bars.sort((x, y) => y.swing - x.swing);
      const base = results[baseline] as Pick<MonteCarloResult, 'pAgreementZone' | 'stdError'>;
      return {
        samples,
        seed,
        baseline: { pAgreementZone: base.pAgreementZone, stdError: base.stdError },
        bars,
      };
    },
  };
}
