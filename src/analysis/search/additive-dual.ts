import type { DualResult, Plan } from './additive-plan.js';

export type { DualResult };

/**
 * Lagrangian weights for the search's bounds: `w ≥ 0` (on the simplex over `active` parties;
 * with `pinned ≥ 0`, that party's weight stays 1 and the others are free) making
 * `D(w) = Σ_p w_p c_p + Σ_levels max_v Σ_p w_p x_p(v)` small, by mirror descent. Any `w` gives
 * a valid bound; a good one is tight (it solves the linear relaxation's dual). `visit(choice)`
 * sees each new weighted-welfare maximiser (a value slot per level) and may stop the descent by
 * returning true; so may `settled(bound, w)` once the bound answers the question.
 */
export function dualWeights(
  plan: Plan,
  c: Float64Array,
  active: Uint8Array,
  pinned: number,
  iterations: number,
  visit?: (choice: Int32Array) => boolean,
  warm?: Float64Array,
  settled?: (bound: number, w: Float64Array) => boolean,
): DualResult {
  const { k, depth, vals, start } = plan;
  const buf = new Float64Array(3 * k);
  const w = buf.subarray(0, k);
  let count = 0;
  for (let p = 0; p < k; p++) if (active[p] === 1) count++;
  for (let p = 0; p < k; p++) w[p] = active[p] === 1 ? (pinned >= 0 ? 1 : 1 / count) : 0;
  // A warm start (weights from a similar problem), mixed with the uniform start so that no
  // active weight is 0, and smaller steps.
  const isWarm = warm !== undefined && warm.length === k;
  if (isWarm) {
    let sum = 0;
    for (let p = 0; p < k; p++)
      if (active[p] === 1 && p !== pinned) {
        w[p] = 0.9 * Math.max(0, warm[p] as number) + 0.1 * (w[p] as number);
        sum += w[p] as number;
      }
    if (pinned < 0 && sum > 0) for (let p = 0; p < k; p++) w[p] = (w[p] as number) / sum;
  }
  const eta0 = isWarm ? 0.5 : 2;
  const best = buf.subarray(k, 2 * k);
  best.set(w);
  let bestD = Number.POSITIVE_INFINITY;
  const g = buf.subarray(2 * k, 3 * k);
  const choice = new Int32Array(depth).fill(-1);
  for (let t = 0; t < iterations; t++) {
    for (let p = 0; p < k; p++) g[p] = c[p] as number;
    let changed = false;
    for (let l = 0; l < depth; l++) {
      let hi = Number.NEGATIVE_INFINITY;
      let arg = start[l] as number;
      for (let j = start[l] as number; j < (start[l + 1] as number); j++) {
        let x = 0;
        for (let p = 0; p < k; p++) x += (w[p] as number) * (vals[j * k + p] as number);
        if (x > hi) {
          hi = x;
          arg = j;
        }
      }
      if (choice[l] !== arg) {
        choice[l] = arg;
        changed = true;
      }
      for (let p = 0; p < k; p++) g[p] = (g[p] as number) + (vals[arg * k + p] as number);
    }
    let d = 0;
    let scale = 0;
    for (let p = 0; p < k; p++) {
      d += (w[p] as number) * (g[p] as number);
      if (active[p] === 1 && p !== pinned) scale = Math.max(scale, Math.abs(g[p] as number));
    }
    if (d < bestD) {
      bestD = d;
      best.set(w);
    }
    if (changed && visit?.(choice)) break;
    if (settled?.(bestD, best)) break;
    if (scale === 0) break;
    const eta = eta0 / (scale * Math.sqrt(t + 1));
    let sum = 0;
    for (let p = 0; p < k; p++) {
      if (active[p] !== 1 || p === pinned) continue;
      w[p] = Math.min(1e6, (w[p] as number) * Math.exp(-eta * (g[p] as number)));
      sum += w[p] as number;
    }
    if (pinned < 0 && sum > 0) for (let p = 0; p < k; p++) w[p] = (w[p] as number) / sum;
  }
  return { w: best, bound: bestD };
}
