import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import type { NegotiationRecord } from '../record/types.js';
import { quantileOf, sampleParameters } from './sample.js';

const record: NegotiationRecord = {
  sources: [],
  evidence: [],
  drafts: [],
  events: [],
  levers: [],
  assumptions: [
    {
      id: 'u',
      parameter: 'A.reservation',
      value: 0.5,
      distribution: { kind: 'uniform', min: 0.2, max: 0.8 },
      rationale: '',
    },
    {
      id: 't',
      parameter: 'B.reservation',
      value: 0.4,
      distribution: { kind: 'triangular', min: 0, mode: 0.4, max: 1 },
      rationale: '',
    },
    {
      id: 'b',
      parameter: 'A.redLines.x.active',
      value: 1,
      distribution: { kind: 'bernoulli', p: 0.3 },
      rationale: '',
    },
    { id: 'f', parameter: 'B.weights.i', value: 2, distribution: { kind: 'fixed', value: 2 }, rationale: '' },
  ],
};

describe('quantileOf', () => {
  it('inverts each distribution: ends, mode and bernoulli threshold', () => {
    expect(quantileOf({ kind: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    const tri = { kind: 'triangular', min: 0, mode: 0.4, max: 1 } as const;
    expect(quantileOf(tri, 0)).toBe(0);
    expect(quantileOf(tri, 0.4)).toBeCloseTo(0.4, 12); // F(mode) = (c − a)/(b − a)
    expect(quantileOf(tri, 1)).toBe(1);
    expect(quantileOf({ kind: 'bernoulli', p: 0.3 }, 0.29)).toBe(1);
    expect(quantileOf({ kind: 'bernoulli', p: 0.3 }, 0.3)).toBe(0);
    expect(quantileOf({ kind: 'fixed', value: 7 }, 0.9)).toBe(7);
  });

  it('gives a triangular sample with the right mean (1/3 of min + mode + max)', () => {
    const rng = createRng(3);
    const tri = { kind: 'triangular', min: 0, mode: 0.4, max: 1 } as const;
    let s = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) s += quantileOf(tri, rng.float());
    expect(Math.abs(s / n - 1.4 / 3)).toBeLessThan(0.004);
  });
});

describe('sampleParameters', () => {
  it('draws every assumption within its range, the same for the same seed', () => {
    const a = sampleParameters(record, createRng(9));
    expect(sampleParameters(record, createRng(9))).toEqual(a);
    expect(sampleParameters(record, createRng(10))).not.toEqual(a);
    expect(Object.keys(a)).toEqual(['u', 't', 'b', 'f']);
    expect(a.u).toBeGreaterThanOrEqual(0.2);
    expect(a.u).toBeLessThan(0.8);
    expect([0, 1]).toContain(a.b);
    expect(a.f).toBe(2);
  });

  it('uses one random number per assumption, so successive draws on a stream are reproducible', () => {
    const rng = createRng(5);
    const first = sampleParameters(record, rng);
    const second = sampleParameters(record, rng);
    const again = createRng(5);
    for (let i = 0; i < 4; i++) again.float();
    expect(sampleParameters(record, again)).toEqual(second);
    expect(second).not.toEqual(first);
  });
});
