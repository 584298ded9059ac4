import type { Distribution } from '../../record/types.js';
import type { ReadContext } from './context.js';
import type { Path } from './draft.js';
import type { DistributionFile } from './schema.js';

/** Reads a distribution written as `{ uniform: [a, b] }` etc.; checks its order. */
export function readDistribution(
  d: DistributionFile,
  path: Path,
  ctx: ReadContext,
): Distribution | undefined {
  if ('fixed' in d) return { kind: 'fixed', value: d.fixed };
  if ('bernoulli' in d) return { kind: 'bernoulli', p: d.bernoulli };
  if ('uniform' in d) {
    const [min, max] = d.uniform;
    if (!(min <= max))
      return void ctx.error(
        'bad-range',
        [...path, 'uniform'],
        `uniform [min, max] needs min ≤ max, got [${min}, ${max}]`,
      );
    return { kind: 'uniform', min, max };
  }
  const [min, mode, max] = d.triangular;
  if (!(min <= mode && mode <= max))
    return void ctx.error(
      'bad-range',
      [...path, 'triangular'],
      `triangular [min, mode, max] needs min ≤ mode ≤ max, got [${min}, ${mode}, ${max}]`,
    );
  return { kind: 'triangular', min, mode, max };
}

export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'bernoulli':
      return d.p;
  }
}

export function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
      return [d.min, d.max];
    case 'triangular':
      return [d.min, d.max];
    case 'bernoulli':
      return [0, 1];
  }
}
