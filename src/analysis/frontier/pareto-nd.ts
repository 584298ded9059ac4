import { iota, sortByGroup, sortByKey } from '../../core/argsort.js';
import { type FilterStats, sweep2 } from './pareto-2d.js';

/**
 * Points sorted so that whatever weakly dominates a point comes before it: by every column
 * descending, lexicographically, then by index; grouped first when `groups` is given.
 */
export function dominanceOrder(cols: readonly Float64Array[], n: number, groups?: Int32Array): Int32Array {
  let perm = iota(n);
  for (let p = cols.length - 1; p >= 0; p--) perm = sortByKey(cols[p] as Float64Array, perm);
  return groups ? sortByGroup(groups, perm) : perm;
}

/** A prefix-maximum Fenwick tree over ranks 0..size-1 that can be cleared cheaply. */
class MaxTree {
  private readonly tree: Float64Array;
  private readonly touched: number[] = [];
  constructor(size: number) {
    this.tree = new Float64Array(size + 1).fill(Number.NEGATIVE_INFINITY);
  }
  /** Largest value stored at ranks 0..rank (−Infinity when rank < 0). */
  query(rank: number): number {
    let best = Number.NEGATIVE_INFINITY;
    for (let r = rank + 1; r > 0; r -= r & -r) {
      const v = this.tree[r] as number;
      if (v > best) best = v;
    }
    return best;
  }
  insert(rank: number, value: number): void {
    for (let r = rank + 1; r < this.tree.length; r += r & -r) {
      if ((this.tree[r] as number) < value) {
        if (this.tree[r] === Number.NEGATIVE_INFINITY) this.touched.push(r);
        this.tree[r] = value;
      }
    }
  }
  clear(): void {
    for (const r of this.touched) this.tree[r] = Number.NEGATIVE_INFINITY;
    this.touched.length = 0;
  }
}

/**
 * Three parties, O(n log n), over points in dominance order (see {@link dominanceOrder});
 * returns the kept points in that order. `byU1`, when given, lists the same points by `u1`
 * descending (equal values in any order) and saves the sort this needs. Earlier points have `u0 >=`; a Fenwick tree over `u1` ranks keeps
 * the best `u2` of the kept points ahead, a second one of those ahead in `u0` by more than the
 * margin. Kept points suffice: a dropped point is dominated by (or identical to) a kept one
 * that then dominates whatever it would (leads only grow along the chain), so each tree holds
 * far fewer points than the candidates, and one query settles all but near-ties.
 */
export function filter3(
  cols: readonly Float64Array[],
  order: Int32Array,
  margins?: Float64Array,
  groups?: Int32Array,
  stats?: FilterStats,
  byU1: Int32Array = sortByKey(cols[1] as Float64Array, Int32Array.from(order)),
): number[] {
  const [u0, u1, u2] = cols as [Float64Array, Float64Array, Float64Array];
  const [m0, m1, m2] = margins
    ? [margins[0] as number, margins[1] as number, margins[2] as number]
    : [0, 0, 0];
  const n = order.length;
  // Distinct u1 values, descending; rank 0 is the largest. rank[i]: that of order[i]'s u1.
  const distinct = new Float64Array(n);
  const rankOf = new Int32Array(u1.length);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const b = byU1[i] as number;
    const x = u1[b] as number;
    if (size === 0 || distinct[size - 1] !== x) distinct[size++] = x;
    rankOf[b] = size - 1;
  }
  /** Last rank whose value is > y, −1 when none. */
  const lastAbove = (y: number): number => {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((distinct[mid] as number) > y) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const all = new MaxTree(size);
  const farTree = new MaxTree(size);
  const isKept = new Uint8Array(n);
  const kept: number[] = [];
  let start = 0;
  let far = 0;
  for (let i = 0; i < n; i++) {
    const a = order[i] as number;
    if (groups && i > 0 && groups[a] !== groups[order[i - 1] as number]) {
      all.clear();
      farTree.clear();
      start = i;
      far = i;
    }
    const x = u0[a] as number;
    const y = u1[a] as number;
    const z = u2[a] as number;
    const rankY = rankOf[a] as number;
    const best = all.query(rankY);
    // best < z: no kept point is >= in u1 and u2 (far ones are kept ones); best > z + m2: the
    // lead in u2 decides; otherwise (a near tie) the leads in u0 and u1 are checked.
    let dropped = best > z + m2;
    if (!dropped && best >= z) {
      while (far < i && (u0[order[far] as number] as number) > x + m0) {
        if (isKept[far] === 1) {
          const b = order[far] as number;
          farTree.insert(rankOf[b] as number, u2[b] as number);
        }
        far++;
      }
      dropped = farTree.query(rankY) >= z || all.query(lastAbove(y + m1)) >= z;
    }
    if (!dropped && i > start) {
      const b = order[i - 1] as number;
      dropped = u0[b] === x && u1[b] === y && u2[b] === z;
      if (dropped && stats) {
        stats.identical++;
        if (stats.absorbed) stats.absorbed[kept[kept.length - 1] as number] = 1;
      }
    }
    if (dropped) continue;
    kept.push(a);
    isKept[i] = 1;
    all.insert(rankY, z);
  }
  return kept;
}

