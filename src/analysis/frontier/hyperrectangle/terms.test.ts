import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../../core/errors.js';
import { createSpace } from '../../../outcomes/space.js';
import { partyTerms, termsAreIntegral } from './terms.js';

const space = createSpace([
  { kind: 'integer', name: 'a', min: 0, max: 3 },
  { kind: 'integer', name: 'b', min: 0, max: 3 },
  { kind: 'integer', name: 'c', min: 0, max: 3 },
]);

describe('partyTerms', () => {
  it('splits rectangles into a constant, unary tables and boxes, clipping and dropping void bounds', () => {
    const t = partyTerms(space, {
      kind: 'hyperrectangle',
      scale: 10,
      cap: 1,
      rectangles: [
        { utility: 2, bounds: [] }, // everywhere
        { utility: 3, bounds: [{ issue: 0, min: 0, max: 9 }] }, // covers the whole issue
        { utility: 4, bounds: [{ issue: 1, min: 2, max: 7 }] }, // clipped to 2..3
        { utility: 5, bounds: [{ issue: 0, min: 3, max: 1 }] }, // empty: never earned
        {
          utility: 6,
          bounds: [
            { issue: 2, min: 1, max: 2 },
            { issue: 0, min: 0, max: 3 },
            { issue: 1, min: 0, max: 0 },
          ],
        },
      ],
    });
    expect(t.constant).toBe(5);
    expect(t.scale).toBe(10);
    expect(t.cap).toBe(1);
    expect(Array.from(t.unary[1] as Float64Array)).toEqual([0, 0, 4, 4]);
    expect(t.boxes).toHaveLength(1);
    expect(Array.from(t.boxes[0]?.issues ?? [])).toEqual([1, 2]);
    expect(Array.from(t.boxes[0]?.mins ?? [])).toEqual([0, 1]);
    expect(Array.from(t.boxes[0]?.maxs ?? [])).toEqual([0, 2]);
    expect(termsAreIntegral(t)).toBe(true);
  });

  it('reads a linear-additive utility as unary tables with weights folded in', () => {
    const t = partyTerms(space, {
      kind: 'linear-additive',
      weights: [0.5, 0.25, 0],
      values: [0, 1, 2].map(() => ({ kind: 'table', values: [0, 1, 2, 3] })),
    });
    expect(Array.from(t.unary[0] as Float64Array)).toEqual([0, 0.5, 1, 1.5]);
    expect(t.boxes).toEqual([]);
    expect(t.cap).toBe(Number.POSITIVE_INFINITY);
    expect(termsAreIntegral(t)).toBe(false);
  });

  it('throws a coded error for a bound on an issue the space does not have', () => {
    const bad = () =>
      partyTerms(space, {
        kind: 'hyperrectangle',
        rectangles: [{ utility: 1, bounds: [{ issue: 3, min: 0, max: 1 }] }],
      });
    expect(bad).toThrow(ConcordError);
    expect(bad).toThrow(/issue 3/);
  });
});
