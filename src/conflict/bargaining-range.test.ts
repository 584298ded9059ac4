import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { applyParameters } from '../model/parameters.js';
import type { Scenario } from '../model/scenario.js';
import type { ConflictLens, Estimate } from '../record/types.js';
import {
  bargainingRange,
  conflictLens,
  indivisibility,
  lensLeverShifts,
  lensUncertainty,
  shiftedLensValues,
} from './bargaining-range.js';

const fixed = (value: number): Estimate => ({
  value,
  distribution: { kind: 'fixed', value },
  rationale: 'test',
});
const scenario: Scenario = {
  name: 't',
  issues: [
    { kind: 'integer', name: 'cap', min: 0, max: 100, step: 10 },
    { kind: 'discrete', name: 'alliance', values: ['join', 'defer', 'never'] },
  ],
  parties: [
    {
      name: 'A',
      role: 'principal',
      reservationValue: 0,
      utility: {
        kind: 'linear-additive',
        weights: [1, 0],
        values: [
          { kind: 'linear', x0: 0, y0: 1, slope: -0.01 },
          { kind: 'table', values: [0, 0, 0] },
        ],
      },
      redLines: [
        { id: 'a-cap', forbid: { issue: 'cap', above: 60 } },
        { id: 'a-join', forbid: { issue: 'alliance', in: ['join'] } },
      ],
    },
    {
      name: 'B',
      role: 'principal',
      reservationValue: 0,
      utility: {
        kind: 'linear-additive',
        weights: [1, 0],
        values: [
          { kind: 'linear', x0: 0, y0: 0, slope: 0.01 },
          { kind: 'table', values: [0, 0, 0] },
        ],
      },
      redLines: [{ id: 'b-cap', forbid: { issue: 'cap', below: 40 } }],
    },
  ],
};
const lens: ConflictLens = {
  sides: ['A', 'B'],
  divisible: [
    {
      name: 'cap',
      issue: 'cap',
      min: 0,
      max: 100,
      sideAWants: 'lower',
      warOutcome: fixed(50),
      costs: { A: fixed(20), B: fixed(5) },
    },
  ],
  indivisible: [{ issue: 'alliance', rationale: 'yes or no' }],
};

describe('bargainingRange', () => {
  it('is [p − c_B, p + c_A] when A wants the value lower, cut by both sides’ red lines', () => {
    const r = bargainingRange(scenario, lens, lens.divisible[0]!);
    expect(r.acceptable).toEqual([
      [0, 70],
      [45, 100],
    ]);
    expect(r.range).toEqual([45, 70]);
    expect(r.empty).toBe(false);
    // Grid values 50 and 60 survive: 70 crosses A's "above 60", nothing in range is below 40.
    expect(r.allowedByRedLines).toEqual({ values: [50, 60], cutBy: ['a-cap'] });
  });
  it('mirrors when A wants it higher, and clamps to the bounds', () => {
    const d = {
      ...lens.divisible[0]!,
      sideAWants: 'higher' as const,
      issue: undefined,
      warOutcome: fixed(95),
    } as never;
    const r = bargainingRange(scenario, lens, d);
    expect(r.range).toEqual([75, 100]);
    expect(r.allowedByRedLines).toBeUndefined();
  });
  it('parameter values override the point estimates', () => {
    const r = bargainingRange(scenario, lens, lens.divisible[0]!, {
      'cap.warOutcome': 30,
      'cap.costs.A': 0,
      'cap.costs.B': 0,
    });
    expect(r.range).toEqual([30, 30]);
    // 30 is below B's red line (40): the range exists in the war model, the red lines close it.
    expect(r.allowedByRedLines?.values).toEqual([]);
  });
  it('negative costs (war preferred) can empty the range', () => {
    const r = bargainingRange(scenario, lens, lens.divisible[0]!, { 'cap.costs.A': -10, 'cap.costs.B': -10 });
    expect(r.empty).toBe(true);
  });
});

