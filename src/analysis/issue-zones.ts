import { type Issue, type IssueValue, issueValueAt } from '../outcomes/issue.js';
import { forEachOutcome, type Outcome } from '../outcomes/space.js';
import { additiveFrontier } from './additive-frontier.js';
import { assertEnumerable } from './brute-force.js';
import { FRONTIER_DEFAULTS, paretoFrontier } from './frontier.js';
import { type AnalysisProblem, type CompiledParty, type ProblemInput, prepareProblem } from './problem.js';
import { type RedLineEffect, redLineEffect, separableInput } from './separable.js';
import type { FrontierPoint } from './types.js';

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

export interface IssueZoneOptions {
  /** The frontier if already computed (used for quick witnesses). */
  readonly frontier?: readonly FrontierPoint[];
  /** Largest space enumerated for non-additive utilities; default 4,000,000. */
  readonly enumerationLimit?: number;
  /** Exact utility ranges, when known: they settle spaces too big to enumerate in easy cases. */
  readonly ranges?: readonly (readonly [number, number])[];
  /** `auto` (default), or `enumeration`: enumerate whatever the utilities (for tests). */
  readonly method?: 'auto' | 'enumeration';
}

function build(
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
function redLineReasons(problem: AnalysisProblem, j: number, v: number): ExclusionReason[] {
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
        party: (problem.parties[r.party] as { name: string }).name,
        redLine: r.id,
      });
  }
  return out;
}

