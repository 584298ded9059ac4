import type { Outcome } from '../outcomes/space.js';
import { compromise } from './mediator.js';
import {
  checkedOutcome,
  checkedResponse,
  type Protocol,
  type Session,
  type SessionEnd,
  type SessionInput,
} from './session.js';
import { Channel, ChannelLog, MEDIATOR } from './trace.js';
import { type EndCounts, SeatedSession } from './turn-session.js';
import type { Negotiator, OfferLog } from './types.js';

/**
 * Shuttle mediation. The mediator visits the parties in turn, privately. In the first round it
 * asks each for an opening position; from then on, each round it drafts one proposal from the
 * latest positions it has heard ({@link compromise}) and takes it to each party, who accepts it or
 * rejects it with a counter-proposal. A proposal every party accepts in the same round is the
 * agreement. A party sees only the mediator's proposals to it, never another party's offers.
 */
class ShuttleSession extends SeatedSession {
  readonly #channels: Channel[];
  readonly #logs: OfferLog[];
  readonly #positions: (Outcome | undefined)[];
  #proposal: Outcome | undefined = undefined;
  #accepts = 0;

  constructor(input: SessionInput) {
    super('shuttle', input);
    this.#channels = input.negotiators.map(() => new Channel());
    this.#logs = this.#channels.map((c) => new ChannelLog(input.trace, c));
    this.#positions = input.negotiators.map(() => undefined);
  }

  // Any end but the deadline counts the turn it happened on.
  protected counts(reason: SessionEnd['reason']): EndCounts {
    return { turns: reason === 'deadline' ? this.m.turn : this.m.turn + 1, rounds: this.roundsBegun(reason) };
  }

  protected act(p: number, neg: Negotiator, t: number): boolean {
    const m = this.m;
    const { table, trace } = this.input;
    if (m.round > 0 && p === 0) {
      const heard = this.#positions.filter((o): o is Outcome => o !== undefined);
      this.#proposal = compromise(
        table.space,
        heard,
        this.input.rng,
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
    const view = this.view(p, this.#logs[p] as OfferLog);
    if (proposal !== undefined) {
      const r = checkedResponse(table, p, neg.respond(view, proposal));
      if (r === 'end') {
        trace.push('end', p, MEDIATOR, m.turn, m.round, t, undefined);
        return this.finish(undefined, 'walk-away', t);
      }
      trace.push(r, p, MEDIATOR, m.turn, m.round, t, proposal);
      if (r === 'accept') {
        if (++this.#accepts === this.n) return this.finish(proposal, 'agreement', t);
        return true;
      }
    }
    const counter = neg.propose(view);
    if (counter === 'end') {
      trace.push('end', p, MEDIATOR, m.turn, m.round, t, undefined);
      return this.finish(undefined, 'walk-away', t);
    }
    const position = checkedOutcome(table, p, counter, 'propose');
    trace.push('counter', p, MEDIATOR, m.turn, m.round, t, position);
    this.#positions[p] = position;
    return true;
  }
}

/** Shuttle mediation: private channels, a mediator who passes on only its own proposals. */
export const shuttle: Protocol = Object.freeze({
  name: 'shuttle' as const,
  description: 'a mediator visits each party privately and carries only its own proposals',
  minParties: 2,
  maxParties: Number.POSITIVE_INFINITY,
  mediated: true,
  variants: [],
  open: (input: SessionInput): Session => new ShuttleSession(input),
});