const RECENT = 16;

/**
 * Any number of parties: each point against the points kept so far (O(n·kept·k) at worst).
 * Points come by welfare descending (ties: lexicographically descending, then by index), so
 * whatever weakly dominates a point comes first (float sums are monotone) and dominated points
 * usually meet a dominator among the first kept ones; the last few dominators found are tried
 * first.
 */
function filterK(
  cols: readonly Float64Array[],
  n: number,
  margins?: Float64Array,
  groups?: Int32Array,
  stats?: FilterStats,
): number[] {
  const k = cols.length;
  const welfare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (let p = 0; p < k; p++) w += (cols[p] as Float64Array)[i] as number;
    welfare[i] = w;
  }
  let order = sortByKey(welfare, dominanceOrder(cols, n));
  if (groups) order = sortByGroup(groups, order);
  const m = margins ?? new Float64Array(k);
  const rows = new Float64Array(n * k);
  const kept: number[] = [];
  const recent = new Int32Array(RECENT).fill(-1);
  let start = 0;
  const q = new Float64Array(k);
  /** Whether kept point s dominates the point in `q` (or equals it: it came first). */
  const dominates = (s: number): boolean => {
    const base = s * k;
    if ((rows[base] as number) < (q[0] as number)) return false;
    let ahead = false;
    let identical = true;
    for (let p = 0; p < k; p++) {
      const vb = rows[base + p] as number;
      const va = q[p] as number;
      if (vb < va) return false;
      if (vb !== va) identical = false;
      if (vb > va + (m[p] as number)) ahead = true;
    }
    if (identical && !ahead && stats) {
      stats.identical++;
      if (stats.absorbed) stats.absorbed[kept[s] as number] = 1;
    }
    return ahead || identical;
  };
  const remember = (s: number): void => {
    let j = recent.indexOf(s);
    if (j < 0) j = RECENT - 1;
    for (; j > 0; j--) recent[j] = recent[j - 1] as number;
    recent[0] = s;
  };
  for (let i = 0; i < n; i++) {
    const a = order[i] as number;
    if (groups && i > 0 && groups[a] !== groups[order[i - 1] as number]) {
      start = kept.length;
      recent.fill(-1);
    }
    for (let p = 0; p < k; p++) q[p] = (cols[p] as Float64Array)[a] as number;
    let dropped = false;
    for (let j = 0; j < RECENT && !dropped; j++) {
      const s = recent[j] as number;
      if (s >= start && dominates(s)) {
        dropped = true;
        remember(s);
      }
    }
    for (let s = start; s < kept.length && !dropped; s++) {
      if (dominates(s)) {
        dropped = true;
        remember(s);
      }
    }
    if (dropped) continue;
    const at = kept.length;
    rows.set(q, at * k);
    kept.push(a);
  }
  return kept;
}

/**
 * Indices (ascending) of the points that no other point weakly dominates, identical vectors
 * collapsing to the smallest index — the same set as `nonDominatedNaive`. With `groups`, points
 * only compete within their group. With `margins`, only leads larger than `margins[p]` count
 * (see {@link sweep2}). `stats` counts the points dropped as identical to a kept one. Any
 * number of parties: 1 and 2 sort and sweep, 3 uses Fenwick trees,
 * more compare with the kept set.
 */
export function nonDominated(
  cols: readonly Float64Array[],
  n: number,
  groups?: Int32Array,
  margins?: Float64Array,
  stats?: FilterStats,
): Int32Array {
  const k = cols.length;
  if (n === 0) return new Int32Array(0);
  if (k === 0) return Int32Array.of(0);
  if (k === 1) {
    const zeros = new Float64Array(n);
    const m = margins ? Float64Array.of(margins[0] as number, 0) : undefined;
    return nonDominated([cols[0] as Float64Array, zeros], n, groups, m, stats);
  }
  if (k > 3) return Int32Array.from(filterK(cols, n, margins, groups, stats)).sort();
  const order = dominanceOrder(cols, n, groups);
  let kept: number[] | Int32Array;
  if (k === 2) {
    if (!groups) kept = sweep2(cols[0] as Float64Array, cols[1] as Float64Array, order, margins, stats);
    else {
      const parts: number[] = [];
      let i = 0;
      while (i < n) {
        const g = groups[order[i] as number] as number;
        let j = i + 1;
        while (j < n && groups[order[j] as number] === g) j++;
        for (const a of sweep2(
          cols[0] as Float64Array,
          cols[1] as Float64Array,
          order.subarray(i, j),
          margins,
          stats,
        ))
          parts.push(a);
        i = j;
      }
      kept = parts;
    }
  } else kept = filter3(cols, order, margins, groups, stats);
  return Int32Array.from(kept).sort();
}
