/**
 * Known results of bargaining theory and of the GENIUS/NegMAS literature, reproduced by the
 * simulator within stated tolerances.
 */
import { describe, expect, it } from 'vitest';
import {
  createRng,
  type Issue,
  type Party,
  prepareTable,
  randomScenario,
  type Scenario,
  simulate,
  type ValueFunction,
} from '../src/index.js';

/** One divisible issue, "A's share" in 0..size, with opposed linear values. */
function pie(size: number, discounts: readonly [number, number] = [1, 1]): Scenario {
  const issue: Issue = { kind: 'integer', name: 'share', min: 0, max: size };
  const party = (name: string, fn: ValueFunction, d: number): Party => ({
    name,
    role: 'principal',
    utility: { kind: 'linear-additive', weights: [1], values: [fn] },
    reservationValue: 0,
    discountFactor: d,
    redLines: [],
  });
  return {
    name: `pie-${size}`,
    issues: [issue],
    parties: [
      party('A', { kind: 'linear', x0: 0, y0: 0, slope: 1 / size }, discounts[0]),
      party('B', { kind: 'linear', x0: 0, y0: 1, slope: -1 / size }, discounts[1]),
    ],
  };
}

/** A mirror-symmetric domain: B values each issue's options in the reverse order of A. */
function symmetric(seed: number): Scenario {
  const base = randomScenario(createRng(seed), { issues: 4, values: 5 });
  const a = base.parties[0] as Party;
  if (a.utility.kind !== 'linear-additive') throw new Error('additive expected');
  const mirrored = a.utility.values.map((v) =>
    v.kind === 'table' ? { ...v, values: [...v.values].reverse() } : v,
  );
  return {
    ...base,
    parties: [
      { ...a, name: 'A' },
      { ...a, name: 'B', utility: { ...a.utility, values: mirrored } },
    ],
  };
}

describe('a conceder against a hardliner', () => {
  it.each([1, 2, 3, 4, 5])('ends at the hardliner’s terms (random domain %i, both seat orders)', (seed) => {
    const scenario = randomScenario(createRng(100 + seed), { issues: 5, values: 5 });
    const table = prepareTable(scenario);
    for (const [agents, hard] of [
      [['hardliner', 'conceder'], 0],
      [['conceder', 'hardliner'], 1],
    ] as const) {
      const s = simulate(scenario, { agents, steps: 100, analysis: false });
      expect(s.agreements).toBe(1);
      const me = table.prefs[hard];
      expect(s.perRun[0]?.utilities[hard]).toBe(me?.max);
      expect(s.perRun[0]?.agreement).toEqual(Array.from(me?.best() ?? []));
    }
  });
});

describe('two linear conceders on a symmetric domain', () => {
  it('split a pie of 100 at the Nash point (50/50) within 0.03', () => {
    const s = simulate(pie(100), { agents: ['linear', 'linear'], steps: 100 });
    expect(s.agreements).toBe(1);
    expect(s.nash).toEqual([0.5, 0.5]);
    expect(s.nashDistance?.mean).toBeLessThanOrEqual(0.03 * Math.SQRT2);
    expect(Math.abs((s.perRun[0]?.utilities[0] ?? 0) - 0.5)).toBeLessThanOrEqual(0.03);
  });

  // Discrete domains: the offers closest above each target need not lie on the frontier, so the
  // tolerance is that of the outcome grid (0.15 in utility), not of the exact pie.
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'agree near a Nash point on mirrored random domain %i (distance ≤ 0.15)',
    (seed) => {
      const s = simulate(symmetric(seed), { agents: ['linear', 'linear'], steps: 100 });
      expect(s.agreements).toBe(1);
      const u = s.perRun[0]?.utilities ?? [];
      expect(Math.abs((u[0] ?? 0) - (u[1] ?? 0))).toBeLessThanOrEqual(0.2);
      expect(s.nashDistance?.mean).toBeLessThanOrEqual(0.15);
      expect(s.frontierDistance?.mean).toBeLessThanOrEqual(0.05);
    },
  );
});

describe('waiting pays a hard-liner', () => {
  it.each([1, 2, 3])('Boulware gets more than Conceder on mirrored domain %i, in either seat', (seed) => {
    const scenario = symmetric(seed);
    const first = simulate(scenario, { agents: ['boulware', 'conceder'], steps: 100, analysis: false });
    const second = simulate(scenario, { agents: ['conceder', 'boulware'], steps: 100, analysis: false });
    expect(first.perParty[0]?.meanUtility).toBeGreaterThan(first.perParty[1]?.meanUtility ?? 1);
    expect(second.perParty[1]?.meanUtility).toBeGreaterThan(second.perParty[0]?.meanUtility ?? 1);
  });
});

describe('alternating offers with discounting (Rubinstein 1982)', () => {
  // Per-offer discount factors δ1, δ2; with T offers in the deadline, GENIUS discounting u·D^t
  // gives δ = D^(1/T), so each party's profile carries D = δ^T.
  const rounds = 500;
  const T = 2 * rounds;
  it.each([
    [0.9, 0.9],
    [0.95, 0.8],
    [0.8, 0.95],
    [0.99, 0.97],
  ])('first mover gets (1 − δ2)/(1 − δ1·δ2) within 0.005 (δ1 = %f, δ2 = %f)', (d1, d2) => {
    const D1 = d1 ** T;
    const D2 = d2 ** T;
    const s = simulate(pie(1000, [D1, D2]), {
      agents: [`rubinstein:d=${D2}`, `rubinstein:d=${D1}`],
      steps: rounds,
      analysis: false,
    });
    expect(s.agreements).toBe(1);
    const share = s.perRun[0]?.utilities[0] ?? 0;
    expect(Math.abs(share - (1 - d2) / (1 - d1 * d2))).toBeLessThanOrEqual(0.005);
    // Agreement is immediate: the first offer is accepted.
    expect(s.perRun[0]?.rounds).toBe(1);
  });

  it('a more patient responder gets more (δ2 ↑ ⇒ first mover’s share ↓)', () => {
    const shares = [0.5, 0.8, 0.95].map((d2) => {
      const s = simulate(pie(1000, [0.9 ** T, d2 ** T]), {
        agents: [`rubinstein:d=${d2 ** T}`, `rubinstein:d=${0.9 ** T}`],
        steps: rounds,
        analysis: false,
      });
      return s.perRun[0]?.utilities[0] ?? 0;
    });
    expect(shares[0]).toBeGreaterThan(shares[1] ?? 1);
    expect(shares[1]).toBeGreaterThan(shares[2] ?? 1);
  });
});
