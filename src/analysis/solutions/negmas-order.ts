import type { Outcome } from '../../outcomes/space.js';
import { type AnalysisProblem, welfareOf } from '../../preferences/problem.js';
import { forEachAcceptable } from '../frontier/brute-force.js';
import { redLineEffect } from '../frontier/separable.js';
import type { FrontierPoint } from '../types.js';
import { numpyArgsort } from './numpy-argsort.js';

export interface NegmasOrder {
  readonly points: FrontierPoint[];
  /**
   * `replayed`: NegMAS's choices applied; `no-ties`: no vector had several outcomes, nothing to
   * change; `too-large`: the space has more than `limit` outcomes (points returned unchanged).
   */
  readonly status: 'replayed' | 'no-ties' | 'too-large';
}

/**
 * {@link forEachAcceptable} for linear-additive utilities: an odometer carrying each party's
 * partial sums (the compiled utility's order, so the same floats), far faster than evaluating.
 */
function forEachAcceptableAdditive(
  problem: AnalysisProblem,
  fn: (o: Outcome, u: Float64Array) => void,
): void {
  const { space, parties, redLines } = problem;
  const n = space.sizes.length;
  const k = parties.length;
  const effect = redLineEffect(problem);
  if (effect.everythingForbidden || space.count === 0n) return;
  const tables = parties.map((p) => p.tables as readonly Float64Array[]);
  const res = parties.map((p) => p.reservation);
  const opts = space.sizes.map((s, i) => {
    const out: number[] = [];
    const mask = effect.allowed[i];
    for (let v = 0; v < s; v++) if (!mask || mask[v] === 1) out.push(v);
    return Int32Array.from(out);
  });
  if (opts.some((o) => o.length === 0)) return;
  const wide = redLines.filter((r) => r.condition.issues.length > 1);
  const sums = new Float64Array((n + 1) * k);
  const pos = new Int32Array(n);
  const o = new Array<number>(n).fill(0);
  const u = new Float64Array(k);
  // Fill partial sums from `level` on with the current positions.
  const refill = (level: number) => {
    for (let i = level; i < n; i++) {
      const v = (opts[i] as Int32Array)[pos[i] as number] as number;
      o[i] = v;
      for (let p = 0; p < k; p++)
        sums[(i + 1) * k + p] =
          (sums[i * k + p] as number) +
          (((tables[p] as readonly Float64Array[])[i] as Float64Array)[v] as number);
    }
  };
  refill(0);
  for (;;) {
    let ok = true;
    for (let p = 0; p < k && ok; p++) {
      const x = sums[n * k + p] as number;
      u[p] = x;
      ok = x >= (res[p] as number);
    }
    if (ok && wide.length > 0) for (const r of wide) if (r.condition.test(o)) ok = false;
    if (ok) fn(o, u);
    let i = n - 1;
    while (i >= 0) {
      const next = (pos[i] as number) + 1;
      if (next < (opts[i] as Int32Array).length) {
        pos[i] = next;
        break;
      }
      pos[i] = 0;
      i--;
    }
    if (i < 0) return;
    refill(i);
  }
}

/**
 * The frontier as NegMAS 0.15.7 reports it: same utility vectors, but among outcomes sharing a
 * vector the one NegMAS keeps, and NegMAS's order among equal welfares.
 *
 * NegMAS sorts the rational outcomes (in enumeration order) by welfare with numpy's unstable
 * quicksort, walks them from the highest welfare keeping the first outcome of each
 * non-dominated vector, then sorts the frontier by welfare again the same way. Ties therefore
 * follow numpy's partitioning, not any rule; this replays it with {@link numpyArgsort}. On the
 * 103 reference files it reproduces NegMAS's frontier exactly (outcomes and order). Enumerates
 * the space (up to `limit` outcomes); when no vector has several outcomes nothing changes.
 */
export function negmasOrder(
  problem: AnalysisProblem,
  frontier: readonly FrontierPoint[],
  limit: number,
): NegmasOrder {
  if (frontier.length === 0) return { points: [], status: 'no-ties' };
  if (problem.space.count > BigInt(limit)) return { points: [...frontier], status: 'too-large' };
  const byWelfare = new Map<number, number[]>();
  frontier.forEach((p, i) => {
    const w = welfareOf(p.utilities);
    const list = byWelfare.get(w);
    if (list) list.push(i);
    else byWelfare.set(w, [i]);
  });
  let welfare = new Float64Array(1024);
  let size = 0;
  // Every outcome of each frontier vector, with its position among the rational outcomes.
  const twins: { position: number; outcome: number[] }[][] = frontier.map(() => []);
  const visit = (o: Outcome, u: ArrayLike<number>) => {
    const w = welfareOf(u);
    if (size === welfare.length) {
      const bigger = new Float64Array(size * 2);
      bigger.set(welfare);
      welfare = bigger;
    }
    const position = size;
    welfare[size++] = w;
    for (const i of byWelfare.get(w) ?? []) {
      const f = (frontier[i] as FrontierPoint).utilities;
      let same = true;
      for (let p = 0; p < u.length && same; p++) same = f[p] === u[p];
      if (same) (twins[i] as { position: number; outcome: number[] }[]).push({ position, outcome: [...o] });
    }
  };
  if (problem.additive) forEachAcceptableAdditive(problem, visit);
  else forEachAcceptable(problem, visit);
  if (twins.every((t) => t.length <= 1)) return { points: [...frontier], status: 'no-ties' };
  const order = numpyArgsort(welfare.subarray(0, size));
  // Position in NegMAS's walk: the reversed sort.
  const walk = new Int32Array(size);
  for (let t = 0; t < size; t++) walk[order[t] as number] = size - 1 - t;
  const chosen = frontier.map((p, i) => {
    let best: { position: number; outcome: number[] } | undefined;
    for (const c of twins[i] as { position: number; outcome: number[] }[])
      if (!best || (walk[c.position] as number) < (walk[best.position] as number)) best = c;
    return {
      point: best ? { outcome: best.outcome, utilities: p.utilities } : p,
      at: best ? (walk[best.position] as number) : 0,
    };
  });
  // The frontier in walk order, then NegMAS's final welfare sort (reversed numpy argsort).
  chosen.sort((a, b) => a.at - b.at);
  const final = numpyArgsort(Float64Array.from(chosen, (c) => welfareOf(c.point.utilities)));
  const points: FrontierPoint[] = [];
  for (let t = final.length - 1; t >= 0; t--)
    points.push((chosen[final[t] as number] as (typeof chosen)[number]).point);
  return { points, status: 'replayed' };
}
