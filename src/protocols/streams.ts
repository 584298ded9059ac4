import { createRng, type Rng } from '../core/rng.js';

/**
 * The seed of stream `stream` of a run seeded `seed` (a 32-bit mix, so neighbouring seeds and
 * streams give unrelated sequences). Cheaper than `Rng.split()`, and any stream can be recreated
 * from (seed, stream) alone.
 */
export function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** An {@link Rng} created on first use (most negotiators never draw a number). */
export class LazyRng implements Rng {
  readonly #seed: number;
  #rng: Rng | undefined;

  constructor(seed: number) {
    this.#seed = seed;
  }

  #get(): Rng {
    if (this.#rng === undefined) this.#rng = createRng(this.#seed);
    return this.#rng;
  }

  float(): number {
    return this.#get().float();
  }

  int(from: number, to: number): number {
    return this.#get().int(from, to);
  }

  split(): Rng {
    return this.#get().split();
  }

  state(): readonly number[] {
    return this.#get().state();
  }
}
