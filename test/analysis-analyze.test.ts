import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import {
  agreementZone,
  analyze,
  enumerateFrontier,
  evaluateOutcome,
  type FrontierPoint,
  issueZones,
  nonDominatedNaive,
  paretoFrontier,
  prepareProblem,
} from '../src/analysis/index.js';
import { ConcordError } from '../src/core/errors.js';
import { createRng, type Rng } from '../src/core/rng.js';
import type { Party } from '../src/model/party.js';
import { randomScenario } from '../src/model/random.js';
import type { Scenario } from '../src/model/scenario.js';
import type { Issue } from '../src/outcomes/issue.js';
import type { HyperRectangleUtility } from '../src/preferences/utility.js';

const laptop: Scenario = {
  name: 'laptop',
  issues: [
    { kind: 'discrete', name: 'brand', values: ['Dell', 'Mac', 'HP'] },
    { kind: 'integer', name: 'disk', min: 60, max: 120, step: 20 },
  ],
  parties: [
    {
      name: 'buyer',
      role: 'principal',
      utility: {
        kind: 'linear-additive',
        weights: [0.6, 0.4],
        values: [
          { kind: 'table', values: [0.4, 0.7, 1] },
          { kind: 'linear', x0: 60, y0: 0.2, slope: 0.8 / 60 },
        ],
      },
      reservationValue: 0.5,
      redLines: [{ id: 'no-dell', forbid: { issue: 'brand', in: ['Dell'] } }],
    },
    {
      name: 'seller',
      role: 'principal',
      utility: {
        kind: 'linear-additive',
        weights: [0.5, 0.5],
        values: [
          { kind: 'table', values: [1, 0.6, 0.3] },
          { kind: 'linear', x0: 60, y0: 1, slope: -0.9 / 60 },
        ],
      },
      reservationValue: 0.3,
      redLines: [],
    },
  ],
};

function rectangles(rng: Rng, issues: readonly Issue[], sizes: readonly number[]): HyperRectangleUtility {
  return {
    kind: 'hyperrectangle',
    rectangles: Array.from({ length: 12 }, () => ({
      utility: rng.int(1, 9),
      bounds: issues.flatMap((_, i) => {
        if (rng.float() < 0.6) return [];
        const a = rng.int(0, (sizes[i] as number) - 1);
        return [{ issue: i, min: a, max: rng.int(a, (sizes[i] as number) - 1) }];
      }),
    })),
    scale: 20,
  };
}

function rectangleScenario(seed: number, nIssues: number, values: number): Scenario {
  const rng = createRng(seed);
  const issues: Issue[] = Array.from({ length: nIssues }, (_, i) => ({
    kind: 'integer',
    name: `x${i}`,
    min: 1,
    max: values,
  }));
  const sizes = issues.map(() => values);
  const parties: Party[] = [0, 1].map((p) => ({
    name: `p${p}`,
    role: 'principal',
    utility: rectangles(rng, issues, sizes),
    reservationValue: 0.05,
    redLines: [],
  }));
  return { name: `rect-${seed}`, issues, parties };
}

describe('analyze', () => {
  it('gives a plain, JSON-ready result: frontier, solutions, ranges, zone, issue zones', () => {
    const a = analyze(laptop);
    expect(a.exact).toBe(true);
    expect(a.method).toBe('additive-merge');
    expect(a.outcomeCount).toBe('12');
    expect(a.frontier.length).toBeGreaterThan(0);
    for (const p of a.frontier) expect(p.outcome[0]).not.toBe(0); // the buyer's red line
    expect(a.solutions.nash.length).toBeGreaterThan(0);
    expect(a.agreementZone?.exact).toBe(true);
    expect(a.issueZones?.issues[0]?.excluded[0]?.reasons).toContainEqual({
      kind: 'red-line',
      party: 'buyer',
      redLine: 'no-dell',
    });
    expect(a.issueZones?.issues[1]?.range).toBeDefined();
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('names misuse with a ConcordError code', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ConcordError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => analyze({ ...laptop, parties: laptop.parties.slice(0, 1) }))).toBe('too-few-parties');
    const bad = {
      ...laptop.parties[0],
      redLines: [{ id: 'x', forbid: { issue: 'colour', in: ['red'] } }],
    } as Party;
    expect(code(() => analyze({ ...laptop, parties: [bad, laptop.parties[1] as Party] }))).toBe(
      'unknown-issue',
    );
    expect(code(() => evaluateOutcome(laptop, [5, 0]))).toBe('bad-outcome');
    expect(code(() => evaluateOutcome(laptop, { brand: 'Acer' }))).toBe('unknown-value');
    expect(code(() => paretoFrontier(rectangleScenario(1, 3, 3), { method: 'additive-merge' }))).toBe(
      'not-additive',
    );
    const huge = randomScenario(createRng(1), { issues: 12, values: 10 });
    expect(code(() => paretoFrontier(huge, { method: 'enumeration' }))).toBe('too-many-outcomes');
    expect(code(() => agreementZone(huge, { method: 'enumeration' }))).toBe('too-many-outcomes');
    expect(code(() => issueZones(huge, { method: 'enumeration' }))).toBe('too-many-outcomes');
  });

  it('an empty frontier is an ordinary result', () => {
    const hard = { ...laptop, parties: laptop.parties.map((p) => ({ ...p, reservationValue: 2 })) };
    const a = analyze(hard);
    expect(a.frontier).toEqual([]);
    expect(a.solutions.nash).toEqual([]);
    expect(a.solutions.maxWelfare).toEqual([]);
    expect(a.agreementZone?.count).toBe('0');
    expect(a.issueZones?.issues.every((z) => z.feasible.length === 0)).toBe(true);
    expect(evaluateOutcome(hard, [1, 1], { frontier: [] }).distanceToFrontier).toBeUndefined();
  });

  it('evaluates named and partial outcomes', () => {
    const e = evaluateOutcome(laptop, { brand: 'Dell', disk: 120 });
    expect(e.complete).toBe(true);
    expect(e.redLinesCrossed).toEqual([{ party: 'buyer', redLine: 'no-dell' }]);
    expect(e.inZone).toBe(false);
    const partial = evaluateOutcome(laptop, { brand: 'HP' });
    expect(partial.missingIssues).toEqual(['disk']);
    expect(partial.parties[0]?.range?.[0]).toBeLessThan(partial.parties[0]?.range?.[1] as number);
  });
});

