import { describe, expect, it } from 'vitest';
import { ParetoArchive } from './archive.js';

const f = (...x: number[]) => Float64Array.from(x);
const integer = () => new ParetoArchive<string>(f(1, 1), f(0, 0), f(-Infinity, -Infinity));
const units = f(1, 0, 0, 1);

describe('ParetoArchive', () => {
  it('insert keeps non-dominated points sorted by the first utility and rejects covered ones', () => {
    const a = integer();
    expect(a.insert(f(5, 1), 'a')).toBe(true);
    expect(a.insert(f(1, 5), 'b')).toBe(true);
    expect(a.insert(f(3, 3), 'c')).toBe(true);
    expect(a.insert(f(3, 3), 'dup')).toBe(false);
    expect(a.insert(f(2, 2), 'dominated')).toBe(false);
    expect(a.insert(f(5, 2), 'd')).toBe(true); // beats a
    expect(a.points.map((p) => p.payload)).toEqual(['d', 'c', 'b']);
  });

  it('canPrune cuts a region only when no corner of the staircase is reachable', () => {
    const a = integer();
    a.insert(f(5, 1), 'a');
    a.insert(f(1, 5), 'b');
    expect(a.canPrune(units, f(5, 1))).toBe(true); // nothing there beats (5, 1)
    expect(a.canPrune(units, f(1, 5))).toBe(true);
    expect(a.canPrune(units, f(2, 2))).toBe(false); // (2, 2) is new
    expect(a.canPrune(units, f(6, 0))).toBe(false); // (6, 0) beats a
    // With a mix row u0 + u1 <= 3, (2, 2) is out of reach, and so is every other new point.
    expect(a.canPrune(f(1, 0, 0, 1, 1, 1), f(5, 5, 3))).toBe(true);
  });

  it('canPrune cuts regions below a threshold', () => {
    const a = new ParetoArchive<string>(f(1, 1), f(0, 0), f(4, 0));
    expect(a.canPrune(units, f(3, 9))).toBe(true);
    expect(a.canPrune(units, f(4, 9))).toBe(false);
  });

  it('distance is how far a region reaches past the staircase, in scaled utility', () => {
    const a = integer();
    a.insert(f(4, 0), 'a');
    a.insert(f(0, 4), 'b');
    const scales = f(2, 2);
    // (3, 3) is 1.5 in utility (raw 3 over 2) past the corner (0, 0) in both utilities.
    expect(a.distance(units, f(3, 3), scales, f(0, 0))).toBeCloseTo(1.5, 12);
    // A mix row u0 + u1 <= 4 keeps the region to (2, 2) at most along the diagonal: 1.
    expect(a.distance(f(1, 0, 0, 1, 1, 1), f(3, 3, 4), scales, f(0, 0))).toBeCloseTo(1, 12);
    expect(a.distance(units, f(4, 0), scales, f(0, 0))).toBe(0);
  });
});
