/**
 * Property tests of the analysis core against the brute-force enumerator, on random small
 * scenarios (2–4 parties; discrete, integer and real issues; table, linear and piecewise value
 * functions; random reservations; red lines on one issue and on several).
 */
import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { enumerationPass } from '../src/analysis/frontier/enumeration-pass.js';
import { redLineEffect, separableInput } from '../src/analysis/frontier/separable.js';
import {
  type AnalysisProblem,
  additiveFrontier,
  agreementZone,
  analyze,
  enumerateFrontier,
  evaluateOutcome,
  type FrontierPoint,
  issueZones,
  type PartyEvaluation,
  paretoFrontier,
  prepareProblem,
  solutions,
  utilityRanges,
} from '../src/analysis/index.js';
import { numpyArgsort } from '../src/analysis/solutions/numpy-argsort.js';
import { countMeetInMiddle } from '../src/analysis/zone/zone-mitm.js';
import { createRng } from '../src/core/rng.js';
import { forEachOutcome } from '../src/outcomes/space.js';
import { randomScenario, zoneOutcomes } from './support/random-scenarios.js';

const SEEDS = Number(process.env.CONCORD_SEEDS ?? 300);
/** Outcomes sharing a vector: the first in enumeration order (what the naive oracle keeps). */
const FIRST = { representative: 'first' } as const;

// Every frontier method against brute force, and paretoFrontier's choice of method and
// representative: test/frontier-conformance.test.ts.
describe('enumeration filters on random scenarios', () => {
  it('the chunked enumeration filter gives exactly the naive one', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed)));
      const naive = enumerateFrontier(problem, { filter: 'naive' });
      assert.deepEqual(enumerateFrontier(problem, { chunk: 7 }).points, naive.points, `seed ${seed}`);
    }
  });
});

/**
 * NegMAS 0.15.7's frontier, simulated step by step (the reference for the default
 * `representative: 'negmas'`): rational outcomes in enumeration order, presorted by welfare with
 * numpy's argsort reversed, kept when no later-kept point dominates (numpy's loop), then sorted
 * by welfare the same way.
 */
function negmasFrontier(problem: AnalysisProblem): FrontierPoint[] {
  const zone = zoneOutcomes(problem);
  const welfare = (u: readonly number[]) => u.reduce((a, x) => a + x, 0);
  const presort = Array.from(numpyArgsort(Float64Array.from(zone, (z) => welfare(z.utilities)))).reverse();
  const points = presort.map((i) => zone[i] as { outcome: number[]; utilities: number[] });
  const alive = points.map(() => true);
  points.forEach((c, i) => {
    if (!alive[i]) return;
    points.forEach((p, j) => {
      if (alive[j] && j !== i && !p.utilities.some((x, q) => x > (c.utilities[q] as number)))
        alive[j] = false;
    });
  });
  const front = points.filter((_, i) => alive[i]);
  const order = Array.from(numpyArgsort(Float64Array.from(front, (f) => welfare(f.utilities)))).reverse();
  return order.map((i) => front[i] as FrontierPoint);
}

describe('NegMAS representatives (default)', () => {
  it('replays which outcome NegMAS keeps for a shared vector', () => {
    let shared = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      for (const nonAdditive of [false, true]) {
        const problem = prepareProblem(randomScenario(createRng(seed), { nonAdditive, issues: 3 }));
        const mine = paretoFrontier(problem).points;
        const theirs = negmasFrontier(problem);
        const key = (p: FrontierPoint) => `${p.utilities.join()}|${p.outcome.join()}`;
        assert.deepEqual(new Set(mine.map(key)), new Set(theirs.map(key)), `seed ${seed}`);
        const first = paretoFrontier(problem, FIRST).points;
        if (new Set(first.map(key)).size !== new Set([...first, ...mine].map(key)).size) shared++;
      }
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('numpyArgsort sorts ascending (a permutation), stably below 17 elements', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRng(seed);
      const v = Float64Array.from({ length: rng.int(0, 300) }, () => rng.int(0, 9) / 4);
      const order = Array.from(numpyArgsort(v));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        Array.from({ length: v.length }, (_, i) => i),
      );
      for (let i = 1; i < order.length; i++)
        assert.ok((v[order[i - 1] as number] as number) <= (v[order[i] as number] as number));
      if (v.length <= 16)
        assert.deepEqual(
          order,
          [...order].sort((a, b) => (v[a] as number) - (v[b] as number) || a - b),
        );
    }
  });
});