function additiveZones(
  problem: AnalysisProblem,
  effect: RedLineEffect,
  options: IssueZoneOptions,
): IssueZones {
  const { space, parties } = problem;
  const n = space.sizes.length;
  const k = parties.length;
  const tables = parties.map((p) => p.tables as readonly Float64Array[]);
  const res = parties.map((p) => p.reservation);
  const allowedAt = (i: number, v: number): boolean => {
    const m = effect.allowed[i];
    return !m || m[v] === 1;
  };
  const best = tables.map((t) =>
    t.map((col, i) => {
      let b = Number.NEGATIVE_INFINITY;
      let at = -1;
      for (let v = 0; v < col.length; v++)
        if (allowedAt(i, v) && (col[v] as number) > b) {
          b = col[v] as number;
          at = v;
        }
      return at;
    }),
  );
  const worst = tables.map((t) =>
    t.map((col, i) => {
      let b = Number.POSITIVE_INFINITY;
      let at = -1;
      for (let v = 0; v < col.length; v++)
        if (allowedAt(i, v) && (col[v] as number) < b) {
          b = col[v] as number;
          at = v;
        }
      return at;
    }),
  );
  const noneAllowed = best[0]?.some((a) => a < 0) ?? false;
  const fold = (p: number, pick: readonly number[], j: number, v: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++)
      s += ((tables[p] as readonly Float64Array[])[i] as Float64Array)[
        i === j ? v : (pick[i] as number)
      ] as number;
    return s;
  };
  const frontier = options.frontier ?? paretoFrontier(problem).points;
  const feasible = space.sizes.map((s) => new Uint8Array(s));
  const reasons: ExclusionReason[][][] = space.sizes.map(() => []);
  const base = separableInput(problem, effect);
  const tryOutcome = (o: number[]): boolean => {
    for (let p = 0; p < k; p++)
      if (!((parties[p] as (typeof parties)[number]).compiled.evaluate(o) >= (res[p] as number)))
        return false;
    for (const r of problem.redLines) if (r.condition.test(o)) return false;
    return true;
  };
  // Values some frontier point uses; swaps are tried on at most 64 frontier points.
  const onFrontier = space.sizes.map((size) => new Uint8Array(size));
  for (const f of frontier)
    f.outcome.forEach((v, j) => {
      (onFrontier[j] as Uint8Array)[v] = 1;
    });
  const stride = Math.max(1, Math.ceil(frontier.length / 64));
  let exact = true;
  for (let j = 0; j < n; j++) {
    const size = space.sizes[j] as number;
    for (let v = 0; v < size; v++) {
      const why = redLineReasons(problem, j, v);
      if (!allowedAt(j, v) || effect.everythingForbidden || noneAllowed) {
        (reasons[j] as ExclusionReason[][])[v] = why.length > 0 ? why : [{ kind: 'red-lines' }];
        continue;
      }
      // Quick witnesses: a frontier point already has it, or one with this value swapped in.
      let found = (onFrontier[j] as Uint8Array)[v] === 1;
      for (let t = 0; !found && t < frontier.length; t += stride) {
        const o = [...(frontier[t] as FrontierPoint).outcome];
        o[j] = v;
        found = tryOutcome(o);
      }
      // Every party's worst completion may already be acceptable.
      if (!found) {
        for (let p = 0; !found && p < k; p++) {
          const o = (worst[p] as number[]).slice();
          o[j] = v;
          found = tryOutcome(o);
        }
      }
      if (found) {
        (feasible[j] as Uint8Array)[v] = 1;
        continue;
      }
      // Each party's best with this value, exactly (red lines over several issues included).
      const short: ExclusionReason[] = [];
      let unreachable = false;
      const allowed = base.allowed?.slice() ?? space.sizes.map(() => undefined);
      const only = new Uint8Array(size);
      only[v] = 1;
      allowed[j] = only;
      for (let p = 0; p < k; p++) {
        let b = fold(p, best[p] as number[], j, v);
        if (effect.exclusions.length > 0) {
          // Red lines over several issues: the exact best, by a one-party merge.
          const one = additiveFrontier({
            ...base,
            allowed,
            tables: [tables[p] as readonly Float64Array[]],
            reservations: [Number.NEGATIVE_INFINITY],
          });
          if (!one.ok) exact = false;
          else b = one.count > 0 ? ((one.cols[0] as Float64Array)[0] as number) : Number.NEGATIVE_INFINITY;
        }
        if (b === Number.NEGATIVE_INFINITY) {
          // No outcome with this value crosses no red line.
          unreachable = true;
          break;
        }
        if (!(b >= (res[p] as number)))
          short.push({
            kind: 'reservation',
            party: (parties[p] as { name: string }).name,
            best: b,
            reservation: res[p] as number,
          });
      }
      if (unreachable) {
        (reasons[j] as ExclusionReason[][])[v] = why.length > 0 ? why : [{ kind: 'red-lines' }];
        continue;
      }
      if (short.length > 0) {
        (reasons[j] as ExclusionReason[][])[v] = [...why, ...short];
        continue;
      }
      const joint = additiveFrontier({ ...base, allowed });
      if (!joint.ok || (joint.gap > 0 && joint.count === 0)) {
        exact = false;
        (feasible[j] as Uint8Array)[v] = 1;
      } else if (joint.count > 0) (feasible[j] as Uint8Array)[v] = 1;
      else (reasons[j] as ExclusionReason[][])[v] = [...why, { kind: 'joint' }];
    }
  }
  return {
    issues: build(problem, feasible, reasons),
    exact,
    method: 'additive',
    ...(exact
      ? {}
      : { note: 'some values could not be decided within the merge limits and are listed as feasible' }),
  };
}

/**
 * Gathers issue zones outcome by outcome during an enumeration: per value, whether some zone
 * outcome uses it, and each party's best utility among outcomes with it that cross no red line.
 */
export class IssueZoneCollector {
  private readonly feasible: Uint8Array[];
  private readonly best: Float64Array[][];
  constructor(private readonly problem: AnalysisProblem) {
    const { space, parties } = problem;
    this.feasible = space.sizes.map((s) => new Uint8Array(s));
    this.best = parties.map(() => space.sizes.map((s) => new Float64Array(s).fill(Number.NEGATIVE_INFINITY)));
  }

  /** One outcome with its utilities; `crossesRedLine` when it crosses any red line. */
  add(o: Outcome, u: ArrayLike<number>, crossesRedLine: boolean): void {
    if (crossesRedLine) return;
    const { parties } = this.problem;
    const n = o.length;
    let ok = true;
    for (let p = 0; p < parties.length; p++) {
      const x = u[p] as number;
      if (!(x >= (parties[p] as CompiledParty).reservation)) ok = false;
      const b = this.best[p] as Float64Array[];
      for (let j = 0; j < n; j++) {
        const col = b[j] as Float64Array;
        if (x > (col[o[j] as number] as number)) col[o[j] as number] = x;
      }
    }
    if (ok) for (let j = 0; j < n; j++) (this.feasible[j] as Uint8Array)[o[j] as number] = 1;
  }

