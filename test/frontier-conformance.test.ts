/**
 * The one conformance suite of the frontier methods: every method in the registry
 * (`FRONTIER_METHODS`; adding one there adds it here) is run on random small cases where it
 * applies and must give the brute-force frontier: every rational outcome crossing no red line,
 * enumerated, filtered by comparing every pair. Cases: random scenarios (2–4 parties, discrete,
 * integer and real issues, table/linear/piecewise values, red lines on one and several issues),
 * the same with hyper-rectangle and mixed utilities, 8 issues × 4 values, and ANAC-2014-style
 * boxes (integer and real, capped, mixed with linear-additive).
 */
import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import type { FrontierSettings } from '../src/analysis/frontier/method.js';
import { FRONTIER_METHODS } from '../src/analysis/frontier/methods.js';
import {
  type AnalysisProblem,
  type FrontierPoint,
  paretoFrontier,
  prepareProblem,
} from '../src/analysis/index.js';
import { createRng } from '../src/core/rng.js';
import type { Party } from '../src/model/party.js';
import type { Scenario } from '../src/model/scenario.js';
import type { Issue } from '../src/outcomes/issue.js';
import { type BoxShape, randomBoxCase } from './support/random-boxes.js';
import { randomScenario, score, zoneOutcomes } from './support/random-scenarios.js';

const SEEDS = Number(process.env.CONCORD_SEEDS ?? 150);

/** 8 issues × 4 values, 2 or 3 additive parties, one red line over two issues. */
function largerScenario(seed: number): Scenario {
  const rng = createRng(1000 + seed);
  const issues: Issue[] = Array.from({ length: 8 }, (_, i) => ({
    kind: 'discrete',
    name: `i${i}`,
    values: ['a', 'b', 'c', 'd'],
  }));
  const parties: Party[] = Array.from({ length: 2 + (seed % 2) }, (_, p) => ({
    name: `p${p}`,
    role: 'principal',
    utility: {
      kind: 'linear-additive',
      weights: issues.map(() => rng.float()),
      values: issues.map(() => ({ kind: 'table', values: [0, 1, 2, 3].map(() => score(rng)) })),
    },
    reservationValue: rng.float() * 2,
    redLines:
      p === 0
        ? [
            {
              id: 'x',
              forbid: {
                all: [
                  { issue: 'i1', in: ['a'] },
                  { issue: 'i6', in: ['b', 'c'] },
                ],
              },
            },
          ]
        : [],
  }));
  return { name: 'larger', issues, parties };
}

const BOX_SHAPES: [string, BoxShape][] = [
  [
    'integer boxes',
    { parties: [2, 3], issues: [3, 8], maxOutcomes: 3000, additive: 0, realUtilities: false, caps: 0.3 },
  ],
  [
    'real boxes',
    { parties: [2, 3], issues: [3, 7], maxOutcomes: 3000, additive: 0, realUtilities: true, caps: 0.3 },
  ],
  [
    'boxes and linear-additive',
    { parties: [2, 3], issues: [3, 7], maxOutcomes: 3000, additive: 0.4, realUtilities: false, caps: 0.3 },
  ],
  [
    'linear-additive tables',
    { parties: [2, 3], issues: [3, 8], maxOutcomes: 3000, additive: 1, realUtilities: false, caps: 0 },
  ],
];

/** Every case, labelled; problems prepared once. */
function cases(): { label: string; problem: AnalysisProblem }[] {
  const out: { label: string; problem: AnalysisProblem }[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    out.push({ label: `random ${seed}`, problem: prepareProblem(randomScenario(createRng(seed))) });
    out.push({
      label: `non-additive ${seed}`,
      problem: prepareProblem(randomScenario(createRng(seed), { nonAdditive: true })),
    });
  }
  for (let seed = 1; seed <= 6; seed++)
    out.push({ label: `larger ${seed}`, problem: prepareProblem(largerScenario(seed)) });
  BOX_SHAPES.forEach(([name, shape], s) => {
    const rng = createRng(2000 + s);
    for (let t = 0; t < 40; t++) {
      const { space, parties } = randomBoxCase(rng, shape);
      const scenario: Scenario = {
        name: `${name} ${t}`,
        issues: space.issues,
        parties: parties.map((p, i) => ({
          name: `p${i}`,
          role: 'principal',
          utility: p.utility,
          reservationValue: p.reservationValue,
          redLines: [],
        })),
      };
      out.push({ label: `${name} ${t}`, problem: prepareProblem(scenario) });
    }
  });
  return out;
}

