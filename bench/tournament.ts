/**
 * Tournament benchmark (issue 4, item 5): the same ~2,000-negotiation tournament (4 strategies ×
 * ANAC Laptop + CameraC × both seat orders × 84 repetitions) in the main thread, on 1 worker
 * thread and on 2; negotiations per second and the speed-up from 1 to 2 workers. Pools are warmed
 * first (threads started, scenarios loaded) so the rows compare execution, not start-up, which
 * is reported on its own. Best of `rounds` runs per row: this machine is shared.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import {
  type Executor,
  inProcessExecutor,
  planTournament,
  runTournament,
  type TournamentPlan,
  type TournamentResult,
} from '../src/index.js';
import { scenarioResolver, workerExecutor } from '../src/node.js';
import { ms, printTable, type Row, resultsFingerprint, sharedDir } from './harness.js';

const domains = join(sharedDir, 'domains');
const STRATEGIES = ['boulware', 'conceder', 'tft', 'frequency'];

function plan(repetitions: number, seed: number): TournamentPlan {
  const r = planTournament({
    strategies: STRATEGIES,
    scenarios: [join(domains, 'anac-y2011-Laptop'), join(domains, 'anac-y2012-CameraC')],
    repetitions,
    seed,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

interface Timed {
  readonly ms: number;
  readonly results: readonly TournamentResult[];
}

async function timed(p: TournamentPlan, executor: Executor): Promise<Timed> {
  const t0 = performance.now();
  const out = await runTournament(p, { executor });
  return { ms: performance.now() - t0, results: out.results };
}

/** Best wall time of 32 equal CPU-bound tasks on `threads` threads. */
async function spinMs(threads: number, rounds: number): Promise<number> {
  const pool = new Piscina<number, number>({
    filename: new URL('./spin-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  await Promise.all(Array.from({ length: threads * 2 }, () => pool.run(1e6)));
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 32 }, () => pool.run(1e6)));
    best = Math.min(best, performance.now() - t0);
  }
  await pool.destroy();
  return best;
}

export async function benchTournament(rounds = 5): Promise<void> {
  if (!existsSync(join(domains, 'anac-y2011-Laptop'))) {
    console.log(`\nTournament: skipped (needs ${domains})`);
    return;
  }
  const main = plan(84, 1);
  // A full-size warm-up: threads started, scenarios loaded, negotiation code optimised by the JIT.
  const warm = plan(84, 999);
  const n = main.runs.length;
  const configs: { name: string; make: () => Executor }[] = [
    { name: 'main thread (in-process)', make: () => inProcessExecutor({ resolve: scenarioResolver() }) },
    { name: '1 worker thread', make: () => workerExecutor({ workers: 1 }) },
    { name: '2 worker threads', make: () => workerExecutor({ workers: 2 }) },
  ];
  const executors = configs.map((c) => c.make());
  const startup: number[] = [];
  for (const e of executors) startup.push((await timed(warm, e)).ms);
  const times: number[][] = configs.map(() => []);
  const prints = new Set<string>();
  // Interleaved rounds, so a burst of load elsewhere hits every row alike.
  for (let round = 0; round < rounds; round++) {
    for (const [i, e] of executors.entries()) {
      const t = await timed(main, e);
      times[i]?.push(t.ms);
      prints.add(resultsFingerprint(t.results));
    }
  }
  for (const e of executors) await e.close();
  const sorted = times.map((ts) => [...ts].sort((a, b) => a - b));
  const best = sorted.map((ts) => ts[0] as number);
  const median = sorted.map((ts) => ts[Math.floor(ts.length / 2)] as number);

  const rate = (t: number) => `${Math.round((n / t) * 1000).toLocaleString('en-US')}/s`;
  const speedUp = (i: number) =>
    `${((best[1] as number) / (best[i] as number)).toFixed(2)}× (median ${((median[1] as number) / (median[i] as number)).toFixed(2)}×)`;
  const rows: Row[] = configs.map((c, i) => ({
    case: c.name,
    size: `${n.toLocaleString('en-US')} negotiations`,
    ours: `${rate(best[i] as number)} (median ${rate(median[i] as number)})`,
    reference: `warm-up ${ms(startup[i] as number)}`,
    goal: i === 2 ? '≥ 1.6× 1 worker' : '—',
    result: i === 1 ? '1.00× (baseline)' : `${speedUp(i)} vs 1 worker`,
  }));
  // The yardstick: what 2 threads give over 1 on this machine right now (it is shared).
  const [spin1, spin2] = [await spinMs(1, rounds), await spinMs(2, rounds)];
  rows.push({
    case: 'yardstick: pure CPU loop',
    size: '32 equal tasks',
    ours: `1 thread ${ms(spin1)}, 2 threads ${ms(spin2)}`,
    reference: '—',
    goal: '≈ 2× on 2 idle cores',
    result: `${(spin1 / spin2).toFixed(2)}× (this machine, now)`,
  });
  printTable(
    `Tournament: ${STRATEGIES.length} strategies × Laptop + CameraC × both seat orders × 84 repetitions (ao, 100 rounds); best of ${rounds} interleaved; results identical across executors: ${prints.size === 1 ? 'yes' : 'NO'}`,
    rows,
  );
}
