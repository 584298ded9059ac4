import type { Rng } from '../../core/rng.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Exclusion } from '../frontier/additive-frontier.js';
import type { RedLineEffect } from '../frontier/separable.js';

/** Thrown inside the count when the work limit is reached. */
const OVER = Symbol('over');

/** Everything the walk over an additive space needs, precomputed. */
interface Walk {
  readonly n: number;
  readonly k: number;
  readonly opts: readonly Int32Array[];
  /** `cols[i][p]`: party p's contributions on issue i. */
  readonly cols: readonly (readonly Float64Array[])[];
  readonly res: Float64Array;
  readonly tol: Float64Array;
  /** `(level, party)` → best / worst sum of the issues from `level` on. */
  readonly sufMin: Float64Array;
  readonly sufMax: Float64Array;
  /** Number of completions from `level` on. */
  readonly sufCount: readonly bigint[];
  /** Exclusions decided when issue `level` is set. */
  readonly closing: readonly Exclusion[][];
  /** 1 when some exclusion is still undecided at `level`. */
  readonly pending: Uint8Array;
  readonly pass: (u: number, r: number) => boolean;
}

function prepareWalk(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  strict: boolean,
  thresholds?: ArrayLike<number>,
): Walk | undefined {
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
  if (opts.some((o) => o.length === 0)) return undefined;
  const cols = space.sizes.map((_, i) => tables.map((t) => t[i] as Float64Array));
  const sufMin = new Float64Array((n + 1) * k);
  const sufMax = new Float64Array((n + 1) * k);
  const magnitude = new Float64Array(k);
  for (let i = n - 1; i >= 0; i--) {
    for (let p = 0; p < k; p++) {
      const t = (cols[i] as Float64Array[])[p] as Float64Array;
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
  const sufCount: bigint[] = new Array(n + 1).fill(1n);
  for (let i = n - 1; i >= 0; i--)
    sufCount[i] = (sufCount[i + 1] as bigint) * BigInt((opts[i] as Int32Array).length);
  const closing: Exclusion[][] = space.sizes.map(() => []);
  const pending = new Uint8Array(n + 1);
  for (const e of effect.exclusions) {
    const last = e.issues[e.issues.length - 1] as number;
    (closing[last] as Exclusion[]).push(e);
    for (let l = 0; l <= last; l++) pending[l] = 1;
  }
  return {
    n,
    k,
    opts,
    cols,
    res: Float64Array.from(parties, (p, i) => (thresholds ? (thresholds[i] as number) : p.reservation)),
    tol: Float64Array.from(magnitude, (a) => 1e-9 * (1 + a)),
    sufMin,
    sufMax,
    sufCount,
    closing,
    pending,
    pass: strict ? (u, r) => u > r : (u, r) => u >= r,
  };
}

const OUT = 0;
const IN = 1;
const SPLIT = 2;

/**
 * A subtree at `level` (issues before it set, partial sums at `sums[level*k..]`): OUT when even
 * its best completion misses a reservation, IN when even its worst meets every one and no red
 * line is pending, SPLIT otherwise. Margins far above rounding error: only certain cases.
 */
function classify(w: Walk, sums: Float64Array, level: number): number {
  const base = level * w.k;
  let allIn = w.pending[level] === 0;
  for (let p = 0; p < w.k; p++) {
    const s = sums[base + p] as number;
    const r = w.res[p] as number;
    if (s + (w.sufMax[base + p] as number) < r - (w.tol[p] as number)) return OUT;
    if (allIn && !(s + (w.sufMin[base + p] as number) >= r + (w.tol[p] as number))) allIn = false;
  }
  return allIn ? IN : SPLIT;
}

/** Sets issue `level` to `v`; false when a red line over several issues now excludes it. */
function step(w: Walk, sums: Float64Array, outcome: number[], level: number, v: number): boolean {
  outcome[level] = v;
  for (const e of w.closing[level] as Exclusion[]) if (e.test(outcome)) return false;
  const base = level * w.k;
  const col = w.cols[level] as readonly Float64Array[];
  for (let p = 0; p < w.k; p++)
    sums[base + w.k + p] = (sums[base + p] as number) + ((col[p] as Float64Array)[v] as number);
  return true;
}

/**
 * Exact number of outcomes of an additive problem that cross no red line and that every party
 * rates at or above its reservation (strictly above when `strict`), or undefined when that
 * takes more than `limit` steps. `thresholds` replaces the reservations (e.g. a frontier
 * point's utilities, to count the outcomes that share it).
 *
 * A depth-first walk over the allowed values in issue order, carrying each party's partial
 * sum exactly as the compiled utility builds it. A subtree is skipped when even its best
 * completion misses some reservation, and counted whole when even its worst completion meets
 * every reservation and no red line over several issues is pending; both tests keep a margin
 * far above rounding error, so only certain cases are decided early, and leaves are tested on
 * the exact sums.
 */
export function countSeparable(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  limit: number,
  strict = false,
  thresholds?: ArrayLike<number>,
): bigint | undefined {
  const w = prepareWalk(problem, effect, strict, thresholds);
  if (!w) return 0n;
  const { n, k } = w;
  const sums = new Float64Array((n + 1) * k);
  const outcome = new Array<number>(n).fill(0);
  let small = 0;
  let big = 0n;
  let work = 0;

  const visit = (level: number): void => {
    if (++work > limit) throw OVER;
    const c = classify(w, sums, level);
    if (c === OUT) return;
    if (c === IN) {
      const count = w.sufCount[level] as bigint;
      if (count < 1_000_000n) small += Number(count);
      else big += count;
      return;
    }
    const base = level * k;
    if (level === n) {
      for (let p = 0; p < k; p++) if (!w.pass(sums[base + p] as number, w.res[p] as number)) return;
      small++;
      return;
    }
    const values = w.opts[level] as Int32Array;
    if (level === n - 1 && (w.closing[level] as Exclusion[]).length === 0) {
      // Last issue: test the exact sums directly.
      work += values.length;
      const col = w.cols[level] as readonly Float64Array[];
      for (const v of values) {
        let ok = true;
        for (let p = 0; p < k && ok; p++)
          ok = w.pass(
            (sums[base + p] as number) + ((col[p] as Float64Array)[v] as number),
            w.res[p] as number,
          );
        if (ok) small++;
      }
      return;
    }
    for (const v of values) if (step(w, sums, outcome, level, v)) visit(level + 1);
  };

  try {
    visit(0);
  } catch (e) {
    if (e === OVER) return undefined;
    throw e;
  }
  return BigInt(small) + big;
}

/**
 * Knuth's estimate of the steps {@link countSeparable} would take: random root-to-leaf probes,
 * each step weighted by the product of the branching factors above it (unbiased). Used only to
 * skip a count that would not finish; the count itself stays exact.
 */
export function estimateCountWork(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  rng: Rng,
  probes = 64,
  strict = false,
): number {
  const w = prepareWalk(problem, effect, strict);
  if (!w) return 0;
  const { n, k } = w;
  const sums = new Float64Array((n + 1) * k);
  const outcome = new Array<number>(n).fill(0);
  let total = 0;
  for (let t = 0; t < probes; t++) {
    let weight = 1;
    let work = 0;
    for (let level = 0; ; level++) {
      work += weight;
      if (level === n || classify(w, sums, level) !== SPLIT) break;
      const values = w.opts[level] as Int32Array;
      if (level === n - 1 && (w.closing[level] as Exclusion[]).length === 0) {
        work += weight * values.length;
        break;
      }
      const children = Array.from(values).filter((v) => step(w, sums, outcome, level, v));
      if (children.length === 0) break;
      step(w, sums, outcome, level, children[rng.int(0, children.length - 1)] as number);
      weight *= children.length;
    }
    total += work;
  }
  return total / probes;
}
