import type { Outcome } from '../outcomes/space.js';
import { compromise } from './mediator.js';
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
import { Channel, ChannelLog, MEDIATOR } from './trace.js';
import type { OfferLog } from './types.js';

/**
 * Shuttle mediation. The mediator visits the parties in turn, privately. In the first round it
 * asks each for an opening position; from then on, each round it drafts one proposal from the
 * latest positions it has heard ({@link compromise}) and takes it to each party, who accepts it or
 * rejects it with a counter-proposal. A proposal every party accepts in the same round is the
 * agreement. A party sees only the mediator's proposals to it, never another party's offers.
 */
class ShuttleSession implements Session {
  end: SessionEnd | undefined = undefined;
  readonly #in: SessionInput;
  readonly #clock: SessionClock;
  readonly #channels: Channel[];
  readonly #logs: OfferLog[];
  readonly #n: number;
  readonly #m: Moment = { turn: 0, round: 0, time: 0, text: undefined };
  readonly #positions: (Outcome | undefined)[];
  #seat = 0;
  #proposal: Outcome | undefined = undefined;
  #accepts = 0;

  constructor(input: SessionInput) {
    this.#in = input;
    this.#n = input.negotiators.length;
    this.#clock = new SessionClock(input.deadline, this.#n, input.now);
    this.#channels = input.negotiators.map(() => new Channel());
    this.#logs = this.#channels.map((c) => new ChannelLog(input.trace, c));
    this.#positions = input.negotiators.map(() => undefined);
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
      turns: reason === 'deadline' ? m.turn : m.turn + 1,
      rounds: m.round + (this.#seat > 0 || reason !== 'deadline' ? 1 : 0),
      time,
      ...(problem !== undefined ? { problem } : {}),
    };
    return false;
  }

  step(): boolean {
    if (this.end) return false;
    const m = this.#m;
    const t = this.#clock.time(m.turn);
    if (t >= 1) return this.#finish(undefined, 'deadline', 1);
    m.time = t;
    const p = this.#seat;
    const { table, trace, negotiators } = this.#in;
    const neg = negotiators[p];
    if (!neg) return this.#finish(undefined, 'illegal', t, `no negotiator in seat ${p}`);
    try {
      if (m.round > 0 && p === 0) {
        const heard = this.#positions.filter((o): o is Outcome => o !== undefined);
        this.#proposal = compromise(
          table.space,
          heard,
          this.#in.rng,
          table.mediatorPreferences(),
          table.admissible,
        );
        this.#accepts = 0;
      }
      const proposal = this.#proposal;
      if (proposal !== undefined) {
        this.#channels[p]?.add(trace.push('propose', MEDIATOR, p, m.turn, m.round, t, proposal));
      }
      m.text = proposal;
      const view = viewFor('shuttle', table, p, this.#logs[p] as OfferLog, this.#clock.totalTurns, m);
      if (proposal !== undefined) {
        const r = checkedResponse(table, p, neg.respond(view, proposal));
        if (r === 'end') {
          trace.push('end', p, MEDIATOR, m.turn, m.round, t, undefined);
          return this.#finish(undefined, 'walk-away', t);
        }
        trace.push(r, p, MEDIATOR, m.turn, m.round, t, proposal);
        if (r === 'accept') {
          if (++this.#accepts === this.#n) return this.#finish(proposal, 'agreement', t);
          this.#advance();
          return true;
        }
      }
      const counter = neg.propose(view);
      if (counter === 'end') {
        trace.push('end', p, MEDIATOR, m.turn, m.round, t, undefined);
        return this.#finish(undefined, 'walk-away', t);
      }
      const position = checkedOutcome(table, p, counter, 'propose');
      trace.push('counter', p, MEDIATOR, m.turn, m.round, t, position);
      this.#positions[p] = position;
    } catch (e) {
      const [reason, message] = failure(e, table.names[p] ?? `seat ${p}`);
      return this.#finish(undefined, reason, t, message);
    }
    this.#advance();
    return true;
  }

  #advance(): void {
    const m = this.#m;
    m.turn++;
    if (++this.#seat === this.#n) {
      this.#seat = 0;
      m.round++;
    }
  }
}

/** Shuttle mediation: private channels, a mediator who passes on only its own proposals. */
export const shuttle: Protocol = Object.freeze({
  name: 'shuttle' as const,
  description: 'a mediator visits each party privately and carries only its own proposals',
  minParties: 2,
  maxParties: Number.POSITIVE_INFINITY,
  open: (input: SessionInput): Session => new ShuttleSession(input),
});
