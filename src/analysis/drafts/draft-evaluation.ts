import { ConcordError } from '../../core/errors.js';
import type { Scenario } from '../../model/scenario.js';
import { type IssueValue, issueValueAt } from '../../outcomes/issue.js';
import { indexOutcome, type NamedOutcome, type OutcomeSpace } from '../../outcomes/space.js';
import { type AnalysisProblem, prepareProblem, SPACE_CONSTRAINT } from '../../preferences/problem.js';
import { redLineOwner } from '../../preferences/space-constraints.js';
import type { Draft } from '../../record/types.js';
import { makePlan, type SearchModel, searchModel } from '../search/additive-plan.js';
import { search } from '../search/additive-search.js';
import type { CompletionRule, DraftCompletion } from './completion.js';
import { enumerateCompletion, enumerateRange } from './draft-evaluation-enumerate.js';
import { fewestCrossings, fixedCrossings } from './fewest-crossings.js';
import { partialRange } from './partial-range.js';

export type { CompletionRule, DraftCompletion };

/** One party's view of a draft, completed. */
export interface DraftPartyEvaluation {
  readonly party: string;
  readonly utility: number;
  /** `utility − reservation`. */
  readonly gain: number;
  /** Ids of this party's red lines the completed draft crosses. */
  readonly redLinesCrossed: readonly string[];
  /** `utility ≥ reservation` and none of its own red lines crossed. */
  readonly accepts: boolean;
  /** Lowest and highest utility over every completion of the open issues (red lines ignored). */
  readonly range: readonly [number, number];
}

/** A draft completed on its open issues and evaluated for every party. */
export interface DraftEvaluation {
  readonly draft: string;
  /** The issues the draft fixes (union of its points' `sets`), with their values. */
  readonly fixed: NamedOutcome;
  /** The issues it leaves open, in scenario order. */
  readonly open: readonly string[];
  /** The values chosen for the open issues. */
  readonly completion: NamedOutcome;
  /** The whole outcome, value index per issue. */
  readonly outcome: readonly number[];
  readonly rule: CompletionRule;
  /** Said when the rule is `fewest-red-lines`. */
  readonly note?: string;
  /** `min_i (u_i − r_i)` of the completion. */
  readonly minGain: number;
  readonly parties: readonly DraftPartyEvaluation[];
  readonly redLinesCrossed: readonly { readonly party: string; readonly redLine: string }[];
  readonly acceptedByAll: boolean;
}

/** The value indices a draft fixes (-1: open); throws `conflicting-draft` when two points set one issue differently. */
export function draftFixed(space: OutcomeSpace, draft: Draft): number[] {
  const sets: Record<string, IssueValue> = {};
  for (const point of draft.points)
    for (const [issue, value] of Object.entries(point.sets ?? {})) {
      const before = sets[issue];
      if (before !== undefined && before !== value)
        throw new ConcordError(
          'conflicting-draft',
          `draft "${draft.name}" sets "${issue}" to both ${JSON.stringify(before)} and ${JSON.stringify(value)}`,
        );
      sets[issue] = value;
    }
  return indexOutcome(space, sets);
}

/**
 * The egalitarian completion of fixed issues on an additive model (branch and bound; no
 * enumeration): among completions crossing no red line, the one maximising `min_i (u_i − r_i)`,
 * ties going to the larger total gain (so the completion is not Pareto-dominated by another
 * egalitarian one); when every completion crosses one (always so when the fixed issues do), the
 * one crossing the fewest, egalitarian among those. Remaining ties: the search order.
 */
export function completeDraft(model: SearchModel, fixed: readonly number[]): DraftCompletion {
  const forced = fixedCrossings(model, fixed);
  const first = search(makePlan(model, { fixed, ignore: new Set(forced) }), { kind: 'maxmin' });
  if (first) {
    return {
      outcome: first.outcome,
      utilities: first.utilities,
      crossed: forced,
      rule: forced.length ? 'fewest-red-lines' : 'egalitarian',
    };
  }
  const found = fewestCrossings(model, { fixed });
  // Giving up every red line always leaves a completion for `maxmin`.
  const sets = found?.sets ?? [];
  let best = sets[0];
  const total = (u: readonly number[]) => u.reduce((a, x, i) => a + x - (model.reservations[i] as number), 0);
  for (const s of sets) {
    if (!best) break;
    const tie = s.result.value >= best.result.value - 1e-12;
    if (
      s.result.value > best.result.value + 1e-12 ||
      (tie && total(s.result.utilities) > total(best.result.utilities) + 1e-12)
    )
      best = s;
  }
  if (!best) throw new ConcordError('internal', 'no completion of the draft exists');
  const o = best.result.outcome;
  const crossed = model.redLines.flatMap((r, i) => (r.test(o) ? [i] : []));
  return { outcome: o, utilities: best.result.utilities, crossed, rule: 'fewest-red-lines' };
}

