import type { Rng } from '../core/rng.js';
import type { Outcome } from '../outcomes/space.js';
import type { NegotiatorView, OwnPreferences } from '../protocols/index.js';
import { aspiration, floorOf } from './aspiration.js';
import type { Offering, OfferingFactory, OpponentModel } from './parts.js';

// Parts are classes, not closures: a negotiation creates one of each, and class instances are
// the cheapest thing to create in a loop of a million runs.

/** Offers by turn for one (party, deadline): the same target every run, so found once. */
type TurnCache = WeakMap<OwnPreferences, Map<number, (Outcome | undefined)[]>>;

class TimeDependent implements Offering {
  readonly #me: OwnPreferences;
  readonly #p: { e: number; k: number; min: number; max: number };
  readonly #cache: TurnCache;
  #byTurn: (Outcome | undefined)[] | undefined;
  #turns = -1;
  constructor(me: OwnPreferences, e: number, k: number, cache: TurnCache) {
    this.#me = me;
    this.#p = { e, k, min: floorOf(me), max: me.max };
    this.#cache = cache;
  }
  propose(view: NegotiatorView): Outcome {
    const T = view.totalTurns;
    // With a deadline in turns only, time is turn / T: the offer depends on the turn alone.
    if (T !== undefined && view.time === view.turn / T) {
      if (T !== this.#turns) {
        let perParty = this.#cache.get(this.#me);
        if (!perParty) this.#cache.set(this.#me, (perParty = new Map()));
        let byTurn = perParty.get(T);
        if (!byTurn) perParty.set(T, (byTurn = []));
        this.#byTurn = byTurn;
        this.#turns = T;
      }
      const byTurn = this.#byTurn as (Outcome | undefined)[];
      let o = byTurn[view.turn];
      if (o === undefined) byTurn[view.turn] = o = this.#me.atLeast(aspiration(view.time, this.#p));
      return o;
    }
    return this.#me.atLeast(aspiration(view.time, this.#p));
  }
}

/**
 * Time-dependent concession (GENIUS's TimeDependentAgent): offers the outcome whose utility is
 * closest above the target `aspiration(t)` (see {@link aspiration}).
 */
export function timeDependentOffering(params: { readonly e: number; readonly k?: number }): OfferingFactory {
  const k = params.k ?? 0;
  const cache: TurnCache = new WeakMap();
  return ({ me }) => new TimeDependent(me, params.e, k, cache);
}

class Hardliner implements Offering {
  readonly #me: OwnPreferences;
  constructor(me: OwnPreferences) {
    this.#me = me;
  }
  propose(): Outcome {
    return this.#me.best();
  }
}

/** Always offers its best outcome. */
export function hardlinerOffering(): OfferingFactory {
  return ({ me }) => new Hardliner(me);
}

class RandomOffers implements Offering {
  readonly #me: OwnPreferences;
  readonly #rng: Rng;
  readonly #floor: number;
  constructor(me: OwnPreferences, rng: Rng) {
    this.#me = me;
    this.#rng = rng;
    this.#floor = floorOf(me);
  }
  propose(): Outcome {
    return this.#me.random(this.#rng, this.#floor);
  }
}

/** A uniformly random outcome at or above the reservation value. */
export function randomOffering(): OfferingFactory {
  return ({ me, rng }) => new RandomOffers(me, rng);
}

class TitForTat implements Offering {
  readonly #me: OwnPreferences;
  readonly #self: number;
  readonly #initial: number;
  readonly #factor: number;
  readonly #lo: number;
  readonly #first = new Map<number, number>();
  readonly #latest = new Map<number, number>();
  #target: number;
  #seen = 0;
  constructor(me: OwnPreferences, self: number, initial: number, factor: number) {
    this.#me = me;
    this.#self = self;
    this.#initial = initial;
    this.#factor = factor;
    this.#lo = floorOf(me);
    this.#target = me.max - initial * (me.max - this.#lo);
  }
  propose(view: NegotiatorView): Outcome {
    const me = this.#me;
    const h = view.history;
    for (; this.#seen < h.length; this.#seen++) {
      const from = h.from(this.#seen);
      if (from === this.#self) continue;
      const u = me.utility(h.outcome(this.#seen));
      if (!this.#first.has(from)) this.#first.set(from, u);
      this.#latest.set(from, u);
    }
    let conceded = this.#first.size === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (const [p, u0] of this.#first)
      conceded = Math.min(conceded, Math.max(0, (this.#latest.get(p) as number) - u0));
    const wanted = me.max - this.#initial * (me.max - this.#lo) - this.#factor * conceded;
    this.#target = Math.max(this.#lo, Math.min(this.#target, wanted));
    return me.atLeast(this.#target);
  }
}

/**
 * Relative tit-for-tat: opens `initial` (a share of its range) below its best, then concedes as
 * much as the least conceding other party has conceded so far, measured in its own utility
 * (`factor` times that); never takes a concession back.
 */
export function titForTatOffering(params: {
  readonly initial?: number;
  readonly factor?: number;
}): OfferingFactory {
  const initial = params.initial ?? 0.02;
  const factor = params.factor ?? 1;
  return ({ me, self }) => new TitForTat(me, self, initial, factor);
}

class ModelBased implements Offering {
  readonly #me: OwnPreferences;
  readonly #rng: Rng;
  readonly #model: OpponentModel | undefined;
  readonly #p: { e: number; k: number; min: number; max: number };
  readonly #width: number;
  readonly #limit: number;
  constructor(
    me: OwnPreferences,
    rng: Rng,
    model: OpponentModel | undefined,
    e: number,
    k: number,
    width: number,
    limit: number,
  ) {
    this.#me = me;
    this.#rng = rng;
    this.#model = model;
    this.#p = { e, k, min: floorOf(me), max: me.max };
    this.#width = width;
    this.#limit = limit;
  }
  propose(view: NegotiatorView): Outcome {
    const me = this.#me;
    const p = this.#p;
    const model = this.#model;
    const target = aspiration(view.time, p);
    if (!model || model.observations === 0) return me.atLeast(target);
    const options = me.within(target, target + this.#width * (p.max - p.min), this.#limit, this.#rng);
    let best: Outcome | undefined;
    let score = Number.NEGATIVE_INFINITY;
    for (const o of options) {
      const v = model.estimate(o);
      if (v > score) {
        score = v;
        best = o;
      }
    }
    return best ?? me.atLeast(target);
  }
}

/**
 * Time-dependent target, then, among its outcomes within `width` (a share of its range) above
 * the target, the one the opponent model rates best for the others (the BOA "model-based"
 * bidding of e.g. HardHeaded). Without a model or observations, like {@link timeDependentOffering}.
 */
export function modelOffering(params: {
  readonly e: number;
  readonly k?: number;
  readonly width?: number;
  readonly candidates?: number;
}): OfferingFactory {
  const k = params.k ?? 0;
  const width = params.width ?? 0.1;
  const limit = params.candidates ?? 32;
  return ({ me, rng }, model) => new ModelBased(me, rng, model, params.e, k, width, limit);
}
