import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  inProcessExecutor,
  planTournament,
  runTournament,
  type TournamentPlan,
  type TournamentResult,
} from '../src/index.js';
import { scenarioResolver, workerExecutor } from '../src/node.js';
import { domainsDir, hasShared } from './support/shared.js';

const scenarios = ['examples/job-offer.yaml', 'examples/labour-contract.yaml'];
if (hasShared('worker-thread tournament on anac-y2011-Laptop'))
  scenarios.push(join(domainsDir, 'anac-y2011-Laptop'));

function plan(repetitions: number, seed = 11): TournamentPlan {
  const r = planTournament({
    strategies: ['boulware', 'conceder', 'tft', 'frequency'],
    scenarios,
    repetitions,
    steps: 40,
    seed,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

const byId = (rs: readonly TournamentResult[]) => new Map(rs.map((r) => [r.id, r]));

// One pool for the suite: starting threads (and tsx in them) is the slow part.
const threads = workerExecutor({ workers: 2, batchSize: 3 });
afterAll(() => threads.close());

describe('worker-thread executor', () => {
  it('gives the same result for every run as the in-process executor', async () => {
    const p = plan(2);
    const arrived: string[] = [];
    const inThreads = await runTournament(p, { executor: threads, onResult: (r) => arrived.push(r.id) });
    const inProcess = await runTournament(p, {
      executor: inProcessExecutor({ resolve: scenarioResolver() }),
    });
    expect(inThreads.complete).toBe(true);
    expect(arrived).toHaveLength(p.runs.length);
    expect(new Set(arrived).size).toBe(p.runs.length);
    expect(byId(inThreads.results)).toEqual(byId(inProcess.results));
    // Runs on every scenario, some agreements, some measured against the frontier.
    expect(new Set(inThreads.results.map((r) => r.scenario))).toEqual(new Set(scenarios));
    expect(inThreads.results.some((r) => r.agreement && r.nashDistance !== undefined)).toBe(true);
  });

  it('stops on abort after the batches in flight, delivering them, and a resume completes the plan', async () => {
    const p = plan(3, 12);
    const controller = new AbortController();
    const first: TournamentResult[] = [];
    const partial = await runTournament(p, {
      executor: threads,
      signal: controller.signal,
      onResult: (r) => {
        first.push(r);
        if (first.length === 4) controller.abort();
      },
    });
    expect(partial.complete).toBe(false);
    expect(partial.results.length).toBeLessThan(p.runs.length);
    expect(partial.results.length).toBe(first.length);
    const rest = await runTournament(p, { executor: threads, done: partial.results });
    expect(rest.ran + rest.skipped).toBe(p.runs.length);
    const once = await runTournament(p, { executor: inProcessExecutor({ resolve: scenarioResolver() }) });
    expect(byId(rest.results)).toEqual(byId(once.results));
  });

  it('rejects with the located problem when a worker cannot load a scenario', async () => {
    const r = planTournament({ strategies: ['boulware', 'conceder'], scenarios: ['examples/no-such.yaml'] });
    if (!r.ok) throw new Error('plan');
    await expect(runTournament(r.value, { executor: threads })).rejects.toThrow(
      /no-such\.yaml.*no such file/,
    );
  });
});
