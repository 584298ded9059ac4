import type { Scenario } from '../model/scenario.js';
import { distributionSupport } from '../record/distribution.js';
import type { LeverSettings } from './levers.js';
import { monteCarlo } from './monte-carlo.js';
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
  const samples = positiveInteger('samples', options.samples ?? SENSITIVITY_DEFAULTS.samples);
  const seed = options.seed ?? SENSITIVITY_DEFAULTS.seed;
  const levers = options.levers ?? {};
  const pins = options.overrides ?? {};
  const run = (extraPins: Record<string, number>, leverSettings: LeverSettings) => {
    const mc = monteCarlo(scenario, {
      samples,
      seed,
      levers: leverSettings,
      overrides: { ...pins, ...extraPins },
      drafts: false,
      nashEvery: 0,
    });
    return { pAgreementZone: mc.pAgreementZone, stdError: mc.stdError };
  };
  const baseline = run({}, levers);
  const bars: SensitivityBar[] = [];
  for (const a of scenario.record?.assumptions ?? []) {
    if (a.distribution.kind === 'fixed' || a.id in pins) continue;
    const [lo, hi] = distributionSupport(a.distribution);
    if (lo === hi) continue;
    const low = { value: lo, ...run({ [a.id]: lo }, levers) };
    const high = { value: hi, ...run({ [a.id]: hi }, levers) };
    bars.push({
      kind: 'assumption',
      id: a.id,
      parameter: a.parameter,
      low,
      high,
      swing: Math.abs(high.pAgreementZone - low.pAgreementZone),
    });
  }
  for (const lever of scenario.record?.levers ?? []) {
    const entries = Object.entries(lever.levels).sort((x, y) => x[1] - y[1]);
    if (entries.length < 2) continue;
    const levels = entries.map(([level, value]) => ({
      value,
      level,
      ...run({}, { ...levers, [lever.id]: level }),
    }));
    const low = levels[0] as BarEnd;
    const high = levels[levels.length - 1] as BarEnd;
    bars.push({
      kind: 'lever',
      id: lever.id,
      low,
      high,
      swing: Math.abs(high.pAgreementZone - low.pAgreementZone),
      levels: Object.keys(lever.levels).map((name) => levels.find((l) => l.level === name) as BarEnd),
    });
  }
  bars.sort((x, y) => y.swing - x.swing);
  return { samples, seed, baseline, bars };
}
