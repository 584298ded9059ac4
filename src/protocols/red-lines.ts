import type { Outcome } from '../outcomes/space.js';
import type { CompiledParty } from '../preferences/problem.js';

/** True when no red line of the party matches the outcome. */
export function permittedBy(party: CompiledParty, outcome: Outcome): boolean {
  const lines = party.redLines;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as CompiledParty['redLines'][number]).condition.test(outcome)) return false;
  }
  return true;
}
