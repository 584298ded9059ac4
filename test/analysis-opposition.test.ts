/**
 * The opposition level against brute force: on small random scenarios (2–4 parties, additive and
 * hyper-rectangle utilities, negative scores, random reservations and red lines), `analyze`'s
 * opposition (computed on the frontier only) equals the minimum, over every enumerated outcome
 * that is rational and crosses no red line, of NegMAS's distance to the ideal point.
 */
import { describe, expect, it } from 'vitest';
import {
  analyze,
  createRng,
  forEachOutcome,
  type Issue,
  issueSize,
  oppositionLevel,
  type Party,
  prepareProblem,
  type Rng,
  type Scenario,
  type UtilityFunction,
} from '../src/index.js';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
/** Coarse scores half the time, so ties and shared vectors are common; some negative. */
const score = (rng: Rng): number =>
  rng.float() < 0.5 ? pick(rng, [0, 0.5, 1, -0.5]) : rng.float() * 2 - 0.5;

function randomUtility(rng: Rng, issues: readonly Issue[]): UtilityFunction {
  if (rng.float() < 0.25)
    return {
      kind: 'hyperrectangle',
      rectangles: Array.from({ length: rng.int(1, 4) }, () => ({
        utility: pick(rng, [1, 2, -1, 0.5]),
        bounds: issues.flatMap((issue, i) => {
          if (rng.float() < 0.5) return [];
          const a = rng.int(0, issueSize(issue) - 1);
          return [{ issue: i, min: a, max: rng.int(a, issueSize(issue) - 1) }];
        }),
      })),
    };
  return {
    kind: 'linear-additive',
    weights: issues.map(() => pick(rng, [0.5, rng.float()])),
    values: issues.map((issue) => ({
      kind: 'table',
      values: Array.from({ length: issueSize(issue) }, () => score(rng)),
    })),
  };
}

function randomScenario(rng: Rng): Scenario {
  const issues: Issue[] = Array.from({ length: rng.int(1, 4) }, (_, i) => ({
    kind: 'discrete',
    name: `i${i}`,
    values: Array.from({ length: rng.int(1, 4) }, (_, v) => `v${v}`),
  }));
  const parties: Party[] = Array.from({ length: rng.int(2, 4) }, (_, p) => ({
    name: `p${p}`,
    role: 'principal',
    utility: randomUtility(rng, issues),
    reservationValue: pick(rng, [Number.NEGATIVE_INFINITY, 0, rng.float() * 0.6, rng.float()]),
    redLines:
      rng.float() < 0.3
        ? [{ id: `p${p}r`, forbid: { issue: (issues[0] as Issue).name, in: [pick(rng, ['v0', 'v1'])] } }]
        : [],
  }));
  return { name: 'random', issues, parties };
}

/** NegMAS's definition, over every outcome: min of Σ (1 − u_i/max_i)² over rational ones, sqrt. */
function bruteForce(scenario: Scenario): number {
  const problem = prepareProblem(scenario);
  const all: number[][] = [];
  const ok: boolean[] = [];
  forEachOutcome(problem.space, (o) => {
    const u = problem.parties.map((p) => p.compiled.evaluate(o));
    all.push(u);
    ok.push(
      u.every((x, i) => x >= (problem.parties[i]?.reservation as number)) &&
        !problem.redLines.some((r) => r.condition.test(o)),
    );
  });
  const best = problem.parties.map((_, i) => Math.max(...all.map((u) => u[i] as number)));
  let nearest = Number.POSITIVE_INFINITY;
  all.forEach((u, k) => {
    if (!ok[k]) return;
    const d = u.reduce((s, x, i) => {
      const m = best[i] as number;
      return s + (1 - (m ? x / m : x)) ** 2;
    }, 0);
    nearest = Math.min(nearest, d);
  });
  return Math.sqrt(nearest);
}

describe('opposition level', () => {
  it('NegMAS docstring: u1 = x, u2 = 9 − x over 0…9 gives 0.7114582486036499', () => {
    const issues: Issue[] = [{ kind: 'integer', name: 'x', min: 0, max: 9 }];
    const party = (name: string, y0: number, slope: number): Party => ({
      name,
      role: 'principal',
      reservationValue: Number.NEGATIVE_INFINITY,
      redLines: [],
      utility: { kind: 'linear-additive', weights: [1], values: [{ kind: 'linear', x0: 0, y0, slope }] },
    });
    const a = analyze({ name: 'zero-sum', issues, parties: [party('a', 0, 1), party('b', 9, -1)] });
    expect(Math.abs(a.opposition - 0.7114582486036499)).toBeLessThanOrEqual(1e-12);
  });

  it('one outcome best for all is 0; no rational outcome is Infinity', () => {
    expect(oppositionLevel({ frontier: [{ utilities: [2, 3] }], best: [2, 3] })).toBe(0);
    expect(oppositionLevel({ frontier: [], best: [1, 1] })).toBe(Number.POSITIVE_INFINITY);
  });

  it('equals brute force over every rational outcome on 400 random scenarios', () => {
    let finite = 0;
    let infinite = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const scenario = randomScenario(createRng(seed));
      const expected = bruteForce(scenario);
      const a = analyze(scenario, { zone: false, issueZones: false });
      expect(a.exact, `seed ${seed}`).toBe(true);
      if (expected === Number.POSITIVE_INFINITY) {
        expect(a.opposition, `seed ${seed}`).toBe(expected);
        infinite++;
      } else {
        expect(Math.abs(a.opposition - expected), `seed ${seed}`).toBeLessThanOrEqual(1e-12);
        finite++;
      }
    }
    // Both branches are exercised.
    expect(finite).toBeGreaterThan(200);
    expect(infinite).toBeGreaterThan(10);
  });
});