describe('the ε-Pareto fallback of the additive merge', () => {
  it('covers every true frontier point within the reported gap, with real outcomes', () => {
    let thinned = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed), { issues: 4 }));
      const truth = enumerateFrontier(problem, { filter: 'naive' }).points;
      const res = additiveFrontier({ ...separableInput(problem), maxPoints: 3 });
      assert.ok(res.ok);
      const n = problem.space.sizes.length;
      const listed = Array.from({ length: res.count }, (_, j) => ({
        outcome: Array.from(res.outcomes.subarray(j * n, (j + 1) * n)),
        utilities: res.cols.map((c) => c[j] as number),
      }));
      for (const p of listed)
        assert.deepEqual(
          problem.parties.map((q) => q.compiled.evaluate(p.outcome)),
          p.utilities,
        );
      if (res.gap === 0) {
        assert.equal(listed.length, truth.length);
        continue;
      }
      thinned++;
      const clear = (t: FrontierPoint) =>
        t.utilities.every((x, i) => x >= (problem.parties[i]?.reservation as number) + res.gap);
      for (const t of truth.filter(clear))
        assert.ok(
          listed.some((p) => p.utilities.every((x, i) => x + res.gap + 1e-12 >= (t.utilities[i] as number))),
          `seed ${seed}`,
        );
    }
    expect(thinned).toBeGreaterThan(10);
  });
});

