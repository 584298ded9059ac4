import { forEachOutcome } from '../../outcomes/space.js';
import { prepareProblem } from '../../preferences/problem.js';
import type {
  HyperRectangleUtility,
  LinearAdditiveUtility,
  UtilityFunction,
} from '../../preferences/utility.js';
import type { ProblemInput } from '../types.js';
import { FRONTIER_DEFAULTS, tickClock } from './frontier.js';
import { hyperRectangleFrontier } from './hyperrectangle/index.js';

/** Per party, the min and max of its utility over every outcome of the space. */
export interface UtilityRanges {
  readonly ranges: [number, number][];
  /** False when found by a search that stopped at its budget (the ranges may then be too narrow). */
  readonly exact: boolean;
}

export interface RangeOptions {
  /** Largest space enumerated for non-additive utilities; default 4,000,000. */
  readonly enumerationLimit?: number;
  /** Time for the non-additive search, shared by the parties; default 10,000 ms. */
  readonly budgetMs?: number;
  /** Clock for `budgetMs` (default: a call counter, see `FrontierOptions.now`). */
  readonly now?: () => number;
}

/** The same utility, negated: its maximum is minus the original's minimum (cap dropped). */
function negated(u: UtilityFunction): UtilityFunction {
  if (u.kind === 'linear-additive') {
    const n: LinearAdditiveUtility = { ...u, weights: u.weights.map((w) => -w) };
    return n;
  }
  const { cap: _cap, ...rest } = u;
  const n: HyperRectangleUtility = {
    ...rest,
    rectangles: u.rectangles.map((r) => ({ ...r, utility: -r.utility })),
  };
  return n;
}

/**
 * Min and max of each party's utility over ALL outcomes (red lines and reservations ignored).
 * Linear-additive: from each issue's smallest and largest contribution, summed in issue order,
 * so the result is bit-identical to the utility of the extreme outcome. Otherwise: enumeration
 * of small spaces, or the hyper-rectangle search on the utility and on its negation.
 *
 * @example
 * utilityRanges(scenario).ranges; // [[0.3504, 1.00005], [0.3527, 1.00005]]
 */
export function utilityRanges(input: ProblemInput, options: RangeOptions = {}): UtilityRanges {
  const problem = prepareProblem(input);
  const { space, parties } = problem;
  if (problem.additive) {
    const ranges = parties.map((p): [number, number] => {
      let lo = 0;
      let hi = 0;
      for (const t of p.tables as readonly Float64Array[]) {
        let a = Number.POSITIVE_INFINITY;
        let b = Number.NEGATIVE_INFINITY;
        for (const x of t) {
          if (x < a) a = x;
          if (x > b) b = x;
        }
        lo += a;
        hi += b;
      }
      return [lo, hi];
    });
    if (space.count === 0n) return { ranges: parties.map(() => [Number.NaN, Number.NaN]), exact: true };
    return { ranges, exact: true };
  }
  const limit = options.enumerationLimit ?? FRONTIER_DEFAULTS.enumerationLimit;
  if (space.count <= BigInt(limit)) {
    const ranges = parties.map((): [number, number] => [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    forEachOutcome(space, (o) => {
      parties.forEach((p, i) => {
        const x = p.compiled.evaluate(o);
        const r = ranges[i] as [number, number];
        if (x < r[0]) r[0] = x;
        if (x > r[1]) r[1] = x;
      });
    });
    if (space.count === 0n) return { ranges: parties.map(() => [Number.NaN, Number.NaN]), exact: true };
    return { ranges, exact: true };
  }
  const now = options.now ?? tickClock();
  const share = (options.budgetMs ?? FRONTIER_DEFAULTS.budgetMs) / (2 * parties.length);
  let exact = true;
  const best = (u: UtilityFunction): number => {
    const r = hyperRectangleFrontier(space, [{ utility: u, reservationValue: Number.NEGATIVE_INFINITY }], {
      budgetMs: share,
      now,
    });
    exact &&= r.exact;
    return r.points.reduce((m, q) => Math.max(m, q.utilities[0] as number), Number.NEGATIVE_INFINITY);
  };
  const ranges = parties.map((p): [number, number] => {
    const hi = best(p.utility);
    // + 0 turns the -0 of a zero minimum into 0.
    let lo = -best(negated(p.utility)) + 0;
    if (p.utility.kind === 'hyperrectangle' && p.utility.cap !== undefined) lo = Math.min(lo, p.utility.cap);
    return [lo, hi];
  });
  return { ranges, exact };
}
