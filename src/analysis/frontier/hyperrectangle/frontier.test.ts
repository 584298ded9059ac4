import { describe, expect, it } from 'vitest';
import { randomBoxCase } from '../../../../test/support/random-boxes.js';
import { createRng } from '../../../core/rng.js';
import type { Issue } from '../../../outcomes/issue.js';
import { createSpace, forEachOutcome, type OutcomeSpace } from '../../../outcomes/space.js';
import { compileCondition, compileUtility } from '../../../preferences/compile.js';
import type { Condition } from '../../../preferences/red-line.js';
import type { HyperRectangle, UtilityFunction } from '../../../preferences/utility.js';
import { type FrontierParty, type FrontierPoint, hyperRectangleFrontier } from './index.js';

/** Brute force: every outcome, rational and allowed, non-dominated, one per distinct vector. */
function oracle(space: OutcomeSpace, parties: readonly FrontierParty[], redLines: readonly Condition[] = []) {
  const us = parties.map((p) => compileUtility(space, p.utility));
  const forbid = redLines.map((c) => compileCondition(space, c));
  const all: { outcome: number[]; utilities: number[] }[] = [];
  forEachOutcome(space, (o) => {
    if (forbid.some((f) => f.test(o))) return;
    const u = us.map((c) => c.evaluate(o));
    if (u.some((x, i) => x < (parties[i] as FrontierParty).reservationValue)) return;
    all.push({ outcome: [...o], utilities: u });
  });
  const geq = (a: number[], b: number[]) => a.every((x, i) => x >= (b[i] as number));
  const same = (a: number[], b: number[]) => a.every((x, i) => x === b[i]);
  const out: typeof all = [];
  for (const x of all) {
    if (all.some((y) => geq(y.utilities, x.utilities) && !same(y.utilities, x.utilities))) continue;
    if (out.some((y) => same(y.utilities, x.utilities))) continue;
    out.push(x);
  }
  return out;
}

const _evaluateAll = (us: readonly { evaluate(o: readonly number[]): number }[], o: readonly number[]) =>
  us.map((u) => u.evaluate(o));

const near = (a: readonly number[], b: readonly number[], tol = 1e-12) =>
  a.every((x, i) => Math.abs(x - (b[i] as number)) <= tol);

function expectSameSet(got: readonly FrontierPoint[], want: readonly { utilities: number[] }[]): void {
  for (const w of want)
    expect(
      got.some((g) => near(g.utilities, w.utilities)),
      `missing ${w.utilities}`,
    ).toBe(true);
  for (const g of got)
    expect(
      want.some((w) => near(g.utilities, w.utilities)),
      `extra ${g.utilities}`,
    ).toBe(true);
}

const clock = () => performance.now();

// Random cases against brute force, beside the other frontier methods: test/frontier-conformance.test.ts.
describe('hyperRectangleFrontier and red lines', () => {
  it('red lines on one issue and on several issues remove exactly the outcomes they forbid', () => {
    const rng = createRng(77);
    for (let t = 0; t < 40; t++) {
      const { space, parties } = randomBoxCase(rng, {
        parties: [2, 3],
        issues: [3, 6],
        maxOutcomes: 2000,
        additive: 0.3,
        realUtilities: false,
        caps: 0.3,
      });
      const n = space.sizes.length;
      const pick = (i: number) => [rng.int(0, (space.sizes[i] as number) - 1)];
      const a = rng.int(0, n - 1);
      const b = (a + 1 + rng.int(0, n - 2)) % n;
      const redLines: Condition[] = [
        { issue: `i${a}`, in: pick(a) },
        {
          all: [
            { issue: `i${a}`, notIn: pick(a) },
            { issue: `i${b}`, in: pick(b) },
          ],
        },
      ];
      const got = hyperRectangleFrontier(space, parties, { budgetMs: 60_000, now: clock, redLines });
      expect(got.exact).toBe(true);
      expectSameSet(got.points, oracle(space, parties, redLines));
      const forbid = redLines.map((c) => compileCondition(space, c));
      for (const pt of got.points) expect(forbid.some((f) => f.test(pt.outcome))).toBe(false);
    }
  });
});

describe('hyperRectangleFrontier out of time', () => {
  it('returns exact:false and a gap that covers every missed frontier point', () => {
    const rng = createRng(4242);
    let inexact = 0;
    let partial = 0;
    for (let t = 0; t < 30; t++) {
      const { space, parties } = randomBoxCase(rng, {
        parties: [2, 3],
        issues: [7, 8],
        maxOutcomes: 20_000,
        additive: 0.2,
        realUtilities: t % 2 === 1,
        caps: 0.3,
      });
      // A clock that ticks once per reading: the search stops after a few readings.
      let ticks = 0;
      const got = hyperRectangleFrontier(space, parties, { budgetMs: t % 4, now: () => ticks++ });
      const want = oracle(space, parties);
      if (got.exact) {
        expectSameSet(got.points, want);
        continue;
      }
      inexact++;
      if (got.points.length > 0) partial++;
      const gap = got.gap as number;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(gap)).toBe(true);
      for (const w of want) {
        const covered = got.points.some((g) =>
          g.utilities.every((x, i) => x + gap >= (w.utilities[i] as number) - 1e-12),
        );
        const fromReservation = parties.every(
          (p, i) => p.reservationValue + gap >= (w.utilities[i] as number) - 1e-12,
        );
        expect(covered || fromReservation, `${w.utilities} beyond gap ${gap}`).toBe(true);
      }
      // What is returned is still real, rational and mutually non-dominated.
      const us = parties.map((p) => compileUtility(space, p.utility));
      for (const g of got.points) {
        expect(
          near(
            g.utilities,
            us.map((u) => u.evaluate(g.outcome)),
          ),
        ).toBe(true);
        for (const [i, x] of g.utilities.entries())
          expect(x).toBeGreaterThanOrEqual((parties[i] as FrontierParty).reservationValue);
      }
    }
    expect(inexact).toBeGreaterThan(5);
    expect(partial).toBeGreaterThan(2);
  });
});

