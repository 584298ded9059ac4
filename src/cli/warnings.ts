import { fmtU, type Scenario } from '../index.js';
import type { CliIo } from './io.js';

/**
 * A reservation value below every outcome's utility (e.g. -0.3 on a 0–1 scale) is allowed — it is
 * how one says "this party takes any deal" — but it is easy to type by mistake, so say what it
 * means. `ranges` are each party's [worst, best] utility over the outcome space.
 */
export function lowReservationWarnings(
  scenario: Scenario,
  ranges: readonly (readonly [number, number])[],
): string[] {
  return scenario.parties.flatMap((p, i) => {
    const worst = ranges[i]?.[0];
    if (worst === undefined || !(p.reservationValue < 0 && p.reservationValue < worst)) return [];
    return [
      `warning: ${p.name}'s reservation value ${fmtU(p.reservationValue)} is below the utility of every outcome (worst ${fmtU(worst)}): ${p.name} prefers any agreement that crosses none of its red lines to walking away, so its reservation does not narrow the agreement zone, and the solutions measure its gains from its worst outcome instead`,
    ];
  });
}

export function warnLowReservations(
  io: CliIo,
  scenario: Scenario,
  ranges: readonly (readonly [number, number])[],
): void {
  for (const w of lowReservationWarnings(scenario, ranges)) io.err(w);
}