describe('non-additive scenarios', () => {
  it('dispatches big spaces to the hyper-rectangle search, which agrees with enumeration', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const scenario = rectangleScenario(seed, 4, 5);
      const problem = prepareProblem(scenario);
      const searched = paretoFrontier(problem, { enumerationLimit: 10, budgetMs: 60_000 });
      const enumerated = enumerateFrontier(problem, { filter: 'naive' });
      expect(searched.method).toBe('hyperrectangle-bnb');
      assert.ok(searched.exact, `seed ${seed}`);
      // Same utility vectors; each returned outcome really has its utilities.
      assert.deepEqual(
        searched.points.map((p) => p.utilities),
        enumerated.points.map((p) => p.utilities),
        `seed ${seed}`,
      );
      for (const p of searched.points)
        assert.deepEqual(
          problem.parties.map((q) => q.compiled.evaluate(p.outcome)),
          p.utilities,
        );
    }
  });

  it('says what is approximate when the search budget runs out', () => {
    const a = analyze(rectangleScenario(3, 14, 10), { budgetMs: 0, samples: 5000 });
    expect(a.method).toBe('hyperrectangle-bnb');
    if (!a.exact) expect(a.inexact?.length).toBeGreaterThan(0);
    expect(a.agreementZone?.exact === false || a.agreementZone?.method === 'ranges').toBe(true);
    expect(a.issueZones?.method === 'not-computed' || a.issueZones?.method === 'ranges').toBe(true);
  });
});

describe('large additive spaces', () => {
  it('finds the exact frontier of a 2-party 10^20-outcome space without enumerating it', () => {
    const scenario = randomScenario(createRng(5), { parties: 2, issues: 20, values: 10 });
    const problem = prepareProblem(scenario);
    const f = paretoFrontier(problem);
    expect(f.method).toBe('additive-merge');
    expect(problem.space.count).toBe(10n ** 20n);
    const cols = [0, 1].map((p) => Float64Array.from(f.points, (x) => x.utilities[p] as number));
    expect(nonDominatedNaive(cols, f.points.length).length).toBe(f.points.length);
    for (const p of f.points)
      assert.deepEqual(
        problem.parties.map((q) => q.compiled.evaluate(p.outcome)),
        p.utilities,
      );
    // Every outcome with one value changed is dominated by (or equal to) some frontier point.
    const rng = createRng(9);
    for (let t = 0; t < 200; t++) {
      const o = [...(f.points[rng.int(0, f.points.length - 1)] as FrontierPoint).outcome];
      o[rng.int(0, 19)] = rng.int(0, 9);
      const u = problem.parties.map((q) => q.compiled.evaluate(o));
      assert.ok(f.points.some((p) => p.utilities.every((x, i) => x >= (u[i] as number))));
    }
  });

  it('counts a 10^10-outcome zone exactly by meeting in the middle', () => {
    const scenario = randomScenario(createRng(2), { parties: 2, issues: 10, values: 10, reservation: 0.55 });
    const z = agreementZone(scenario);
    expect(z.exact).toBe(true);
    expect(z.method).toBe('meet-in-the-middle');
    const estimate = agreementZone(scenario, { samples: 200_000, seed: 4, method: 'sampling' });
    expect(Math.abs(estimate.share - z.share)).toBeLessThan(5 * (estimate.stdError as number) + 1e-6);
  });

  it('three parties: frontier and issue zones', () => {
    const scenario = randomScenario(createRng(3), { parties: 3, issues: 5, values: 6, reservation: 0.4 });
    const problem = prepareProblem(scenario);
    expect(paretoFrontier(problem, { representative: 'first' }).points).toEqual(
      enumerateFrontier(problem).points,
    );
    expect(issueZones(problem).issues).toEqual(issueZones(problem, { method: 'enumeration' }).issues);
  });
});
