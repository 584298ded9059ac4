/**
 * Monte Carlo in chunks: the tallies of any split of the draws merge into the result of the run in
 * one piece, to the last bit (what a queue of workers relies on). Compared, through `bits`: every
 * number of the result — P(agreement zone) and its standard error; each draft's P(accept) per party,
 * P(all accept) and their standard errors; Nash: draws computed, P(defined), its standard error,
 * the share of each value of each issue, each party's utility mean and 5/50/95 % quantiles; and
 * every per-draw outcome (values drawn, zone, drafts, Nash outcome).
 */
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../src/core/errors.js';
import { createRng } from '../src/core/rng.js';
import { loadScenario } from '../src/node.js';
import {
  drawChunks,
  mergeTallies,
  monteCarlo,
  monteCarloResult,
  monteCarloTally,
  sensitivity,
  sensitivityPlan,
} from '../src/uncertainty/index.js';
import { bits } from './support/bits.js';
import { fixtureWithRecord } from './support/uncertainty-fixtures.js';

/** Random cut points splitting 0..samples into 1 to 6 chunks. */
function randomSplit(rng: ReturnType<typeof createRng>, samples: number) {
  const cuts = new Set<number>([0, samples]);
  const n = rng.int(0, 5);
  for (let i = 0; i < n; i++) cuts.add(rng.int(0, samples));
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((to, i) => ({ from: sorted[i] as number, to }));
}

describe('Monte Carlo in chunks', () => {
  it('merged chunk tallies give the one-piece result bit for bit, on random scenarios and splits', () => {
    const rng = createRng(2026);
    for (let t = 0; t < 15; t++) {
      const s = fixtureWithRecord(rng, { issues: rng.int(1, 4) });
      const options = {
        samples: rng.int(1, 60),
        seed: rng.int(-5, 1000),
        levers: { pressure: (['none', 'some', 'high'] as const)[t % 3] as string },
        nashEvery: rng.int(0, 4),
        perSample: true,
      };
      const whole = monteCarlo(s, options);
      const ranges = randomSplit(rng, options.samples);
      // Merged in a shuffled order: the merge sorts by range.
      const tallies = ranges.map((r) => monteCarloTally(s, options, r)).reverse();
      const merged = monteCarloResult(s, options, mergeTallies(tallies));
      expect(bits(merged), `case ${t}, chunks ${JSON.stringify(ranges)}`).toEqual(bits(whole));
      expect(merged.perSample).toHaveLength(options.samples);
    }
  });

  it('on the flagship scenario: 2,000 draws in chunks of 300 equal the single run', () => {
    const r = loadScenario('ukraine-2025');
    if (!r.ok) throw new Error('ukraine-2025');
    const options = { samples: 2_000, seed: 7, levers: { sanctions: 'intensified' } };
    const whole = monteCarlo(r.value, options);
    const chunks = drawChunks(options.samples, 300).map((range) => monteCarloTally(r.value, options, range));
    expect(chunks).toHaveLength(7);
    const merged = monteCarloResult(r.value, options, mergeTallies(chunks));
    expect(bits(merged)).toEqual(bits(whole));
    expect(merged.nash.samples).toBe(200);
  });

  it('a tornado from its planned runs equals sensitivity()', () => {
    const r = loadScenario('ukraine-2025');
    if (!r.ok) throw new Error('ukraine-2025');
    const options = { samples: 120, seed: 3 };
    const plan = sensitivityPlan(r.value, options);
    const results = plan.runs.map((run) =>
      monteCarloResult(
        r.value,
        run,
        mergeTallies(drawChunks(120, 50).map((c) => monteCarloTally(r.value, run, c))),
      ),
    );
    expect(bits(plan.finish(results))).toEqual(bits(sensitivity(r.value, options)));
  });

  it('refuses gaps, overlaps and incomplete tallies', () => {
    const s = fixtureWithRecord(createRng(5), { issues: 2 });
    const o = { samples: 10 };
    const a = monteCarloTally(s, o, { from: 0, to: 4 });
    const b = monteCarloTally(s, o, { from: 5, to: 10 });
    const c = monteCarloTally(s, o, { from: 3, to: 10 });
    expect(() => mergeTallies([a, b])).toThrow(/draws 4 to 5/);
    expect(() => mergeTallies([a, c])).toThrow(ConcordError);
    expect(() => monteCarloResult(s, o, a)).toThrow(/not 0 to 10/);
    expect(() => monteCarloTally(s, o, { from: 4, to: 11 })).toThrow(/not within 0 to 10/);
  });
});
