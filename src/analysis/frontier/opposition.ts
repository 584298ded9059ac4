import type { FrontierPoint } from '../types.js';

/** What {@link oppositionLevel} needs: the frontier and each party's best utility. */
export interface OppositionInput {
  /**
   * The Pareto frontier of the rational outcomes (as {@link paretoFrontier} returns it). Any set
   * of rational utility vectors that contains the frontier gives the same answer.
   */
  readonly frontier: readonly Pick<FrontierPoint, 'utilities'>[];
  /** Per party, its best utility over the whole outcome space (`max_i`). */
  readonly best: readonly number[];
}

/**
 * NegMAS's opposition level: the smallest Euclidean distance from a rational outcome's utility
 * vector, each utility divided by that party's best (`u_i / max_i`; `u_i` itself when
 * `max_i = 0`, as NegMAS does), to the ideal point (1, …, 1). 0 means one outcome is every
 * party's best; larger means more opposed. `Infinity` when no outcome is rational (NegMAS's
 * `inf`).
 *
 * Why the frontier suffices: each term `(1 − u_i/max_i)²` falls as `u_i` rises towards `max_i`,
 * whatever the sign of `max_i`, so a dominating outcome is never farther from the ideal point
 * and the minimum over all rational outcomes is reached on the frontier. That makes the figure
 * exact at any size, where NegMAS enumerates (or samples 10,000 outcomes of larger spaces, so
 * its figure is then an upper bound of this one).
 *
 * @example
 * oppositionLevel({ frontier: [{ utilities: [1, 0.5] }, { utilities: [0.5, 1] }], best: [1, 1] }); // 0.5
 */
export function oppositionLevel(input: OppositionInput): number {
  const { frontier, best } = input;
  let nearest = Number.POSITIVE_INFINITY;
  for (const p of frontier) {
    let d = 0;
    for (let i = 0; i < best.length; i++) {
      const m = best[i] as number;
      const u = p.utilities[i] as number;
      const gap = 1 - (m !== 0 ? u / m : u);
      d += gap * gap;
    }
    if (d < nearest) nearest = d;
  }
  return Math.sqrt(nearest);
}
