import { ConcordError } from '../core/errors.js';
import { significant } from '../core/significant.js';
import { additiveFrontier } from './additive-frontier.js';
import { enumerateFrontier } from './brute-force.js';
import { hyperRectangleFrontier } from './hyperrectangle/index.js';
import { negmasOrder } from './negmas-order.js';
import { compareOutcomes, sortByWelfare } from './points.js';
import { type AnalysisProblem, type ProblemInput, prepareProblem } from './problem.js';
import { separableInput } from './separable.js';
import type { Frontier, FrontierPoint } from './types.js';

/** Options of {@link paretoFrontier}; every field has a default. */
export interface FrontierOptions {
  /**
   * `auto` (default): the exact additive merge when every utility is linear-additive; otherwise
   * enumeration when the space has at most `enumerationLimit` outcomes; otherwise the
   * hyper-rectangle branch and bound within `budgetMs`.
   */
  readonly method?: 'auto' | 'additive-merge' | 'enumeration';
  /** Largest space enumerated when no faster exact method applies; default 4,000,000. */
  readonly enumerationLimit?: number;
  /**
   * Which outcome stands for a utility vector several outcomes share. `negmas` (default): the
   * one NegMAS keeps — an artefact of numpy's unstable sort, replayed exactly (also NegMAS's
   * order among equal welfares) when the space has at most `enumerationLimit` outcomes and some
   * vector is shared; otherwise, and with `first`, the first such outcome in enumeration order
   * (ties in welfare then in enumeration order too).
   */
  readonly representative?: 'negmas' | 'first';
  /** Time for methods that may stop early (hyper-rectangle search); default 10,000 ms. */
  readonly budgetMs?: number;
  /**
   * The clock for `budgetMs` (the library never reads one itself), e.g. `performance.now`.
   * Default: a counter that advances 0.001 ms per call, so budgets bound work, not time.
   */
  readonly now?: () => number;
}

export const FRONTIER_DEFAULTS = {
  method: 'auto',
  enumerationLimit: 4_000_000,
  budgetMs: 10_000,
} as const;

/** A clock that counts its calls: deterministic, for when the caller gives none. */
export function tickClock(): () => number {
  let t = 0;
  return () => {
    t += 0.001;
    return t;
  };
}

function additivePoints(
  problem: AnalysisProblem,
): { points: FrontierPoint[]; gap: number; ties: boolean } | string {
  const res = additiveFrontier(separableInput(problem));
  if (!res.ok) return res.reason;
  const n = problem.space.sizes.length;
  const points = Array.from({ length: res.count }, (_, j) => ({
    outcome: Array.from(res.outcomes.subarray(j * n, (j + 1) * n)),
    utilities: res.cols.map((c) => c[j] as number),
  }));
  return { points, gap: res.gap, ties: res.ties };
}

/**
 * The Pareto frontier of the outcomes that cross no red line and that every party rates at or
 * above its reservation value: one point per distinct utility vector (vectors equal as floats —
 * no tolerance, as NegMAS), sorted by welfare Σu descending. Dominance is exact: `a` dominates
 * `b` when `a_i >= b_i` for every party and they differ. Utilities are summed in issue order,
 * bit-identical to `compileUtility` (and to NegMAS on GENIUS files).
 *
 * Among outcomes sharing a vector, NegMAS's choice is kept by default (see
 * `FrontierOptions.representative`), with NegMAS's order among equal welfares; otherwise the
 * first outcome in enumeration order, and equal welfares in enumeration order.
 *
 * @example
 * const f = paretoFrontier(scenario);
 * f.points[0]; // { outcome: [2, 0, 0], utilities: [1.00005, 0.8151] }
 * f.method; // 'additive-merge'
 */
export function paretoFrontier(input: ProblemInput, options: FrontierOptions = {}): Frontier {
  const problem = prepareProblem(input);
  const { frontier, ties } = computeFrontier(problem, options);
  if ((options.representative ?? 'negmas') === 'first' || !frontier.exact || !ties) return frontier;
  return withNegmasChoices(problem, frontier, options.enumerationLimit ?? FRONTIER_DEFAULTS.enumerationLimit);
}

/**
 * Replays NegMAS's choice among outcomes sharing a frontier vector (see {@link negmasOrder})
 * when the space has at most `limit` outcomes.
 */
export function withNegmasChoices(problem: AnalysisProblem, found: Frontier, limit: number): Frontier {
  if (problem.space.count > BigInt(limit)) return found;
  const replay = negmasOrder(problem, found.points, limit);
  return replay.status === 'replayed' ? { ...found, points: replay.points } : found;
}

/** The frontier, and whether some outcomes may share a vector (false only when certain). */
function computeFrontier(
  problem: AnalysisProblem,
  options: FrontierOptions,
): { frontier: Frontier; ties: boolean } {
  const method = options.method ?? FRONTIER_DEFAULTS.method;
  const limit = options.enumerationLimit ?? FRONTIER_DEFAULTS.enumerationLimit;
  const small = problem.space.count <= BigInt(limit);
  if (method === 'enumeration') return { frontier: enumerateFrontier(problem), ties: true };
  let note: string | undefined;
  if (problem.additive || method === 'additive-merge') {
    if (!problem.additive)
      throw new ConcordError('not-additive', 'additive-merge needs linear-additive utilities');
    const merged = additivePoints(problem);
    if (typeof merged !== 'string') {
      const points = sortByWelfare(merged.points);
      if (merged.gap === 0)
        return { frontier: { points, method: 'additive-merge', exact: true }, ties: merged.ties };
      const frontier: Frontier = {
        points,
        method: 'additive-merge',
        exact: false,
        gap: merged.gap,
        note: `the frontier has too many points to list; an ε-Pareto set is listed (every frontier point clear of the reservations by ${merged.gap} is within that of a listed one, in every party's utility)`,
      };
      return { frontier, ties: merged.ties };
    }
    note = `additive merge gave up (${merged})`;
    if (small) return { frontier: { ...enumerateFrontier(problem), note }, ties: true };
  } else if (small) return { frontier: enumerateFrontier(problem), ties: true };
  const res = hyperRectangleFrontier(
    problem.space,
    problem.parties.map((p) => ({ utility: p.utility, reservationValue: p.reservation })),
    {
      budgetMs: options.budgetMs ?? FRONTIER_DEFAULTS.budgetMs,
      now: options.now ?? tickClock(),
      redLines: problem.redLines.map((r) => r.forbid),
    },
  );
  const points = sortByWelfare(
    res.points
      .map((p) => ({ outcome: [...p.outcome], utilities: [...p.utilities] }))
      .sort((a, b) => compareOutcomes(a.outcome, b.outcome)),
  );
  const frontier: Frontier = {
    points,
    method: 'hyperrectangle-bnb',
    exact: res.exact,
    ...(res.exact ? {} : { gap: res.gap ?? Number.POSITIVE_INFINITY }),
    ...(note
      ? { note }
      : res.exact
        ? {}
        : { note: `search stopped at the budget; gap ${significant(res.gap ?? Number.POSITIVE_INFINITY)}` }),
  };
  return { frontier, ties: true };
}
