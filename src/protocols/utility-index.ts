import { sortByKey } from '../core/argsort.js';
import type { Rng } from '../core/rng.js';
import { forEachOutcome, type Outcome, type OutcomeSpace } from '../outcomes/space.js';
import type { CompiledParty } from '../preferences/problem.js';
import type { OutcomeCache } from './outcome-cache.js';
import { permittedBy } from './red-lines.js';
import type { OwnPreferences } from './types.js';

/**
 * The exact {@link OwnPreferences}: every outcome's utility by id, and the permitted outcomes
 * sorted by utility (descending, ties by id). Built once per (scenario, party) and shared by
 * every run, which is what makes repeated simulation fast.
 */
export function indexedPreferences(
  space: OutcomeSpace,
  party: CompiledParty,
  discount: number,
  cache: OutcomeCache,
): OwnPreferences {
  const count = space.countNumber;
  const util = new Float64Array(count);
  const ids: number[] = [];
  const hasRedLines = party.redLines.length > 0;
  let id = 0;
  forEachOutcome(space, (o) => {
    util[id] = party.compiled.evaluate(o);
    if (!hasRedLines || permittedBy(party, o)) ids.push(id);
    id++;
  });
  // Radix sort: stable, so equal utilities stay in id order.
  const order = sortByKey(util, Int32Array.from(ids));
  const sorted = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) sorted[j] = util[order[j] as number] as number;
  const n = order.length;
  const strides = space.strides;
  const k = strides.length;

  const lastAtLeast = (target: number): number => lastAtLeastIn(sorted, target);
  const at = (j: number): Outcome => cache.get(n === 0 ? 0 : (order[j] as number));

  return Object.freeze({
    party: party.name,
    space,
    reservation: party.reservation,
    discount,
    max: n > 0 ? (sorted[0] as number) : Number.NEGATIVE_INFINITY,
    min: n > 0 ? (sorted[n - 1] as number) : Number.NEGATIVE_INFINITY,
    method: 'exact' as const,
    utility(o: Outcome): number {
      let e = 0;
      for (let i = 0; i < k; i++) e += (o[i] as number) * (strides[i] as number);
      return util[e] as number;
    },
    permits(o: Outcome): boolean {
      return !hasRedLines || permittedBy(party, o);
    },
    best: () => at(0),
    atLeast(target: number): Outcome {
      const j = lastAtLeast(target);
      return at(Math.max(j, 0));
    },
    within(lo: number, hi: number, limit: number): Outcome[] {
      const out: Outcome[] = [];
      for (let j = lastAtLeast(lo); j >= 0 && out.length < limit && (sorted[j] as number) <= hi; j--)
        out.push(at(j));
      return out;
    },
    random(rng: Rng, floor = Number.NEGATIVE_INFINITY): Outcome {
      const j = lastAtLeast(floor);
      return at(j < 0 ? 0 : rng.int(0, j));
    },
  });
}

/** Largest position of a descending array whose value is at least `target`, or -1 (binary search). */
export function lastAtLeastIn(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) >= target) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
