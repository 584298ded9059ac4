import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { rankStrategies } from './ranking.js';
import type { TournamentResult } from './result.js';

/** Results where `strong` gets about 0.7 and `weak` about 0.4, with noise. */
function results(n: number, seed = 1): TournamentResult[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const swap = i % 2 === 1;
    const u = [0.7 + (rng.float() - 0.5) * 0.2, 0.4 + (rng.float() - 0.5) * 0.2];
    const agreed = i % 5 !== 0;
    return {
      id: `r${String(i).padStart(6, '0')}`,
      repetition: i,
      scenario: i % 3 === 0 ? 'x.yaml' : 'y.yaml',
      name: i % 3 === 0 ? 'X' : 'Y',
      protocol: 'ao',
      steps: 100,
      seed: i + 1,
      agents: swap ? ['weak', 'strong'] : ['strong', 'weak'],
      parties: ['A', 'B'],
      agreement: agreed ? [0] : null,
      endedBy: agreed ? 'agreement' : 'deadline',
      rounds: 10 + (i % 7),
      turns: 20,
      time: 0.1,
      utilities: swap ? [u[1] as number, u[0] as number] : u,
      discounted: swap ? [u[1] as number, u[0] as number] : u,
      welfare: (u[0] as number) + (u[1] as number),
      ...(agreed ? { nashDistance: 0.1 } : {}),
    } satisfies TournamentResult;
  });
}

describe('rankStrategies', () => {
  it('ranks by mean utility per seat, best first, with intervals that contain the mean', () => {
    const r = rankStrategies(results(40));
    expect(r.standings.map((s) => [s.rank, s.strategy, s.seats])).toEqual([
      [1, 'strong', 40],
      [2, 'weak', 40],
    ]);
    for (const s of r.standings) {
      for (const e of [s.utility, s.discounted, s.agreementRate, s.rounds]) {
        expect(e.low as number).toBeLessThanOrEqual(e.mean);
        expect(e.high as number).toBeGreaterThanOrEqual(e.mean);
      }
    }
    expect(r.standings[0]?.utility.mean).toBeCloseTo(0.7, 1);
    expect(r.standings[0]?.agreementRate.mean).toBe(32 / 40);
    expect(r.standings[0]?.nashDistance?.n).toBe(32);
  });

  it('narrows the intervals as runs are added', () => {
    const width = (n: number) => {
      const u = rankStrategies(results(n)).standings[0]?.utility;
      return (u?.high as number) - (u?.low as number);
    };
    expect(width(400)).toBeLessThan(width(100));
    expect(width(100)).toBeLessThan(width(10));
  });

  it('gives the same ranking whatever order the results arrive in', () => {
    const rs = results(60);
    const shuffled = [...rs].reverse();
    shuffled.push(...shuffled.splice(0, 17));
    expect(rankStrategies(shuffled, { byScenario: true })).toEqual(rankStrategies(rs, { byScenario: true }));
  });

  it('ranks within each scenario on request, scenarios in order', () => {
    const r = rankStrategies(results(30), { byScenario: true, score: 'discounted' });
    expect(r.score).toBe('discounted');
    expect(r.byScenario?.map((s) => [s.scenario, s.name, s.runs])).toEqual([
      ['x.yaml', 'X', 10],
      ['y.yaml', 'Y', 20],
    ]);
    expect(r.byScenario?.[0]?.standings[0]?.strategy).toBe('strong');
    expect(rankStrategies(results(30)).byScenario).toBeUndefined();
  });

  it('counts both seats of a strategy that meets itself', () => {
    const [one] = results(1);
    const self = { ...(one as TournamentResult), agents: ['strong', 'strong'] };
    expect(rankStrategies([self]).standings).toMatchObject([{ strategy: 'strong', seats: 2 }]);
  });
});