/**
 * The brute-force frontier: every zone outcome in enumeration order; kept when no other has a
 * vector at least as good everywhere and different, and no earlier one has the same vector.
 */
function bruteForce(problem: AnalysisProblem): { outcome: number[]; utilities: number[] }[] {
  const zone = zoneOutcomes(problem);
  const dominates = (a: readonly number[], b: readonly number[]) =>
    a.every((x, i) => x >= (b[i] as number)) && a.some((x, i) => x !== b[i]);
  return zone.filter(
    (z, i) =>
      !zone.some((y) => dominates(y.utilities, z.utilities)) &&
      !zone.slice(0, i).some((y) => y.utilities.every((x, p) => x === z.utilities[p])),
  );
}

const welfare = (u: readonly number[]) => u.reduce((s, x) => s + x, 0);

/**
 * Asserts `got` is the frontier `want` (brute force, enumeration order): the same utility
 * vectors as floats (no tolerance, as NegMAS), by welfare descending, equal welfares in
 * enumeration order; each point a zone outcome with exactly those utilities (which of several
 * outcomes sharing a vector is the method's choice: `paretoFrontier` picks the representative).
 */
function assertSameFrontier(
  problem: AnalysisProblem,
  got: readonly FrontierPoint[],
  want: readonly { outcome: number[]; utilities: number[] }[],
  label: string,
): void {
  const byWelfare = [...want].sort((a, b) => welfare(b.utilities) - welfare(a.utilities));
  assert.deepEqual(
    got.map((g) => g.utilities),
    byWelfare.map((w) => w.utilities),
    `${label}: not the brute-force vectors`,
  );
  for (const g of got) {
    const u = problem.parties.map((p) => p.compiled.evaluate(g.outcome));
    assert.deepEqual(g.utilities, u, `${label}: [${g.utilities}] are not the utilities of [${g.outcome}]`);
    assert.ok(
      !problem.redLines.some((r) => r.condition.test(g.outcome)),
      `${label}: [${g.outcome}] crosses a red line`,
    );
  }
}

const SETTINGS: FrontierSettings = {
  enumerationLimit: 4_000_000,
  budgetMs: 60_000,
  now: () => performance.now(),
};
const ALL = cases();
const REFERENCE = new Map(ALL.map((c) => [c, bruteForce(c.problem)]));

describe('frontier methods: conformance against brute force', () => {
  it('the cases are not trivial: empty and many-point frontiers, non-additive utilities, red lines', () => {
    const sizes = [...REFERENCE.values()].map((r) => r.length);
    expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(10);
    expect(sizes.filter((n) => n >= 5).length).toBeGreaterThan(50);
    expect(ALL.filter((c) => !c.problem.additive).length).toBeGreaterThan(100);
    expect(ALL.filter((c) => c.problem.redLines.length > 0).length).toBeGreaterThan(50);
  });

  for (const method of FRONTIER_METHODS) {
    it(`${method.name}: exactly the brute-force frontier on every case it applies to`, () => {
      let applied = 0;
      for (const c of ALL) {
        if (!method.appliesTo(c.problem, SETTINGS)) continue;
        applied++;
        const run = method.run(c.problem, SETTINGS);
        assert.ok(typeof run !== 'string', `${c.label}: gave up (${run})`);
        assert.equal(run.frontier.method, method.name, c.label);
        assert.equal(run.frontier.exact, true, c.label);
        assert.equal(run.frontier.gap, undefined, c.label);
        assertSameFrontier(c.problem, run.frontier.points, REFERENCE.get(c) ?? [], `${c.label}`);
      }
      expect(applied).toBeGreaterThan(150);
    });
  }

  it('paretoFrontier (representative "first") picks a method and keeps the first outcome of each vector', () => {
    for (const c of ALL) {
      const f = paretoFrontier(c.problem, { representative: 'first' });
      assert.equal(f.exact, true, c.label);
      assert.equal(f.method, c.problem.additive ? 'additive-merge' : 'enumeration', c.label);
      const want = [...(REFERENCE.get(c) ?? [])].sort((a, b) => welfare(b.utilities) - welfare(a.utilities));
      assert.deepEqual(f.points, want, c.label);
    }
  });
});
