import { iota, sortByKey } from '../../core/argsort.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Exclusion } from '../frontier/additive-frontier.js';
import type { RedLineEffect } from '../frontier/separable.js';

/** Partial sums of every allowed combination of a block of issues. */
interface Half {
  readonly count: number;
  readonly u0: Float64Array;
  readonly u1: Float64Array;
  /** Mixed-radix index of the combination (over the allowed options). */
  readonly code: Float64Array;
}

function enumerateHalf(
  issues: readonly number[],
  opts: readonly Int32Array[],
  tables: readonly (readonly Float64Array[])[],
  exclusions: readonly Exclusion[],
  n: number,
  limit: number,
): Half | undefined {
  let total = 1;
  for (const i of issues) total *= (opts[i] as Int32Array).length;
  if (total > limit) return undefined;
  const u0 = new Float64Array(total);
  const u1 = new Float64Array(total);
  const code = new Float64Array(total);
  const probe = new Array<number>(n).fill(0);
  const t0 = tables[0] as readonly Float64Array[];
  const t1 = tables[1] as readonly Float64Array[];
  let m = 0;
  for (let c = 0; c < total; c++) {
    let x = c;
    let a = 0;
    let b = 0;
    // Issue order, least significant digit last, so sums are built as the compiled utility does.
    const digits: number[] = [];
    for (let t = issues.length - 1; t >= 0; t--) {
      const size = (opts[issues[t] as number] as Int32Array).length;
      digits[t] = x % size;
      x = Math.floor(x / size);
    }
    for (let t = 0; t < issues.length; t++) {
      const i = issues[t] as number;
      const v = (opts[i] as Int32Array)[digits[t] as number] as number;
      probe[i] = v;
      a += (t0[i] as Float64Array)[v] as number;
      b += (t1[i] as Float64Array)[v] as number;
    }
    if (exclusions.some((e) => e.test(probe))) continue;
    u0[m] = a;
    u1[m] = b;
    code[m] = c;
    m++;
  }
  return { count: m, u0: u0.subarray(0, m), u1: u1.subarray(0, m), code: code.subarray(0, m) };
}

/**
 * For each threshold, how many keys are >= it: `counts[q] = #{b : keys[b] >= t[q]}`. `sorted`
 * holds the keys descending; `order` lists the thresholds descending (ties in any order).
 */
function countsAtLeast(sorted: Float64Array, t: Float64Array, order: Int32Array): Int32Array {
  const counts = new Int32Array(t.length);
  let c = 0;
  for (let i = 0; i < order.length; i++) {
    const q = order[i] as number;
    const x = t[q] as number;
    while (c < sorted.length && (sorted[c] as number) >= x) c++;
    counts[q] = c;
  }
  return counts;
}

/**
 * `#{(a, b): b0 >= s0(a) and b1 >= s1(a)}` offline: queries by `s0` descending (`order0`), B by
 * `b0` descending into a Fenwick tree over positions in the `b1`-descending order; `prefix1[a]`
 * is the number of B points with `b1 >= s1(a)`.
 */
function dominanceCount(
  s0: Float64Array,
  order0: Int32Array,
  prefix1: Int32Array,
  B: Half,
  byB0: Int32Array,
  position1: Int32Array,
): number {
  const nb = B.count;
  const tree = new Int32Array(nb + 1);
  let inserted = 0;
  let total = 0;
  for (let i = 0; i < order0.length; i++) {
    const q = order0[i] as number;
    const x = s0[q] as number;
    while (inserted < nb && (B.u0[byB0[inserted] as number] as number) >= x) {
      for (let r = (position1[byB0[inserted] as number] as number) + 1; r <= nb; r += r & -r)
        tree[r] = (tree[r] as number) + 1;
      inserted++;
    }
    let c = 0;
    for (let r = prefix1[q] as number; r > 0; r -= r & -r) c += tree[r] as number;
    total += c;
  }
  return total;
}

/**
 * Exact agreement-zone count for two parties with additive utilities by meeting in the middle:
 * the issues are split in two blocks (no red line over several issues may straddle them), the
 * partial sums of each block are enumerated, and pairs are counted by offline dominance
 * counting. A pair whose approximate total lies within a rounding margin of a reservation is
 * re-evaluated exactly, summed in issue order like the compiled utility; undefined when a
 * block has more than `blockLimit` combinations or the borderline pairs exceed `limit`.
 */
