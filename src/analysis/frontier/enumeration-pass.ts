import { forEachOutcome } from '../../outcomes/space.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { FrontierPoint } from '../types.js';
import { IssueZoneCollector } from '../zone/issue-zone-collector.js';
import type { IssueZones } from '../zone/issue-zone-parts.js';
import { FrontierCollector } from './brute-force.js';

/** What one pass over every outcome yields. */
export interface EnumerationPass {
  readonly frontier: FrontierPoint[];
  readonly ranges: [number, number][];
  /** Outcomes in the agreement zone (`u_i >= r_i`, no red line crossed). */
  readonly zoneCount: bigint;
  readonly issueZones: IssueZones;
}

/**
 * Frontier, utility ranges, agreement-zone count and issue zones in a single enumeration, each
 * utility evaluated once per outcome: what `analyze` uses for non-additive spaces small enough
 * to enumerate. Same results as the separate functions (tests compare them).
 */
export function enumerationPass(problem: AnalysisProblem): EnumerationPass {
  const { parties, redLines } = problem;
  const k = parties.length;
  const frontier = new FrontierCollector(problem);
  const zones = new IssueZoneCollector(problem);
  const ranges = parties.map((): [number, number] => [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  const u = new Float64Array(k);
  let zone = 0;
  forEachOutcome(problem.space, (o) => {
    let rational = true;
    for (let p = 0; p < k; p++) {
      const party = parties[p] as (typeof parties)[number];
      const x = party.compiled.evaluate(o);
      u[p] = x;
      const r = ranges[p] as [number, number];
      if (x < r[0]) r[0] = x;
      if (x > r[1]) r[1] = x;
      if (!(x >= party.reservation)) rational = false;
    }
    let crossed = false;
    for (const r of redLines)
      if (r.condition.test(o)) {
        crossed = true;
        break;
      }
    zones.add(o, u, crossed);
    if (rational && !crossed) {
      zone++;
      frontier.add(o, u);
    }
  });
  if (problem.space.count === 0n) for (const r of ranges) r.splice(0, 2, Number.NaN, Number.NaN);
  return { frontier: frontier.finish(), ranges, zoneCount: BigInt(zone), issueZones: zones.finish() };
}
