/** Result types of the issue zones and the helpers both of their methods share. */
import { type Issue, type IssueValue, issueValueAt } from '../../outcomes/issue.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import { redLineOwner } from '../../preferences/space-constraints.js';

/** Why a value of an issue appears in no agreement-zone outcome. */
export type ExclusionReason =
  /** A red line forbids the value whatever the other issues are. */
  | { readonly kind: 'red-line'; readonly party: string; readonly redLine: string }
  /** Every outcome with this value crosses some red line (no single one forbids it outright). */
  | { readonly kind: 'red-lines' }
  /** Even the party's best outcome with this value (crossing no red line) is below its reservation. */
  | {
      readonly kind: 'reservation';
      readonly party: string;
      readonly best: number;
      readonly reservation: number;
    }
  /** Each party alone could accept some outcome with this value, but no single outcome suits all. */
  | { readonly kind: 'joint' };

export interface ExcludedValue {
  readonly index: number;
  readonly value: IssueValue;
  readonly reasons: readonly ExclusionReason[];
}

/** The zone of possible agreement on one issue. */
export interface IssueZone {
  readonly issue: string;
  readonly kind: Issue['kind'];
  /** Value indices that appear in at least one agreement-zone outcome, ascending. */
  readonly feasibleIndices: readonly number[];
  readonly feasible: readonly IssueValue[];
  /** Numeric issues with a feasible value: the smallest and largest, and whether every grid value between is feasible. */
  readonly range?: { readonly min: number; readonly max: number; readonly contiguous: boolean };
  readonly excluded: readonly ExcludedValue[];
}

export interface IssueZones {
  readonly issues: readonly IssueZone[];
  /** False when some value could not be decided (then counted as feasible) or was not computed. */
  readonly exact: boolean;
  readonly method: 'additive' | 'enumeration' | 'ranges' | 'not-computed';
  readonly note?: string;
}

export function buildZones(
  problem: AnalysisProblem,
  feasible: Uint8Array[],
  reasons: ExclusionReason[][][],
): IssueZone[] {
  return problem.space.issues.map((issue, j) => {
    const f = feasible[j] as Uint8Array;
    const feasibleIndices: number[] = [];
    const excluded: ExcludedValue[] = [];
    for (let v = 0; v < f.length; v++) {
      if (f[v] === 1) feasibleIndices.push(v);
      else
        excluded.push({
          index: v,
          value: issueValueAt(issue, v),
          reasons: (reasons[j] as ExclusionReason[][])[v] ?? [],
        });
    }
    const zone: IssueZone = {
      issue: issue.name,
      kind: issue.kind,
      feasibleIndices,
      feasible: feasibleIndices.map((v) => issueValueAt(issue, v)),
      excluded,
    };
    if (issue.kind === 'discrete' || feasibleIndices.length === 0) return zone;
    const lo = feasibleIndices[0] as number;
    const hi = feasibleIndices[feasibleIndices.length - 1] as number;
    return {
      ...zone,
      range: {
        min: issueValueAt(issue, lo) as number,
        max: issueValueAt(issue, hi) as number,
        contiguous: hi - lo + 1 === feasibleIndices.length,
      },
    };
  });
}

/** Red lines that forbid value v of issue j whatever the other issues are. */
export function redLineReasons(problem: AnalysisProblem, j: number, v: number): ExclusionReason[] {
  const out: ExclusionReason[] = [];
  const { sizes } = problem.space;
  for (const r of problem.redLines) {
    const c = r.condition;
    if (!c.issues.includes(j)) continue;
    let always: boolean;
    if (c.mask) always = c.mask[v] === 1;
    else {
      const others = c.issues.filter((i) => i !== j);
      let combos = 1;
      for (const i of others) combos *= sizes[i] as number;
      if (combos > 100_000) continue;
      const probe = sizes.map(() => 0);
      probe[j] = v;
      always = true;
      for (let t = 0; t < combos && always; t++) {
        let x = t;
        for (const i of others) {
          probe[i] = x % (sizes[i] as number);
          x = Math.floor(x / (sizes[i] as number));
        }
        if (!c.test(probe)) always = false;
      }
    }
    if (always)
      out.push({
        kind: 'red-line',
        party: redLineOwner(problem, r),
        redLine: r.id,
      });
  }
  return out;
}