describe('hyperRectangleFrontier structure', () => {
  it('solves independent groups of issues apart and merges them exactly', () => {
    const rng = createRng(31);
    let split = 0;
    for (let t = 0; t < 20; t++) {
      // Two parties whose boxes never link issues 0-2 with issues 3-5.
      const space = createSpace(
        Array.from({ length: 6 }, (_, i): Issue => ({ kind: 'integer', name: `i${i}`, min: 0, max: 3 })),
      );
      const party = (): FrontierParty => {
        const rectangles: HyperRectangle[] = [];
        for (const group of [
          [0, 1, 2],
          [3, 4, 5],
        ])
          for (let r = 0; r < 4; r++) {
            const [a, b] = [group[rng.int(0, 2)] as number, group[rng.int(0, 2)] as number];
            const lo = rng.int(0, 3);
            rectangles.push({
              utility: rng.int(1, 9),
              bounds: [
                { issue: a, min: lo, max: rng.int(lo, 3) },
                { issue: b, min: 0, max: rng.int(0, 2) },
              ],
            });
          }
        return {
          utility: { kind: 'hyperrectangle', rectangles, scale: 40 },
          reservationValue: rng.float() * 0.3,
        };
      };
      const parties = [party(), party()];
      const got = hyperRectangleFrontier(space, parties, { budgetMs: 60_000, now: clock });
      if (got.stats.components >= 2) split++;
      expectSameSet(got.points, oracle(space, parties));
    }
    expect(split).toBeGreaterThan(10);
  });

  it('one party: the frontier is its best outcome (and, negated, its worst)', () => {
    const rng = createRng(8);
    for (let t = 0; t < 20; t++) {
      const { space, parties } = randomBoxCase(rng, {
        parties: [1, 1],
        issues: [3, 7],
        maxOutcomes: 3000,
        additive: 0,
        realUtilities: false,
        caps: 0,
      });
      const u = (parties[0] as FrontierParty).utility;
      if (u.kind !== 'hyperrectangle') continue;
      const negated: UtilityFunction = {
        ...u,
        rectangles: u.rectangles.map((r) => ({ ...r, utility: -r.utility })),
      };
      const c = compileUtility(space, u);
      let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      forEachOutcome(space, (o) => {
        lo = Math.min(lo, c.evaluate(o));
        hi = Math.max(hi, c.evaluate(o));
      });
      const best = hyperRectangleFrontier(space, [{ utility: u, reservationValue: -Infinity }], {
        budgetMs: 1e4,
        now: clock,
      });
      const worst = hyperRectangleFrontier(space, [{ utility: negated, reservationValue: -Infinity }], {
        budgetMs: 1e4,
        now: clock,
      });
      expect(best.points).toHaveLength(1);
      expect(worst.points).toHaveLength(1);
      expect(best.points[0]?.utilities[0]).toBeCloseTo(hi, 12);
      expect(worst.points[0]?.utilities[0]).toBeCloseTo(-lo, 12);
    }
  });
});

describe('hyperRectangleFrontier edge cases', () => {
  const space = createSpace([
    { kind: 'integer', name: 'a', min: 0, max: 3 },
    { kind: 'integer', name: 'b', min: 0, max: 3 },
  ]);
  const box = (utility: number, a: [number, number], b: [number, number]): HyperRectangle => ({
    utility,
    bounds: [
      { issue: 0, min: a[0], max: a[1] },
      { issue: 1, min: b[0], max: b[1] },
    ],
  });
  const party = (rectangles: HyperRectangle[], reservationValue = 0): FrontierParty => ({
    utility: { kind: 'hyperrectangle', rectangles, scale: 10 },
    reservationValue,
  });

  it('an unreachable reservation value gives an empty, exact frontier', () => {
    const got = hyperRectangleFrontier(
      space,
      [party([box(5, [0, 1], [0, 1])], 0.9), party([box(5, [2, 3], [2, 3])])],
      {
        budgetMs: 1000,
        now: clock,
      },
    );
    expect(got).toMatchObject({ points: [], exact: true });
  });

  it('opposed boxes give both corners; identical vectors collapse to one point', () => {
    const got = hyperRectangleFrontier(
      space,
      [party([box(5, [0, 1], [0, 1])]), party([box(7, [2, 3], [2, 3])])],
      {
        budgetMs: 1000,
        now: clock,
      },
    );
    expect(got.points.map((p) => p.utilities)).toEqual([
      [0, 0.7],
      [0.5, 0],
    ]);
  });

  it('a red line forbidding every value of an issue leaves nothing', () => {
    const got = hyperRectangleFrontier(space, [party([box(5, [0, 1], [0, 1])]), party([])], {
      budgetMs: 1000,
      now: clock,
      redLines: [{ issue: 'a', atLeast: 0 }],
    });
    expect(got).toMatchObject({ points: [], exact: true });
  });

  it('throws a coded error without parties and for a box on an unknown issue', () => {
    expect(() => hyperRectangleFrontier(space, [], { budgetMs: 1, now: clock })).toThrow(
      /at least one party/,
    );
    expect(() =>
      hyperRectangleFrontier(space, [party([{ utility: 1, bounds: [{ issue: 5, min: 0, max: 1 }] }])], {
        budgetMs: 1,
        now: clock,
      }),
    ).toThrow(/issue 5/);
  });
});
