import { decodeOutcome, type Outcome, type OutcomeSpace } from '../outcomes/space.js';

/**
 * Frozen outcomes of an indexable space by their mixed-radix id, made on first use and shared by
 * every party and run on the same space (so offers cost no allocation and cannot be altered).
 */
export class OutcomeCache {
  readonly space: OutcomeSpace;
  readonly #byId: (Outcome | undefined)[] = [];

  constructor(space: OutcomeSpace) {
    this.space = space;
  }

  get(id: number): Outcome {
    let o = this.#byId[id];
    if (o === undefined) {
      o = Object.freeze(decodeOutcome(this.space, id));
      this.#byId[id] = o;
    }
    return o;
  }
}

/** A frozen copy of an outcome, or the outcome itself when already frozen. */
export function frozenOutcome(o: Outcome): Outcome {
  return Object.isFrozen(o) ? o : Object.freeze(Array.from(o));
}
