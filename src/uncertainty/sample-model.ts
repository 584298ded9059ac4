import { conditionParts, type SearchModel, type SearchRedLine } from '../analysis/search/additive-plan.js';
import { ConcordError } from '../core/errors.js';
import { setWeightInPlace } from '../model/parameters.js';
import type { Scenario } from '../model/scenario.js';
import { issueNumberAt } from '../outcomes/issue.js';
import { createSpace, type OutcomeSpace } from '../outcomes/space.js';
import { compileCondition } from '../preferences/compile.js';
import { SPACE_CONSTRAINT } from '../preferences/problem.js';
import type { Condition, IssueCondition } from '../preferences/red-line.js';
import { evaluateValue } from '../preferences/value-function.js';
import type { ParameterPlan } from './parameter-plan.js';

interface PartyBase {
  readonly weights: readonly number[];
  /** `vals[i][v]`: the unweighted score of value v of issue i (0 when the issue is not scored). */
  readonly vals: readonly Float64Array[];
}

interface RedLineBase {
  readonly party: number;
  readonly index: number;
  readonly line: SearchRedLine;
  readonly forbid: Condition;
}

/**
 * The scenario compiled once for many draws: each draw's parameter values (from
 * {@link slotValues}) are written straight into the utility tables and red-line masks, with the
 * same arithmetic as `applyTargets` + `compileUtility`, so the search model equals
 * `searchModel(prepareProblem(instantiate(...)))` to the last bit, without building a scenario
 * per draw. Linear-additive utilities only (`not-additive` otherwise).
 */
export class SampleModel {
  readonly space: OutcomeSpace;
  readonly #plan: ParameterPlan;
  readonly #parties: readonly PartyBase[];
  readonly #redLines: readonly RedLineBase[];
  readonly #reservations: readonly number[];
  readonly #tables: Float64Array[][];
  readonly #weights: number[][];
  readonly #vals: Float64Array[][];

  constructor(scenario: Scenario, plan: ParameterPlan) {
    this.space = createSpace(scenario.issues);
    this.#plan = plan;
    const space = this.space;
    this.#parties = scenario.parties.map((p) => {
      const u = p.utility;
      if (u.kind !== 'linear-additive')
        throw new ConcordError('not-additive', `party "${p.name}" is not linear-additive`);
      return {
        weights: u.weights.slice(),
        vals: space.issues.map((issue, i) => {
          const fn = u.values[i];
          const size = space.sizes[i] as number;
          const t = new Float64Array(size);
          for (let v = 0; v < size; v++) t[v] = fn ? evaluateValue(fn, issueNumberAt(issue, v), v) : 0;
          return t;
        }),
      };
    });
    this.#redLines = scenario.parties.flatMap((p, party) =>
      p.redLines.map((r, index) => {
        const c = compileCondition(space, r.forbid);
        return {
          party,
          index,
          forbid: r.forbid,
          line: {
            party,
            id: r.id,
            issues: c.issues,
            mask: c.mask,
            test: c.test,
            parts: conditionParts(space, r.forbid, c),
          },
        };
      }),
    );
    // Feasibility constraints of the space come last, as in prepareProblem; nothing samples them.
    const constraints = (scenario.constraints ?? []).map((r, index): RedLineBase => {
      const c = compileCondition(space, r.forbid);
      const line = { party: SPACE_CONSTRAINT, id: r.id, issues: c.issues, mask: c.mask, test: c.test };
      return {
        party: SPACE_CONSTRAINT,
        index,
        forbid: r.forbid,
        line: { ...line, parts: conditionParts(space, r.forbid, c) },
      };
    });
    this.#redLines = [...this.#redLines, ...constraints];
    this.#reservations = scenario.parties.map((p) => p.reservationValue);
    this.#weights = this.#parties.map((p) => p.weights.slice());
    this.#vals = this.#parties.map((p) => p.vals.map((t) => t.slice()));
    this.#tables = this.#parties.map((p) => p.vals.map((t) => new Float64Array(t.length)));
  }

  /**
   * The search model for one set of slot values. Its tables are reused: valid until the next call.
   */
  model(values: Float64Array): SearchModel {
    const parties = this.#parties;
    const k = parties.length;
    const reservations = this.#reservations.slice();
    for (let p = 0; p < k; p++) {
      const base = parties[p] as PartyBase;
      const w = this.#weights[p] as number[];
      for (let i = 0; i < w.length; i++) w[i] = base.weights[i] as number;
      const vals = this.#vals[p] as Float64Array[];
      for (let i = 0; i < vals.length; i++) (vals[i] as Float64Array).set(base.vals[i] as Float64Array);
    }
    let dropped: Set<string> | undefined;
    let bounds: Map<string, Condition> | undefined;
    this.#plan.slots.forEach((slot, j) => {
      const x = values[j] as number;
      const t = slot.target;
      switch (t.kind) {
        case 'reservation':
          reservations[t.party] = x;
          break;
        case 'weight': {
          // The arithmetic of applyTargets, shared.
          setWeightInPlace(this.#weights[t.party] as number[], t.issue, x);
          break;
        }
        case 'value':
          ((this.#vals[t.party] as Float64Array[])[t.issue] as Float64Array)[t.option] = x;
          break;
        case 'red-line-active':
          if (x < 0.5) (dropped ??= new Set()).add(`${t.party}:${t.redLine}`);
          break;
        case 'red-line-bound': {
          const key = `${t.party}:${t.redLine}`;
          bounds ??= new Map();
          const rl = this.#redLines.find((r) => r.party === t.party && r.index === t.redLine) as RedLineBase;
          const before = (bounds.get(key) ?? rl.forbid) as IssueCondition;
          bounds.set(key, { ...before, [t.bound]: x });
          break;
        }
      }
    });
    for (let p = 0; p < k; p++) {
      const w = this.#weights[p] as number[];
      const vals = this.#vals[p] as Float64Array[];
      const tables = this.#tables[p] as Float64Array[];
      for (let i = 0; i < tables.length; i++) {
        const t = tables[i] as Float64Array;
        const s = vals[i] as Float64Array;
        const wi = w[i] ?? 0;
        for (let v = 0; v < t.length; v++) t[v] = wi * (s[v] as number);
      }
    }
    const redLines: SearchRedLine[] = [];
    for (const r of this.#redLines) {
      const key = `${r.party}:${r.index}`;
      if (dropped?.has(key)) continue;
      const moved = bounds?.get(key);
      if (!moved) {
        redLines.push(r.line);
        continue;
      }
      const c = compileCondition(this.space, moved);
      redLines.push({
        party: r.party,
        id: r.line.id,
        issues: c.issues,
        mask: c.mask,
        test: c.test,
        parts: [{ issues: c.issues, mask: c.mask, test: c.test }],
      });
    }
    return { sizes: this.space.sizes, tables: this.#tables, reservations, redLines };
  }
}
