import { ConcordError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { NegotiationTable } from './table.js';
import type { TraceBuffer } from './trace.js';
import type {
  Deadline,
  EndReason,
  Negotiator,
  NegotiatorView,
  OfferLog,
  ProtocolName,
  SingleTextVariant,
} from './types.js';

/** What a protocol needs to open a session. */
export interface SessionInput {
  readonly table: NegotiationTable;
  /** One per seat, in seat order. */
  readonly negotiators: readonly Negotiator[];
  readonly deadline: Deadline;
  /** Clock for a deadline in `ms` (the core never reads one); default: 0.001 ms per call. */
  readonly now?: () => number;
  /** The mediator's random stream. */
  readonly rng: Rng;
  readonly trace: TraceBuffer;
  readonly variant?: SingleTextVariant;
}

/** How a session ended. */
export interface SessionEnd {
  readonly agreement: Outcome | undefined;
  readonly reason: EndReason;
  /** Turns taken (the number of steps). */
  readonly turns: number;
  /** Rounds begun. */
  readonly rounds: number;
  /** Normalised time of the last action (agreement, walk-away) or 1 at the deadline. */
  readonly time: number;
  /** What was illegal, when `reason` is `illegal`. */
  readonly problem?: string;
}

/** A running negotiation: a deterministic step function over its own state. */
export interface Session {
  /** Takes one step; returns false once the session has ended. */
  step(): boolean;
  readonly end: SessionEnd | undefined;
}

/**
 * A negotiation protocol (mechanism). Each implementation lives in its own module; one shared
 * conformance suite (test/conformance-protocols.test.ts) runs against all of them.
 */
export interface Protocol {
  readonly name: ProtocolName;
  readonly description: string;
  readonly minParties: number;
  readonly maxParties: number;
  /** True when a mediator runs the talks (its name is reported with every result). */
  readonly mediated: boolean;
  /** The variants it runs, the default first; empty when it has none. */
  readonly variants: readonly SingleTextVariant[];
  open(input: SessionInput): Session;
}

/** Normalised time of a session: the larger of the share of turns and the share of `ms` used. */
export class SessionClock {
  readonly totalTurns: number | undefined;
  readonly #ms: number | undefined;
  readonly #now: (() => number) | undefined;
  readonly #start: number;

  constructor(deadline: Deadline, turnsPerRound: number, now?: () => number) {
    const { rounds, ms } = deadline;
    if (rounds === undefined && ms === undefined) {
      throw new ConcordError('no-deadline', 'a negotiation needs a deadline in rounds or ms');
    }
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds > 0)) {
      throw new ConcordError('bad-deadline', `rounds must be a positive whole number, got ${rounds}`);
    }
    if (ms !== undefined && !(ms > 0))
      throw new ConcordError('bad-deadline', `ms must be positive, got ${ms}`);
    this.totalTurns = rounds === undefined ? undefined : rounds * turnsPerRound;
    this.#ms = ms;
    if (ms !== undefined) {
      let tick = 0;
      this.#now = now ?? (() => (tick += 0.001));
      this.#start = this.#now();
    } else {
      this.#now = undefined;
      this.#start = 0;
    }
  }

  /** Time at the start of `turn`; 1 or more means the deadline has passed. */
  time(turn: number): number {
    const byTurns = this.totalTurns === undefined ? 0 : turn / this.totalTurns;
    if (this.#now === undefined) return byTurns;
    return Math.max(byTurns, (this.#now() - this.#start) / (this.#ms as number));
  }
}

/** Why `o` is not an outcome of the space, or undefined when it is one. */
export function outcomeProblem(space: OutcomeSpace, o: unknown): string | undefined {
  if (!Array.isArray(o)) return `expected an outcome (array of value indices), got ${typeof o}`;
  if (o.length !== space.sizes.length)
    return `outcome has ${o.length} values, the space has ${space.sizes.length} issues`;
  const sizes = space.sizes;
  for (let i = 0; i < o.length; i++) {
    const v = o[i];
    if (!(typeof v === 'number' && (v | 0) === v && v >= 0 && v < (sizes[i] as number))) {
      return `value ${String(v)} of issue "${space.issues[i]?.name}" is not an index in 0..${(space.sizes[i] as number) - 1}`;
    }
  }
  return undefined;
}

/** The mutable part of a view, filled by the protocol before each call. */
export interface Moment {
  turn: number;
  round: number;
  time: number;
  text: Outcome | undefined;
}

/** A fresh view for one call: plain data and frozen objects only. */
export function viewFor(
  protocol: ProtocolName,
  table: NegotiationTable,
  self: number,
  history: OfferLog,
  totalTurns: number | undefined,
  m: Moment,
): NegotiatorView {
  return {
    protocol,
    self,
    parties: table.names,
    me: table.prefs[self] as NegotiatorView['me'],
    turn: m.turn,
    round: m.round,
    time: m.time,
    totalTurns,
    history,
    text: m.text,
  };
}

/** Thrown inside a session when a negotiator breaks the protocol; turned into an `illegal` end. */
export class IllegalAction extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalAction';
  }
}

/** Checks a proposal: returns it frozen, or throws {@link IllegalAction} naming the seat. */
export function checkedOutcome(table: NegotiationTable, seat: number, o: unknown, what: string): Outcome {
  const problem = outcomeProblem(table.space, o);
  if (problem !== undefined) throw new IllegalAction(`${table.names[seat]}: ${what}: ${problem}`);
  return Object.isFrozen(o) ? (o as Outcome) : Object.freeze(Array.from(o as Outcome));
}

/** Checks a response value. */
export function checkedResponse(
  table: NegotiationTable,
  seat: number,
  r: unknown,
): 'accept' | 'reject' | 'end' {
  if (r === 'accept' || r === 'reject' || r === 'end') return r;
  throw new IllegalAction(
    `${table.names[seat]}: respond returned ${JSON.stringify(r)} (expected accept, reject or end)`,
  );
}

/** The end reason and message for an exception thrown while `who` was acting. */
export function failure(e: unknown, who: string): ['illegal' | 'error', string] {
  if (e instanceof IllegalAction) return ['illegal', e.message];
  return ['error', `${who} threw: ${e instanceof Error ? e.message : String(e)}`];
}
