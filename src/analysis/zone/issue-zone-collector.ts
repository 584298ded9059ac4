import { forEachOutcome, type Outcome } from '../../outcomes/space.js';
import type { AnalysisProblem, CompiledParty } from '../../preferences/problem.js';
import { buildZones, type ExclusionReason, type IssueZones, redLineReasons } from './issue-zone-parts.js';
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
    return { issues: buildZones(problem, feasible, reasons), exact: true, method: 'enumeration' };
  }
}

export function enumeratedZones(problem: AnalysisProblem): IssueZones {
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