describe('indivisibility', () => {
  it('lists the options that survive both sides’ red lines', () => {
    const f = indivisibility(scenario, lens, 'alliance', 'yes or no');
    expect(f.compromises).toEqual(['defer', 'never']);
    expect(f.forbiddenBy.join).toEqual(['A']);
    expect(f.indivisible).toBe(false);
    const strict = applyParameters(scenario, {});
    const noDefer = {
      ...strict,
      issues: [strict.issues[0]!, { kind: 'discrete' as const, name: 'alliance', values: ['join', 'never'] }],
    };
    const g = indivisibility(
      {
        ...noDefer,
        parties: noDefer.parties.map((p) => ({
          ...p,
          redLines: p.redLines.filter((r) => r.id === 'a-join'),
        })),
      },
      lens,
      'alliance',
      '',
    );
    expect(g.indivisible).toBe(true);
  });
});

describe('lensUncertainty', () => {
  it('with fixed estimates gives probability 0 or 1 exactly, and is reproducible by seed', () => {
    const a = lensUncertainty(scenario, lens, { rng: createRng(1), seed: 1, samples: 200 });
    expect(a.pRange.cap).toEqual({ p: 1, stdError: 0, meanLow: 45, meanHigh: 70 });
    const shifted = lensUncertainty(scenario, lens, {
      rng: createRng(1),
      seed: 1,
      samples: 200,
      shifts: { 'cap.warOutcome': -25 },
    });
    // p = 25: range [20, 45]; only 40 is allowed by red lines → still open.
    expect(shifted.pRange.cap?.p).toBe(1);
    const closed = lensUncertainty(scenario, lens, {
      rng: createRng(1),
      seed: 1,
      samples: 200,
      shifts: { 'cap.warOutcome': -40 },
    });
    expect(closed.pRange.cap?.p).toBe(0);
  });
  it('with uncertain estimates lies strictly between and repeats with the seed', () => {
    const u: ConflictLens = {
      ...lens,
      divisible: [
        {
          ...lens.divisible[0]!,
          warOutcome: { value: 50, distribution: { kind: 'uniform', min: 0, max: 100 }, rationale: '' },
        },
      ],
    };
    const a = lensUncertainty(scenario, u, { rng: createRng(7), seed: 7, samples: 2000 });
    const b = lensUncertainty(scenario, u, { rng: createRng(7), seed: 7, samples: 2000 });
    expect(a).toEqual(b);
    expect(a.pRange.cap!.p).toBeGreaterThan(0.3);
    expect(a.pRange.cap!.p).toBeLessThan(1);
    expect(conflictLens(scenario, u).ranges.length).toBe(1);
  });
});

describe('lensLeverShifts', () => {
  const lever = {
    id: 'press',
    name: 'Pressure',
    levels: { none: 0, some: 1, max: 2 },
    baseline: 'none',
    effects: [],
  };
  const withLevers: ConflictLens = {
    ...lens,
    divisible: [
      {
        ...lens.divisible[0]!,
        leverEffects: [
          { lever: 'press', parameter: 'warOutcome', perUnit: -10, rationale: '' },
          { lever: 'press', parameter: 'costs.A', perUnit: 5, rationale: '' },
        ],
      },
    ],
  };
  it('adds perUnit × (level − baseline) per parameter, nothing at the baseline', () => {
    expect(lensLeverShifts(withLevers, [lever], { press: 'max' })).toEqual({
      'cap.warOutcome': -20,
      'cap.costs.A': 10,
    });
    expect(Object.values(lensLeverShifts(withLevers, [lever], { press: 'none' })).every((x) => x === 0)).toBe(
      true,
    );
  });
  it('moves the range as the model says: p 50 → 30, c_A 20 → 30 gives [25, 60]', () => {
    const v = shiftedLensValues(withLevers, lensLeverShifts(withLevers, [lever], { press: 'max' }));
    expect(bargainingRange(scenario, withLevers, withLevers.divisible[0]!, v).range).toEqual([25, 60]);
  });
});
