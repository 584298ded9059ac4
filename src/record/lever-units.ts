import { ConcordError } from '../core/errors.js';
import type { Lever } from './types.js';

/** The number a setting stands for on a lever's scale; throws `unknown-lever` / `unknown-level`. */
export function leverUnits(lever: Lever, setting: string | number): number {
  const base = lever.levels[lever.baseline];
  if (base === undefined)
    throw new ConcordError('unknown-level', `lever "${lever.id}" has no baseline level "${lever.baseline}"`);
  if (typeof setting === 'number') {
    if (!Number.isFinite(setting))
      throw new ConcordError('bad-level', `lever "${lever.id}": level ${setting} is not a finite number`);
    return setting - base;
  }
  const level = lever.levels[setting];
  if (level === undefined)
    throw new ConcordError(
      'unknown-level',
      `lever "${lever.id}" has no level "${setting}" (levels: ${Object.keys(lever.levels).join(', ')})`,
    );
  return level - base;
}
