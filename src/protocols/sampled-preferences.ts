import { createRng, type Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { CompiledParty } from '../preferences/problem.js';
import { permittedBy } from './red-lines.js';
import type { OwnPreferences } from './types.js';
import { lastAtLeastIn } from './utility-index.js';

/** Local searches from random starts that seed the top of the sampled index. */
const CLIMBS = 16;

/**
 * {@link OwnPreferences} for non-linear utilities on spaces too large to enumerate: a sorted
 * index over a fixed-seed sample of outcomes plus the local optima of a few hill climbs (so the
 * best offers are near the true best). Approximate (`method: 'sampled'`); deterministic.
 */
export function sampledPreferences(
  space: OutcomeSpace,
  party: CompiledParty,
  discount: number,
  samples: number,
): OwnPreferences {
  const rng = createRng(0x5eed);
  const sizes = space.sizes;
  const k = sizes.length;
  const evaluate = (o: Outcome) => party.compiled.evaluate(o);
  const permits = (o: Outcome): boolean => party.redLines.length === 0 || permittedBy(party, o);
  const pool = new Map<string, { o: Outcome; u: number }>();
  const add = (o: number[]): void => {
    const key = o.join(',');
    if (!pool.has(key) && permits(o)) pool.set(key, { o: Object.freeze(o.slice()), u: evaluate(o) });
  };
  const randomOutcome = (r: Rng): number[] => sizes.map((s) => r.int(0, s - 1));
  for (let s = 0; s < samples; s++) add(randomOutcome(rng));
  for (let c = 0; c < CLIMBS; c++) {
    const o = randomOutcome(rng);
    let u = evaluate(o);
    for (let sweep = 0, improved = true; sweep < 5 && improved; sweep++) {
      improved = false;
      for (let i = 0; i < k; i++) {
        const size = sizes[i] as number;
        const tries = Math.min(size, 16);
        for (let t = 0; t < tries; t++) {
          const v = size <= 16 ? t : rng.int(0, size - 1);
          const old = o[i] as number;
          if (v === old) continue;
          o[i] = v;
          const w = evaluate(o);
          if (w > u && permits(o)) {
            u = w;
            improved = true;
          } else o[i] = old;
        }
      }
    }
    add(o);
  }
  const entries = [...pool.values()].sort((a, b) => b.u - a.u);
  const n = entries.length;
  const sorted = Float64Array.from(entries, (e) => e.u);
  const lastAtLeast = (target: number): number => lastAtLeastIn(sorted, target);
  const zero = Object.freeze(sizes.map(() => 0));
  const at = (j: number): Outcome => entries[j]?.o ?? zero;
  return Object.freeze({
    party: party.name,
    space,
    reservation: party.reservation,
    discount,
    max: n > 0 ? (sorted[0] as number) : Number.NEGATIVE_INFINITY,
    min: n > 0 ? (sorted[n - 1] as number) : Number.NEGATIVE_INFINITY,
    method: 'sampled' as const,
    utility: evaluate,
    permits,
    best: () => at(0),
    atLeast: (target: number) => at(Math.max(0, lastAtLeast(target))),
    within(lo: number, hi: number, limit: number): Outcome[] {
      const out: Outcome[] = [];
      for (let j = lastAtLeast(lo); j >= 0 && out.length < limit && (sorted[j] as number) <= hi; j--)
        out.push(at(j));
      return out;
    },
    random(r: Rng, floor = Number.NEGATIVE_INFINITY): Outcome {
      const j = lastAtLeast(floor);
      return at(j < 0 ? 0 : r.int(0, j));
    },
  });
}
