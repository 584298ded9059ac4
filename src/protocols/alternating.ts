import type { Outcome } from '../outcomes/space.js';
import {
  checkedOutcome,
  checkedResponse,
  failure,
  type Moment,
  type Protocol,
  type Session,
  SessionClock,
  type SessionEnd,
  type SessionInput,
  viewFor,
} from './session.js';
import { Channel, ChannelLog, EVERYONE } from './trace.js';
import type { OfferLog, ProtocolName } from './types.js';

/**
 * Stacked alternating offers. Seats move in order, one move per turn: the first seat opens; each
 * next seat either accepts the standing offer or rejects it by making its own (or leaves). An
 * offer becomes the agreement once every other seat has accepted it in turn; with two parties this
 * is Rubinstein's bilateral alternating offers. Every offer is public.
 */
class AlternatingSession implements Session {
  end: SessionEnd | undefined = undefined;
  readonly #in: SessionInput;
  readonly #name: ProtocolName;
  readonly #clock: SessionClock;
  readonly #channel = new Channel();
  readonly #log: OfferLog;
  readonly #n: number;
  readonly #m: Moment = { turn: 0, round: 0, time: 0, text: undefined };
  #seat = 0;
  #standing: Outcome | undefined = undefined;
  #accepts = 0;

  constructor(name: ProtocolName, input: SessionInput) {
    this.#in = input;
    this.#name = name;
    this.#n = input.negotiators.length;
    this.#clock = new SessionClock(input.deadline, this.#n, input.now);
    this.#log = new ChannelLog(input.trace, this.#channel);
  }

  #finish(
    agreement: Outcome | undefined,
    reason: SessionEnd['reason'],
    time: number,
    problem?: string,
  ): false {
    const m = this.#m;
    this.end = {
      agreement,
      reason,
      turns: m.turn,
      rounds: m.round + (this.#seat > 0 || reason !== 'deadline' ? 1 : 0),
      time,
      ...(problem !== undefined ? { problem } : {}),
    };
    return false;
  }

  #advance(): void {
    const m = this.#m;
    m.turn++;
    if (++this.#seat === this.#n) {
      this.#seat = 0;
      m.round++;
    }
  }

  step(): boolean {
    if (this.end) return false;
    const m = this.#m;
    const t = this.#clock.time(m.turn);
    if (t >= 1) return this.#finish(undefined, 'deadline', 1);
    m.time = t;
    const p = this.#seat;
    const { table, trace } = this.#in;
    const neg = this.#in.negotiators[p];
    if (!neg) return this.#finish(undefined, 'illegal', t, `no negotiator in seat ${p}`);
    const view = viewFor(this.#name, table, p, this.#log, this.#clock.totalTurns, m);
    try {
      const standing = this.#standing;
      if (standing !== undefined) {
        const r = checkedResponse(table, p, neg.respond(view, standing));
        if (r === 'accept') {
          trace.push('accept', p, EVERYONE, m.turn, m.round, t, standing);
          if (++this.#accepts >= this.#n - 1) {
            m.turn++;
            return this.#finish(standing, 'agreement', t);
          }
          this.#advance();
          return true;
        }
        if (r === 'end') {
          trace.push('end', p, EVERYONE, m.turn, m.round, t, undefined);
          m.turn++;
          return this.#finish(undefined, 'walk-away', t);
        }
      }
      const proposal = neg.propose(view);
      if (proposal === 'end') {
        trace.push('end', p, EVERYONE, m.turn, m.round, t, undefined);
        m.turn++;
        return this.#finish(undefined, 'walk-away', t);
      }
      const offer = checkedOutcome(table, p, proposal, 'propose');
      this.#channel.add(trace.push('offer', p, EVERYONE, m.turn, m.round, t, offer));
      this.#standing = offer;
      this.#accepts = 0;
    } catch (e) {
      const [reason, message] = failure(e, table.names[p] ?? `seat ${p}`);
      return this.#finish(undefined, reason, t, message);
    }
    this.#advance();
    return true;
  }
}

/** Bilateral alternating offers (Rubinstein; NegMAS's SAO with two negotiators). */
export const alternatingOffers: Protocol = Object.freeze({
  name: 'ao' as const,
  description: 'alternating offers between two parties',
  minParties: 2,
  maxParties: 2,
  open: (input: SessionInput): Session => new AlternatingSession('ao', input),
});

/** Multilateral stacked alternating offers (GENIUS's SAOP): every other party must accept in turn. */
export const multilateralAlternatingOffers: Protocol = Object.freeze({
  name: 'mao' as const,
  description: 'stacked alternating offers: an offer stands until all others accept it in turn',
  minParties: 2,
  maxParties: Number.POSITIVE_INFINITY,
  open: (input: SessionInput): Session => new AlternatingSession('mao', input),
});
