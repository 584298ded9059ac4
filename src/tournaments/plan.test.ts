import { describe, expect, it } from 'vitest';
import { matchups, planTournament, type TournamentOptions, type TournamentPlan } from './plan.js';

const base: TournamentOptions = {
  strategies: ['boulware', 'conceder', 'tft'],
  scenarios: ['a.yaml', 'b.yaml'],
  repetitions: 4,
};

function plan(options: Partial<TournamentOptions> = {}): TournamentPlan {
  const r = planTournament({ ...base, ...options });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

describe('planTournament', () => {
  it('plans strategies × scenarios × seat orders × repetitions runs', () => {
    // 3 strategies, 2 seats: 6 ordered pairs (all), 3 pairs (none); with self-play 9 and 6.
    expect(plan().runs).toHaveLength(6 * 2 * 4);
    expect(plan({ permutations: 'none' }).runs).toHaveLength(3 * 2 * 4);
    expect(plan({ selfPlay: true }).runs).toHaveLength(9 * 2 * 4);
    expect(plan({ selfPlay: true, permutations: 'none' }).runs).toHaveLength(6 * 2 * 4);
    expect(plan({ scenarios: [{ ref: 'three.yaml', seats: 3 }], protocol: 'mao' }).runs).toHaveLength(6 * 4);
  });

  it('is deterministic: the same options give the same runs, ids and seeds', () => {
    expect(plan()).toEqual(plan());
    const runs = plan().runs;
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
    expect(new Set(runs.map((r) => r.seed)).size).toBe(runs.length);
    for (const r of runs) {
      expect(r.id).toMatch(/^[0-9a-f]{16}$/);
      expect(Number.isInteger(r.seed) && r.seed >= 1 && r.seed < 2 ** 31).toBe(true);
    }
  });

  it('gives every seat order of a matchup once, in order repetition → scenario → matchup', () => {
    const runs = plan({ repetitions: 1, scenarios: ['a.yaml'] }).runs;
    expect(runs.map((r) => r.agents.join(' v '))).toEqual([
      'boulware v conceder',
      'boulware v tft',
      'conceder v boulware',
      'conceder v tft',
      'tft v boulware',
      'tft v conceder',
    ]);
    const two = plan({ repetitions: 2 }).runs;
    expect(two.slice(0, 12).every((r) => r.repetition === 0)).toBe(true);
    expect(two.slice(0, 6).every((r) => r.scenario === 'a.yaml')).toBe(true);
  });

  it('keeps the ids and seeds of planned runs when the tournament grows', () => {
    const small = plan();
    const grown = plan({
      strategies: [...base.strategies, 'linear'],
      repetitions: 6,
      scenarios: ['c.yaml', 'a.yaml', 'b.yaml'],
    });
    const byId = new Map(grown.runs.map((r) => [r.id, r]));
    for (const r of small.runs) expect(byId.get(r.id)).toEqual(r);
  });

  it('changes every id and seed with the tournament seed, the steps or the protocol settings', () => {
    const ids = new Set(plan().runs.map((r) => r.id));
    for (const other of [plan({ seed: 2 }), plan({ steps: 50 })]) {
      expect(other.runs.some((r) => ids.has(r.id))).toBe(false);
    }
    expect(plan({ seed: 2 }).runs.map((r) => r.seed)).not.toEqual(plan().runs.map((r) => r.seed));
  });

  it('puts the settings into each run as a serialisable spec', () => {
    const r = plan({ steps: 40, protocol: 'ao' }).runs[0];
    expect(r).toMatchObject({ scenario: 'a.yaml', protocol: 'ao', steps: 40, repetition: 0 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('reports every problem at once, located by path', () => {
    const r = planTournament({
      strategies: ['boulware', 'nosuch', 'boulware'],
      scenarios: ['a.yaml', { ref: 'b.yaml', seats: 3 }],
      repetitions: 0,
      steps: 2.5,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = r.problems.map((p) => `${p.code}@${(p.path ?? []).join('.')}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'unknown-strategy@strategies.1',
        'duplicate-strategy@strategies.2',
        'wrong-party-count@scenarios.1',
        'bad-repetitions@repetitions',
        'bad-steps@steps',
      ]),
    );
  });

  it('refuses fewer strategies than seats unless strategies may meet themselves', () => {
    const r = planTournament({ strategies: ['boulware'], scenarios: ['a.yaml'] });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['too-few-strategies']);
    expect(planTournament({ strategies: ['boulware'], scenarios: ['a.yaml'], selfPlay: true }).ok).toBe(true);
  });
});

describe('matchups', () => {
  it('three seats from four strategies: 24 orders, 4 sets; with self-play 64 and 20', () => {
    const s = ['a', 'b', 'c', 'd'];
    expect(matchups(s, 3, 'all', false)).toHaveLength(24);
    expect(matchups(s, 3, 'none', false)).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['b', 'c', 'd'],
    ]);
    expect(matchups(s, 3, 'all', true)).toHaveLength(64);
    expect(matchups(s, 3, 'none', true)).toHaveLength(20);
  });
});
