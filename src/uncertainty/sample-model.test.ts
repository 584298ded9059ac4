import { describe, expect, it } from 'vitest';
import { fixtureWithRecord } from '../../test/support/uncertainty-fixtures.js';
import { searchModel } from '../analysis/search/additive-plan.js';
import { ConcordError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { prepareProblem } from '../preferences/problem.js';
import { instantiate } from './instantiate.js';
import { leverTargets } from './levers.js';
import { drawValues, planParameters, slotValues } from './parameter-plan.js';
import { sampleParameters } from './sample.js';
import { SampleModel } from './sample-model.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof ConcordError ? e.code : 'other';
  }
  return 'none';
};

describe('SampleModel', () => {
  it('writes a draw into the same tables and red lines as instantiate + prepareProblem, bit for bit', () => {
    const rng = createRng(31);
    for (let t = 0; t < 60; t++) {
      const s = fixtureWithRecord(rng, { issues: rng.int(1, 4) });
      const levers = { pressure: (['none', 'some', 'high', 1.5] as const)[rng.int(0, 3)] as string | number };
      const overrides = rng.float() < 0.5 ? { 'P0-res': 0.33 } : {};
      const plan = planParameters(s, { levers, overrides });
      const fast = new SampleModel(s, plan);
      const sample = sampleParameters(s.record!, rng);
      const draws = drawValues(plan, undefined);
      plan.assumptions.forEach((a, i) => {
        if (Number.isNaN(plan.pinnedDraws[i] as number)) draws[i] = sample[a.id] as number;
      });
      const got = fast.model(slotValues(plan, draws));
      const want = searchModel(prepareProblem(instantiate(s, sample, levers, overrides)));
      expect(got.reservations).toEqual(want.reservations);
      expect(got.tables.map((p) => p.map((x) => Array.from(x)))).toEqual(
        want.tables.map((p) => p.map((x) => Array.from(x))),
      );
      expect(got.redLines.map((r) => [r.id, r.issues, r.mask && Array.from(r.mask)])).toEqual(
        want.redLines.map((r) => [r.id, r.issues, r.mask && Array.from(r.mask)]),
      );
    }
  });
});

describe('instantiate and leverTargets', () => {
  const s = fixtureWithRecord(createRng(4), { parties: 2, issues: 2 });
  const [a, b] = s.parties;

  it('sets each assumption to its sampled value and adds lever shifts sized by their assumption', () => {
    const sample = { [`${a!.name}-res`]: 0.5, 'pressure-size': -0.2 };
    const x = instantiate(s, sample, { pressure: 'high' });
    expect(x.parties[0]?.reservationValue).toBeCloseTo(0.5 - 0.2 * 2, 12);
    const bPoint = s.record!.assumptions.find((q) => q.id === `${b!.name}-res`)!.value;
    expect(x.parties[1]?.reservationValue).toBeCloseTo(bPoint + 0.05 * 2, 12);
    const shifts = leverTargets(s, { pressure: 'high' }, sample);
    expect(shifts.map((t) => [t.parameter, t.units, t.perUnit, t.assumption])).toEqual([
      [`${a!.name}.reservation`, 2, -0.2, 'pressure-size'],
      [`${b!.name}.reservation`, 2, 0.05, undefined],
    ]);
    expect(leverTargets(s, { pressure: 0 })).toEqual([]);
  });

  it('drops a red line whose activity draws 0', () => {
    const red = s.parties.flatMap((p) => p.redLines);
    if (red.length === 0) return;
    const id = `${red[0]!.id}-active`;
    const x = instantiate(s, { [id]: 0 });
    expect(x.parties.flatMap((p) => p.redLines).length).toBe(red.length - 1);
  });

  it('refuses unknown levers, levels and pins with a code', () => {
    expect(code(() => leverTargets(s, { nope: 1 }))).toBe('unknown-lever');
    expect(code(() => leverTargets(s, { pressure: 'extreme' }))).toBe('unknown-level');
    expect(code(() => planParameters(s, { overrides: { 'Nobody.reservation': 1 } }))).toBe(
      'unknown-parameter',
    );
  });
});
