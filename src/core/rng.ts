import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded random stream. Every random process in Concord takes one of these (never
 * `Math.random`), so the same seed gives the same result on every machine.
 *
 * @example
 * const rng = createRng(42);
 * rng.float(); // in [0, 1)
 * rng.int(1, 6); // in {1..6}
 */
export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  float(): number;
  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** An independent stream (2^64 steps away); this stream is unchanged. */
  split(): Rng;
  /** Saved state, to resume with {@link rngFromState}. */
  state(): readonly number[];
}

class PureRng implements Rng {
  readonly #g: JumpableRandomGenerator;
  constructor(g: JumpableRandomGenerator) {
    this.#g = g;
  }
  float(): number {
    return uniformFloat64(this.#g);
  }
  int(from: number, to: number): number {
    return uniformInt(this.#g, from, to);
  }
  split(): Rng {
    const c = this.#g.clone();
    c.jump();
    // Advance our own stream too so two successive splits differ.
    this.#g.jump();
    this.#g.jump();
    return new PureRng(c);
  }
  state(): readonly number[] {
    return this.#g.getState();
  }
}

export function createRng(seed: number): Rng {
  return new PureRng(xoroshiro128plus(seed | 0));
}

export function rngFromState(state: readonly number[]): Rng {
  return new PureRng(xoroshiro128plusFromState(state));
}
