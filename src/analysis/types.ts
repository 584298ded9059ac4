import type { Scenario } from '../model/scenario.js';
import type { AnalysisProblem } from '../preferences/problem.js';

/** One point of a Pareto frontier: an outcome (value index per issue) and its utilities. */
export interface FrontierPoint {
  /** Value index per issue (see `nameOutcome` to spell it out). */
  readonly outcome: readonly number[];
  /** Utility per party, in party order. */
  readonly utilities: readonly number[];
}

/** How a frontier was found. */
export type FrontierMethod = 'additive-merge' | 'enumeration' | 'hyperrectangle-bnb' | 'refused';

/**
 * A Pareto frontier of the rational outcomes that cross no red line, one point per distinct
 * utility vector, sorted by welfare (Σu) descending, ties in enumeration order.
 */
export interface Frontier {
  readonly points: readonly FrontierPoint[];
  readonly method: FrontierMethod;
  /** True when `points` is the exact frontier. */
  readonly exact: boolean;
  /**
   * When not exact: every missed frontier point lies within `gap` (in every party's utility) of
   * a returned point (`Infinity` when nothing is known).
   */
  readonly gap?: number;
  /** Why the result is not exact, or how it was obtained, in one sentence. */
  readonly note?: string;
}

/** A scenario, or a problem already prepared from one (see `prepareProblem`). */
export type ProblemInput = Scenario | AnalysisProblem;
