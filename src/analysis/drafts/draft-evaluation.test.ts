import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import {
  fewestCrossedBrute,
  fixtureDraft,
  fixtureScenario,
  maxMinBrute,
} from '../../../test/support/uncertainty-fixtures.js';
import { ConcordError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import type { Scenario } from '../../model/scenario.js';
import { prepareProblem } from '../../preferences/problem.js';
import type { Draft } from '../../record/types.js';
import { draftFixed, evaluateDraft } from './draft-evaluation.js';
import { enumerateCompletion } from './draft-evaluation-enumerate.js';
import { evaluateOutcome } from './evaluate.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

/** Two parties on an armed-forces cap 200,000–920,000 (step 40,000) and a status issue. */
const CAP: Scenario = {
  name: 'cap',
  issues: [
    { kind: 'integer', name: 'cap', min: 200_000, max: 920_000, step: 40_000 },
    { kind: 'discrete', name: 'status', values: ['a', 'b'] },
  ],
  parties: [
    {
      name: 'East',
      role: 'principal',
      utility: {
        kind: 'linear-additive',
        weights: [0.5, 0.5],
        values: [
          { kind: 'linear', x0: 200_000, y0: 1, slope: -1 / 720_000 },
          { kind: 'table', values: [1, 0] },
        ],
      },
      reservationValue: 0.3,
      redLines: [{ id: 'east-cap', forbid: { issue: 'cap', above: 760_000 } }],
    },
    {
      name: 'West',
      role: 'principal',
      utility: {
        kind: 'linear-additive',
        weights: [0.5, 0.5],
        values: [
          { kind: 'linear', x0: 200_000, y0: 0, slope: 1 / 720_000 },
          { kind: 'table', values: [0, 1] },
        ],
      },
      reservationValue: 0.3,
      redLines: [{ id: 'west-cap', forbid: { issue: 'cap', below: 600_000 } }],
    },
  ],
};

const draft = (sets: Record<string, string | number>[]): Draft => ({
  name: 'd',
  drafters: [],
  pointCount: sets.length,
  evidence: [],
  points: sets.map((s, i) => ({ number: i + 1, title: `p${i}`, sets: s, detailed: true, evidence: [] })),
});

describe('evaluateDraft', () => {
  it('completes an open cap egalitarianly between two red lines (hand-computed)', () => {
    const e = evaluateDraft(CAP, draft([{ status: 'a' }]));
    // East: 0.5 + 0.5 (1 − (c − 200k)/720k); West: 0.5 (c − 200k)/720k. Allowed c: 600k..760k.
    // min gain is largest at the highest allowed c: 760k → East 0.5 + 0.5·(160/720), West 0.5·(560/720).
    expect(e.fixed).toEqual({ status: 'a' });
    expect(e.open).toEqual(['cap']);
    expect(e.completion).toEqual({ cap: 760_000 });
    expect(e.rule).toBe('egalitarian');
    expect(e.parties[0]?.utility).toBeCloseTo(0.5 + (0.5 * 160) / 720, 12);
    expect(e.parties[1]?.utility).toBeCloseTo((0.5 * 560) / 720, 12);
    expect(e.parties.map((p) => p.accepts)).toEqual([true, true]);
    expect(e.parties[1]?.range[0]).toBeCloseTo(0, 12);
    expect(e.parties[1]?.range[1]).toBeCloseTo(0.5, 12);
  });

  it('says so when the fixed issues cross a red line, and completes crossing no more', () => {
    const e = evaluateDraft(CAP, draft([{ cap: 400_000 }]));
    expect(e.rule).toBe('fewest-red-lines');
    expect(e.note).toMatch(/crosses the fewest \(1\)/);
    expect(e.redLinesCrossed).toEqual([{ party: 'West', redLine: 'west-cap' }]);
    expect(e.parties.map((p) => p.accepts)).toEqual([true, false]);
    expect(e.parties[1]?.redLinesCrossed).toEqual(['west-cap']);
  });

  it('gives the utilities evaluateOutcome gives for the same outcome, exactly', () => {
    const rng = createRng(21);
    for (let t = 0; t < 100; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5) });
      const e = evaluateDraft(s, fixtureDraft(rng, s));
      const o = evaluateOutcome(s, e.outcome, { frontier: [] });
      e.parties.forEach((p, i) => {
        assert.equal(p.utility, o.parties[i]?.utility);
        assert.equal(p.accepts, o.parties[i]?.acceptable === true && p.redLinesCrossed.length === 0);
      });
    }
  });

  it('finds the enumerated best minimum gain, or the enumerated fewest red lines crossed (300 cases)', () => {
    const rng = createRng(22);
    let fewest = 0;
    for (let t = 0; t < 300; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5), redLines: 3 });
      const d = fixtureDraft(rng, s);
      const e = evaluateDraft(s, d);
      const fixed = draftFixed(prepareProblem(s).space, d);
      const want = maxMinBrute(s, fixed);
      if (want !== undefined) {
        assert.equal(e.rule, 'egalitarian', `case ${t}`);
        assert.ok(close(e.minGain, want), `case ${t}: ${e.minGain} vs ${want}`);
      } else {
        fewest++;
        assert.equal(e.rule, 'fewest-red-lines', `case ${t}`);
        assert.equal(e.redLinesCrossed.length, fewestCrossedBrute(s, fixed), `case ${t}`);
        const ref = enumerateCompletion(prepareProblem(s), fixed);
        assert.equal(ref.crossed.length, e.redLinesCrossed.length, `case ${t}`);
        const refGain = Math.min(...ref.utilities.map((u, i) => u - (s.parties[i]?.reservationValue ?? 0)));
        assert.ok(close(refGain, e.minGain), `case ${t}: ${refGain} vs ${e.minGain}`);
      }
      const lo = e.parties.map((p) => p.range[0]);
      e.parties.forEach((p, i) => {
        assert.ok(p.utility >= (lo[i] as number) - 1e-12 && p.utility <= p.range[1] + 1e-12);
      });
    }
    expect(fewest).toBeGreaterThan(10);
  });

  it('refuses an unknown draft name and a draft setting one issue twice', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ConcordError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => evaluateDraft(CAP, 'nope'))).toBe('unknown-draft');
    expect(code(() => evaluateDraft(CAP, draft([{ cap: 400_000 }, { cap: 440_000 }])))).toBe(
      'conflicting-draft',
    );
  });
});
