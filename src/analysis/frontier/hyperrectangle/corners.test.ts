import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/rng.js';
import { SearchCorners } from './corners.js';

describe('SearchCorners', () => {
  it('its zones hold exactly the points no inserted point weakly dominates (3 and 4 utilities)', () => {
    const rng = createRng(12);
    for (const k of [3, 4]) {
      for (let t = 0; t < 20; t++) {
        const corners = new SearchCorners(k);
        const points: number[][] = [];
        for (let i = 0; i < rng.int(1, 25); i++) {
          const a = Array.from({ length: k }, () => rng.int(0, 6));
          points.push(a);
          corners.add(Float64Array.from(a));
        }
        for (let s = 0; s < 300; s++) {
          const y = Array.from({ length: k }, () => rng.int(-1, 7));
          const free = !points.some((a) => a.every((x, p) => x >= (y[p] as number)));
          let inZone = false;
          for (let i = 0; i < corners.count && !inZone; i++) inZone = y.every((x, p) => x > corners.at(i, p));
          expect(inZone, `${y} vs ${JSON.stringify(points)}`).toBe(free);
        }
        // Sorted by the first utility, and none redundant (no zone inside another).
        for (let i = 1; i < corners.count; i++)
          expect(corners.at(i, 0)).toBeGreaterThanOrEqual(corners.at(i - 1, 0));
        for (let i = 0; i < corners.count; i++)
          for (let j = 0; j < corners.count; j++)
            if (i !== j) {
              const inside = Array.from({ length: k }, (_, p) => corners.at(j, p) <= corners.at(i, p)).every(
                Boolean,
              );
              expect(inside).toBe(false);
            }
      }
    }
  });
});
