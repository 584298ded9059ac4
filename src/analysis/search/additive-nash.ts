import type { Plan } from './additive-plan.js';

/**
 * A tangent of `Σ_p log(u_p − d_p)`, an upper bound on the log Nash product of any completion:
 * `log Π (u_p − d_p) ≤ constant + Σ_p w_p u_p` (concavity of the log).
 */
export interface NashTangent {
  readonly w: Float64Array;
  readonly constant: number;
  /** The bound's value at the root: the best `constant + Σ_p w_p u_p` over completions. */
  readonly bound: number;
}

/** The tangent at gains `y > 0`: `Σ log y_p − k − Σ d_p / y_p + Σ u_p / y_p`. */
export function tangentAt(y: ArrayLike<number>, d: readonly number[], w: Float64Array): number {
  let constant = -y.length;
  for (let p = 0; p < y.length; p++) {
    const g = y[p] as number;
    w[p] = 1 / g;
    constant += Math.log(g) - (d[p] as number) / g;
  }
  return constant;
}

/**
 * The linear relaxation of the Nash problem, `max Σ_p log g_p` over the convex hull of the
 * completions (one-issue red lines applied), by Frank–Wolfe in gain space from `start` (gains,
 * all > 0). Each linear step's tangent bounds every completion; the lowest one is returned, and
 * it tightens to the relaxation's optimum. Every vertex the method visits is a completion,
 * handed to `visit` (value slot per level) as a candidate solution.
 */
export function nashRelaxation(
  plan: Plan,
  d: readonly number[],
  start: ArrayLike<number>,
  iterations: number,
  visit: (choice: Int32Array) => void,
): NashTangent | undefined {
  const { k, depth, vals, base } = plan;
  const buf = new Float64Array(4 * k);
  const g = buf.subarray(0, k);
  const inv = buf.subarray(k, 2 * k);
  const gs = buf.subarray(2 * k, 3 * k);
  const bestW = buf.subarray(3 * k);
  for (let p = 0; p < k; p++) {
    g[p] = start[p] as number;
    if (!((g[p] as number) > 1e-12)) return undefined;
  }
  const choice = new Int32Array(depth);
  let bestBound = Number.POSITIVE_INFINITY;
  let bestConstant = 0;
  for (let t = 0; t < iterations; t++) {
    for (let p = 0; p < k; p++) {
      inv[p] = 1 / (g[p] as number);
      gs[p] = (base[p] as number) - (d[p] as number);
    }
    for (let l = 0; l < depth; l++) {
      let hi = Number.NEGATIVE_INFINITY;
      for (let j = plan.start[l] as number; j < (plan.start[l + 1] as number); j++) {
        let x = 0;
        for (let p = 0; p < k; p++) x += (inv[p] as number) * (vals[j * k + p] as number);
        if (x > hi) {
          hi = x;
          choice[l] = j;
        }
      }
      const j = choice[l] as number;
      for (let p = 0; p < k; p++) gs[p] = (gs[p] as number) + (vals[j * k + p] as number);
    }
    visit(choice);
    let f = 0;
    let gap = 0;
    for (let p = 0; p < k; p++) {
      f += Math.log(g[p] as number);
      gap += ((gs[p] as number) - (g[p] as number)) * (inv[p] as number);
    }
    if (f + gap < bestBound) {
      bestBound = f + gap;
      bestConstant = tangentAt(g, d, bestW);
    }
    if (gap < 1e-10 * (1 + Math.abs(f))) break;
    // Exact line search on φ(γ) = Σ log(g + γΔ) by safeguarded Newton steps, keeping g > 0.
    let hiG = 1;
    for (let p = 0; p < k; p++) {
      const delta = (gs[p] as number) - (g[p] as number);
      if (delta < 0) hiG = Math.min(hiG, (-0.999 * (g[p] as number)) / delta);
    }
    let gamma = 0;
    for (let it = 0; it < 8; it++) {
      let d1 = 0;
      let d2 = 0;
      for (let p = 0; p < k; p++) {
        const delta = (gs[p] as number) - (g[p] as number);
        const x = (g[p] as number) + gamma * delta;
        d1 += delta / x;
        d2 -= (delta * delta) / (x * x);
      }
      if (d1 <= 0 && gamma === 0) break;
      const next = d2 < 0 ? gamma - d1 / d2 : hiG;
      gamma = Math.min(hiG, Math.max(0, next));
    }
    if (gamma <= 0) break;
    for (let p = 0; p < k; p++) g[p] = (g[p] as number) + gamma * ((gs[p] as number) - (g[p] as number));
  }
  return { w: bestW, constant: bestConstant, bound: bestBound };
}
