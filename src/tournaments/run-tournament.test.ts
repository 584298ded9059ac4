import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { loadScenario } from '../node/load.js';
import { type Executor, inProcessExecutor } from './executor.js';
import { type PlannedRun, planTournament, type TournamentPlan } from './plan.js';
import { batchRunner, type TournamentResult } from './result.js';
import { runTournament } from './run-tournament.js';

const resolve = (ref: string): Scenario => {
  const r = loadScenario(ref);
  if (!r.ok) throw new InputError(r.problems);
  return r.value;
};

const planned = planTournament({
  strategies: ['boulware', 'conceder', 'hardliner'],
  scenarios: ['examples/job-offer.yaml', 'examples/trade-deal.yaml'],
  repetitions: 2,
  steps: 30,
  seed: 5,
});
if (!planned.ok) throw new Error('plan');
const plan: TournamentPlan = planned.value;

/** An executor that runs through another and records what it was given. */
function spy(inner: Executor): Executor & { given: PlannedRun[] } {
  const given: PlannedRun[] = [];
  return {
    given,
    run: (runs, onResult, options) => {
      given.push(...runs);
      return inner.run(runs, onResult, options);
    },
    close: () => inner.close(),
  };
}

describe('runTournament with the in-process executor', () => {
  it('runs every run once and returns the results in plan order', async () => {
    const seen: string[] = [];
    const out = await runTournament(plan, {
      executor: inProcessExecutor({ resolve }),
      onResult: (r, p) => {
        seen.push(r.id);
        expect(p.finished).toBe(seen.length);
        expect(p.total).toBe(plan.runs.length);
      },
    });
    expect(out.complete).toBe(true);
    expect(out.results.map((r) => r.id)).toEqual(plan.runs.map((r) => r.id));
    expect(seen.sort()).toEqual(plan.runs.map((r) => r.id).sort());
    expect(out).toMatchObject({ ran: plan.runs.length, skipped: 0, foreign: 0 });
    // Each result is the negotiation its spec describes.
    const r0 = out.results[0] as TournamentResult;
    expect(r0).toMatchObject({ scenario: 'examples/job-offer.yaml', name: 'Job offer', steps: 30 });
    expect(r0.seed).toBe(plan.runs[0]?.seed);
    expect(r0.welfare).toBeCloseTo((r0.utilities[0] as number) + (r0.utilities[1] as number), 12);
    if (r0.agreement) expect(r0.frontierDistance).toBeGreaterThanOrEqual(0);
  });

  it('gives the same results whatever the batch size', async () => {
    const a = await runTournament(plan, { executor: inProcessExecutor({ resolve, batchSize: 1 }) });
    const b = await runTournament(plan, { executor: inProcessExecutor({ resolve, batchSize: 50 }) });
    expect(b.results).toEqual(a.results);
    expect(batchRunner({ resolve })(plan.runs.slice(3, 5))).toEqual(a.results.slice(3, 5));
  });

  it('skips runs already done, ignores results of other plans', async () => {
    const full = await runTournament(plan, { executor: inProcessExecutor({ resolve }) });
    const done = full.results.filter((_, i) => i % 3 === 0);
    const other = { ...(full.results[0] as TournamentResult), id: 'ffffffffffffffff' };
    const executor = spy(inProcessExecutor({ resolve }));
    const out = await runTournament(plan, { executor, done: [...done, other, done[0] as TournamentResult] });
    expect(executor.given.map((r) => r.id)).toEqual(
      full.results.filter((_, i) => i % 3 !== 0).map((r) => r.id),
    );
    expect(out).toMatchObject({
      skipped: done.length,
      ran: plan.runs.length - done.length,
      foreign: 1,
      complete: true,
    });
    expect(out.results).toEqual(full.results);
  });

  it('keeps the first of a result delivered twice, and drops results of runs it did not plan', async () => {
    const run = batchRunner({ resolve });
    const twice: Executor = {
      run: async (runs, onResult) => {
        for (const r of run(runs)) {
          onResult(r);
          onResult({ ...r, seed: -1 });
        }
        onResult({ ...(run(runs.slice(0, 1))[0] as TournamentResult), id: 'not-planned' });
      },
      close: async () => {},
    };
    let calls = 0;
    const out = await runTournament(plan, { executor: twice, onResult: () => calls++ });
    expect(calls).toBe(plan.runs.length);
    expect(out.results.every((r) => r.seed > 0)).toBe(true);
    expect(out.results.map((r) => r.id)).toEqual(plan.runs.map((r) => r.id));
  });

  it('stops after the batch in flight when aborted, losing nothing it ran', async () => {
    const controller = new AbortController();
    const written: string[] = [];
    const out = await runTournament(plan, {
      executor: inProcessExecutor({ resolve, batchSize: 4 }),
      signal: controller.signal,
      onResult: (r, p) => {
        written.push(r.id);
        if (p.finished === 5) controller.abort();
      },
    });
    expect(out.complete).toBe(false);
    expect(out.results).toHaveLength(8);
    expect(out.results.map((r) => r.id).sort()).toEqual(written.sort());
  });

  it('rejects when writing a result fails', async () => {
    await expect(
      runTournament(plan, {
        executor: inProcessExecutor({ resolve }),
        onResult: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
  });
});
