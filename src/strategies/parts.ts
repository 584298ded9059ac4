import type { Rng } from '../core/rng.js';
import type { Outcome } from '../outcomes/space.js';
import type { NegotiatorInit, NegotiatorView } from '../protocols/index.js';

/** Chooses what to offer next (the "bidding strategy" of GENIUS's BOA framework). */
export interface Offering {
  propose(view: NegotiatorView): Outcome;
}

/** Makes an offering part for one negotiation; `model` is the negotiator's opponent model, if any. */
export type OfferingFactory = (init: NegotiatorInit, model: OpponentModel | undefined) => Offering;

/** What an acceptance condition decides on; utilities are the negotiator's own, undiscounted. */
export interface AcceptanceInput {
  /** Utility of the offer on the table. */
  readonly offer: number;
  /** Utility of what this negotiator would offer next. */
  readonly next: number;
  /** Normalised time. */
  readonly time: number;
  /** Best utility among the offers received before this one (-Infinity at first). */
  readonly best: number;
  readonly reservation: number;
  /** Best utility this negotiator can get. */
  readonly max: number;
  readonly rng: Rng;
}

/**
 * Whether to accept. Composed negotiators never accept an offer below their reservation value
 * or across their red lines, whatever the condition says.
 */
export type AcceptanceCondition = (x: AcceptanceInput) => boolean;

/** Learns the other parties' preferences from what the negotiator sees. */
export interface OpponentModel {
  /** Reads what is new in the view's history. */
  update(view: NegotiatorView): void;
  /** Estimated utility of `o` for the other parties (their mean), in [0, 1]. */
  estimate(o: Outcome): number;
  /** Offers observed so far. */
  readonly observations: number;
}

export type OpponentModelFactory = (init: NegotiatorInit) => OpponentModel;
