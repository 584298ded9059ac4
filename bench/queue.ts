/**
 * Queue benchmark (issue 12): a 20,000-negotiation tournament (4 strategies × ANAC Laptop + CameraC
 * × both seat orders, repeated) on 1, 2 and 4 `concord worker` processes (one thread each) through
 * BullMQ on a local redis-server, against the local worker-thread run (every core) and one local
 * thread; and the queue's overhead per job (one negotiation a job, against one local thread).
 * Workers are warmed first (threads started, scenarios loaded); Redis is emptied before every run
 * so no run reuses another's answers. Best of `rounds`; this machine is shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type Executor, planTournament, runTournament, type TournamentPlan } from '../src/index.js';
import { queueExecutor, workerExecutor } from '../src/node.js';
import { hasRedis, startRedis, startWorker, type TestWorker } from '../test/support/redis.js';
import { ms, printTable, type Row, resultsFingerprint, sharedDir } from './harness.js';

const domains = join(sharedDir, 'domains');

/** CPU time (user + system, ms) a process has used so far, from /proc (0 where there is none). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const STRATEGIES = ['boulware', 'conceder', 'tft', 'frequency'];

function plan(scenarios: string[], runs: number, seed: number): TournamentPlan {
  const perRepetition = STRATEGIES.length * (STRATEGIES.length - 1) * scenarios.length;
  const r = planTournament({
    strategies: STRATEGIES,
    scenarios,
    repetitions: Math.ceil(runs / perRepetition),
    seed,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

export async function benchQueue(rounds = 2): Promise<void> {
  if (!hasRedis('the queue benchmark')) return;
  const scenarios = existsSync(join(domains, 'anac-y2011-Laptop'))
    ? [join(domains, 'anac-y2011-Laptop'), join(domains, 'anac-y2012-CameraC')]
    : ['examples/job-offer.yaml', 'examples/labour-contract.yaml'];
  const redis = await startRedis();
  const flush = new Redis({ host: '127.0.0.1', port: redis.port });
  const workers: TestWorker[] = [];
  const main = plan(scenarios, 20_000, 1);
  const warm = plan(scenarios, 2_000, 999);
  const n = main.runs.length;
  const prints = new Set<string>();
  const redisPid = Number(/process_id:(\d+)/.exec(await flush.info('server'))?.[1]);
  /** CPU used by the coordinator (this process), Redis and the worker processes during the best run. */
  let cpu = { coordinator: 0, redis: 0, workers: 0 };
  const timed = async (p: TournamentPlan, executor: Executor): Promise<{ t: number; cpu: typeof cpu }> => {
    await flush.flushdb();
    const c0 = process.cpuUsage();
    const r0 = cpuOf(redisPid);
    const w0 = workers.reduce((a, w) => a + cpuOf(w.proc.pid), 0);
    const t0 = performance.now();
    const out = await runTournament(p, { executor });
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (!out.complete) throw new Error('incomplete run');
    if (p === main) prints.add(resultsFingerprint(out.results));
    return {
      t,
      cpu: {
        coordinator: (c.user + c.system) / 1000,
        redis: cpuOf(redisPid) - r0,
        workers: workers.reduce((a, w) => a + cpuOf(w.proc.pid), 0) - w0,
      },
    };
  };
  const best = async (p: TournamentPlan, executor: Executor): Promise<number> => {
    await timed(warm, executor);
    let t = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) {
      const run = await timed(p, executor);
      if (run.t < t) {
        t = run.t;
        cpu = run.cpu;
      }
    }
    return t;
  };
  try {
    const rows: { name: string; ms: number; cpu?: typeof cpu }[] = [];
    const cores = availableParallelism();
    for (const threads of [1, cores]) {
      const local = workerExecutor({ workers: threads });
      rows.push({
        name: `local: ${threads} worker thread${threads === 1 ? '' : 's'}`,
        ms: await best(main, local),
      });
      await local.close();
    }
    const queue = queueExecutor({ url: redis.url });
    for (const count of [1, 2, 4]) {
      while (workers.length < count) workers.push(await startWorker(redis.url, ['--concurrency', '1']));
      rows.push({
        name: `queue: ${count} worker process${count === 1 ? '' : 'es'}`,
        ms: await best(main, queue),
        cpu,
      });
    }
    // Overhead per job: 2,000 jobs of one negotiation each on one worker, against one local thread.
    while (workers.length > 1) await workers.pop()?.stop();
    const small = plan(scenarios, 2_000, 7);
    const single = queueExecutor({ url: redis.url, batchSize: 1 });
    const perJob = await best(small, single);
    await single.close();
    await queue.close();
    const thread = workerExecutor({ workers: 1 });
    const inThread = await best(small, thread);
    await thread.close();

    const rate = (t: number) => `${Math.round((n / t) * 1000).toLocaleString('en-US')}/s`;
    const oneWorker = rows[2]?.ms as number;
    const table: Row[] = rows.map((r, i) => ({
      case: r.name,
      size: `${n.toLocaleString('en-US')} negotiations`,
      ours: `${rate(r.ms)} (${ms(r.ms)})`,
      reference:
        i < 2 ? 'local' : `${((rows[1]?.ms as number) / r.ms).toFixed(2)}× the local ${cores}-thread run`,
      goal: i === 3 ? '≥ 1.8× 1 worker' : '—',
      // Row 1 against row 0: how far this machine's cores scale the same work with no queue at
      // all, the ceiling any number of workers on it can reach over one.
      result:
        i >= 2
          ? `${(oneWorker / r.ms).toFixed(2)}× 1 worker`
          : i === 1
            ? `${((rows[0]?.ms as number) / r.ms).toFixed(2)}× 1 thread (this machine's scaling)`
            : '—',
    }));
    // Where the CPU went: the coordinator and Redis share this machine's cores with the workers,
    // so with every core busy the speedup over one worker is at most cores × W / (W + C + R).
    for (const r of rows)
      if (r.cpu) {
        const { coordinator, redis: rc, workers: wc } = r.cpu;
        const ceiling = (cores * wc) / (wc + coordinator + rc);
        table.push({
          case: `  CPU of ${r.name.replace('queue: ', '')}`,
          size: '',
          ours: `workers ${ms(wc)}, coordinator ${ms(coordinator)}, Redis ${ms(rc)}`,
          reference: '',
          goal: '',
          result: `ceiling on ${cores} cores: ${ceiling.toFixed(2)}×`,
        });
      }
    const jobs = small.runs.length;
    table.push({
      case: 'queue overhead per job',
      size: `${jobs.toLocaleString('en-US')} jobs of 1 negotiation`,
      ours: `${ms((perJob - inThread) / jobs)} a job (${Math.round((jobs / perJob) * 1000).toLocaleString('en-US')} jobs/s on 1 worker)`,
      reference: `1 local thread: ${ms(inThread / jobs)} a negotiation`,
      goal: '—',
      result: 'default batches: ~64 jobs a plan',
    });
    printTable(
      `Queue: ${STRATEGIES.length} strategies × ${scenarios.length} scenarios × both seat orders (ao, 100 rounds) through BullMQ on redis-server, workers with 1 thread each; best of ${rounds}; results identical across executors: ${prints.size === 1 ? 'yes' : 'NO'}`,
      table,
    );
  } finally {
    for (const w of workers) await w.stop();
    flush.disconnect();
    await redis.close();
  }
}
