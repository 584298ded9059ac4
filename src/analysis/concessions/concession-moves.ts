import type { Scenario } from '../../model/scenario.js';
import { type Issue, issueNumberAt, issueSize } from '../../outcomes/issue.js';
import type { OutcomeSpace } from '../../outcomes/space.js';
import { compileCondition } from '../../preferences/compile.js';
import type { Condition, IssueCondition } from '../../preferences/red-line.js';
import { conditionParts, makePlan, type SearchModel, type SearchRedLine } from '../search/additive-plan.js';
import { search } from '../search/additive-search.js';

/** A bound of a one-issue red line. */
export type BoundKind = 'below' | 'above' | 'atMost' | 'atLeast';

/**
 * One change that may open an agreement zone, with the parameter path and value that make it
 * (`applyParameters(scenario, { [parameter]: value })`) and its size:
 * - `drop-red-line`: size 1;
 * - `move-bound`: the bound's move as a share of the issue's range, `|to − from| / (max − min)`;
 * - `lower-reservation`: the utility given up as a share of the party's utility range
 *   (over the draft's completions when there is a draft), `(from − to) / (max − min)`.
 */
export type Concession =
  | {
      readonly kind: 'drop-red-line';
      readonly party: string;
      readonly redLine: string;
      readonly parameter: string;
      readonly value: 0;
      readonly size: number;
    }
  | {
      readonly kind: 'move-bound';
      readonly party: string;
      readonly redLine: string;
      readonly issue: string;
      readonly bound: BoundKind;
      readonly from: number;
      readonly to: number;
      /** The value furthest into the old forbidden range that the moved bound now admits. */
      readonly admits: number;
      readonly parameter: string;
      readonly value: number;
      readonly size: number;
    }
  | {
      /** Part of a red line given up (one value of an `in` list, one alternative of an `any`); size: that share of the line. */
      readonly kind: 'narrow-red-line';
      readonly party: string;
      readonly redLine: string;
      readonly admits: string;
      /** The red line's condition after the change. */
      readonly forbid: Condition;
      readonly size: number;
    }
  | {
      readonly kind: 'lower-reservation';
      readonly party: string;
      readonly from: number;
      readonly to: number;
      readonly parameter: string;
      readonly value: number;
      readonly size: number;
    };

/** A one-issue red-line bound and the moves that relax it, nearest first (each admits one more grid value). */
export interface BoundChain {
  /** Position in `model.redLines`. */
  readonly redLine: number;
  readonly bound: BoundKind;
  readonly issue: Issue;
  readonly from: number;
  readonly moves: readonly { readonly to: number; readonly admits: number; readonly line: SearchRedLine }[];
}

/** The relaxing moves of every numeric bound of every one-issue red line. */
export function boundChains(scenario: Scenario, space: OutcomeSpace, model: SearchModel): BoundChain[] {
  const chains: BoundChain[] = [];
  const lines = scenario.parties.flatMap((p) => p.redLines);
  lines.forEach((r, idx) => {
    const f = r.forbid;
    if (!('issue' in f)) return;
    const issue = space.issues.find((x) => x.name === f.issue);
    if (!issue || issue.kind === 'discrete') return;
    const line = model.redLines[idx] as SearchRedLine;
    for (const bound of ['below', 'above', 'atMost', 'atLeast'] as const) {
      const from = f[bound];
      if (from === undefined) continue;
      const moves = relaxations(issue, bound, from).map(({ to, admits }) => {
        const forbid: IssueCondition = { ...f, [bound]: to };
        const c = compileCondition(space, forbid);
        return {
          to,
          admits,
          line: {
            ...line,
            issues: c.issues,
            mask: c.mask,
            test: c.test,
            parts: conditionParts(space, forbid, c),
          },
        };
      });
      if (moves.length > 0) chains.push({ redLine: idx, bound, issue, from, moves });
    }
  });
  return chains;
}

/** New bound values that admit one more grid value each, nearest first. */
function relaxations(issue: Issue, bound: BoundKind, b: number): { to: number; admits: number }[] {
  const m = issueSize(issue);
  const x = Array.from({ length: m }, (_, i) => issueNumberAt(issue, i));
  const step = m > 1 ? (x[1] as number) - (x[0] as number) : 1;
  const out: { to: number; admits: number }[] = [];
  if (bound === 'below' || bound === 'atMost') {
    // Forbids low values: lower the bound until each grid value is admitted.
    for (let j = m - 1; j >= 0; j--) {
      const v = x[j] as number;
      const forbidden = bound === 'below' ? v < b : v <= b;
      if (!forbidden) continue;
      out.push({ to: bound === 'below' ? v : j > 0 ? (x[j - 1] as number) : v - step, admits: v });
    }
  } else {
    for (let j = 0; j < m; j++) {
      const v = x[j] as number;
      const forbidden = bound === 'above' ? v > b : v >= b;
      if (!forbidden) continue;
      out.push({ to: bound === 'above' ? v : j < m - 1 ? (x[j + 1] as number) : v + step, admits: v });
    }
  }
  return out;
}

/** A copy of the model with one red line replaced, or dropped (`undefined`; positions are kept). */
export function withRedLine(model: SearchModel, index: number, line: SearchRedLine | undefined): SearchModel {
  const redLines = model.redLines.slice();
  const old = redLines[index] as SearchRedLine;
  redLines[index] = line ?? {
    party: old.party,
    id: old.id,
    issues: [],
    mask: undefined,
    test: () => false,
    parts: [],
  };
  return { ...model, redLines };
}

/** A copy of the model with one party's reservation changed. */
export function withReservation(model: SearchModel, party: number, r: number): SearchModel {
  const reservations = model.reservations.slice();
  reservations[party] = r;
  return { ...model, reservations };
}

/** Whether some completion of `fixed` is in the agreement zone. */
export function opens(model: SearchModel, fixed: readonly number[]): boolean {
  return search(makePlan(model, { fixed }), { kind: 'exists' }) !== undefined;
}

/** Index of the first move in a monotone chain that opens a zone (binary search), or -1. */
export function firstOpening(count: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = count - 1;
  if (count === 0 || !test(hi)) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Highest utility `party` can get over completions where every other party reaches its reservation (undefined: none). */
export function bestFor(model: SearchModel, fixed: readonly number[], party: number): number | undefined {
  return search(makePlan(model, { fixed }), { kind: 'utility', party })?.value;
}
