import type { Outcome } from '../outcomes/space.js';
import {
  failure,
  type Moment,
  type Session,
  SessionClock,
  type SessionEnd,
  type SessionInput,
  viewFor,
} from './session.js';
import type { Negotiator, NegotiatorView, OfferLog, ProtocolName } from './types.js';

/** Turns and rounds a session reports when it ends. */
export interface EndCounts {
  readonly turns: number;
  readonly rounds: number;
}

/**
 * The prologue every protocol's step shares: stop once ended, end at the deadline, stamp the
 * moment's time, then let the protocol move. Subclasses say what one move is and how they count
 * turns and rounds at the end (each protocol counted them its own way before; the golden traces
 * hold them to it).
 */
export abstract class TurnSession implements Session {
  end: SessionEnd | undefined = undefined;
  protected readonly input: SessionInput;
  protected readonly clock: SessionClock;
  protected readonly m: Moment = { turn: 0, round: 0, time: 0, text: undefined };
  readonly #protocol: ProtocolName;

  constructor(protocol: ProtocolName, input: SessionInput, turnsPerRound: number) {
    this.#protocol = protocol;
    this.input = input;
    this.clock = new SessionClock(input.deadline, turnsPerRound, input.now);
  }

  step(): boolean {
    if (this.end) return false;
    const t = this.clock.time(this.m.turn);
    if (t >= 1) return this.finish(undefined, 'deadline', 1);
    this.m.time = t;
    return this.move(t);
  }

  /** One step at normalised time `t`; false once the session has ended. */
  protected abstract move(t: number): boolean;

  /** Turns and rounds to report for an end of the given reason. */
  protected abstract counts(reason: SessionEnd['reason']): EndCounts;

  /** A fresh view of the current moment for seat `self`, reading `history`. */
  protected view(self: number, history: OfferLog): NegotiatorView {
    return viewFor(this.#protocol, this.input.table, self, history, this.clock.totalTurns, this.m);
  }

  protected finish(
    agreement: Outcome | undefined,
    reason: SessionEnd['reason'],
    time: number,
    problem?: string,
  ): false {
    const { turns, rounds } = this.counts(reason);
    this.end = {
      agreement,
      reason,
      turns,
      rounds,
      time,
      ...(problem !== undefined ? { problem } : {}),
    };
    return false;
  }
}

/**
 * A session where the seats move in order, one seat a turn, a round once every seat has moved
 * (alternating offers, shuttle). A missing negotiator or a negotiator that throws ends it.
 */
export abstract class SeatedSession extends TurnSession {
  protected readonly n: number;
  protected seat = 0;

  constructor(protocol: ProtocolName, input: SessionInput) {
    super(protocol, input, input.negotiators.length);
    this.n = input.negotiators.length;
  }

  /** Seat `p`'s move at time `t`; false when it ended the session (else the turn passes). */
  protected abstract act(p: number, neg: Negotiator, t: number): boolean;

  /** Rounds begun: the current one counts once a seat has moved in it or the session ended early. */
  protected roundsBegun(reason: SessionEnd['reason']): number {
    return this.m.round + (this.seat > 0 || reason !== 'deadline' ? 1 : 0);
  }

  protected move(t: number): boolean {
    const p = this.seat;
    const { table, negotiators } = this.input;
    const neg = negotiators[p];
    if (!neg) return this.finish(undefined, 'illegal', t, `no negotiator in seat ${p}`);
    try {
      if (!this.act(p, neg, t)) return false;
    } catch (e) {
      const [reason, message] = failure(e, table.names[p] ?? `seat ${p}`);
      return this.finish(undefined, reason, t, message);
    }
    this.m.turn++;
    if (++this.seat === this.n) {
      this.seat = 0;
      this.m.round++;
    }
    return true;
  }
}
