import type { Outcome } from '../outcomes/space.js';
import type {
  Negotiator,
  NegotiatorFactory,
  NegotiatorInit,
  NegotiatorView,
  OwnPreferences,
  Response,
} from '../protocols/index.js';
import type {
  AcceptanceCondition,
  AcceptanceInput,
  Offering,
  OfferingFactory,
  OpponentModel,
  OpponentModelFactory,
} from './parts.js';

/** The parts of a composed negotiator (GENIUS's BOA: bidding, opponent model, acceptance). */
export interface StrategyParts {
  readonly offering: OfferingFactory;
  readonly acceptance: AcceptanceCondition;
  readonly model?: OpponentModelFactory;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class Composed implements Negotiator {
  readonly #me: OwnPreferences;
  readonly #model: OpponentModel | undefined;
  readonly #offering: Offering;
  readonly #accept: AcceptanceCondition;
  /** One mutable input per negotiator: no allocation per decision. */
  readonly #input: Mutable<AcceptanceInput>;
  #plannedTurn = -1;
  #planned: Outcome | undefined = undefined;
  #best = Number.NEGATIVE_INFINITY;

  constructor(parts: StrategyParts, init: NegotiatorInit) {
    this.#me = init.me;
    this.#model = parts.model?.(init);
    this.#offering = parts.offering(init, this.#model);
    this.#accept = parts.acceptance;
    this.#input = {
      offer: 0,
      next: 0,
      time: 0,
      best: Number.NEGATIVE_INFINITY,
      reservation: init.me.reservation,
      max: init.me.max,
      rng: init.rng,
    };
  }

  /** Updates the model and plans this turn's offer, once per turn. */
  #plan(view: NegotiatorView): Outcome {
    let planned = this.#planned;
    if (view.turn !== this.#plannedTurn || planned === undefined) {
      this.#model?.update(view);
      planned = this.#offering.propose(view);
      this.#planned = planned;
      this.#input.next = this.#me.utility(planned);
      this.#plannedTurn = view.turn;
    }
    return planned;
  }

  propose(view: NegotiatorView): Outcome {
    return this.#plan(view);
  }

  respond(view: NegotiatorView, offer: Outcome): Response {
    const me = this.#me;
    const u = me.utility(offer);
    const before = this.#best;
    if (u > before) this.#best = u;
    if (!(u >= me.reservation) || !me.permits(offer)) return 'reject';
    this.#plan(view);
    const input = this.#input;
    input.offer = u;
    input.time = view.time;
    input.best = before;
    return this.#accept(input) ? 'accept' : 'reject';
  }
}

/**
 * A negotiator made of parts. Each turn it first updates its opponent model, then plans its next
 * offer (once per turn, shared by `respond` and `propose`, so AC_next compares with exactly what
 * it would offer). It never accepts an offer below its reservation value or across its red lines.
 *
 * @example
 * const boulware = composeNegotiator({
 *   offering: timeDependentOffering({ e: 0.2 }),
 *   acceptance: acNext(),
 * });
 */
export function composeNegotiator(parts: StrategyParts): NegotiatorFactory {
  return (init) => new Composed(parts, init);
}
