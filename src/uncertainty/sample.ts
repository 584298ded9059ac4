import { ConcordError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { Distribution, NegotiationRecord } from '../record/types.js';

/** One draw of every assumption: assumption id → value. */
export type ParameterSample = Readonly<Record<string, number>>;

/**
 * The value of a distribution at quantile `u` in [0, 1) (its inverse CDF): one uniform number
 * per draw, whatever the distribution, so common random numbers line up across runs.
 *
 * @example
 * quantileOf({ kind: 'triangular', min: 0, mode: 0.5, max: 1 }, 0.5); // 0.5
 * quantileOf({ kind: 'bernoulli', p: 0.7 }, 0.2); // 1
 */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'bernoulli':
      return u < d.p ? 1 : 0;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

/**
 * Draws every assumption of a record once: one `rng.float()` per assumption in record order
 * (through {@link quantileOf}), so the i-th call on a stream is reproducible.
 *
 * @example
 * const rng = createRng(7);
 * sampleParameters(scenario.record, rng); // { 'a-ru-reservation': 0.47, 'a-ru-cap-real': 1, ... }
 */
export function sampleParameters(record: NegotiationRecord, rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of record.assumptions) out[a.id] = quantileOf(a.distribution, rng.float());
  return out;
}

/** Checks that a number option is a positive integer; throws `bad-option`. */
export function positiveInteger(name: string, x: number): number {
  if (!Number.isInteger(x) || x < 1)
    throw new ConcordError('bad-option', `${name} must be a positive integer, got ${String(x)}`);
  return x;
}
