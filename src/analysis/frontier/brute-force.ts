import { ConcordError } from '../../core/errors.js';
import { forEachOutcome, type Outcome } from '../../outcomes/space.js';
import { type AnalysisProblem, prepareProblem } from '../../preferences/problem.js';
import type { Frontier, FrontierPoint, ProblemInput } from '../types.js';
import { nonDominatedNaive } from './pareto-naive.js';
import { nonDominated } from './pareto-nd.js';
import { PointBuffer, sortByWelfare } from './points.js';

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
  /** Refuse spaces with more outcomes than this (`too-many-outcomes`); default 10^9. */
  readonly limit?: number;
}

/** Largest space any function enumerates when asked to explicitly. */
export const ENUMERATION_CEILING = 1_000_000_000;

/** Throws `too-many-outcomes` rather than start an enumeration that would not end. */
export function assertEnumerable(problem: AnalysisProblem, limit = ENUMERATION_CEILING): void {
  if (problem.space.count > BigInt(limit))
    throw new ConcordError(
      'too-many-outcomes',
      `refusing to enumerate ${problem.space.count} outcomes (more than ${limit})`,
    );
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
  assertEnumerable(problem, options.limit);
  const collector = new FrontierCollector(problem, options);
  forEachAcceptable(problem, (o, u) => collector.add(o, u));
  return { points: collector.finish(), method: 'enumeration', exact: true };
}

/**
 * Gathers the frontier outcome by outcome: acceptable outcomes (rational, no red line crossed)
 * in enumeration order go in; every `chunk` of them the kept set is filtered again (a point
 * dominated within a chunk is dominated overall, so memory stays bounded).
 */
export class FrontierCollector {
  private readonly buffer: PointBuffer;
  private readonly naive: boolean;
  private readonly chunk: number;
  private filtered = 0;
  constructor(problem: AnalysisProblem, options: EnumerationOptions = {}) {
    this.buffer = new PointBuffer(problem.parties.length, problem.space.sizes.length);
    this.naive = options.filter === 'naive';
    this.chunk = options.chunk ?? 1 << 20;
  }

  add(outcome: Outcome, utilities: ArrayLike<number>): void {
    const b = this.buffer;
    b.push(utilities, outcome);
    if (!this.naive && b.size - this.filtered >= this.chunk) {
      b.keep(nonDominated(b.cols, b.size));
      this.filtered = b.size;
    }
  }

  /** The frontier, sorted by welfare descending (ties in enumeration order). */
  finish(): FrontierPoint[] {
    const b = this.buffer;
    b.keep(this.naive ? nonDominatedNaive(b.cols, b.size) : nonDominated(b.cols, b.size));
    return sortByWelfare(Array.from({ length: b.size }, (_, i) => b.point(i)));
  }
}
