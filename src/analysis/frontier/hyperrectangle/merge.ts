/** A vector with what it is made of (for merged frontiers, one point index per component). */
export interface Tagged {
  readonly values: Float64Array;
  readonly parts: Int32Array;
}

/**
 * The points no other point weakly dominates, one per distinct vector (the first given wins).
 * Exact comparisons; O(n log n) for two parties.
 */
export function nondominated<T extends { readonly values: Float64Array }>(
  points: readonly T[],
  k: number,
): T[] {
  const sorted = points
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      for (let p = 0; p < k; p++) {
        const d = (b.x.values[p] as number) - (a.x.values[p] as number);
        if (d !== 0) return d;
      }
      return a.i - b.i;
    })
    .map((e) => e.x);
  const kept: T[] = [];
  if (k === 2) {
    let best = Number.NEGATIVE_INFINITY;
    for (const x of sorted) {
      if ((x.values[1] as number) > best) {
        kept.push(x);
        best = x.values[1] as number;
      }
    }
    return kept;
  }
  // Lexicographic order: a later point can never dominate an earlier one.
  for (const x of sorted) {
    const covered = kept.some((y) => {
      for (let p = 0; p < k; p++) if ((y.values[p] as number) < (x.values[p] as number)) return false;
      return true;
    });
    if (!covered) kept.push(x);
  }
  return kept;
}

/**
 * Minkowski sum of two frontiers, filtered: every non-dominated sum of additive parts is a sum
 * of non-dominated parts, so merging component frontiers pairwise is exact. Sums below `floor`
 * in some party (they cannot become rational) are dropped.
 */
export function mergeFrontier(
  acc: readonly Tagged[],
  next: readonly { readonly values: Float64Array }[],
  k: number,
  floor: Float64Array,
): Tagged[] {
  const sums: Tagged[] = [];
  for (const a of acc) {
    next.forEach((b, j) => {
      const v = new Float64Array(k);
      for (let p = 0; p < k; p++) {
        v[p] = (a.values[p] as number) + (b.values[p] as number);
        if ((v[p] as number) < (floor[p] as number)) return;
      }
      const parts = new Int32Array(a.parts.length + 1);
      parts.set(a.parts);
      parts[a.parts.length] = j;
      sums.push({ values: v, parts });
    });
  }
  return nondominated(sums, k);
}
