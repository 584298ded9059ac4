import { analyze } from '../analysis/analyze.js';
import type { Scenario } from '../model/scenario.js';

/** A red line that alone keeps the zone empty: dropping it would open one. */
export interface Unblocker {
  readonly party: string;
  readonly redLine: string;
  readonly description: string;
}

/**
 * The red lines of a scenario with no agreement zone whose dropping alone would open one (empty
 * when the zone is open or no single red line suffices). Used by the brief and the timeline.
 */
export function unblockers(scenario: Scenario, now: () => number = () => 0): Unblocker[] {
  return scenario.parties.flatMap((party, pi) =>
    party.redLines
      .filter((r) => {
        const parties = scenario.parties.map((p, k) =>
          k === pi ? { ...p, redLines: p.redLines.filter((x) => x.id !== r.id) } : p,
        );
        return analyze({ ...scenario, parties }, { now, zone: false, issueZones: false }).frontier.length > 0;
      })
      .map((r) => ({ party: party.name, redLine: r.id, description: r.description ?? r.id })),
  );
}
