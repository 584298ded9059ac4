/** The tornado: direction of pinned red lines, ranking by swing, common random numbers, levers. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/model/scenario.js';
import type { Assumption, Lever } from '../src/record/types.js';
import { sensitivity } from '../src/uncertainty/index.js';

/** Two parties on one 0..10 issue; East forbids above 6 (maybe), West forbids below a drawn floor. */
function scenario(assumptions: Assumption[], levers: Lever[] = []): Scenario {
  const party = (name: string, up: boolean) => ({
    name,
    role: 'principal' as const,
    utility: {
      kind: 'linear-additive' as const,
      weights: [1],
      values: [{ kind: 'linear' as const, x0: 0, y0: up ? 0 : 1, slope: (up ? 1 : -1) / 10 }],
    },
    reservationValue: up ? 0.3 : 0.25,
    redLines: [{ id: `${name}-line`, forbid: { issue: 'x', ...(up ? { below: 5 } : { above: 6 }) } }],
  });
  return {
    name: 's',
    issues: [{ kind: 'integer', name: 'x', min: 0, max: 10 }],
    parties: [party('East', false), party('West', true)],
    record: { sources: [], evidence: [], assumptions, drafts: [], events: [], levers },
  };
}

const A: Assumption[] = [
  {
    id: 'east-real',
    parameter: 'East.redLines.East-line.active',
    value: 1,
    distribution: { kind: 'bernoulli', p: 0.5 },
    rationale: 't',
  },
  {
    id: 'west-floor',
    parameter: 'West.redLines.West-line.below',
    value: 5,
    distribution: { kind: 'uniform', min: 4, max: 9 },
    rationale: 't',
  },
  {
    id: 'west-res',
    parameter: 'West.reservation',
    value: 0.3,
    distribution: { kind: 'uniform', min: 0.2, max: 0.4 },
    rationale: 't',
  },
  {
    id: 'unused-size',
    parameter: 'levers.push.effects.0.perUnit',
    value: -0.1,
    distribution: { kind: 'uniform', min: -0.2, max: 0 },
    rationale: 't',
  },
];

const PUSH: Lever = {
  id: 'push',
  name: 'Push',
  levels: { none: 0, hard: 1 },
  baseline: 'none',
  effects: [{ parameter: 'West.reservation', perUnit: -0.1, assumption: 'unused-size', rationale: 't' }],
};

describe('sensitivity', () => {
  const t = sensitivity(scenario(A, [PUSH]), { samples: 1000, seed: 4 });
  const bar = (id: string) => t.bars.find((b) => b.id === id);

  it('pinning a red line active lowers P(zone), pinned inactive raises it', () => {
    const b = bar('east-real');
    expect(b?.low.value).toBe(0);
    expect(b?.high.value).toBe(1);
    // East's reservation allows x ≤ 7; its red line x ≤ 6. West's floor ~ U[4, 9]:
    // P(zone) = P(floor ≤ 7) = 0.6 without the line, P(floor ≤ 6) = 0.4 with it.
    expect(Math.abs((b?.low.pAgreementZone ?? 0) - 0.6)).toBeLessThan(4 * (b?.low.stdError ?? 0));
    expect(Math.abs((b?.high.pAgreementZone ?? 0) - 0.4)).toBeLessThan(4 * (b?.high.stdError ?? 0));
    expect(b?.high.pAgreementZone).toBeLessThan(t.baseline.pAgreementZone);
    expect(b?.low.pAgreementZone).toBeGreaterThan(t.baseline.pAgreementZone);
  });

  it('ranks bars by swing, largest first', () => {
    const swings = t.bars.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    expect(t.bars[0]?.swing).toBeGreaterThan(0.3);
    for (const b of t.bars)
      expect(b.swing).toBeCloseTo(Math.abs(b.high.pAgreementZone - b.low.pAgreementZone), 12);
  });

  it('shares the draws between bars: a parameter that cannot matter has exactly zero swing', () => {
    // The lever is at its baseline, so the size of its effect changes nothing.
    expect(bar('unused-size')?.swing).toBe(0);
    expect(bar('unused-size')?.low.pAgreementZone).toBe(t.baseline.pAgreementZone);
  });

  it('gives a lever one end per level, lowest and highest as the bar ends', () => {
    const b = bar('push');
    expect(b?.kind).toBe('lever');
    expect(b?.levels?.map((l) => l.level)).toEqual(['none', 'hard']);
    expect(b?.low.level).toBe('none');
    expect(b?.low.pAgreementZone).toBe(t.baseline.pAgreementZone);
    // Pushing lowers West's reservation: the zone can only grow.
    expect(b?.high.pAgreementZone).toBeGreaterThanOrEqual(b?.low.pAgreementZone ?? 1);
  });

  it('is reproducible: the same seed gives the same tornado', () => {
    expect(sensitivity(scenario(A, [PUSH]), { samples: 1000, seed: 4 })).toEqual(t);
  });
});
