import { nameOutcome } from '../outcomes/space.js';
import type { NegotiationTable } from './table.js';
import type { TraceEvent } from './trace.js';

const round6 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);

/**
 * A trace as JSON Lines, one event a line: run, turn, round, time, actor, action, recipient (when
 * private), the outcome spelled out by issue name, and its utility for each seated party (fresh
 * evaluation, rounded to 6 decimals so files compare across machines).
 *
 * @example
 * traceLines(table, result.trace ?? [], 0)[0];
 * // {"run":0,"turn":0,"round":0,"time":0,"actor":"Buyer","action":"offer","outcome":{"price":"high"},"utilities":[1,0.2]}
 */
export function traceLines(table: NegotiationTable, events: readonly TraceEvent[], run = 0): string[] {
  return events.map((e) =>
    JSON.stringify({
      run,
      turn: e.turn,
      round: e.round,
      time: round6(e.time),
      actor: e.actor,
      action: e.action,
      ...(e.to !== undefined ? { to: e.to } : {}),
      ...(e.outcome
        ? {
            outcome: nameOutcome(table.space, e.outcome),
            utilities: table.prefs.map((p) => round6(p.utility(e.outcome as readonly number[]))),
          }
        : {}),
      ...(e.score !== undefined ? { score: round6(e.score) } : {}),
    }),
  );
}
