import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyperRectangleFrontier } from '../src/analysis/frontier/hyperrectangle/index.js';
import { createRng } from '../src/core/rng.js';
import { loadGeniusFolder } from '../src/node.js';
import { createSpace } from '../src/outcomes/space.js';
import { compileUtility } from '../src/preferences/compile.js';
import { domainsDir, hasShared } from './support/shared.js';

/**
 * The ANAC 2014 non-linear domains (10, 30 and 40 integer issues of 10 values; 10^10 to 10^40
 * outcomes), against the frontier published with each (`pareto.xml`, method unknown, 8 digits).
 */
const folders = hasShared('ANAC 2014 hyper-rectangle domains')
  ? readdirSync(domainsDir)
      .filter((d) => d.startsWith('anac-y2014-'))
      .sort()
  : [];
const BUDGET_MS = 4000;
const SAMPLES = 100_000;

/** `a` weakly dominates `b` within `tol`. */
const covers = (a: readonly number[], b: readonly number[], tol: number) =>
  a.every((x, i) => x >= (b[i] as number) - tol);

describe.skipIf(folders.length === 0)('hyperRectangleFrontier on the ANAC 2014 domains', () => {
  it('finds all 12 domains', () => expect(folders).toHaveLength(12));

  it.each(folders)('%s: exact, covers pareto.xml, and no outcome beats it', (folder) => {
    const dir = join(domainsDir, folder);
    const loaded = loadGeniusFolder(dir);
    if (!loaded.ok) throw new Error(`could not load ${folder}: ${loaded.problems[0]?.message}`);
    const scenario = loaded.value;
    const space = createSpace(scenario.issues);
    const parties = scenario.parties.map((p) => ({
      utility: p.utility,
      reservationValue: p.reservationValue,
    }));
    expect(parties).toHaveLength(2);
    expect(parties.every((p) => p.utility.kind === 'hyperrectangle')).toBe(true);

    const got = hyperRectangleFrontier(space, parties, { budgetMs: BUDGET_MS, now: () => performance.now() });
    expect(got.exact).toBe(true);
    expect(got.points.length).toBeGreaterThan(0);

    // Every published point that is rational is found, or beaten.
    const rv = parties.map((p) => p.reservationValue);
    const published = readFileSync(join(dir, 'pareto.xml'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(',').map(Number));
    expect(published.length).toBeGreaterThan(0);
    for (const q of published.filter((q) => covers(q, rv, 0))) {
      expect(
        got.points.some((p) => covers(p.utilities, q, 1e-6)),
        `${folder}: published ${q} is not matched`,
      ).toBe(true);
    }

    // Reported utilities are those of the reported outcomes; vectors are distinct.
    const us = parties.map((p) => compileUtility(space, p.utility));
    for (const p of got.points) {
      for (const [i, u] of us.entries())
        expect(Math.abs(u.evaluate(p.outcome) - (p.utilities[i] as number))).toBeLessThan(1e-12);
      for (const [i, r] of rv.entries()) expect(p.utilities[i]).toBeGreaterThanOrEqual(r);
    }
    expect(new Set(got.points.map((p) => p.utilities.join())).size).toBe(got.points.length);

    // Exact: every rational outcome is weakly dominated by a frontier point. Checked on seeded
    // random outcomes and on every single-issue change of each frontier outcome.
    const beaten = (o: readonly number[]) => {
      const u = us.map((c) => c.evaluate(o));
      if (!covers(u, rv, 0)) return false;
      return !got.points.some((p) => covers(p.utilities, u, 1e-12));
    };
    const rng = createRng(2014);
    const o = space.sizes.map(() => 0);
    let counterexamples = 0;
    for (let s = 0; s < SAMPLES; s++) {
      for (let i = 0; i < o.length; i++) o[i] = rng.int(0, (space.sizes[i] as number) - 1);
      if (beaten(o)) counterexamples++;
    }
    for (const p of got.points) {
      const n = [...p.outcome];
      for (let i = 0; i < n.length; i++) {
        for (let v = 0; v < (space.sizes[i] as number); v++) {
          n[i] = v;
          if (beaten(n)) counterexamples++;
        }
        n[i] = p.outcome[i] as number;
      }
    }
    expect(counterexamples).toBe(0);
  });
});
