/**
 * Tournament results on the queue's wire: what the coordinator puts back from its plan gives
 * back the worker's result key for key, for results as planned and for ones that differ from
 * the plan; a wire result with half of the planned group is refused.
 */
import { describe, expect, it } from 'vitest';
import { inProcessExecutor, type PlannedRun, planTournament, runTournament } from '../src/index.js';
import { fromWire, jobResultSchema, toWire } from '../src/node/queue-jobs.js';
import { scenarioResolver } from '../src/node/scenario-resolver.js';

async function sample() {
  const plan = planTournament({
    strategies: ['boulware', 'conceder', 'tft'],
    scenarios: ['examples/job-offer.yaml'],
    repetitions: 2,
    seed: 3,
  });
  if (!plan.ok) throw new Error('plan');
  const out = await runTournament(plan.value, {
    executor: inProcessExecutor({ resolve: scenarioResolver() }),
  });
  return { runs: plan.value.runs, results: out.results };
}

describe('queue wire format', () => {
  it('restores every result exactly, and sends less', async () => {
    const { runs, results } = await sample();
    expect(results.length).toBe(runs.length);
    let full = 0;
    let wire = 0;
    results.forEach((r, i) => {
      const run = runs[i] as PlannedRun;
      const w = toWire(run, r);
      const parsed = jobResultSchema.parse(JSON.parse(JSON.stringify({ kind: 'tournament', results: [w] })));
      if (parsed.kind !== 'tournament') throw new Error('kind');
      expect(JSON.stringify(fromWire(run, parsed.results[0] as never))).toBe(JSON.stringify(r));
      full += JSON.stringify(r).length;
      wire += JSON.stringify(w).length;
    });
    expect(wire).toBeLessThan(0.8 * full);
  });

  it('carries protocol, seed and agents when the result differs from the plan', async () => {
    const { runs, results } = await sample();
    const run = runs[0] as PlannedRun;
    const r = { ...(results[0] as (typeof results)[number]), seed: run.seed + 1, agents: ['x', 'y'] };
    const w = toWire(run, r);
    expect(w).toMatchObject({ seed: run.seed + 1, agents: ['x', 'y'], protocol: run.protocol });
    expect(JSON.stringify(fromWire(run, w))).toBe(JSON.stringify(r));
  });

  it('refuses a wire result with only part of the planned group', async () => {
    const { runs, results } = await sample();
    const w = { ...toWire(runs[0] as PlannedRun, results[0] as (typeof results)[number]), seed: 5 };
    const parsed = jobResultSchema.safeParse({ kind: 'tournament', results: [w] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('protocol, seed and agents come together');
  });
});
