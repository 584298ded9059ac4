import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { randomScenario } from '../model/random.js';
import type { NegotiatorView, OfferLog } from '../protocols/index.js';
import { prepareTable } from '../protocols/index.js';
import { acAll, acAny, acCombiMax, acConst, acNext, acProbability, acTime } from './acceptance.js';
import { aspiration, floorOf } from './aspiration.js';
import { frequencyModel } from './frequency-model.js';
import type { AcceptanceInput } from './parts.js';

const input = (x: Partial<AcceptanceInput>): AcceptanceInput => ({
  offer: 0.5,
  next: 0.6,
  time: 0.5,
  best: 0.4,
  reservation: 0,
  max: 1,
  rng: createRng(1),
  ...x,
});

describe('aspiration (GENIUS TimeDependentAgent)', () => {
  const p = { e: 1, k: 0, min: 0.2, max: 1 };
  it('aspiration(t) = min + (max − min)(1 − t^(1/e)): max at 0, min at 1, linear for e = 1', () => {
    expect(aspiration(0, p)).toBe(1);
    expect(aspiration(1, p)).toBeCloseTo(0.2, 12);
    expect(aspiration(0.5, p)).toBeCloseTo(0.6, 12);
  });
  it('Boulware (e = 0.2) stays high, Conceder (e = 2) drops early, Hardliner (e = 0) never moves', () => {
    expect(aspiration(0.5, { ...p, e: 0.2 })).toBeCloseTo(0.2 + 0.8 * (1 - 0.5 ** 5), 12);
    expect(aspiration(0.5, { ...p, e: 2 })).toBeCloseTo(0.2 + 0.8 * (1 - Math.SQRT1_2), 12);
    expect(aspiration(0.9, { ...p, e: 0 })).toBe(1);
  });
  it('offset k concedes k of the range at time 0', () => {
    expect(aspiration(0, { ...p, k: 0.25 })).toBeCloseTo(0.8, 12);
  });
  it('floorOf is the reservation value within [min, max]', () => {
    expect(floorOf({ reservation: 0.3, min: 0.1, max: 1 })).toBe(0.3);
    expect(floorOf({ reservation: -Infinity, min: 0.1, max: 1 })).toBe(0.1);
    expect(floorOf({ reservation: 2, min: 0.1, max: 1 })).toBe(1);
  });
});

describe('acceptance conditions', () => {
  it('AC_next(a, b) accepts when a·offer + b ≥ next', () => {
    expect(acNext()(input({ offer: 0.6, next: 0.6 }))).toBe(true);
    expect(acNext()(input({ offer: 0.59, next: 0.6 }))).toBe(false);
    expect(acNext(1, 0.02)(input({ offer: 0.59, next: 0.6 }))).toBe(true);
  });
  it('AC_const(c), AC_time(T) and AC_combi(T, MAX)', () => {
    expect(acConst(0.5)(input({ offer: 0.5 }))).toBe(true);
    expect(acConst(0.5)(input({ offer: 0.49 }))).toBe(false);
    expect(acTime(0.9)(input({ time: 0.89 }))).toBe(false);
    expect(acTime(0.9)(input({ time: 0.9 }))).toBe(true);
    expect(acCombiMax(0.9)(input({ time: 0.95, offer: 0.45, best: 0.4 }))).toBe(true);
    expect(acCombiMax(0.9)(input({ time: 0.95, offer: 0.35, best: 0.4 }))).toBe(false);
    expect(acCombiMax(0.9)(input({ time: 0.5, offer: 0.45, best: 0.4 }))).toBe(false);
  });
  it('acAny / acAll combine; acProbability draws from the negotiator’s stream', () => {
    const yes = () => true;
    const no = () => false;
    expect(acAny(no, yes)(input({}))).toBe(true);
    expect(acAll(no, yes)(input({}))).toBe(false);
    const rng = createRng(3);
    const n = Array.from({ length: 2000 }, () => acProbability(0.25)(input({ rng }))).filter(Boolean).length;
    expect(n).toBeGreaterThan(400);
    expect(n).toBeLessThan(600);
  });
});

describe('frequencyModel', () => {
  it('rates highest the values the other party keeps offering', () => {
    const table = prepareTable(randomScenario(createRng(4), { issues: 3, values: 4 }));
    const me = table.prefs[0];
    if (!me) throw new Error('no prefs');
    const offers = [
      [1, 2, 0],
      [1, 2, 1],
      [1, 2, 3],
    ];
    const history: OfferLog = {
      length: offers.length,
      outcome: (k) => offers[k] as number[],
      from: () => 1,
      turn: (k) => k,
      time: (k) => k / 10,
    };
    const model = frequencyModel()({ self: 0, me, rng: createRng(1) });
    model.update({ history } as unknown as NegotiatorView);
    expect(model.observations).toBe(3);
    expect(model.estimate([1, 2, 0])).toBeGreaterThan(model.estimate([0, 0, 0]));
    expect(model.estimate([1, 2, 2])).toBeGreaterThan(model.estimate([0, 2, 0]));
    // Issues whose value never changed weigh more than the one that did.
    expect(model.estimate([1, 2, 2])).toBeGreaterThan(model.estimate([0, 0, 0]));
    expect(model.estimate([1, 0, 0])).toBeGreaterThan(model.estimate([0, 0, 0]));
  });
});
