import { describe, expect, it } from 'vitest';
import { meanInterval, t975, wilsonInterval } from './confidence.js';

describe('t975', () => {
  it('matches published quantiles of Student t at 0.975', () => {
    expect(t975(1)).toBeCloseTo(12.7062, 4);
    expect(t975(10)).toBeCloseTo(2.2281, 4);
    expect(t975(40)).toBeCloseTo(2.021075, 5);
    expect(t975(60)).toBeCloseTo(2.000298, 5);
    expect(t975(120)).toBeCloseTo(1.97993, 5);
    expect(t975(1e9)).toBeCloseTo(1.959964, 6);
  });

  it('falls monotonically across the switch from table to expansion', () => {
    for (let df = 1; df < 200; df++) expect(t975(df + 1)).toBeLessThan(t975(df));
  });
});

describe('meanInterval', () => {
  it('is undefined for no data and has no interval for one observation', () => {
    expect(meanInterval([])).toBeUndefined();
    expect(meanInterval([0.4])).toEqual({ mean: 0.4, low: null, high: null, n: 1 });
  });

  it('is mean ± t·s/√n', () => {
    const e = meanInterval([1, 2, 3]);
    // s = 1, t(2) = 4.3027
    expect(e?.mean).toBe(2);
    expect(e?.low).toBeCloseTo(2 - 4.30265273 / Math.sqrt(3), 9);
    expect(e?.high).toBeCloseTo(2 + 4.30265273 / Math.sqrt(3), 9);
  });

  it('collapses to the mean when every observation is equal', () => {
    const e = meanInterval([0.7, 0.7, 0.7]);
    expect(e?.mean).toBeCloseTo(0.7, 12);
    expect((e?.high as number) - (e?.low as number)).toBeLessThan(1e-12);
  });
});

describe('wilsonInterval', () => {
  it('contains the proportion, stays in [0, 1] and is not empty at 0 or n', () => {
    for (const [k, n] of [
      [0, 10],
      [10, 10],
      [3, 7],
      [50, 100],
    ] as const) {
      const e = wilsonInterval(k, n);
      expect(e?.mean).toBe(k / n);
      expect(e?.low as number).toBeLessThanOrEqual(k / n);
      expect(e?.high as number).toBeGreaterThanOrEqual(k / n);
      expect(e?.low as number).toBeGreaterThanOrEqual(0);
      expect(e?.high as number).toBeLessThanOrEqual(1);
      expect((e?.high as number) - (e?.low as number)).toBeGreaterThan(0);
    }
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('matches the textbook value for 10 of 10', () => {
    expect(wilsonInterval(10, 10)?.low).toBeCloseTo(0.7225, 4);
  });
});
