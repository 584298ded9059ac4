import type { Rng } from '../core/rng.js';
import type { Distribution } from './types.js';

/** One draw from a distribution (inverse-CDF for the triangular). */
export function sampleDistribution(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.float();
    case 'triangular': {
      const u = rng.float();
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'bernoulli':
      return rng.float() < d.p ? 1 : 0;
  }
}

/** Smallest and largest value the distribution can take. */
export function distributionSupport(d: Distribution): readonly [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
      return [d.min, d.max];
    case 'bernoulli':
      return [0, 1];
  }
}