export function countMeetInMiddle(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  limit: number,
  strict = false,
  blockLimit = 1_000_000,
): bigint | undefined {
  const { space, parties } = problem;
  if (parties.length !== 2) return undefined;
  const n = space.sizes.length;
  const tables = parties.map((p) => p.tables as readonly Float64Array[]);
  const opts = space.sizes.map((s, i) => {
    const out: number[] = [];
    const mask = effect.allowed[i];
    for (let v = 0; v < s; v++) if (!mask || mask[v] === 1) out.push(v);
    return Int32Array.from(out);
  });
  if (opts.some((o) => o.length === 0)) return 0n;
  // The most balanced split that no exclusion straddles.
  let best = -1;
  let bestSize = Number.POSITIVE_INFINITY;
  for (let h = 1; h < n; h++) {
    if (
      effect.exclusions.some(
        (e) => (e.issues[0] as number) < h && (e.issues[e.issues.length - 1] as number) >= h,
      )
    )
      continue;
    let a = 1;
    let b = 1;
    for (let i = 0; i < n; i++) {
      if (i < h) a *= (opts[i] as Int32Array).length;
      else b *= (opts[i] as Int32Array).length;
    }
    if (Math.max(a, b) < bestSize) {
      bestSize = Math.max(a, b);
      best = h;
    }
  }
  if (best < 0 || bestSize > blockLimit) return undefined;
  const left = Array.from({ length: best }, (_, i) => i);
  const right = Array.from({ length: n - best }, (_, i) => best + i);
  const inside = (issues: number[]) =>
    effect.exclusions.filter((e) => e.issues.every((i) => issues.includes(i)));
  const A = enumerateHalf(left, opts, tables, inside(left), n, blockLimit);
  const B = enumerateHalf(right, opts, tables, inside(right), n, blockLimit);
  if (!A || !B) return undefined;

  const r0 = (parties[0] as { reservation: number }).reservation;
  const r1 = (parties[1] as { reservation: number }).reservation;
  let mag0 = 0;
  let mag1 = 0;
  for (let i = 0; i < n; i++) {
    let m0 = 0;
    let m1 = 0;
    for (const v of opts[i] as Int32Array) {
      m0 = Math.max(m0, Math.abs(((tables[0] as readonly Float64Array[])[i] as Float64Array)[v] as number));
      m1 = Math.max(m1, Math.abs(((tables[1] as readonly Float64Array[])[i] as Float64Array)[v] as number));
    }
    mag0 += m0;
    mag1 += m1;
  }
  const tol0 = 1e-9 * (1 + mag0);
  const tol1 = 1e-9 * (1 + mag1);
  const byB0 = sortByKey(B.u0, iota(B.count));
  const byB1 = sortByKey(B.u1, iota(B.count));
  const shifted = (u: Float64Array, r: number, shift: number) => {
    const out = new Float64Array(u.length);
    for (let i = 0; i < u.length; i++) out[i] = r + shift - (u[i] as number);
    return out;
  };
  const hi0 = shifted(A.u0, r0, tol0);
  const lo0 = shifted(A.u0, r0, -tol0);
  const hi1 = shifted(A.u1, r1, tol1);
  const lo1 = shifted(A.u1, r1, -tol1);
  // Thresholds r − a fall as a rises: A by a ascending lists them descending.
  const byA0 = sortByKey(A.u0, iota(A.count), true);
  const byA1 = sortByKey(A.u1, iota(A.count), true);
  const sortedB0 = Float64Array.from(byB0, (b) => B.u0[b] as number);
  const sortedB1 = Float64Array.from(byB1, (b) => B.u1[b] as number);
  const position1 = new Int32Array(B.count);
  for (let r = 0; r < B.count; r++) position1[byB1[r] as number] = r;
  const from0 = countsAtLeast(sortedB0, hi0, byA0);
  const to0 = countsAtLeast(sortedB0, lo0, byA0);
  const from1 = countsAtLeast(sortedB1, hi1, byA1);
  const to1 = countsAtLeast(sortedB1, lo1, byA1);
  const certain = dominanceCount(hi0, byA0, from1, B, byB0, position1);
  const possible = dominanceCount(lo0, byA0, to1, B, byB0, position1);
  if (possible - certain > limit) return undefined;

  // Borderline pairs: within the margin of r0 (and possibly r1), or past r0 and within that of r1.
  const pass = strict ? (u: number, r: number) => u > r : (u: number, r: number) => u >= r;
  const decode = (issues: number[], code: number, into: number[]) => {
    let x = code;
    for (let t = issues.length - 1; t >= 0; t--) {
      const i = issues[t] as number;
      const size = (opts[i] as Int32Array).length;
      into[i] = (opts[i] as Int32Array)[x % size] as number;
      x = Math.floor(x / size);
    }
  };
  const outcome = new Array<number>(n).fill(0);
  const exactPair = (ai: number, bi: number): boolean => {
    decode(left, A.code[ai] as number, outcome);
    decode(right, B.code[bi] as number, outcome);
    for (let p = 0; p < 2; p++) {
      const t = tables[p] as readonly Float64Array[];
      let u = 0;
      for (let i = 0; i < n; i++) u += (t[i] as Float64Array)[outcome[i] as number] as number;
      if (!pass(u, p === 0 ? r0 : r1)) return false;
    }
    return true;
  };
  let extra = 0;
  let scanned = 0;
  // b0 in [lo0, hi0) and b1 >= lo1: a run of the b0-descending order; b0 >= hi0 and b1 in
  // [lo1, hi1): a run of the b1-descending order.
  for (let ai = 0; ai < A.count; ai++) {
    for (let t = from0[ai] as number; t < (to0[ai] as number); t++) {
      const bi = byB0[t] as number;
      if (++scanned > 4 * limit) return undefined;
      if ((B.u1[bi] as number) >= (lo1[ai] as number) && exactPair(ai, bi)) extra++;
    }
    for (let t = from1[ai] as number; t < (to1[ai] as number); t++) {
      const bi = byB1[t] as number;
      if (++scanned > 4 * limit) return undefined;
      if ((B.u0[bi] as number) >= (hi0[ai] as number) && exactPair(ai, bi)) extra++;
    }
  }
  return BigInt(certain) + BigInt(extra);
}
