import { type AnalysisProblem, prepareProblem } from '../../preferences/problem.js';
import { additiveFrontier } from '../frontier/additive-frontier.js';
import { assertEnumerable } from '../frontier/brute-force.js';
import { FRONTIER_DEFAULTS, paretoFrontier } from '../frontier/frontier.js';
import { type RedLineEffect, redLineEffect, separableInput } from '../frontier/separable.js';
import type { FrontierPoint, ProblemInput } from '../types.js';
import { enumeratedZones } from './issue-zone-collector.js';
import { buildZones, type ExclusionReason, type IssueZones, redLineReasons } from './issue-zone-parts.js';

export { IssueZoneCollector } from './issue-zone-collector.js';
export type { ExcludedValue, ExclusionReason, IssueZone, IssueZones } from './issue-zone-parts.js';
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
    issues: buildZones(problem, feasible, reasons),
    exact,
    method: 'additive',
    ...(exact
      ? {}
      : { note: 'some values could not be decided within the merge limits and are listed as feasible' }),
  };
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
        issues: buildZones(
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
        issues: buildZones(
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
