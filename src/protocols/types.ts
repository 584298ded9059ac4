import type { Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';

/**
 * One party's own preferences as its negotiator sees them, made fast for offering: what it gets
 * from an outcome, which outcomes its red lines forbid, and outcomes near a target utility.
 * Every method returns frozen outcomes; none reveals anything about other parties.
 *
 * Three implementations share this interface (and one test suite): an exhaustive sorted index
 * for spaces up to `indexLimit` outcomes, a per-issue band search for larger linear-additive
 * spaces (10^20, 10^40 outcomes, no enumeration), and a sampled index for larger non-linear ones.
 *
 * @example
 * const me = table.prefs[0];
 * me.atLeast(0.8); // the outcome with the smallest utility ≥ 0.8 (exact index) or one just above it
 */
export interface OwnPreferences {
  readonly party: string;
  readonly space: OutcomeSpace;
  /** Utility of no agreement (the BATNA); may be -Infinity when the scenario gives none. */
  readonly reservation: number;
  /** Per-unit-time discount (GENIUS): an agreement at normalised time t is worth `u · discount^t`. */
  readonly discount: number;
  /** Best utility over the outcomes this party's red lines permit. */
  readonly max: number;
  /** Worst utility over the permitted outcomes. */
  readonly min: number;
  /** `exact`: every outcome indexed; `search`: per-issue band search; `sampled`: an approximate index. */
  readonly method: 'exact' | 'search' | 'sampled';
  /** Undiscounted utility of a (valid) outcome. */
  utility(outcome: Outcome): number;
  /** False when the outcome crosses one of this party's red lines. */
  permits(outcome: Outcome): boolean;
  /** A permitted outcome of utility `max`. */
  best(): Outcome;
  /**
   * A permitted outcome of utility at least `target`, as close to it as the method allows (the
   * smallest such utility for `exact`); the best outcome when nothing reaches the target.
   */
  atLeast(target: number): Outcome;
  /** Up to `limit` distinct permitted outcomes with utility in [lo, hi], closest to `lo` first when exact. */
  within(lo: number, hi: number, limit: number, rng: Rng): Outcome[];
  /** A random permitted outcome with utility at least `floor` (uniform for `exact`); the best when none. */
  random(rng: Rng, floor?: number): Outcome;
}

/**
 * The mechanisms Concord runs:
 * - `ao`: bilateral alternating offers (exactly two parties at the table);
 * - `mao`: multilateral stacked alternating offers (an offer stands until every other party has
 *   accepted it in turn, or someone counters);
 * - `single-text`: a mediator drafts one text and improves it by single-issue changes that no
 *   party vetoes (`veto`) or that the parties score best (`hill-climbing`), then asks them to sign;
 * - `shuttle`: a mediator visits each party privately; parties see only the mediator's proposals.
 */
export const PROTOCOL_NAMES = ['ao', 'mao', 'single-text', 'shuttle'] as const;

/** A protocol's name: one of {@link PROTOCOL_NAMES}. */
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

/** Single-text variants; the first is the default. */
export const SINGLE_TEXT_VARIANTS = ['veto', 'hill-climbing'] as const;

/** A single-text variant: one of {@link SINGLE_TEXT_VARIANTS}. */
export type SingleTextVariant = (typeof SINGLE_TEXT_VARIANTS)[number];

/** A negotiator's answer to an offer or text: take it, turn it down, or leave the table. */
export type Response = 'accept' | 'reject' | 'end';

/**
 * What a negotiator may read of the negotiation on its turn. A fresh object is built for every
 * turn (shared by `respond` and `propose` within it); the objects it points to are frozen or
 * read-only, and none of them leads back to the mechanism, the other negotiators or their
 * preferences.
 */
export interface NegotiatorView {
  readonly protocol: ProtocolName;
  /** This negotiator's seat (its position among the parties at the table). */
  readonly self: number;
  /** Names of the parties at the table, in seat order (public knowledge). */
  readonly parties: readonly string[];
  /** This negotiator's own preferences (never anyone else's). */
  readonly me: OwnPreferences;
  /** Steps taken so far (one action of one party, or one mediator move), from 0. */
  readonly turn: number;
  /** Rounds completed so far, from 0 (a round gives every party one move). */
  readonly round: number;
  /** Normalised time in [0, 1): the share of the deadline used (GENIUS's `t`). */
  readonly time: number;
  /** Turns in the whole negotiation when the deadline is in rounds; undefined for a time-only deadline. */
  readonly totalTurns: number | undefined;
  /** The offers this negotiator is allowed to see (all offers in `ao`/`mao`, its own channel in `shuttle`). */
  readonly history: OfferLog;
  /** Single text: the current text. Shuttle: the mediator's proposal to this party. */
  readonly text: Outcome | undefined;
}

/** A read-only list of the offers (or texts) visible to one negotiator, oldest first. */
export interface OfferLog {
  readonly length: number;
  /** The k-th visible offer (frozen). */
  outcome(k: number): Outcome;
  /** Seat of whoever made it; -1 for the mediator. */
  from(k: number): number;
  /** The turn it was made on. */
  turn(k: number): number;
  /** Normalised time it was made at. */
  time(k: number): number;
}

/**
 * A negotiator: anything that can make and answer offers. Implement it to plug your own agent into
 * every protocol (see docs/simulation.md).
 *
 * @example
 * const stubborn: NegotiatorFactory = () => ({
 *   propose: (view) => view.me.best(),
 *   respond: (view, offer) => (view.me.utility(offer) >= 0.9 ? 'accept' : 'reject'),
 * });
 */
export interface Negotiator {
  /** Makes an offer (alternating offers), an opening or counter-proposal (shuttle); `'end'` leaves. */
  propose(view: NegotiatorView): Outcome | 'end';
  /** Answers an offer (alternating offers), a proposal (shuttle) or the final text (single text). */
  respond(view: NegotiatorView, offer: Outcome): Response;
  /**
   * Single text: how much better `candidate` is than the current text (`view.text`) for this
   * negotiator; a negative score is a veto. Default: the difference of its own utilities.
   */
  vote?(view: NegotiatorView, candidate: Outcome): number;
}

/** What a negotiator is created with, once per negotiation. */
export interface NegotiatorInit {
  readonly self: number;
  readonly me: OwnPreferences;
  /** This negotiator's own random stream (derived from the run's seed and the seat). */
  readonly rng: Rng;
}

/** Creates a fresh negotiator for each negotiation. */
export type NegotiatorFactory = (init: NegotiatorInit) => Negotiator;

/** When a negotiation must end: after `rounds` rounds and/or `ms` milliseconds of the given clock. */
export interface Deadline {
  readonly rounds?: number;
  readonly ms?: number;
}

/** How a negotiation ended. */
export const END_REASONS = ['agreement', 'deadline', 'walk-away', 'illegal', 'error'] as const;

/** How a negotiation ended: one of {@link END_REASONS}. */
export type EndReason = (typeof END_REASONS)[number];
