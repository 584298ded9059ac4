import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { iota, sortByGroup, sortByKey } from '../../core/argsort.js';
import { createRng, type Rng } from '../../core/rng.js';
import { nonDominated2 } from './pareto-2d.js';
import { nonDominatedNaive } from './pareto-naive.js';
import { nonDominated } from './pareto-nd.js';

/** Random columns; values from a coarse grid half the time so ties and duplicates abound. */
function randomCols(rng: Rng, k: number, n: number): Float64Array[] {
  const grid = rng.float() < 0.5;
  return Array.from({ length: k }, () =>
    Float64Array.from({ length: n }, () => (grid ? rng.int(0, 4) / 4 : rng.float() * 2 - 1)),
  );
}

describe('sortByKey', () => {
  it('sorts stably, descending or ascending, with negatives, zeros and infinities', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createRng(seed);
      const n = rng.int(0, 300);
      const pool = [0, -0, 1, -1, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-300, -1e300];
      const keys = Float64Array.from({ length: n }, () =>
        rng.float() < 0.5 ? (pool[rng.int(0, 8)] as number) : rng.float() - 0.5,
      );
      const perm = iota(n).reverse();
      for (const ascending of [false, true]) {
        const got = Array.from(sortByKey(keys, perm, ascending));
        const want = Array.from(perm).sort((a, b) => {
          const d = ascending
            ? (keys[a] as number) - (keys[b] as number)
            : (keys[b] as number) - (keys[a] as number);
          return d || 0;
        });
        // Equal keys keep the input order (descending indices here): compare with a stable sort.
        assert.deepEqual(got, want, `seed ${seed}`);
      }
    }
  });

  it('sortByGroup is a stable counting sort', () => {
    const keys = Int32Array.of(2, 0, 1, 0, 2, 1);
    expect(Array.from(sortByGroup(keys, iota(6)))).toEqual([1, 3, 2, 5, 0, 4]);
  });
});

describe('non-dominated filters', () => {
  it('nonDominated equals the naive filter for 1 to 5 parties', () => {
    let kept = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rng = createRng(seed);
      const k = 1 + (seed % 5);
      const n = rng.int(0, 120);
      const cols = randomCols(rng, k, n);
      const want = nonDominatedNaive(cols, n);
      assert.deepEqual(nonDominated(cols, n), want, `seed ${seed} k ${k}`);
      if (k === 2) assert.deepEqual(nonDominated2(cols[0] as Float64Array, cols[1] as Float64Array, n), want);
      kept += want.length;
    }
    expect(kept).toBeGreaterThan(600);
  });

  it('with groups, points only compete within their group', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(seed);
      const k = 1 + (seed % 4);
      const n = rng.int(0, 80);
      const cols = randomCols(rng, k, n);
      const groups = Int32Array.from({ length: n }, () => rng.int(0, 3));
      const want: number[] = [];
      for (let g = 0; g <= 3; g++) {
        const members = Array.from(iota(n)).filter((i) => groups[i] === g);
        const sub = cols.map((c) => Float64Array.from(members, (i) => c[i] as number));
        for (const t of nonDominatedNaive(sub, members.length)) want.push(members[t] as number);
      }
      want.sort((a, b) => a - b);
      assert.deepEqual(Array.from(nonDominated(cols, n, groups)), want, `seed ${seed}`);
    }
  });

  it('with margins, keeps a superset and drops only points beaten by more than a margin', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rng = createRng(seed);
      const k = 2 + (seed % 3);
      const n = rng.int(1, 80);
      const cols = randomCols(rng, k, n);
      const margins = Float64Array.from({ length: k }, () => rng.float() * 0.3);
      const exact = new Set(nonDominatedNaive(cols, n));
      const loose = new Set(nonDominated(cols, n, undefined, margins));
      for (const i of exact) assert.ok(loose.has(i), `seed ${seed}`);
      for (let i = 0; i < n; i++) {
        if (loose.has(i)) continue;
        const beaten = Array.from(iota(n)).some((j) => {
          if (j === i) return false;
          const geq = cols.every((c) => (c[j] as number) >= (c[i] as number));
          const identical = cols.every((c) => c[j] === c[i]);
          const ahead = cols.some((c, p) => (c[j] as number) > (c[i] as number) + (margins[p] as number));
          return geq && (ahead || (identical && j < i));
        });
        assert.ok(beaten, `seed ${seed}: point ${i} dropped without a clear lead`);
      }
    }
  });
});
