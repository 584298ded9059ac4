import { describe, expect, it } from 'vitest';
import {
  offerOverlap,
  type Viewer,
  viewBrief,
  viewConcessions,
  viewDraftEvaluation,
  viewOffers,
  viewRun,
} from './views.js';

const mediator: Viewer = { role: 'mediator' };
const russia: Viewer = { role: 'party', party: { slug: 'russia', name: 'Russia' } };
const observer: Viewer = { role: 'observer' };

const evaluation = {
  draft: 'D',
  acceptedByAll: false,
  fixed: { NATO: 'barred' },
  completion: { Crimea: 'x' },
  parties: [
    { party: 'Russia', utility: 0.71, gain: 0.06, accepts: true, redLinesCrossed: [], range: [0.6, 0.8] },
    {
      party: 'Ukraine',
      utility: 0.31,
      gain: -0.24,
      accepts: false,
      redLinesCrossed: ['ua-cap'],
      range: [0.2, 0.4],
    },
  ],
};

describe('views: the privacy rules per result', () => {
  it('a draft evaluation: the party learns its own yes/no and red lines, the observer only "all"', () => {
    expect(viewDraftEvaluation(evaluation, mediator)).toBe(evaluation);
    expect(viewDraftEvaluation(evaluation, russia)).toEqual({
      draft: 'D',
      acceptableToAll: false,
      acceptableToMe: true,
      myRedLinesCrossed: [],
    });
    expect(viewDraftEvaluation(evaluation, observer)).toEqual({ draft: 'D', acceptableToAll: false });
    const ukraine: Viewer = { role: 'party', party: { slug: 'ukraine', name: 'Ukraine' } };
    expect(viewDraftEvaluation(evaluation, ukraine)).toMatchObject({
      acceptableToMe: false,
      myRedLinesCrossed: ['ua-cap'],
    });
  });

  it("a party's red lines read under its own ids (a qualified id mapped back), the mediator's as computed", () => {
    const e = {
      ...evaluation,
      parties: evaluation.parties.map((p) =>
        p.party === 'Ukraine' ? { ...p, redLinesCrossed: ['ru-floor~ukraine', 'ua-cap'] } : p,
      ),
    };
    const back = (id: string) => (id === 'ru-floor~ukraine' ? 'ru-floor' : id);
    const ukraine: Viewer = { role: 'party', party: { slug: 'ukraine', name: 'Ukraine', redLineId: back } };
    expect(viewDraftEvaluation(e, ukraine)).toMatchObject({ myRedLinesCrossed: ['ru-floor', 'ua-cap'] });
    expect(viewDraftEvaluation(e, mediator)).toBe(e);
    const c = {
      zoneExists: false,
      blocking: [
        [{ party: 'Ukraine', redLine: 'ru-floor~ukraine' }],
        [{ party: 'Russia', redLine: 'ru-floor' }],
      ],
    };
    expect(viewConcessions(c, ukraine)).toEqual({ zoneExists: false, myBindingRedLines: ['ru-floor'] });
    expect(viewConcessions(c, russia)).toEqual({ zoneExists: false, myBindingRedLines: ['ru-floor'] });
  });

  it('concessions: own binding red lines only', () => {
    const c = {
      zoneExists: false,
      blocking: [
        [
          { party: 'Russia', redLine: 'ru-cap' },
          { party: 'Ukraine', redLine: 'ua-cap' },
        ],
        [{ party: 'Russia', redLine: 'ru-nato' }],
      ],
    };
    expect(viewConcessions(c, russia)).toEqual({
      zoneExists: false,
      myBindingRedLines: ['ru-cap', 'ru-nato'],
    });
    expect(viewConcessions(c, observer)).toEqual({ zoneExists: false });
  });

  it('the brief holds no number for parties and observers', () => {
    const r = {
      brief: {
        concessions: { zoneExists: true, blocking: [] },
        drafts: [{ name: 'D', central: evaluation }],
      },
      answers: ['text'],
    };
    const numbers = (x: unknown): number[] =>
      typeof x === 'number' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(numbers) : [];
    expect(numbers(viewBrief(r, russia))).toEqual([]);
    expect(numbers(viewBrief(r, observer))).toEqual([]);
    expect(viewBrief(r, mediator)).toBe(r);
  });

  it('runs: inputs, errors and others’ version counters are the mediator’s', () => {
    const row = {
      id: 3,
      kind: 'evaluate',
      status: 'failed',
      seed: 1,
      createdAt: 'now',
      finishedAt: null,
      inputs: { versions: { preferences: { ukraine: 7 } }, request: { draft: 'D', levers: { x: 'y' } } },
      result: null,
      error: 'Ukraine.reservation 0.55',
    };
    const v = viewRun(row, russia);
    expect(JSON.stringify(v)).not.toMatch(/ukraine|0\.55|levers/i);
    expect(v.request).toEqual({ draft: 'D' });
    expect(viewRun(row, mediator).error).toBe('Ukraine.reservation 0.55');
  });

  it('blind offers: the overlap only when every party has submitted, equal packages whatever the key order', () => {
    const subs = {
      a: [
        { x: 1, y: 'p' },
        { x: 2, y: 'p' },
      ],
      b: [{ y: 'p', x: 2 }],
    };
    expect(offerOverlap(subs, ['a', 'b', 'c'])).toEqual({ complete: false, overlap: [] });
    expect(offerOverlap(subs, ['a', 'b'])).toEqual({ complete: true, overlap: [{ x: 2, y: 'p' }] });
    const a: Viewer = { role: 'party', party: { slug: 'a', name: 'A' } };
    expect(viewOffers(subs, ['a', 'b'], a)).toEqual({
      complete: true,
      overlap: [{ x: 2, y: 'p' }],
      mine: subs.a,
    });
    expect(viewOffers(subs, ['a', 'b'], observer)).toEqual({ complete: true, overlap: [{ x: 2, y: 'p' }] });
  });

  it('brute force: the overlap is exactly the packages in every submission (random cases)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const parties = ['p', 'q', 'r'].slice(0, 1 + rnd(3));
      const subs = Object.fromEntries(
        parties.map((p) => [p, Array.from({ length: rnd(5) }, () => ({ i: rnd(3), j: rnd(2) }))]),
      );
      const { overlap } = offerOverlap(subs, parties);
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 2; j++) {
          const inAll = parties.every((p) => subs[p]?.some((x) => x.i === i && x.j === j));
          expect(overlap.filter((x) => x.i === i && x.j === j).length).toBe(inAll ? 1 : 0);
        }
    }
  });
});