describe('solutions, ranges and zones on random scenarios', () => {
  it('utility ranges equal the enumerated min and max', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      for (const nonAdditive of [false, true]) {
        const problem = prepareProblem(randomScenario(createRng(seed), { nonAdditive }));
        const mins = problem.parties.map(() => Number.POSITIVE_INFINITY);
        const maxs = problem.parties.map(() => Number.NEGATIVE_INFINITY);
        forEachOutcome(problem.space, (o) => {
          problem.parties.forEach((p, i) => {
            const x = p.compiled.evaluate(o);
            mins[i] = Math.min(mins[i] as number, x);
            maxs[i] = Math.max(maxs[i] as number, x);
          });
        });
        const r = utilityRanges(problem);
        assert.ok(r.exact);
        assert.deepEqual(
          r.ranges,
          mins.map((m, i) => [m, maxs[i]]),
          `seed ${seed}`,
        );
      }
    }
  });

  it('monotone solutions reach the best value over the whole zone; every tie is listed', () => {
    let checked = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed)));
      const front = paretoFrontier(problem).points;
      const ranges = utilityRanges(problem).ranges;
      const res = problem.parties.map((p) => p.reservation);
      const s = solutions({ frontier: front, ranges, reservations: res });
      const d = ranges.map(([min], i) =>
        Number.isFinite(res[i]) && (res[i] as number) >= min ? (res[i] as number) : min,
      );
      const degenerate = ranges.some(
        ([min, max], i) => max - (d[i] as number) <= 1e-12 || max - min <= 1e-12,
      );
      if (front.length === 0 || degenerate) {
        if (front.length === 0) assert.equal(s.nash.length, 0);
        continue;
      }
      const objectives: [keyof typeof s, (u: readonly number[]) => number][] = [
        ['nash', (u) => u.reduce((a, x, i) => a * (x - (d[i] as number)), 1)],
        ['kalaiEgalitarian', (u) => Math.min(...u.map((x, i) => x - (d[i] as number)))],
        ['modifiedKalaiEgalitarian', (u) => Math.min(...u)],
        ['maxWelfare', (u) => u.reduce((a, x) => a + x, 0)],
      ];
      const zone = zoneOutcomes(problem);
      for (const [name, f] of objectives) {
        const bestZone = Math.max(...zone.map((z) => f(z.utilities)));
        const listed = s[name];
        assert.ok(listed.length > 0, `${name} seed ${seed}`);
        for (const p of listed) {
          assert.deepEqual(front[p.frontierIndex]?.utilities, p.utilities);
          assert.ok(f(p.utilities) >= bestZone - 1e-12, `${name} seed ${seed}`);
        }
        const ties = front.flatMap((p, i) => (f(p.utilities) >= bestZone - 1e-12 ? [i] : []));
        assert.deepEqual(
          listed.map((p) => p.frontierIndex),
          ties,
          `${name} seed ${seed}`,
        );
      }
      // Kalai–Smorodinsky is defined on frontier points only: the most equal normalised gains.
      const gains = (u: readonly number[]) =>
        u.map((x, i) => (x - (d[i] as number)) / ((ranges[i]?.[1] as number) - (d[i] as number)));
      const spread = front.map((p) => Math.max(...gains(p.utilities)) - Math.min(...gains(p.utilities)));
      const least = Math.min(...spread);
      assert.deepEqual(
        s.kalaiSmorodinsky.map((p) => p.frontierIndex),
        spread.flatMap((x, i) => (x <= least + 1e-12 ? [i] : [])),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(SEEDS / 3);
  });

  it('the agreement-zone count equals plain enumeration (inclusive and strict)', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed)));
      const zone = zoneOutcomes(problem).length;
      const z = agreementZone(problem);
      assert.ok(z.exact);
      assert.equal(z.count, BigInt(zone), `seed ${seed}`);
      const strict = agreementZone(problem, { strict: true });
      assert.equal(
        strict.count,
        agreementZone(problem, { strict: true, method: 'enumeration' }).count,
        `seed ${seed}`,
      );
    }
  });

  it('meeting in the middle (two parties) counts exactly like enumeration', () => {
    let tested = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed), { parties: 2, issues: 2 + (seed % 4) }));
      for (const strict of [false, true]) {
        const count = countMeetInMiddle(problem, redLineEffect(problem), 1e6, strict);
        if (count === undefined) continue;
        assert.equal(count, agreementZone(problem, { strict, method: 'enumeration' }).count, `seed ${seed}`);
        tested++;
      }
    }
    expect(tested).toBeGreaterThan(SEEDS);
  });

  it('a tiny work limit switches the zone to a seeded, labelled estimate', () => {
    const problem = prepareProblem(randomScenario(createRng(7), { issues: 4 }));
    const a = agreementZone(problem, { enumerationLimit: 1, samples: 2000, seed: 3 });
    const b = agreementZone(problem, { enumerationLimit: 1, samples: 2000, seed: 3 });
    expect(a.exact).toBe(false);
    expect(a.method).toBe('sampling');
    expect(a).toEqual(b);
    const truth = Number(agreementZone(problem).share);
    expect(Math.abs(a.share - truth)).toBeLessThanOrEqual(5 * (a.stdError as number) + 1e-9);
  });

  it('issue zones: the additive method equals enumeration, values and reasons', () => {
    let excluded = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed)));
      const fast = issueZones(problem);
      const slow = issueZones(problem, { method: 'enumeration' });
      assert.ok(fast.exact);
      assert.deepEqual(fast.issues, slow.issues, `seed ${seed}`);
      // Feasible values are exactly those used by some zone outcome.
      const used = problem.space.sizes.map(() => new Set<number>());
      for (const z of zoneOutcomes(problem))
        z.outcome.forEach((v, j) => {
          used[j]?.add(v);
        });
      fast.issues.forEach((iz, j) => {
        assert.deepEqual(
          iz.feasibleIndices,
          [...(used[j] as Set<number>)].sort((a, b) => a - b),
        );
        excluded += iz.excluded.length;
        for (const e of iz.excluded) assert.ok(e.reasons.length > 0, `seed ${seed}`);
      });
    }
    expect(excluded).toBeGreaterThan(0);
  });

  it('issue zones on non-additive scenarios come from enumeration', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed), { nonAdditive: true }));
      const z = issueZones(problem);
      const used = problem.space.sizes.map(() => new Set<number>());
      for (const o of zoneOutcomes(problem))
        o.outcome.forEach((v, j) => {
          used[j]?.add(v);
        });
      z.issues.forEach((iz, j) => {
        assert.deepEqual(
          iz.feasibleIndices,
          [...(used[j] as Set<number>)].sort((a, b) => a - b),
          `seed ${seed}`,
        );
      });
    }
  });
});

