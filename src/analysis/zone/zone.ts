import type { Rng } from '../../core/rng.js';
import { createRng } from '../../core/rng.js';
import { forEachOutcome, type Outcome } from '../../outcomes/space.js';
import { type AnalysisProblem, prepareProblem } from '../../preferences/problem.js';
import { assertEnumerable } from '../frontier/brute-force.js';
import { tickClock } from '../frontier/frontier.js';
import { redLineEffect } from '../frontier/separable.js';
import type { ProblemInput } from '../types.js';
import { countSeparable, estimateCountWork } from './zone-count.js';
import { countMeetInMiddle } from './zone-mitm.js';

/** The agreement zone: outcomes every party rates at or above its reservation, crossing no red line. */
export interface AgreementZone {
  /** Number of outcomes in the zone (an estimate, rounded, when not `exact`). */
  readonly count: bigint;
  /** `count` / number of outcomes (0 for an empty space). */
  readonly share: number;
  readonly exact: boolean;
  /**
   * `ranges` (decided by the utility ranges, exact), `pruned-enumeration` (additive, exact),
   * `meet-in-the-middle` (additive, two parties, exact),
   * `enumeration` (exact) or `sampling` (estimate).
   */
  readonly method: 'ranges' | 'pruned-enumeration' | 'meet-in-the-middle' | 'enumeration' | 'sampling';
  /** Standard error of `share`, when sampled. */
  readonly stdError?: number;
  /** Outcomes drawn, when sampled. */
  readonly samples?: number;
  /** 95 % Wilson interval of `share`, when sampled. */
  readonly interval95?: readonly [number, number];
}

export interface ZoneOptions {
  /**
   * Work allowed for exact counting: outcomes (or subtrees, for additive utilities) visited;
   * default 50,000,000. Beyond it the zone is estimated by sampling.
   */
  readonly enumerationLimit?: number;
  /** Largest number of samples for the estimate; default 1,000,000. */
  readonly samples?: number;
  /** Time for sampling (checked every 4,096 samples); default 10,000 ms. */
  readonly budgetMs?: number;
  /** Clock for `budgetMs` (default: a call counter). */
  readonly now?: () => number;
  /** Random stream for sampling; default `createRng(seed)`. */
  readonly rng?: Rng;
  /** Seed when no `rng` is given; default 1. */
  readonly seed?: number;
  /**
   * Count only outcomes strictly above every reservation (`u_i > r_i`), as NegMAS's
   * `rational_fraction` does; default false (`u_i >= r_i`, the frontier's convention).
   */
  readonly strict?: boolean;
  /**
   * Exact utility ranges (`utilityRanges`), when known: they decide the zone at once when no
   * party can reach its reservation, or when every outcome suits everyone and no red line exists.
   */
  readonly ranges?: readonly (readonly [number, number])[];
  /** `auto` (default); `enumeration`: plain enumeration however large; `sampling`: estimate only. */
  readonly method?: 'auto' | 'enumeration' | 'sampling';
}

export const ZONE_DEFAULTS = {
  enumerationLimit: 50_000_000,
  samples: 1_000_000,
  budgetMs: 10_000,
  seed: 1,
} as const;

/**
 * Two-party additive spaces from this size on are counted by meeting in the middle: two blocks
 * of about √N partial sums, sorted, beat a walk that visits a good share of the N outcomes
 * (anac-y2012-EnergyA, 390,625 outcomes: about 1 ms instead of 3 ms).
 */
const MEET_IN_THE_MIDDLE_FROM = 65_536n;

function share(count: bigint, total: bigint): number {
  if (total === 0n) return 0;
  return Number(count) / Number(total);
}

/** Whether an outcome is in the zone: no red line crossed, every party at (or above) its reservation. */
export function inZone(problem: AnalysisProblem, o: Outcome, strict = false): boolean {
  for (const p of problem.parties) {
    const x = p.compiled.evaluate(o);
    if (strict ? !(x > p.reservation) : !(x >= p.reservation)) return false;
  }
  for (const r of problem.redLines) if (r.condition.test(o)) return false;
  return true;
}

/** {@link inZone} for linear-additive utilities, summing the tables directly. */
function additiveTest(problem: AnalysisProblem, strict: boolean): (o: Outcome) => boolean {
  const tables = problem.parties.map((p) => p.tables as readonly Float64Array[]);
  const res = problem.parties.map((p) => p.reservation);
  return (o) => {
    for (let p = 0; p < tables.length; p++) {
      const t = tables[p] as readonly Float64Array[];
      let u = 0;
      for (let i = 0; i < o.length; i++) u += (t[i] as Float64Array)[o[i] as number] as number;
      const r = res[p] as number;
      if (strict ? !(u > r) : !(u >= r)) return false;
    }
    for (const r of problem.redLines) if (r.condition.test(o)) return false;
    return true;
  };
}

