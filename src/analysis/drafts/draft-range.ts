import type { Scenario } from '../../model/scenario.js';
import { type AnalysisProblem, prepareProblem, SPACE_CONSTRAINT } from '../../preferences/problem.js';
import type { Draft } from '../../record/types.js';
import { makePlan, type SearchModel, type SearchRedLine, searchModel } from '../search/additive-plan.js';
import { search } from '../search/additive-search.js';
import { draftFixed } from './draft-evaluation.js';

/**
 * One party's best and worst case over every completion of a partial draft: the range of its
 * utility and whether it accepts under its best and under its worst completion. A completion is
 * any assignment of the open issues that crosses no feasibility constraint of the space (red
 * lines of other parties are ignored: they decide whether *they* accept, not what can be
 * written). `undefined` utility when no completion is feasible (then it accepts in no case).
 */
export interface CompletionBounds {
  readonly utility: readonly [number, number] | undefined;
  /** Some completion gives it at least its reservation and crosses none of its red lines. */
  readonly acceptsBest: boolean;
  /** Every completion does. */
  readonly acceptsWorst: boolean;
}

/** The party's own view: its table alone (negated for a minimum), with the constraints and `extra` red lines. */
export function oneParty(
  model: SearchModel,
  party: number,
  reservation: number,
  sign: 1 | -1,
  extra: readonly SearchRedLine[],
): SearchModel {
  const t = model.tables[party] as readonly Float64Array[];
  return {
    sizes: model.sizes,
    // Negation is exact in floating point, so −max(−u) is min(u) to the last bit.
    tables: [sign === 1 ? t : t.map((x) => x.map((v) => -v))],
    reservations: [reservation],
    redLines: [...model.redLines.filter((r) => r.party === SPACE_CONSTRAINT), ...extra],
  };
}

/** The outcomes a red line does not forbid, as a red line (so a search finds completions that cross it). */
export function complement(r: SearchRedLine): SearchRedLine {
  const mask = r.mask ? r.mask.map((m) => 1 - m) : undefined;
  const test = (o: readonly number[]) => !r.test(o);
  return {
    party: r.party,
    id: `not ${r.id}`,
    issues: r.issues,
    mask,
    test,
    parts: [{ issues: r.issues, mask, test }],
  };
}

/**
 * Exact best and worst case of `party` over the completions of `fixed` (value index per issue,
 * −1 open), by branch and bound on the additive model (one search for each end of the utility
 * range, one for the best case's acceptance, one per own red line for the worst case's).
 */
export function completionBounds(
  model: SearchModel,
  fixed: readonly number[],
  party: number,
): CompletionBounds {
  const r = model.reservations[party] as number;
  const own = model.redLines.filter((x) => x.party === party);
  const best = (m: SearchModel) => search(makePlan(m, { fixed }), { kind: 'utility', party: 0 });
  const hi = best(oneParty(model, party, Number.NEGATIVE_INFINITY, 1, []));
  if (!hi) return { utility: undefined, acceptsBest: false, acceptsWorst: false };
  const lo = -(best(oneParty(model, party, Number.NEGATIVE_INFINITY, -1, [])) as { value: number }).value;
  const acceptsBest =
    search(makePlan(oneParty(model, party, r, 1, own), { fixed }), { kind: 'exists' }) !== undefined;
  const acceptsWorst =
    lo >= r &&
    own.every(
      (x) =>
        search(makePlan(oneParty(model, party, Number.NEGATIVE_INFINITY, 1, [complement(x)]), { fixed }), {
          kind: 'exists',
        }) === undefined,
    );
  return { utility: [lo, hi.value], acceptsBest, acceptsWorst };
}

/**
 * Every party's {@link completionBounds} for a draft of a scenario, in party order (additive
 * utilities; `not-additive` otherwise).
 */
export function draftBounds(input: Scenario | AnalysisProblem, draft: Draft): CompletionBounds[] {
  const problem = prepareProblem(input);
  const model = searchModel(problem);
  const fixed = draftFixed(problem.space, draft);
  return problem.parties.map((_, p) => completionBounds(model, fixed, p));
}
