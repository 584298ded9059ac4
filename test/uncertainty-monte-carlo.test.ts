/**
 * Monte Carlo over a record's assumptions: per-draw answers equal brute force on the
 * instantiated scenario; hand-computable probabilities; reproducibility; convergence; misuse.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDraft } from '../src/analysis/drafts/draft-evaluation.js';
import { ConcordError } from '../src/core/errors.js';
import { createRng } from '../src/core/rng.js';
import type { Scenario } from '../src/model/scenario.js';
import { loadScenarioFile } from '../src/node.js';
import { prepareProblem } from '../src/preferences/problem.js';
import type { Assumption } from '../src/record/types.js';
import { instantiate, monteCarlo } from '../src/uncertainty/index.js';
import { repoRoot } from './support/shared.js';
import { fixtureWithRecord, nashBrute, zoneExistsBrute } from './support/uncertainty-fixtures.js';

/** Two parties on a cap 200,000–920,000 (step 40,000); East forbids above `east`, West below `west`. */
function capScenario(assumptions: Assumption[]): Scenario {
  const party = (name: string, up: boolean, id: string, forbid: object) => ({
    name,
    role: 'principal' as const,
    utility: {
      kind: 'linear-additive' as const,
      weights: [1],
      values: [{ kind: 'linear' as const, x0: 200_000, y0: up ? 0 : 1, slope: (up ? 1 : -1) / 720_000 }],
    },
    reservationValue: 0,
    redLines: [{ id, forbid: { issue: 'cap', ...forbid } }],
  });
  return {
    name: 'cap',
    issues: [{ kind: 'integer', name: 'cap', min: 200_000, max: 920_000, step: 40_000 }],
    parties: [
      party('East', false, 'east-cap', { above: 600_000 }),
      party('West', true, 'west-cap', { below: 800_000 }),
    ],
    record: { sources: [], evidence: [], assumptions, drafts: [], events: [], levers: [] },
  };
}

const fixed = (id: string, parameter: string, value: number): Assumption => ({
  id,
  parameter,
  value,
  distribution: { kind: 'fixed', value },
  rationale: 'test',
});

describe('monteCarlo: each draw answered exactly', () => {
  it('zone, draft acceptance and Nash per draw equal brute force on the instantiated scenario', () => {
    const rng = createRng(41);
    let zones = 0;
    let draws = 0;
    for (let t = 0; t < 12; t++) {
      const s = fixtureWithRecord(rng, { issues: rng.int(1, 4) });
      const levers = { pressure: (['none', 'some', 'high'] as const)[t % 3] as string };
      const mc = monteCarlo(s, { samples: 25, seed: t, levers, perSample: true, nashEvery: 1 });
      for (const d of mc.perSample ?? []) {
        draws++;
        const x = instantiate(s, d.values, levers);
        assert.equal(d.zone, zoneExistsBrute(x), `case ${t}`);
        if (d.zone) zones++;
        for (const draft of s.record?.drafts ?? [])
          assert.equal(
            d.drafts[draft.name],
            evaluateDraft(x, draft).acceptedByAll,
            `case ${t} ${draft.name}`,
          );
        const want = nashBrute(x);
        assert.equal(d.nash !== undefined, want !== undefined);
        if (d.nash && want !== undefined) {
          const problem = prepareProblem(x);
          let v = 1;
          for (const p of problem.parties) v *= p.compiled.evaluate(d.nash) - p.reservation;
          assert.ok(Math.abs(v - want) <= 1e-9 * (1 + want), `case ${t}: Nash ${v} vs ${want}`);
        }
      }
    }
    expect(draws).toBe(300);
    expect(zones).toBeGreaterThan(20);
    expect(zones).toBeLessThan(280);
  });
});

describe('monteCarlo: hand-computable cases', () => {
  it('with every assumption fixed, the cap ZOPA between two red lines is certain or impossible', () => {
    const open = capScenario([fixed('e', 'East.redLines.east-cap.above', 800_000)]);
    const shut = capScenario([fixed('e', 'East.redLines.east-cap.above', 760_000)]);
    const a = monteCarlo(open, { samples: 200 });
    expect(a.pAgreementZone).toBe(1);
    expect(a.stdError).toBe(0);
    // Nash of u_E = 1 − x, u_W = x (x = share of the range) on the only allowed cap, 800,000.
    expect(a.nash.perIssue.cap?.['800000']).toBe(1);
    expect(a.nash.utilities.West?.q50).toBeCloseTo(600 / 720, 12);
    expect(monteCarlo(shut, { samples: 200 }).pAgreementZone).toBe(0);
  });

  it('P(zone) is the probability that East’s red line is inactive, within 4 standard errors', () => {
    const s = capScenario([
      {
        id: 'e-real',
        parameter: 'East.redLines.east-cap.active',
        value: 1,
        distribution: { kind: 'bernoulli', p: 0.3 },
        rationale: 't',
      },
    ]);
    const mc = monteCarlo(s, { samples: 4000, seed: 3, nashEvery: 1 });
    expect(Math.abs(mc.pAgreementZone - 0.7)).toBeLessThan(4 * mc.stdError);
    expect(mc.nash.pDefined).toBe(mc.pAgreementZone);
  });

  it('a bound drawn uniformly opens the zone with the probability its range gives', () => {
    // East's ceiling ~ U[600k, 880k]; the zone needs a grid cap in [800k, ceiling], i.e. ceiling ≥ 800k.
    const s = capScenario([
      {
        id: 'e-ceiling',
        parameter: 'East.redLines.east-cap.above',
        value: 700_000,
        distribution: { kind: 'uniform', min: 600_000, max: 880_000 },
        rationale: 't',
      },
    ]);
    const mc = monteCarlo(s, { samples: 4000, seed: 5 });
    expect(Math.abs(mc.pAgreementZone - 80 / 280)).toBeLessThan(4 * mc.stdError);
  });
});

