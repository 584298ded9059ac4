/**
 * The additive merge against brute force on small separable problems built to be hard for it:
 * small integer contributions (identical partial sums, identical final vectors, values that
 * dominate other values of the same issue), 1–4 parties, with and without reservations. The
 * merge must return exactly the non-dominated vectors, each with the first outcome (in
 * enumeration order) that has it, and say `ties` exactly when a returned vector is shared.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createRng, type Rng } from '../../core/rng.js';
import { additiveFrontier } from './additive-frontier.js';

function randomInput(rng: Rng) {
  const k = 1 + Math.floor(rng.float() * 4);
  const n = 1 + Math.floor(rng.float() * 5);
  const sizes = Array.from({ length: n }, () => 1 + Math.floor(rng.float() * 4));
  const spread = 1 + Math.floor(rng.float() * 4);
  const tables = Array.from({ length: k }, () =>
    sizes.map((s) => Float64Array.from({ length: s }, () => Math.floor(rng.float() * spread) / 4)),
  );
  const reservations =
    rng.float() < 0.4
      ? tables.map((t) => t.reduce((a, col) => a + Math.max(...col), 0) * rng.float())
      : undefined;
  return reservations ? { sizes, tables, reservations } : { sizes, tables };
}

function* outcomes(sizes: readonly number[]): Generator<number[]> {
  const o = sizes.map(() => 0);
  for (;;) {
    yield [...o];
    let i = sizes.length - 1;
    while (i >= 0 && (o[i] as number) + 1 >= (sizes[i] as number)) o[i--] = 0;
    if (i < 0) return;
    o[i] = (o[i] as number) + 1;
  }
}

describe('additiveFrontier against brute force', () => {
  it('returns the non-dominated vectors, the first outcome of each, and ties exactly', () => {
    for (let seed = 0; seed < 400; seed++) {
      const rng = createRng(seed);
      const input = randomInput(rng);
      const all = [...outcomes(input.sizes)].map((o) => ({
        o,
        u: input.tables.map((t) => o.reduce((s, v, i) => s + ((t[i] as Float64Array)[v] as number), 0)),
      }));
      const zone = all.filter((x) =>
        x.u.every((u, p) => u >= ('reservations' in input ? (input.reservations[p] as number) : -Infinity)),
      );
      const key = (u: readonly number[]) => u.join(',');
      const front = zone.filter(
        (x) =>
          !zone.some(
            (y) => y.u.every((u, p) => u >= (x.u[p] as number)) && y.u.some((u, p) => u > (x.u[p] as number)),
          ),
      );
      const firstOf = new Map<string, number[]>();
      const count = new Map<string, number>();
      for (const x of front) {
        if (!firstOf.has(key(x.u))) firstOf.set(key(x.u), x.o);
        count.set(key(x.u), (count.get(key(x.u)) ?? 0) + 1);
      }
      const res = additiveFrontier(input);
      assert.ok(res.ok, `seed ${seed}`);
      assert.equal(res.gap, 0);
      const n = input.sizes.length;
      const got = new Map<string, number[]>();
      for (let j = 0; j < res.count; j++)
        got.set(
          key(res.cols.map((c) => c[j] as number)),
          Array.from(res.outcomes.subarray(j * n, (j + 1) * n)),
        );
      assert.equal(got.size, res.count, `seed ${seed}: a vector returned twice`);
      assert.deepEqual(new Map([...got].sort()), new Map([...firstOf].sort()), `seed ${seed}`);
      assert.equal(
        res.ties,
        [...count.values()].some((c) => c > 1),
        `seed ${seed}: ties`,
      );
    }
  });
});
