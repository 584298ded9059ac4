import { describe, expect, it } from 'vitest';
import { reduceProblem } from './reduce.js';
import type { PartyTerms } from './terms.js';

const terms = (unary: number[][], boxes: PartyTerms['boxes'] = []): PartyTerms => ({
  scale: 1,
  cap: Number.POSITIVE_INFINITY,
  constant: 0,
  unary: unary.map((u) => Float64Array.from(u)),
  boxes,
});
const box = (utility: number, issues: number[], mins: number[], maxs: number[]) => ({
  utility,
  issues: Int32Array.from(issues),
  mins: Int32Array.from(mins),
  maxs: Int32Array.from(maxs),
});

describe('reduceProblem', () => {
  it('merges values no term tells apart and drops classes another beats in every context', () => {
    // Issue 0: values 0,1 alike (inside the box); 2,3 alike (outside) and worse for both parties.
    // Issue 1: values 0 and 1 trade off between the parties; value 2 ends up below value 0.
    const a = terms(
      [
        [0, 0, 0, 0],
        [1, 2, 3],
      ],
      [box(5, [0, 1], [0, 0], [1, 1])],
    );
    const b = terms([
      [0, 0, 0, 0],
      [3, 2, 1],
    ]);
    const r = reduceProblem([4, 3], [a, b], [undefined, undefined], new Set());
    expect(Array.from(r.classes[0] ?? [])).toEqual([0]);
    // With issue 0 settled inside, the box only depends on issue 1: it became unary.
    expect(r.boxes).toEqual([]);
    expect(Array.from(r.classes[1] ?? [])).toEqual([0, 1]);
    expect(Array.from(r.unary[0]?.[1] ?? [])).toEqual([6, 7]);
    expect(Array.from(r.unary[1]?.[1] ?? [])).toEqual([3, 2]);
  });

  it('keeps every allowed value of a pinned issue and none of the forbidden ones', () => {
    const a = terms([
      [0, 0, 0],
      [0, 0],
    ]);
    const r = reduceProblem([3, 2], [a], [Uint8Array.from([1, 0, 1]), undefined], new Set([0]));
    expect(Array.from(r.classes[0] ?? [])).toEqual([0, 2]);
    expect(Array.from(r.classes[1] ?? [])).toEqual([0]);
  });

  it('does not drop a value inside a negative box for one that avoids it unless it is no worse', () => {
    // Value 0 of issue 0 sits in a penalty box (with value 0 of issue 1) but has the higher unary
    // term: neither value of issue 0 is always better, nor of issue 1.
    const a = terms(
      [
        [2, 0],
        [1, 0],
      ],
      [box(-5, [0, 1], [0, 0], [0, 0])],
    );
    const r = reduceProblem([2, 2], [a], [undefined, undefined], new Set());
    expect(Array.from(r.classes[0] ?? [])).toEqual([0, 1]);
    expect(Array.from(r.classes[1] ?? [])).toEqual([0, 1]);
    expect(r.boxes).toHaveLength(1);
    // Without the unary pull, avoiding the penalty is always at least as good: one class left.
    const b = terms(
      [
        [2, 0],
        [0, 0],
      ],
      [box(-5, [0, 1], [0, 0], [0, 0])],
    );
    const q = reduceProblem([2, 2], [b], [undefined, undefined], new Set());
    expect(q.classes.map((c) => Array.from(c))).toEqual([[0], [1]]);
    expect(q.boxes).toEqual([]);
  });
});