describe('one enumeration pass', () => {
  it('gives the same frontier, ranges, zone count and issue zones as the separate functions', () => {
    for (let seed = 1; seed <= 150; seed++) {
      for (const nonAdditive of [false, true]) {
        const problem = prepareProblem(randomScenario(createRng(seed), { nonAdditive }));
        const pass = enumerationPass(problem);
        assert.deepEqual(
          pass.frontier,
          enumerateFrontier(problem, { filter: 'naive' }).points,
          `seed ${seed}`,
        );
        assert.deepEqual(pass.ranges, utilityRanges(problem).ranges, `seed ${seed}`);
        assert.equal(pass.zoneCount, BigInt(zoneOutcomes(problem).length), `seed ${seed}`);
        assert.deepEqual(pass.issueZones, issueZones(problem, { method: 'enumeration' }), `seed ${seed}`);
        if (!nonAdditive)
          assert.deepEqual(pass.issueZones.issues, issueZones(problem).issues, `seed ${seed}`);
      }
    }
  });
});

describe('evaluateOutcome on random scenarios', () => {
  it('complete outcomes: utilities, zone, red lines, dominating frontier points, distance', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rng = createRng(seed);
      const problem = prepareProblem(randomScenario(rng));
      const front = paretoFrontier(problem).points;
      const zone = new Set(zoneOutcomes(problem).map((z) => z.outcome.join(',')));
      for (let t = 0; t < 5; t++) {
        const o = problem.space.sizes.map((s) => rng.int(0, s - 1));
        const e = evaluateOutcome(problem, o, { frontier: front });
        const u = problem.parties.map((p) => p.compiled.evaluate(o));
        assert.deepEqual(
          e.parties.map((p) => p.utility),
          u,
        );
        assert.equal(e.inZone, zone.has(o.join(',')));
        assert.deepEqual(
          e.redLinesCrossed.map((r) => r.redLine),
          problem.redLines.filter((r) => r.condition.test(o)).map((r) => r.id),
        );
        const dom = front.flatMap((f, i) =>
          f.utilities.every((x, p) => x >= (u[p] as number)) && f.utilities.some((x, p) => x !== u[p])
            ? [i]
            : [],
        );
        assert.deepEqual(e.dominatedBy, dom);
        if (front.length === 0) assert.equal(e.distanceToFrontier, undefined);
        else {
          const dist = Math.min(
            ...front.map((f) => Math.hypot(...f.utilities.map((x, p) => x - (u[p] as number)))),
          );
          assert.ok(Math.abs((e.distanceToFrontier as number) - dist) < 1e-12);
        }
        if (e.onFrontier) assert.equal(e.distanceToFrontier, 0);
      }
    }
  });

  it('partial outcomes: missing issues named, utility range brackets every completion', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rng = createRng(seed);
      const problem = prepareProblem(randomScenario(rng, { issues: 3 }));
      const o = problem.space.sizes.map((s) => (rng.float() < 0.5 ? -1 : rng.int(0, s - 1)));
      const e = evaluateOutcome(problem, o);
      assert.equal(e.complete, !o.includes(-1));
      assert.deepEqual(
        e.missingIssues,
        problem.space.issues.filter((_, i) => o[i] === -1).map((i) => i.name),
      );
      if (e.complete) continue;
      forEachOutcome(problem.space, (full) => {
        if (full.some((v, i) => (o[i] as number) >= 0 && v !== o[i])) return;
        problem.parties.forEach((p, i) => {
          const [lo, hi] = (e.parties[i] as PartyEvaluation).range as [number, number];
          const x = p.compiled.evaluate(full);
          assert.ok(x >= lo - 1e-12 && x <= hi + 1e-12, `seed ${seed}`);
        });
      });
    }
  });
});

describe('analyze on random scenarios', () => {
  it('is exact for additive scenarios and agrees with the separate functions', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed)));
      const a = analyze(problem, FIRST);
      assert.equal(a.exact, true);
      assert.deepEqual(a.frontier, enumerateFrontier(problem, { filter: 'naive' }).points);
      assert.equal(a.agreementZone?.count, String(zoneOutcomes(problem).length));
      assert.equal(a.outcomeCount, String(problem.space.count));
    }
  });

  it('non-additive scenarios: one pass, same numbers as the separate functions', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const problem = prepareProblem(randomScenario(createRng(seed), { nonAdditive: true }));
      const a = analyze(problem);
      assert.equal(a.exact, true);
      assert.deepEqual(a.frontier, paretoFrontier(problem).points);
      assert.deepEqual(a.utilityRanges, utilityRanges(problem).ranges);
      assert.equal(a.agreementZone?.count, String(agreementZone(problem).count));
      assert.deepEqual(a.issueZones, issueZones(problem));
    }
  });
});
