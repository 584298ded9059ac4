/** A mean with its 95 % confidence interval. */
export interface MeanEstimate {
  readonly mean: number;
  /** Lower end of the 95 % interval; null when it cannot be estimated (a single observation). */
  readonly low: number | null;
  readonly high: number | null;
  /** Observations. */
  readonly n: number;
}

// Student t quantiles at 0.975 for 1 … 30 degrees of freedom.
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];
const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: exact table to 30, then the
 * Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5; error below 1e-6 from 30 on).
 */
export function t975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[Math.floor(df) - 1] as number;
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * Mean and 95 % t interval (mean ± t·s/√n) of a sample; undefined for an empty one.
 *
 * @example
 * meanInterval([1, 2, 3]); // { mean: 2, low: −0.48…, high: 4.48…, n: 3 }
 */
export function meanInterval(xs: readonly number[]): MeanEstimate | undefined {
  const n = xs.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n === 1) return { mean, low: null, high: null, n };
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const half = (t975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half, n };
}

/**
 * A proportion `successes / n` with its 95 % Wilson score interval (sound at 0 and at n, unlike
 * the normal approximation); undefined when n is 0.
 *
 * @example
 * wilsonInterval(10, 10); // { mean: 1, low: 0.72…, high: 1, n: 10 }
 */
export function wilsonInterval(successes: number, n: number): MeanEstimate | undefined {
  if (n <= 0) return undefined;
  const p = successes / n;
  const z2 = Z975 * Z975;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // The interval always holds p; rounding must not push it out at 0 or 1.
  return {
    mean: p,
    low: Math.max(0, Math.min(p, centre - half)),
    high: Math.min(1, Math.max(p, centre + half)),
    n,
  };
}