  finish(): IssueZones {
    const { problem, feasible, best } = this;
    const reasons: ExclusionReason[][][] = problem.space.sizes.map((s, j) =>
      Array.from({ length: s }, (_, v) => {
        if ((feasible[j] as Uint8Array)[v] === 1) return [];
        const why = redLineReasons(problem, j, v);
        const short: ExclusionReason[] = [];
        problem.parties.forEach((p, i) => {
          const b = ((best[i] as Float64Array[])[j] as Float64Array)[v] as number;
          if (b > Number.NEGATIVE_INFINITY && !(b >= p.reservation))
            short.push({ kind: 'reservation', party: p.name, best: b, reservation: p.reservation });
        });
        const reachable = ((best[0] as Float64Array[])[j] as Float64Array)[v] !== Number.NEGATIVE_INFINITY;
        if (!reachable) return why.length > 0 ? why : [{ kind: 'red-lines' }];
        return why.length > 0 || short.length > 0 ? [...why, ...short] : [{ kind: 'joint' }];
      }),
    );
    return { issues: build(problem, feasible, reasons), exact: true, method: 'enumeration' };
  }
}

function enumeratedZones(problem: AnalysisProblem): IssueZones {
  const collector = new IssueZoneCollector(problem);
  const u = new Float64Array(problem.parties.length);
  forEachOutcome(problem.space, (o) => {
    problem.parties.forEach((p, i) => {
      u[i] = p.compiled.evaluate(o);
    });
    collector.add(
      o,
      u,
      problem.redLines.some((r) => r.condition.test(o)),
    );
  });
  return collector.finish();
}

/**
 * Per issue, the values that appear in at least one agreement-zone outcome (every party at or
 * above its reservation, no red line crossed), and for every other value why it is out: a red
 * line forbidding it outright, a party whose best outcome with that value misses its
 * reservation, or no outcome suiting every party at once. Numeric issues also get the range of
 * feasible values.
 *
 * Additive utilities: exact without enumeration (witnesses from the frontier first, then each
 * party's best completion, then an exact merge restricted to the value). Other utilities:
 * enumeration of spaces up to `enumerationLimit`; beyond, not computed.
 *
 * @example
 * issueZones(scenario).issues[0]; // { issue: 'cap', feasible: [800000, 900000], range: {…}, excluded: [...] }
 */
export function issueZones(input: ProblemInput, options: IssueZoneOptions = {}): IssueZones {
  const problem = prepareProblem(input);
  if (options.method === 'enumeration') {
    assertEnumerable(problem);
    return enumeratedZones(problem);
  }
  if (problem.additive) return additiveZones(problem, redLineEffect(problem), options);
  const limit = options.enumerationLimit ?? FRONTIER_DEFAULTS.enumerationLimit;
  if (problem.space.count <= BigInt(limit)) return enumeratedZones(problem);
  const bounds = options.ranges;
  if (bounds && problem.redLines.length === 0) {
    const { space, parties } = problem;
    if (parties.every((p, i) => (bounds[i] as readonly [number, number])[0] >= p.reservation))
      return {
        issues: build(
          problem,
          space.sizes.map((s) => new Uint8Array(s).fill(1)),
          [],
        ),
        exact: true,
        method: 'ranges',
      };
    const short = parties.flatMap((p, i): ExclusionReason[] => {
      const max = (bounds[i] as readonly [number, number])[1];
      return max >= p.reservation
        ? []
        : [{ kind: 'reservation', party: p.name, best: max, reservation: p.reservation }];
    });
    if (short.length > 0)
      return {
        issues: build(
          problem,
          space.sizes.map((s) => new Uint8Array(s)),
          space.sizes.map((s) => Array.from({ length: s }, () => short)),
        ),
        exact: true,
        method: 'ranges',
      };
  }
  return {
    issues: [],
    exact: false,
    method: 'not-computed',
    note: `the space has ${problem.space.count} outcomes and utilities are not additive`,
  };
}
