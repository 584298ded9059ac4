import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Frontier, FrontierMethod } from '../types.js';

/** What every frontier method is given: the options of `paretoFrontier`, defaults applied. */
export interface FrontierSettings {
  /** Largest space enumerated when no faster exact method applies. */
  readonly enumerationLimit: number;
  /** Time for methods that may stop early. */
  readonly budgetMs: number;
  /** The clock for `budgetMs`. */
  readonly now: () => number;
}

/** A frontier found, and whether some outcomes may share a vector (false only when certain). */
export interface FrontierRun {
  readonly frontier: Frontier;
  readonly ties: boolean;
}

/**
 * One way to find the Pareto frontier (as `paretoFrontier` defines it: rational outcomes that
 * cross no red line, one point per distinct vector, sorted by welfare descending).
 * `paretoFrontier` runs the first method of `FRONTIER_METHODS` that applies; one that gives up
 * hands over to the next that applies, its reason kept as the frontier's note. Every registered
 * method passes the same conformance suite against brute force (test/frontier-conformance.test.ts).
 */
export interface FrontierAlgorithm {
  /** The name the frontier reports (`Frontier.method`). */
  readonly name: Exclude<FrontierMethod, 'refused'>;
  /** Whether the method is the one to use for this problem when the caller names none. */
  appliesTo(problem: AnalysisProblem, settings: FrontierSettings): boolean;
  /**
   * The frontier, or one sentence saying why the method gave up. Throws a `ConcordError` when
   * asked by name for a problem it cannot handle at all.
   */
  run(problem: AnalysisProblem, settings: FrontierSettings): FrontierRun | string;
}
