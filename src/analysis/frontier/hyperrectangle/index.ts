/**
 * Exact Pareto frontiers for utilities that are sums of box terms: hyper-rectangle utilities
 * (ANAC 2014), linear-additive ones (each table entry a one-issue box), or any mix.
 *
 * How (each step exact):
 * 1. `terms`: every party's utility as a constant, unary tables and multi-issue boxes.
 * 2. `reduce`: values no term tells apart become one class; a class weakly worse than another
 *    for every party in every context is dropped (it can only give dominated or repeated
 *    vectors). On ANAC 2014 this takes 10^10..10^40 outcomes down to 10^3..10^12 combinations.
 * 3. `components`: issues linked by boxes form independent components, solved apart and merged
 *    by Minkowski sum and filter (`merge`).
 * 4. `search`/`engine`: per component, a depth-first multi-objective branch and bound with
 *    dynamic variable ordering; the bound charges each undecided box to one unset variable and
 *    takes, per weight row (each party, and mixes), the best class of every unset variable; a
 *    node is cut when every corner of the archive's non-dominated region (`archive`, `corners`)
 *    is out of reach. Integer utilities are compared exactly (a better value is 1 higher).
 * 5. Anytime: past the budget it stops descending, returns what it has, and bounds how far a
 *    missed point can lie beyond it (`gap`) from the open nodes' bounds.
 */
export {
  type FrontierParty,
  type FrontierPoint,
  type HyperRectangleFrontierOptions,
  type HyperRectangleFrontierResult,
  type HyperRectangleFrontierStats,
  hyperRectangleFrontier,
} from './frontier.js';
