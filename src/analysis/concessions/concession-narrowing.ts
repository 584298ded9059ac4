import type { IssueValue } from '../../outcomes/issue.js';
import type { OutcomeSpace } from '../../outcomes/space.js';
import { compileCondition } from '../../preferences/compile.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Condition } from '../../preferences/red-line.js';
import { conditionParts, type SearchModel, type SearchRedLine } from '../search/additive-plan.js';
import { fmtValueOf } from './concession-value.js';

/**
 * A partial relaxation of a red line: one value taken out of an `in` list, or one alternative
 * out of a top-level `any` — the party keeps the rest of the line (accepts de facto control
 * but not recognition; accepts recognition of one region but not the others).
 */
export interface Narrowing {
  /** Position in `model.redLines`. */
  readonly redLine: number;
  /** What the party would now accept, in words (e.g. `Crimea = recognised Russian`). */
  readonly admits: string;
  /** Share of the red line's alternatives given up (1 / number of alternatives). */
  readonly size: number;
  /** The red line's condition after the change. */
  readonly forbid: Condition;
  readonly line: SearchRedLine;
}

const describeLeaf = (c: Condition): string =>
  'issue' in c && c.in ? `${c.issue} = ${c.in.map((v) => fmtValueOf(v)).join(' or ')}` : JSON.stringify(c);

/** Alternatives of a condition: the parts of a top-level `any`, or the values of a one-issue `in` list. */
function alternatives(c: Condition): { readonly rest: Condition; readonly admits: string }[] {
  if ('any' in c && c.any.length > 1)
    return c.any.map((part, k) => ({
      rest: { any: c.any.filter((_, j) => j !== k) },
      admits: describeLeaf(part),
    }));
  if ('issue' in c && c.in && c.in.length > 1 && Object.keys(c).length === 2)
    return c.in.map((v: IssueValue) => ({
      rest: { issue: c.issue, in: c.in?.filter((x) => x !== v) ?? [] },
      admits: `${c.issue} = ${fmtValueOf(v)}`,
    }));
  return [];
}

/** Every one-step narrowing of every party red line (constraints of the space are not anyone's to narrow). */
export function narrowings(problem: AnalysisProblem, space: OutcomeSpace, model: SearchModel): Narrowing[] {
  const out: Narrowing[] = [];
  problem.redLines.forEach((r, idx) => {
    if (r.party < 0) return;
    const alts = alternatives(r.forbid);
    const old = model.redLines[idx] as SearchRedLine;
    for (const a of alts) {
      const c = compileCondition(space, a.rest);
      out.push({
        redLine: idx,
        admits: a.admits,
        size: 1 / alts.length,
        forbid: a.rest,
        line: {
          ...old,
          issues: c.issues,
          mask: c.mask,
          test: c.test,
          parts: conditionParts(space, a.rest, c),
        },
      });
    }
  });
  return out;
}
