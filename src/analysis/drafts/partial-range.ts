/**
 * Lowest and highest additive utility over every completion of a partial outcome: fixed issues
 * (index ≥ 0) contribute their value, open ones (−1) their table's extremes. Summed in issue
 * order, like compileUtility.
 */
export function partialRange(tables: readonly Float64Array[], partial: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  tables.forEach((t, j) => {
    const v = partial[j] as number;
    if (v >= 0) {
      lo += t[v] as number;
      hi += t[v] as number;
    } else {
      lo += Math.min(...t);
      hi += Math.max(...t);
    }
  });
  return [lo, hi];
}
