import { type AnalysisProblem, prepareProblem } from '../../preferences/problem.js';
import { negmasOrder } from '../solutions/negmas-order.js';
import type { Frontier, ProblemInput } from '../types.js';
import type { FrontierAlgorithm, FrontierRun, FrontierSettings } from './method.js';
import { FRONTIER_METHODS } from './methods.js';

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

/**
 * The frontier, and whether some outcomes may share a vector (false only when certain): the
 * method named in the options, or else the first registered one that applies; a method that
 * gives up hands over to the next registered one that applies, its reason kept as the note.
 */
function computeFrontier(problem: AnalysisProblem, options: FrontierOptions): FrontierRun {
  const settings: FrontierSettings = {
    enumerationLimit: options.enumerationLimit ?? FRONTIER_DEFAULTS.enumerationLimit,
    budgetMs: options.budgetMs ?? FRONTIER_DEFAULTS.budgetMs,
    now: options.now ?? tickClock(),
  };
  const named = options.method ?? FRONTIER_DEFAULTS.method;
  const first = named === 'auto' ? -1 : FRONTIER_METHODS.findIndex((m) => m.name === named);
  let note: string | undefined;
  for (let i = Math.max(0, first); i < FRONTIER_METHODS.length; i++) {
    const method = FRONTIER_METHODS[i] as FrontierAlgorithm;
    if (i !== first && !method.appliesTo(problem, settings)) continue;
    const run = method.run(problem, settings);
    if (typeof run === 'string') {
      note = run;
      continue;
    }
    return note === undefined ? run : { ...run, frontier: { ...run.frontier, note } };
  }
  // The last registered method applies to every problem and never gives up.
  throw new Error(`no frontier method for this problem (${note ?? 'none applies'})`);
}
