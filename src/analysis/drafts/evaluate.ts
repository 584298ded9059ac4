import { ConcordError } from '../../core/errors.js';
import { indexOutcome, type NamedOutcome, type Outcome } from '../../outcomes/space.js';
import { prepareProblem, SPACE_CONSTRAINT } from '../../preferences/problem.js';
import { redLineOwner } from '../../preferences/space-constraints.js';
import { paretoFrontier } from '../frontier/frontier.js';
import type { FrontierPoint, ProblemInput } from '../types.js';
import { partialRange } from './partial-range.js';

/** One party's view of an outcome. */
export interface PartyEvaluation {
  readonly party: string;
  /** Utility of a complete outcome; for a partial one, see `range`. */
  readonly utility?: number;
  /** Partial outcome, linear-additive utility: the lowest and highest utility any completion gives. */
  readonly range?: readonly [number, number];
  /** `utility − reservation` (complete outcomes). */
  readonly gain?: number;
  /** Whether `utility >= reservation` (complete outcomes). */
  readonly acceptable?: boolean;
  /** Ids of this party's red lines the outcome crosses. */
  readonly redLinesCrossed: readonly string[];
}

/** What an outcome (a draft agreement, an offer) means for everyone. */
export interface OutcomeEvaluation {
  /** Value index per issue, -1 where missing. */
  readonly outcome: readonly number[];
  readonly complete: boolean;
  /** Names of the issues the outcome leaves open. */
  readonly missingIssues: readonly string[];
  readonly parties: readonly PartyEvaluation[];
  /** Every red line crossed, as party + red-line id (for a partial outcome: those already decided). */
  readonly redLinesCrossed: readonly { readonly party: string; readonly redLine: string }[];
  /** Complete outcomes: every party at or above its reservation and no red line crossed. */
  readonly inZone?: boolean;
  /** Complete outcomes: indices of the frontier points that dominate it (>= for all, > for one). */
  readonly dominatedBy?: readonly number[];
  /** Complete outcomes: whether its utility vector is a frontier point's. */
  readonly onFrontier?: boolean;
  /**
   * Complete outcomes: Euclidean distance, in raw utility units, from its utility vector to the
   * nearest frontier point (0 on the frontier; undefined when the frontier is empty).
   */
  readonly distanceToFrontier?: number;
  /** Index of that nearest frontier point. */
  readonly nearestFrontierIndex?: number;
}

export interface EvaluateOptions {
  /** The frontier, if already computed (otherwise {@link paretoFrontier} with defaults). */
  readonly frontier?: readonly FrontierPoint[];
}

/**
 * Evaluates a complete or partial outcome: each party's utility, gain over its reservation and
 * red lines crossed; whether it is in the agreement zone; the frontier points that dominate it
 * and its distance to the frontier. A partial outcome (a named outcome missing some issues, or
 * -1 indices) gets the missing issues and, for linear-additive utilities, each party's utility
 * range over its completions; red lines are reported when the given issues already decide them.
 *
 * @example
 * const e = evaluateOutcome(scenario, { price: 'high', warranty: '2y' }, { frontier: f.points });
 * e.parties[0].gain; // 0.12
 * e.distanceToFrontier; // 0.08
 */
export function evaluateOutcome(
  input: ProblemInput,
  outcome: Outcome | NamedOutcome,
  options: EvaluateOptions = {},
): OutcomeEvaluation {
  const problem = prepareProblem(input);
  const { space, parties } = problem;
  const n = space.sizes.length;
  let o: number[];
  if (Array.isArray(outcome)) {
    o = [...(outcome as Outcome)];
    if (o.length !== n)
      throw new ConcordError('bad-outcome', `outcome has ${o.length} values for ${n} issues`);
    o.forEach((v, i) => {
      if (!Number.isInteger(v) || v < -1 || v >= (space.sizes[i] as number))
        throw new ConcordError(
          'bad-outcome',
          `value index ${v} is out of range for issue "${space.issues[i]?.name}"`,
        );
    });
  } else o = indexOutcome(space, outcome as NamedOutcome);
  const missing = o.flatMap((v, i) => (v < 0 ? [(space.issues[i] as { name: string }).name] : []));
  const complete = missing.length === 0;

  const crossed: { party: string; redLine: string }[] = [];
  const crossedBy = parties.map(() => [] as string[]);
  for (const r of problem.redLines) {
    const decided = r.condition.issues.every((i) => (o[i] as number) >= 0);
    if (decided && r.condition.test(o)) {
      crossed.push({ party: redLineOwner(problem, r), redLine: r.id });
      for (const [p, own] of crossedBy.entries())
        if (r.party === p || r.party === SPACE_CONSTRAINT) own.push(r.id);
    }
  }

  if (!complete) {
    const evaluations = parties.map((p, i): PartyEvaluation => {
      const base = { party: p.name, redLinesCrossed: crossedBy[i] as string[] };
      if (!p.tables) return base;
      return { ...base, range: partialRange(p.tables, o) };
    });
    return { outcome: o, complete, missingIssues: missing, parties: evaluations, redLinesCrossed: crossed };
  }

  const utilities = parties.map((p) => p.compiled.evaluate(o));
  const evaluations = parties.map(
    (p, i): PartyEvaluation => ({
      party: p.name,
      utility: utilities[i] as number,
      gain: (utilities[i] as number) - p.reservation,
      acceptable: (utilities[i] as number) >= p.reservation,
      redLinesCrossed: crossedBy[i] as string[],
    }),
  );
  const inZone = crossed.length === 0 && evaluations.every((e) => e.acceptable);
  const frontier = options.frontier ?? paretoFrontier(problem).points;
  const dominatedBy: number[] = [];
  let onFrontier = false;
  let best = Number.POSITIVE_INFINITY;
  let nearest = -1;
  frontier.forEach((f, t) => {
    let geq = true;
    let same = true;
    let d2 = 0;
    f.utilities.forEach((x, i) => {
      const y = utilities[i] as number;
      if (x < y) geq = false;
      if (x !== y) same = false;
      d2 += (x - y) * (x - y);
    });
    if (same) onFrontier = true;
    else if (geq) dominatedBy.push(t);
    if (d2 < best) {
      best = d2;
      nearest = t;
    }
  });
  return {
    outcome: o,
    complete,
    missingIssues: missing,
    parties: evaluations,
    redLinesCrossed: crossed,
    inZone,
    dominatedBy,
    onFrontier,
    ...(nearest >= 0 ? { distanceToFrontier: Math.sqrt(best), nearestFrontierIndex: nearest } : {}),
  };
}
