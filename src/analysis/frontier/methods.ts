import { ConcordError } from '../../core/errors.js';
import { significant } from '../../core/significant.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Frontier, FrontierPoint } from '../types.js';
import { additiveFrontier } from './additive-frontier.js';
import { enumerateFrontier } from './brute-force.js';
import { hyperRectangleFrontier } from './hyperrectangle/index.js';
import type { FrontierAlgorithm, FrontierRun } from './method.js';
import { compareOutcomes, sortByWelfare } from './points.js';
import { separableInput } from './separable.js';

function additivePoints(
  problem: AnalysisProblem,
): { points: FrontierPoint[]; gap: number; ties: boolean } | string {
  const res = additiveFrontier(separableInput(problem));
  if (!res.ok) return res.reason;
  const n = problem.space.sizes.length;
  const k = res.cols.length;
  // Plain loops: thousands of points × dozens of issues, where Array.from is much slower.
  const points: FrontierPoint[] = new Array(res.count);
  for (let j = 0; j < res.count; j++) {
    const outcome = new Array<number>(n);
    for (let i = 0; i < n; i++) outcome[i] = res.outcomes[j * n + i] as number;
    const utilities = new Array<number>(k);
    for (let p = 0; p < k; p++) utilities[p] = (res.cols[p] as Float64Array)[j] as number;
    points[j] = { outcome, utilities };
  }
  return { points, gap: res.gap, ties: res.ties };
}

/** The exact merge of per-issue frontiers: every utility linear-additive, any space size. */
export const additiveMergeMethod: FrontierAlgorithm = {
  name: 'additive-merge',
  appliesTo: (problem) => problem.additive,
  run(problem): FrontierRun | string {
    if (!problem.additive)
      throw new ConcordError('not-additive', 'additive-merge needs linear-additive utilities');
    const merged = additivePoints(problem);
    if (typeof merged === 'string') return `additive merge gave up (${merged})`;
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
  },
};

/** Every outcome visited: any utility, spaces of at most `enumerationLimit` outcomes. */
export const enumerationMethod: FrontierAlgorithm = {
  name: 'enumeration',
  appliesTo: (problem, settings) => problem.space.count <= BigInt(settings.enumerationLimit),
  run: (problem) => ({ frontier: enumerateFrontier(problem), ties: true }),
};

/** Branch and bound over box terms: any size, exact unless the budget runs out (then a gap). */
export const hyperRectangleMethod: FrontierAlgorithm = {
  name: 'hyperrectangle-bnb',
  appliesTo: () => true,
  run(problem, settings): FrontierRun {
    const res = hyperRectangleFrontier(
      problem.space,
      problem.parties.map((p) => ({ utility: p.utility, reservationValue: p.reservation })),
      {
        budgetMs: settings.budgetMs,
        now: settings.now,
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
      ...(res.exact
        ? {}
        : { note: `search stopped at the budget; gap ${significant(res.gap ?? Number.POSITIVE_INFINITY)}` }),
    };
    return { frontier, ties: true };
  },
};

/**
 * The frontier methods, in the order `paretoFrontier` tries them: the first that applies runs;
 * one that gives up hands over to the next that applies. Adding a method here adds it to the
 * conformance suite too.
 */
export const FRONTIER_METHODS: readonly FrontierAlgorithm[] = [
  additiveMergeMethod,
  enumerationMethod,
  hyperRectangleMethod,
];