/**
 * Evaluates a draft: the issues its points fix, the open ones completed egalitarianly (see
 * {@link completeDraft}; by enumeration when some utility is not additive), each party's
 * utility, gain, red lines crossed, whether it accepts, and its utility range over all
 * completions. `draft` is a {@link Draft} or the name of one in `scenario.record`.
 *
 * @example
 * const e = evaluateDraft(scenario, '28-point plan');
 * e.parties.map((p) => [p.party, p.accepts]); // [['Russia', true], ['Ukraine', false], ...]
 * e.completion; // { withdrawal: 'partial', NATO: 'deferred', ... }
 */
export function evaluateDraft(input: Scenario | AnalysisProblem, draft: Draft | string): DraftEvaluation {
  const problem = prepareProblem(input);
  const d = typeof draft === 'string' ? findDraft(input, draft) : draft;
  const fixed = draftFixed(problem.space, d);
  const { space, parties } = problem;
  const done: DraftCompletion = problem.additive
    ? completeDraft(searchModel(problem), fixed)
    : enumerateCompletion(problem, fixed);
  const o = done.outcome;
  const crossedBy = parties.map(() => [] as string[]);
  const crossed = done.crossed.map((i) => {
    const r = problem.redLines[i] as AnalysisProblem['redLines'][number];
    // An impossible outcome (a constraint of the space crossed) is accepted by nobody.
    for (const [p, own] of crossedBy.entries())
      if (r.party === p || r.party === SPACE_CONSTRAINT) own.push(r.id);
    return { party: redLineOwner(problem, r), redLine: r.id };
  });
  const evaluations = parties.map((p, i): DraftPartyEvaluation => {
    const utility = done.utilities[i] as number;
    const own = crossedBy[i] as string[];
    return {
      party: p.name,
      utility,
      gain: utility - p.reservation,
      redLinesCrossed: own,
      accepts: utility >= p.reservation && own.length === 0,
      range: completionRange(problem, fixed, i),
    };
  });
  const named = (want: boolean): NamedOutcome =>
    Object.fromEntries(
      space.issues.flatMap((issue, i) =>
        (fixed[i] as number) >= 0 === want ? [[issue.name, issueValueAt(issue, o[i] as number)]] : [],
      ),
    );
  return {
    draft: d.name,
    fixed: named(true),
    open: space.issues.filter((_, i) => (fixed[i] as number) < 0).map((x) => x.name),
    completion: named(false),
    outcome: o,
    rule: done.rule,
    ...(done.rule === 'fewest-red-lines'
      ? {
          note: `every completion crosses a red line; this one crosses the fewest (${crossed.length})`,
        }
      : {}),
    minGain: Math.min(...evaluations.map((e) => e.gain)),
    parties: evaluations,
    redLinesCrossed: crossed,
    acceptedByAll: evaluations.every((e) => e.accepts),
  };
}

function findDraft(input: Scenario | AnalysisProblem, name: string): Draft {
  const drafts = 'record' in input ? (input.record?.drafts ?? []) : [];
  const d = drafts.find((x) => x.name === name);
  if (!d)
    throw new ConcordError(
      'unknown-draft',
      `no draft "${name}" (drafts: ${drafts.map((x) => x.name).join(', ') || 'none'})`,
    );
  return d;
}

/** Party i's lowest and highest utility over the completions (additive: per-issue extremes; else enumerated). */
function completionRange(
  problem: AnalysisProblem,
  fixed: readonly number[],
  i: number,
): readonly [number, number] {
  const p = problem.parties[i] as AnalysisProblem['parties'][number];
  if (!p.tables) return enumerateRange(problem, fixed, i);
  return partialRange(p.tables, fixed);
}
