import type { Exclusion } from './additive-frontier.js';
import type { AnalysisProblem } from './problem.js';
import type { RedLineEffect } from './separable.js';

/** Thrown inside the count when the work limit is reached. */
const OVER = Symbol('over');

/**
 * Exact number of outcomes of an additive problem that cross no red line and that every party
 * rates at or above its reservation (strictly above when `strict`), or undefined when that takes more than `limit` steps.
 *
 * A depth-first walk over the allowed values in issue order, carrying each party's partial
 * sum exactly as the compiled utility builds it. A subtree is skipped when even its best
 * completion misses some reservation, and counted whole when even its worst completion meets
 * every reservation and no red line over several issues is still pending; both tests keep a
 * margin far above rounding error, so only certain cases are decided early and leaves are
 * tested on the exact sums.
 */
export function countSeparable(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  limit: number,
  strict = false,
): bigint | undefined {
  const { space, parties } = problem;
  const n = space.sizes.length;
  const k = parties.length;
  const tables = parties.map((p) => p.tables as readonly Float64Array[]);
  const opts = space.sizes.map((s, i) => {
    const out: number[] = [];
    const mask = effect.allowed[i];
    for (let v = 0; v < s; v++) if (!mask || mask[v] === 1) out.push(v);
    return Int32Array.from(out);
  });
  if (opts.some((o) => o.length === 0)) return 0n;
  const res = Float64Array.from(parties, (p) => p.reservation);
  const sufMin = new Float64Array((n + 1) * k);
  const sufMax = new Float64Array((n + 1) * k);
  const magnitude = new Float64Array(k);
  for (let i = n - 1; i >= 0; i--) {
    for (let p = 0; p < k; p++) {
      const t = (tables[p] as readonly Float64Array[])[i] as Float64Array;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const v of opts[i] as Int32Array) {
        const x = t[v] as number;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      sufMin[i * k + p] = (sufMin[(i + 1) * k + p] as number) + lo;
      sufMax[i * k + p] = (sufMax[(i + 1) * k + p] as number) + hi;
      magnitude[p] = (magnitude[p] as number) + Math.max(Math.abs(lo), Math.abs(hi));
    }
  }
  const tol = Float64Array.from(magnitude, (a) => 1e-9 * (1 + a));
  // Subtree sizes (number of completions from issue i on).
  const sufCount: bigint[] = new Array(n + 1).fill(1n);
  for (let i = n - 1; i >= 0; i--)
    sufCount[i] = (sufCount[i + 1] as bigint) * BigInt((opts[i] as Int32Array).length);
  const closing: Exclusion[][] = space.sizes.map(() => []);
  const pendingFrom = new Uint8Array(n + 1);
  for (const e of effect.exclusions) {
    const last = e.issues[e.issues.length - 1] as number;
    (closing[last] as Exclusion[]).push(e);
    for (let l = 0; l <= last; l++) pendingFrom[l] = 1;
  }

  const pass = strict ? (u: number, r: number) => u > r : (u: number, r: number) => u >= r;
  const sums = new Float64Array((n + 1) * k);
  const outcome = new Array<number>(n).fill(0);
  let small = 0;
  let big = 0n;
  let work = 0;

  const visit = (level: number): void => {
    if (++work > limit) throw OVER;
    const base = level * k;
    let allIn = pendingFrom[level] === 0;
    for (let p = 0; p < k; p++) {
      const s = sums[base + p] as number;
      const r = res[p] as number;
      if (s + (sufMax[base + p] as number) < r - (tol[p] as number)) return;
      if (allIn && !(s + (sufMin[base + p] as number) >= r + (tol[p] as number))) allIn = false;
    }
    if (allIn) {
      const c = sufCount[level] as bigint;
      if (c < 1_000_000n) small += Number(c);
      else big += c;
      return;
    }
    if (level === n) {
      for (let p = 0; p < k; p++) if (!pass(sums[base + p] as number, res[p] as number)) return;
      small++;
      return;
    }
    const values = opts[level] as Int32Array;
    const ends = closing[level] as Exclusion[];
    if (level === n - 1 && ends.length === 0) {
      // Last issue: test the exact sums directly.
      work += values.length;
      for (const v of values) {
        let ok = true;
        for (let p = 0; p < k; p++) {
          const u =
            (sums[base + p] as number) + ((tables[p] as readonly Float64Array[])[level] as Float64Array)[v]!;
          if (!pass(u, res[p] as number)) {
            ok = false;
            break;
          }
        }
        if (ok) small++;
      }
      return;
    }
    const next = base + k;
    for (const v of values) {
      outcome[level] = v;
      let excluded = false;
      for (const e of ends) if (e.test(outcome)) excluded = true;
      if (excluded) continue;
      for (let p = 0; p < k; p++)
        sums[next + p] =
          (sums[base + p] as number) + ((tables[p] as readonly Float64Array[])[level] as Float64Array)[v]!;
      visit(level + 1);
    }
  };

  try {
    visit(0);
  } catch (e) {
    if (e === OVER) return undefined;
    throw e;
  }
  return BigInt(small) + big;
}