function sample(problem: AnalysisProblem, options: ZoneOptions): AgreementZone {
  const rng = options.rng ?? createRng(options.seed ?? ZONE_DEFAULTS.seed);
  const max = options.samples ?? ZONE_DEFAULTS.samples;
  const now = options.now ?? tickClock();
  const deadline = now() + (options.budgetMs ?? ZONE_DEFAULTS.budgetMs);
  const strict = options.strict ?? false;
  const { space } = problem;
  const total = space.count;
  if (total === 0n) return { count: 0n, share: 0, exact: true, method: 'enumeration' };
  const o = space.sizes.map(() => 0);
  let hits = 0;
  let drawn = 0;
  const test = problem.additive ? additiveTest(problem, strict) : (x: Outcome) => inZone(problem, x, strict);
  while (drawn < max) {
    if ((drawn & 4095) === 0 && drawn > 0 && now() > deadline) break;
    for (let i = 0; i < o.length; i++) o[i] = rng.int(0, (space.sizes[i] as number) - 1);
    drawn++;
    if (test(o)) hits++;
  }
  const p = hits / drawn;
  // Wilson score interval (95 %): meaningful even when no sample (or every one) hits.
  const z = 1.959964;
  const centre = (p + (z * z) / (2 * drawn)) / (1 + (z * z) / drawn);
  const half = (z / (1 + (z * z) / drawn)) * Math.sqrt((p * (1 - p)) / drawn + (z * z) / (4 * drawn * drawn));
  return {
    count: (BigInt(hits) * total + BigInt(drawn >> 1)) / BigInt(drawn),
    share: p,
    exact: false,
    method: 'sampling',
    stdError: Math.sqrt((p * (1 - p)) / drawn),
    interval95: [
      hits === 0 ? 0 : Math.max(0, centre - half),
      hits === drawn ? 1 : Math.min(1, centre + half),
    ],
    samples: drawn,
  };
}

/**
 * Size of the agreement zone: exact by enumeration when affordable (for additive utilities a
 * pruned enumeration that counts whole subtrees at once when every outcome below is in or out
 * of the zone, so even 10^20-outcome spaces are often exact), otherwise a seeded uniform
 * sample, labelled approximate, with the standard error of the share.
 *
 * @example
 * const z = agreementZone(scenario);
 * z.count; // 1843n
 * z.share; // 0.0615
 */
export function agreementZone(input: ProblemInput, options: ZoneOptions = {}): AgreementZone {
  const problem = prepareProblem(input);
  const limit = options.enumerationLimit ?? ZONE_DEFAULTS.enumerationLimit;
  const total = problem.space.count;
  const strict = options.strict ?? false;
  if (options.method === 'sampling') return sample(problem, options);
  const forced = options.method === 'enumeration';
  if (forced) assertEnumerable(problem);
  const bounds = options.ranges;
  if (bounds && !forced) {
    // Exact ranges settle the easy cases whatever the utilities: no one can reach its
    // reservation, or everyone always does and there is no red line.
    const pass = (u: number, r: number) => (strict ? u > r : u >= r);
    if (problem.parties.some((p, i) => !pass((bounds[i] as readonly [number, number])[1], p.reservation)))
      return { count: 0n, share: 0, exact: true, method: 'ranges' };
    if (
      problem.redLines.length === 0 &&
      problem.parties.every((p, i) => pass((bounds[i] as readonly [number, number])[0], p.reservation))
    )
      return { count: total, share: total === 0n ? 0 : 1, exact: true, method: 'ranges' };
  }
  if (problem.additive && !forced) {
    const effect = redLineEffect(problem);
    if (effect.everythingForbidden) return { count: 0n, share: 0, exact: true, method: 'pruned-enumeration' };
    // Two parties and a big space: meeting in the middle is cheapest (and exact).
    const paired =
      problem.parties.length === 2 && total > MEET_IN_THE_MIDDLE_FROM
        ? countMeetInMiddle(problem, effect, limit, strict)
        : undefined;
    if (paired !== undefined)
      return { count: paired, share: share(paired, total), exact: true, method: 'meet-in-the-middle' };
    // Skip a pruned count that would clearly not finish (Knuth's estimate of its work).
    const hopeless =
      total > BigInt(limit) &&
      estimateCountWork(
        problem,
        effect,
        createRng((options.seed ?? ZONE_DEFAULTS.seed) ^ 0x5eed),
        64,
        strict,
      ) >
        4 * limit;
    const count = hopeless ? undefined : countSeparable(problem, effect, limit, strict);
    if (count !== undefined)
      return { count, share: share(count, total), exact: true, method: 'pruned-enumeration' };
  } else if (forced || total <= BigInt(limit)) {
    let count = 0;
    forEachOutcome(problem.space, (o) => {
      if (inZone(problem, o, strict)) count++;
    });
    return { count: BigInt(count), share: share(BigInt(count), total), exact: true, method: 'enumeration' };
  }
  return sample(problem, options);
}
