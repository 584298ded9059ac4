import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/rng.js';
import { mergeFrontier, nondominated } from './merge.js';

const naive = (pts: Float64Array[]) =>
  pts.filter(
    (x, i) =>
      !pts.some((y, j) => {
        const geq = y.every((v, p) => v >= (x[p] as number));
        const same = y.every((v, p) => v === x[p]);
        return geq && (!same || j < i);
      }),
  );
const key = (pts: readonly { values: Float64Array }[]) => pts.map((p) => Array.from(p.values).join()).sort();

describe('nondominated and mergeFrontier', () => {
  it('nondominated equals the quadratic filter on random integer points (2 and 3 parties)', () => {
    const rng = createRng(5);
    for (const k of [2, 3]) {
      for (let t = 0; t < 50; t++) {
        const pts = Array.from({ length: rng.int(0, 60) }, () =>
          Float64Array.from({ length: k }, () => rng.int(0, 9)),
        );
        expect(
          key(
            nondominated(
              pts.map((values) => ({ values })),
              k,
            ),
          ),
        ).toEqual(key(naive(pts).map((values) => ({ values }))));
      }
    }
  });

  it('mergeFrontier is the frontier of all pairwise sums above the floor', () => {
    const rng = createRng(6);
    for (let t = 0; t < 30; t++) {
      const a = nondominated(
        Array.from({ length: rng.int(1, 15) }, () => ({
          values: Float64Array.from([rng.int(0, 20), rng.int(0, 20)]),
          parts: new Int32Array(0),
        })),
        2,
      );
      const b = Array.from({ length: rng.int(1, 15) }, () => ({
        values: Float64Array.from([rng.int(0, 20), rng.int(0, 20)]),
      }));
      const floor = Float64Array.from([rng.int(0, 15), -Infinity]);
      const sums = a.flatMap((x) =>
        b.map((y) => Float64Array.from([0, 1], (p) => (x.values[p] as number) + (y.values[p] as number))),
      );
      const want = naive(sums.filter((s) => (s[0] as number) >= (floor[0] as number)));
      const got = mergeFrontier(a, b, 2, floor);
      expect(key(got)).toEqual(key(want.map((values) => ({ values }))));
      // Each merged point names the part it took from `b`, and it adds up.
      for (const g of got) {
        const y = b[g.parts[0] as number]?.values as Float64Array;
        expect(a.some((x) => x.values.every((v, p) => v + (y[p] as number) === g.values[p]))).toBe(true);
      }
    }
  });
});
