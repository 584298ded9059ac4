import { iota, sortByKey } from '../../core/argsort.js';

/** Filled in by the filters. */
export interface FilterStats {
  /** Points dropped as identical to a kept one. */
  identical: number;
  /** When given (one entry per point): set to 1 for each kept point an identical one merged into. */
  absorbed?: Uint8Array;
}

/**
 * Two-party sweep over points listed by `u0` descending, ties by `u1` descending, then by
 * index (see {@link dominanceOrder2}). Returns the kept points in that order.
 *
 * With zero margins it keeps exactly the points no other point weakly dominates (identical
 * vectors: the first). With margins `m`, a point is only dropped when another is `>=` in both
 * and ahead by more than `m_p` in some party p (or is identical and earlier): the merge uses
 * this on partial sums, where a smaller lead could vanish in later rounding.
 */
export function sweep2(
  u0: Float64Array,
  u1: Float64Array,
  order: Int32Array,
  margins?: Float64Array,
  stats?: FilterStats,
): Int32Array {
  const n = order.length;
  const m0 = margins ? (margins[0] as number) : 0;
  const m1 = margins ? (margins[1] as number) : 0;
  const out = new Int32Array(n);
  let kept = 0;
  // Best u1 of every earlier point, and of the earlier points ahead in u0 by more than m0.
  let bestAll = Number.NEGATIVE_INFINITY;
  let bestFar = Number.NEGATIVE_INFINITY;
  let far = 0;
  for (let i = 0; i < n; i++) {
    const a = order[i] as number;
    const x = u0[a] as number;
    const y = u1[a] as number;
    while (far < i && (u0[order[far] as number] as number) > x + m0) {
      const yf = u1[order[far] as number] as number;
      if (yf > bestFar) bestFar = yf;
      far++;
    }
    let dropped = bestAll > y + m1 || bestFar >= y;
    if (!dropped && i > 0) {
      const b = order[i - 1] as number;
      dropped = u0[b] === x && u1[b] === y;
      if (dropped && stats) {
        // Identical points are adjacent and the first of them is the last one kept.
        stats.identical++;
        if (stats.absorbed) stats.absorbed[out[kept - 1] as number] = 1;
      }
    }
    if (!dropped) out[kept++] = a;
    if (y > bestAll) bestAll = y;
  }
  return out.slice(0, kept);
}

/** Indices by `u0` descending, ties by `u1` descending, then index ascending. */
export function dominanceOrder2(u0: Float64Array, u1: Float64Array, n: number): Int32Array {
  return sortByKey(u0, sortByKey(u1, iota(n)));
}

/**
 * The two-party non-dominated filter (sort and sweep, O(n log n)). Returns the kept indices
 * ascending; identical vectors collapse to the smallest index.
 */
export function nonDominated2(
  u0: Float64Array,
  u1: Float64Array,
  n: number,
  margins?: Float64Array,
): Int32Array {
  return sweep2(u0, u1, dominanceOrder2(u0, u1, n), margins).sort();
}
