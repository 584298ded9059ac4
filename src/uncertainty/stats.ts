/** Standard error of a binomial proportion: `√(p(1 − p)/n)` (0 when n = 0). */
export function binomialStdError(p: number, n: number): number {
  return n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0;
}

/** Mean and the 5 %, 50 % and 95 % quantiles of a sample. */
export interface Summary {
  readonly mean: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
}

/** Quantile `q` of sorted values, interpolating linearly between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(n - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

/** {@link Summary} of the values (NaN everywhere when empty). */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    q05: quantileSorted(sorted, 0.05),
    q50: quantileSorted(sorted, 0.5),
    q95: quantileSorted(sorted, 0.95),
  };
}
