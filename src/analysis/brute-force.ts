import { forEachOutcome, type Outcome } from '../outcomes/space.js';
import { nonDominatedNaive } from './pareto-naive.js';
import { nonDominated } from './pareto-nd.js';
import { PointBuffer, sortByWelfare } from './points.js';
import { type AnalysisProblem, type ProblemInput, prepareProblem } from './problem.js';
import type { Frontier } from './types.js';

/** Whether an outcome crosses no party's red line. */
export function crossesNoRedLine(problem: AnalysisProblem, outcome: Outcome): boolean {
  for (const r of problem.redLines) if (r.condition.test(outcome)) return false;
  return true;
}

/**
 * Calls `fn(outcome, utilities)` for every outcome that crosses no red line and that every party
 * rates at or above its reservation value, in enumeration order. Arrays are reused.
 */
export function forEachAcceptable(
  problem: AnalysisProblem,
  fn: (outcome: Outcome, utilities: Float64Array) => void,
): void {
  const k = problem.parties.length;
  const u = new Float64Array(k);
  const evals = problem.parties.map((p) => p.compiled);
  const res = problem.parties.map((p) => p.reservation);
  forEachOutcome(problem.space, (o) => {
    for (let p = 0; p < k; p++) {
      const x = (evals[p] as (typeof evals)[number]).evaluate(o);
      if (!(x >= (res[p] as number))) return;
      u[p] = x;
    }
    if (crossesNoRedLine(problem, o)) fn(o, u);
  });
}

export interface EnumerationOptions {
  /** `naive` compares every pair (the test oracle); `fast` (default) filters in chunks. */
  readonly filter?: 'naive' | 'fast';
  /** Candidates gathered before each filtering pass (fast filter); default 2^20. */
  readonly chunk?: number;
}

/**
 * The brute-force reference: enumerates every outcome, keeps those that cross no red line and
 * are rational for every party (`u_i >= reservation_i`), and returns the non-dominated ones,
 * identical utility vectors collapsed to the first in enumeration order, sorted by welfare
 * descending (ties in enumeration order). Exact; time and memory grow with the space.
 *
 * @example
 * enumerateFrontier(scenario).points[0]; // { outcome: [2, 0, 0], utilities: [1, 0.815] }
 */
export function enumerateFrontier(input: ProblemInput, options: EnumerationOptions = {}): Frontier {
  const problem = prepareProblem(input);
  const k = problem.parties.length;
  const n = problem.space.sizes.length;
  const buffer = new PointBuffer(k, n);
  const naive = options.filter === 'naive';
  const chunk = options.chunk ?? 1 << 20;
  let filtered = 0;
  forEachAcceptable(problem, (o, u) => {
    buffer.push(u, o);
    if (!naive && buffer.size - filtered >= chunk) {
      buffer.keep(nonDominated(buffer.cols, buffer.size));
      filtered = buffer.size;
    }
  });
  buffer.keep(naive ? nonDominatedNaive(buffer.cols, buffer.size) : nonDominated(buffer.cols, buffer.size));
  const points = Array.from({ length: buffer.size }, (_, i) => buffer.point(i));
  return { points: sortByWelfare(points), method: 'enumeration', exact: true };
}
