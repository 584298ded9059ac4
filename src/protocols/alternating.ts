import type { Outcome } from '../outcomes/space.js';
import {
  checkedOutcome,
  checkedResponse,
  type Protocol,
  type Session,
  type SessionEnd,
  type SessionInput,
} from './session.js';
import { Channel, ChannelLog, EVERYONE } from './trace.js';
import { type EndCounts, SeatedSession } from './turn-session.js';
import type { Negotiator, OfferLog } from './types.js';

/**
 * Stacked alternating offers. Seats move in order, one move per turn: the first seat opens; each
 * next seat either accepts the standing offer or rejects it by making its own (or leaves). An
 * offer becomes the agreement once every other seat has accepted it in turn; with two parties this
 * is Rubinstein's bilateral alternating offers. Every offer is public.
 */
class AlternatingSession extends SeatedSession {
  readonly #channel = new Channel();
  readonly #log: OfferLog;
  #standing: Outcome | undefined = undefined;
  #accepts = 0;

  constructor(name: 'ao' | 'mao', input: SessionInput) {
    super(name, input);
    this.#log = new ChannelLog(input.trace, this.#channel);
  }

  // An agreement or a walk-away counts its own turn (the move advances `turn` before ending).
  protected counts(reason: SessionEnd['reason']): EndCounts {
    return { turns: this.m.turn, rounds: this.roundsBegun(reason) };
  }

  protected act(p: number, neg: Negotiator, t: number): boolean {
    const m = this.m;
    const { table, trace } = this.input;
    const view = this.view(p, this.#log);
    const standing = this.#standing;
    if (standing !== undefined) {
      const r = checkedResponse(table, p, neg.respond(view, standing));
      if (r === 'accept') {
        trace.push('accept', p, EVERYONE, m.turn, m.round, t, standing);
        if (++this.#accepts >= this.n - 1) {
          m.turn++;
          return this.finish(standing, 'agreement', t);
        }
        return true;
      }
      if (r === 'end') {
        trace.push('end', p, EVERYONE, m.turn, m.round, t, undefined);
        m.turn++;
        return this.finish(undefined, 'walk-away', t);
      }
    }
    const proposal = neg.propose(view);
    if (proposal === 'end') {
      trace.push('end', p, EVERYONE, m.turn, m.round, t, undefined);
      m.turn++;
      return this.finish(undefined, 'walk-away', t);
    }
    const offer = checkedOutcome(table, p, proposal, 'propose');
    this.#channel.add(trace.push('offer', p, EVERYONE, m.turn, m.round, t, offer));
    this.#standing = offer;
    this.#accepts = 0;
    return true;
  }
}

/** Bilateral alternating offers (Rubinstein; NegMAS's SAO with two negotiators). */
export const alternatingOffers: Protocol = Object.freeze({
  name: 'ao' as const,
  description: 'alternating offers between two parties',
  minParties: 2,
  maxParties: 2,
  mediated: false,
  variants: [],
  open: (input: SessionInput): Session => new AlternatingSession('ao', input),
});

/** Multilateral stacked alternating offers (GENIUS's SAOP): every other party must accept in turn. */
export const multilateralAlternatingOffers: Protocol = Object.freeze({
  name: 'mao' as const,
  description: 'stacked alternating offers: an offer stands until all others accept it in turn',
  minParties: 2,
  maxParties: Number.POSITIVE_INFINITY,
  mediated: false,
  variants: [],
  open: (input: SessionInput): Session => new AlternatingSession('mao', input),
});