describe('monteCarlo: reproducible and convergent', () => {
  const s = fixtureWithRecord(createRng(77), { parties: 3, issues: 4 });

  it('gives identical results for the same seed, different ones for another', () => {
    const a = monteCarlo(s, { samples: 500, seed: 9, levers: { pressure: 'some' } });
    expect(monteCarlo(s, { samples: 500, seed: 9, levers: { pressure: 'some' } })).toEqual(a);
    const b = monteCarlo(s, { samples: 500, seed: 10, levers: { pressure: 'some' } });
    expect({ ...b, seed: 9 }).not.toEqual(a);
  });

  it('standard error shrinks as 1/√n and the 16k estimate agrees with the 64k one', () => {
    // A scenario where the zone is genuinely uncertain.
    let t = 0;
    let scenario = s;
    let small = monteCarlo(scenario, { samples: 1000, nashEvery: 0, drafts: false });
    while (small.pAgreementZone < 0.15 || small.pAgreementZone > 0.85) {
      scenario = fixtureWithRecord(createRng(100 + t++), { parties: 3, issues: 4 });
      small = monteCarlo(scenario, { samples: 1000, nashEvery: 0, drafts: false });
    }
    const mid = monteCarlo(scenario, { samples: 16_000, nashEvery: 0, drafts: false });
    const big = monteCarlo(scenario, { samples: 64_000, seed: 2, nashEvery: 0, drafts: false });
    const ratio = small.stdError / mid.stdError;
    expect(ratio).toBeGreaterThan(3.4);
    expect(ratio).toBeLessThan(4.7);
    expect(Math.abs(mid.pAgreementZone - big.pAgreementZone)).toBeLessThan(4 * mid.stdError);
  });

  it('reports progress and, on request only, the draws', () => {
    const seen: number[] = [];
    const mc = monteCarlo(s, { samples: 2500, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(mc.perSample).toBeUndefined();
    expect(monteCarlo(s, { samples: 3, perSample: true }).perSample?.length).toBe(3);
  });

  it('computes Nash on every n-th draw when asked, and says so', () => {
    const mc = monteCarlo(s, { samples: 1000, nashEvery: 10 });
    expect(mc.nash.every).toBe(10);
    expect(mc.nash.samples).toBe(100);
  });
});

describe('monteCarlo: misuse', () => {
  const s = fixtureWithRecord(createRng(5), { parties: 2, issues: 2 });
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return e instanceof ConcordError ? e.code : 'other';
    }
    return 'none';
  };
  it('refuses bad sample counts, unknown levers and unknown pins with a code', () => {
    expect(code(() => monteCarlo(s, { samples: 0 }))).toBe('bad-option');
    expect(code(() => monteCarlo(s, { samples: 10, seed: 1.5 }))).toBe('bad-option');
    expect(code(() => monteCarlo(s, { samples: 10, levers: { nope: 1 } }))).toBe('unknown-lever');
    expect(code(() => monteCarlo(s, { samples: 10, overrides: { nope: 1 } }))).toBe('unknown-parameter');
  });
});

const ukraine = join(repoRoot, 'scenarios', 'ukraine-2025', 'scenario.yaml');
describe.skipIf(!existsSync(ukraine))('monteCarlo on ukraine-2025', () => {
  it('is reproducible with 2,000 draws and gives probabilities in [0, 1]', () => {
    const r = loadScenarioFile(ukraine);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const a = monteCarlo(r.value, { samples: 2000, seed: 11 });
    expect(monteCarlo(r.value, { samples: 2000, seed: 11 })).toEqual(a);
    const ps = [
      a.pAgreementZone,
      a.nash.pDefined,
      ...a.drafts.flatMap((d) => [d.pAll, ...Object.values(d.pAccept)]),
    ];
    expect(a.drafts.length).toBe(r.value.record?.drafts.length);
    for (const p of ps) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
