import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { createSpace, forEachOutcome } from '../outcomes/space.js';
import { compileUtility } from '../preferences/compile.js';
import { applyParameters, getParameter, resolveParameter } from './parameters.js';
import { randomScenario } from './random.js';
import type { Scenario } from './scenario.js';

const base = (): Scenario => {
  const s = randomScenario(createRng(5), { parties: 2, issues: 3, values: 3 });
  const p0 = s.parties[0]!;
  return {
    ...s,
    issues: [...s.issues.slice(0, 2), { kind: 'integer', name: 'cap.size', min: 0, max: 10 }],
    parties: [
      {
        ...p0,
        name: 'Side A',
        redLines: [
          { id: 'no-low', forbid: { issue: 'cap.size', below: 4 } },
          { id: 'x', forbid: { issue: 'i1', in: ['v1'] } },
        ],
      },
      { ...s.parties[1]!, name: 'Side B' },
    ],
  };
};

describe('resolveParameter', () => {
  it('resolves every kind, with dotted names', () => {
    const s = base();
    expect(resolveParameter(s, 'Side A.reservation')).toEqual({ kind: 'reservation', party: 0 });
    expect(resolveParameter(s, 'Side B.weights.cap.size')).toEqual({ kind: 'weight', party: 1, issue: 2 });
    expect(resolveParameter(s, 'Side A.values.i2.v3')).toEqual({
      kind: 'value',
      party: 0,
      issue: 1,
      option: 2,
    });
    expect(resolveParameter(s, 'Side A.redLines.no-low.below')).toMatchObject({
      kind: 'red-line-bound',
      bound: 'below',
    });
    expect(resolveParameter(s, 'Side A.redLines.x.active')).toMatchObject({
      kind: 'red-line-active',
      redLine: 1,
    });
  });
  it('says what is wrong', () => {
    const s = base();
    expect(resolveParameter(s, 'Nobody.reservation')).toMatch(
      /must start with a party name \(Side A, Side B\)/,
    );
    expect(resolveParameter(s, 'Side A.weights.nope')).toMatch(/unknown issue/);
    expect(resolveParameter(s, 'Side A.values.i1.zzz')).toMatch(/no option "zzz"/);
    expect(resolveParameter(s, 'Side A.redLines.x.below')).toMatch(/no "below" bound/);
    expect(resolveParameter(s, 'Side A.colour')).toMatch(/after the party name/);
  });
});

describe('applyParameters', () => {
  it('sets a reservation and leaves the input untouched', () => {
    const s = base();
    const t = applyParameters(s, { 'Side A.reservation': 0.7 });
    expect(t.parties[0]!.reservationValue).toBe(0.7);
    expect(s.parties[0]!.reservationValue).toBe(0);
  });
  it('a weight change sets that weight exactly and scales the others to keep the total', () => {
    const s = base();
    const before = (s.parties[0]!.utility as unknown as { weights: number[] }).weights;
    const t = applyParameters(s, { 'Side A.weights.i1': 0.5 });
    const w = (t.parties[0]!.utility as unknown as { weights: number[] }).weights;
    expect(w[0]).toBe(0.5);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(
      before.reduce((a, b) => a + b, 0),
      12,
    );
    expect(w[1]! / w[2]!).toBeCloseTo(before[1]! / before[2]!, 12);
  });
  it('a value change moves utilities by weight × delta', () => {
    const s = base();
    const target = resolveParameter(s, 'Side B.values.i1.v2');
    if (typeof target === 'string') throw new Error(target);
    const old = getParameter(s, target);
    const t = applyParameters(s, { 'Side B.values.i1.v2': old + 0.5 });
    const space = createSpace(s.issues);
    const u0 = compileUtility(space, s.parties[1]!.utility);
    const u1 = compileUtility(space, t.parties[1]!.utility);
    const w = (s.parties[1]!.utility as unknown as { weights: number[] }).weights[0]!;
    forEachOutcome(space, (o) => {
      const d = u1.evaluate(o) - u0.evaluate(o);
      expect(d).toBeCloseTo(o[0] === 1 ? 0.5 * w : 0, 12);
    });
  });
  it('drops an inactive red line and moves a bound', () => {
    const s = base();
    const t = applyParameters(s, { 'Side A.redLines.x.active': 0, 'Side A.redLines.no-low.below': 6 });
    expect(t.parties[0]!.redLines.map((r) => r.id)).toEqual(['no-low']);
    expect(t.parties[0]!.redLines[0]!.forbid).toMatchObject({ below: 6 });
  });
  it('throws a ConcordError for an unknown path', () => {
    expect(() => applyParameters(base(), { 'Side A.nope': 1 })).toThrow(/after the party name/);
  });
});
