/**
 * Random small spaces with hyper-rectangle utilities (ANAC 2014 style: integer or real boxes,
 * some parties capped, some linear-additive), for the hyper-rectangle and conformance suites.
 */
import type { FrontierParty } from '../../src/analysis/frontier/hyperrectangle/index.js';
import type { Rng } from '../../src/core/rng.js';
import type { Issue } from '../../src/outcomes/issue.js';
import { createSpace, forEachOutcome } from '../../src/outcomes/space.js';
import { compileUtility } from '../../src/preferences/compile.js';
import type { HyperRectangle, UtilityFunction } from '../../src/preferences/utility.js';

export interface BoxShape {
  readonly parties: [number, number];
  readonly issues: [number, number];
  readonly maxOutcomes: number;
  /** Chance a party is linear-additive instead of hyper-rectangles. */
  readonly additive: number;
  readonly realUtilities: boolean;
  /** Chance a hyper-rectangle party is capped. */
  readonly caps: number;
}

export function randomBoxCase(rng: Rng, shape: BoxShape) {
  const n = rng.int(shape.issues[0], shape.issues[1]);
  const sizes: number[] = [];
  let count = 1;
  for (let i = 0; i < n; i++) {
    const s = Math.max(1, Math.min(rng.int(2, 5), Math.floor(shape.maxOutcomes / count)));
    sizes.push(s);
    count *= s;
  }
  const issues: Issue[] = sizes.map((s, i) => ({ kind: 'integer', name: `i${i}`, min: 0, max: s - 1 }));
  const space = createSpace(issues);
  const k = rng.int(shape.parties[0], shape.parties[1]);
  const utilities: UtilityFunction[] = [];
  for (let p = 0; p < k; p++) {
    if (rng.float() < shape.additive) {
      utilities.push({
        kind: 'linear-additive',
        weights: sizes.map(() => rng.float()),
        values: sizes.map((s) => ({ kind: 'table', values: Array.from({ length: s }, () => rng.float()) })),
      });
      continue;
    }
    const rectangles: HyperRectangle[] = [];
    const m = rng.int(1, 3 * n);
    for (let r = 0; r < m; r++) {
      const width = rng.int(1, Math.min(4, n));
      const chosen = new Set<number>();
      while (chosen.size < width) chosen.add(rng.int(0, n - 1));
      const bounds = [...chosen].map((i) => {
        const s = sizes[i] as number;
        const a = rng.int(0, s - 1);
        const b = rng.int(a, s - 1 + (rng.float() < 0.1 ? 3 : 0));
        return { issue: i, min: a, max: b };
      });
      const sign = rng.float() < 0.15 ? -1 : 1;
      const utility = shape.realUtilities ? sign * rng.float() * 10 : sign * rng.int(1, 30);
      rectangles.push({ utility, bounds });
    }
    utilities.push({ kind: 'hyperrectangle', rectangles, scale: rng.int(20, 120) });
  }
  // Some hyper-rectangle parties are capped (GENIUS caps at 1): below their best, sometimes at a
  // value an outcome reaches exactly. Reservation values: none, or a share of the party's best.
  const best = (u: UtilityFunction) => {
    const c = compileUtility(space, u);
    let top = Number.NEGATIVE_INFINITY;
    forEachOutcome(space, (o) => {
      top = Math.max(top, c.evaluate(o));
    });
    return top;
  };
  const capped = utilities.map((u): UtilityFunction => {
    if (u.kind !== 'hyperrectangle' || rng.float() > shape.caps) return u;
    const some = compileUtility(space, u).evaluate(space.sizes.map((s) => rng.int(0, s - 1)));
    return { ...u, cap: rng.float() < 0.3 ? some : best(u) * (0.4 + 0.5 * rng.float()) };
  });
  const parties: FrontierParty[] = capped.map((utility) => ({
    utility,
    reservationValue: rng.float() < 0.5 ? 0 : rng.float() * 0.8 * best(utility),
  }));
  return { space, parties };
}
