import { describe, expect, it } from 'vitest';
import { significant } from './significant.js';

describe('significant', () => {
  it('rounds to significant digits without exponent noise', () => {
    expect(significant(0.000027008648614841876)).toBe('0.000027');
    expect(significant(0.17084572885677862)).toBe('0.171');
    expect(significant(0.004044921875)).toBe('0.00404');
    expect(significant(12345.678)).toBe('12300');
    expect(significant(0)).toBe('0');
    expect(significant(-0.5)).toBe('-0.5');
    expect(significant(1e-9)).toBe('1.00e-9');
    expect(significant(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('stays within half a unit of the last digit on random numbers', () => {
    let s = 7;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    for (let k = 0; k < 2000; k++) {
      const x = next() * 10 ** Math.floor(next() * 12 - 6);
      if (x < 1e-6) continue;
      const text = significant(x, 3);
      expect(text).not.toMatch(/e/);
      const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
      expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(unit / 2 + 1e-15 * x);
    }
  });
});
