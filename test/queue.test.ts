/**
 * Distributed runs through BullMQ on a real Redis, with real `concord worker` processes: the same
 * seed gives the same results locally and on 1 or 3 workers; a worker killed with SIGKILL loses
 * nothing; a job delivered twice counts once; bad input fails clearly. Monte Carlo is compared
 * through `bits` (every number to the last bit): P(agreement zone) and its standard error, each
 * draft's P(accept) per party and P(all accept) with standard errors, the Nash summary (draws,
 * P(defined), value shares per issue, utility mean and quantiles), and for the tornado the
 * baseline and every bar end's P(zone) and standard error, the swings and the bars' order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import {
  batchesOf,
  briefDraws,
  inProcessExecutor,
  monteCarlo,
  planTournament,
  runTournament,
  type Scenario,
  sensitivity,
  sensitivityPlan,
  type TournamentPlan,
  type TournamentResult,
} from '../src/index.js';
import { encodeResults } from '../src/node/queue-jobs.js';
import {
  loadScenario,
  openResultStore,
  QUEUE_NAME,
  queueExecutor,
  queueMonteCarlo,
  scenarioFingerprint,
  scenarioResolver,
  tournamentJob,
  tournamentJobId,
} from '../src/node.js';
import { bits } from './support/bits.js';
import {
  freePort,
  hasRedis,
  startRedis,
  startWorker,
  type TestRedis,
  type TestWorker,
} from './support/redis.js';

const SCENARIOS = ['examples/job-offer.yaml', 'examples/labour-contract.yaml'];
const STRATEGIES = ['boulware', 'conceder', 'tft'];
const WORKER_ARGS = ['--concurrency', '1', '--stalled-ms', '1500', '--verbose'];

function plan(seed: number, repetitions: number): TournamentPlan {
  const r = planTournament({ strategies: STRATEGIES, scenarios: SCENARIOS, repetitions, steps: 60, seed });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}
const byId = (rs: readonly TournamentResult[]) => new Map(rs.map((r) => [r.id, r]));
const local = async (p: TournamentPlan) =>
  byId((await runTournament(p, { executor: inProcessExecutor({ resolve: scenarioResolver() }) })).results);
const ukraine = (): Scenario => {
  const r = loadScenario('ukraine-2025');
  if (!r.ok) throw new Error('ukraine-2025');
  return r.value;
};
const tmp = () => mkdtempSync(join(tmpdir(), 'concord-queue-'));

describe.skipIf(!hasRedis('queue tests (BullMQ)'))('distributed runs through the queue', () => {
  let redis: TestRedis;
  const workers: TestWorker[] = [];
  let connection: { host: string; port: number };
  const dirs: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    connection = { host: '127.0.0.1', port: redis.port };
    workers.push(await startWorker(redis.url, WORKER_ARGS));
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await redis?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('on 1 worker: the CLI writes the same results file and ranking as the local run; Monte Carlo is bit-identical', async () => {
    const [q, l] = [tmp(), tmp()];
    dirs.push(q, l);
    const args = ['tournament', '--strategies', STRATEGIES.join(','), '--scenarios', SCENARIOS.join(',')];
    const more = ['--repetitions', '2', '--steps', '60', '--seed', '3'];
    const io = memoryIo();
    expect(await runCli([...args, '--out', q, ...more, '--queue', redis.url], io)).toBe(0);
    expect(await runCli([...args, '--out', l, ...more, '--workers', '1'], memoryIo())).toBe(0);
    const lines = (d: string) => readFileSync(join(d, 'results.jsonl'), 'utf8').trim().split('\n').sort();
    expect(lines(q)).toHaveLength(24);
    expect(lines(q)).toEqual(lines(l));
    for (const f of ['ranking.json', 'results.csv'])
      expect(readFileSync(join(q, f), 'utf8')).toBe(readFileSync(join(l, f), 'utf8'));
    expect(io.stdout).toContain('on workers of the queue at');
    expect(io.stderr).toMatch(/tournament: 24\/24 runs \(100\.0%\), [\d,]+ runs\/s/);

    const s = ukraine();
    const options = { samples: 900, seed: 7, levers: { sanctions: 'intensified' } };
    const progress: number[] = [];
    const [viaQueue] = await queueMonteCarlo([{ scenario: 'ukraine-2025', options }], {
      url: redis.url,
      chunkSize: 200,
      onProgress: (done) => progress.push(done),
    });
    expect(bits(viaQueue)).toEqual(bits(monteCarlo(s, options)));
    expect(progress.at(-1)).toBe(900);
    expect(progress).toHaveLength(5);
  });

  it("on 3 workers: tournament, the brief's Monte Carlo and tornado, and whatif equal the local run", async () => {
    workers.push(
      ...(await Promise.all([startWorker(redis.url, WORKER_ARGS), startWorker(redis.url, WORKER_ARGS)])),
    );
    const p = plan(5, 4);
    const executor = queueExecutor({ url: redis.url, batchSize: 2 });
    const out = await runTournament(p, { executor });
    await executor.close();
    expect(out.complete).toBe(true);
    expect(byId(out.results)).toEqual(await local(p));

    // The brief's Monte Carlo and tornado (every bar) on the workers, against this process.
    const s = ukraine();
    const options = { samples: 300, whatIfSamples: 100, seed: 2, levers: { 'military-aid': 'increased' } };
    const draws = briefDraws(options);
    const tornado = sensitivityPlan(s, draws.sensitivity);
    const [mc, ...bars] = await queueMonteCarlo(
      [draws.monteCarlo, ...tornado.runs].map((o) => ({ scenario: 'ukraine-2025', options: o })),
      { url: redis.url, chunkSize: 100 },
    );
    expect(bits(mc)).toEqual(bits(monteCarlo(s, draws.monteCarlo)));
    expect(bits(tornado.finish(bars))).toEqual(bits(sensitivity(s, draws.sensitivity)));

    const whatif = ['whatif', 'ukraine-2025', '--set', 'sanctions=intensified', '--samples', '200', '--json'];
    const [q, h] = [memoryIo(), memoryIo()];
    expect(await runCli([...whatif, '--queue', redis.url], q)).toBe(0);
    expect(await runCli(whatif, h)).toBe(0);
    const strip = (t: string) => t.replace(/"elapsedMs": [\d.e+-]+/g, '');
    expect(strip(q.stdout)).toBe(strip(h.stdout));
    expect(q.stderr).toMatch(/Monte Carlo: 400\/400 draws \(100\.0%\), [\d,]+ draws\/s/);
    // The work spread: every worker process ran jobs.
    for (const w of workers) expect(w.log()).toMatch(/job \S+ done/);
  });

  it('a worker killed with SIGKILL mid-job: its job is retried by another, every run counted once', async () => {
    const victim = workers.at(-1) as TestWorker; // one of the three
    const events = new QueueEvents(QUEUE_NAME, { connection });
    const queue = new Queue(QUEUE_NAME, { connection });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const p = plan(9, 6);
    const dir = tmp();
    dirs.push(dir);
    const store = openResultStore(dir);
    if (!store.ok) throw new Error('store');
    const executor = queueExecutor({ url: redis.url, batchSize: 3 });
    const running = runTournament(p, { executor, onResult: (r) => store.value.append(r) });
    // Kill it while it holds a job (BullMQ records who runs each job).
    let held: string | undefined;
    for (let i = 0; i < 400 && !held; i++) {
      const active = await queue.getActive();
      held = active.find((j) => j.processedBy?.endsWith(`:${victim.proc.pid}`))?.id;
      if (!held) await new Promise((r) => setTimeout(r, 25));
    }
    expect(held).toBeDefined();
    victim.proc.kill('SIGKILL');
    const out = await running;
    await executor.close();
    store.value.close();
    // The killed worker's jobs were found stalled and finished by another (which of the jobs it
    // held at the moment of the kill depends on timing: it may have just finished `held`).
    expect(stalled.length).toBeGreaterThan(0);
    for (const id of [held as string, ...stalled]) expect(await queue.getJobState(id)).toBe('completed');
    const ids = readFileSync(join(dir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(p.runs.length);
    expect(new Set(ids).size).toBe(p.runs.length);
    expect(byId(out.results)).toEqual(await local(p));
    await Promise.all([events.close(), queue.close()]);
  });

  it('every job enqueued twice more: each run is recorded exactly once', async () => {
    const p = plan(21, 3);
    const queue = new Queue(QUEUE_NAME, { connection });
    const load = scenarioResolver();
    const prints = Object.fromEntries(SCENARIOS.map((ref) => [ref, scenarioFingerprint(load(ref))]));
    const batches = batchesOf(p.runs, 2);
    // The same work under other ids, before the coordinator sends its own: duplicates arrive first.
    // The second copy is cut into other batches (as another session's would be): its results
    // answer for parts of several of the coordinator's jobs.
    for (const [copy, size] of [
      ['dup-a', 2],
      ['dup-b', 3],
    ] as const)
      await queue.addBulk(
        batchesOf(p.runs, size).map((runs) => ({
          name: 'tournament',
          data: tournamentJob(runs, (ref) => prints[ref] as string),
          opts: { jobId: `${copy}-${tournamentJobId(runs)}` },
        })),
      );
    const dir = tmp();
    dirs.push(dir);
    const store = openResultStore(dir);
    if (!store.ok) throw new Error('store');
    const seen: string[] = [];
    const executor = queueExecutor({ url: redis.url, batchSize: 2 });
    const out = await runTournament(p, {
      executor,
      onResult: (r) => {
        seen.push(r.id);
        store.value.append(r);
      },
    });
    await executor.close();
    store.value.close();
    // Let the duplicates still queued finish: they must not reach the file either.
    for (let i = 0; i < 200 && (await queue.getWaitingCount()) + (await queue.getActiveCount()) > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const dupDone = await Promise.all(
      batches.map((runs) => queue.getJobState(`dup-a-${tournamentJobId(runs)}`)),
    );
    expect(dupDone.every((s) => s === 'completed')).toBe(true);
    expect(seen).toHaveLength(p.runs.length);
    const lines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(lines.length);
    expect(lines).toHaveLength(p.runs.length);
    expect(byId(out.results)).toEqual(await local(p));
    await queue.close();
  });

  it('an interrupted tournament resumes from what is done', async () => {
    const p = plan(31, 4);
    const executor = queueExecutor({ url: redis.url, batchSize: 2 });
    const controller = new AbortController();
    const first = await runTournament(p, {
      executor,
      signal: controller.signal,
      onResult: (_r, progress) => {
        if (progress.finished === 6) controller.abort();
      },
    });
    expect(first.complete).toBe(false);
    const rest = await runTournament(p, { executor, done: first.results });
    await executor.close();
    expect(rest.complete).toBe(true);
    expect(rest.skipped).toBe(first.results.length);
    expect(rest.ran + rest.skipped).toBe(p.runs.length);
    expect(byId(rest.results)).toEqual(await local(p));
  });

  it('a worker answering with a malformed result: the run stops, naming the job and the field', async () => {
    // Another program's worker on a database of its own (the test's workers stay on db 0): it
    // answers every job with results whose columns do not fit together.
    const other = { ...connection, db: 5 };
    const answered: string[] = [];
    const liar = new Worker(
      QUEUE_NAME,
      async (job) => {
        const runs = (job.data as { runs: string[] }).runs;
        answered.push(String(job.id));
        return {
          ...encodeResults([], []),
          ids: runs,
          rounds: runs.map(() => -1),
        };
      },
      { connection: other },
    );
    await liar.waitUntilReady();
    const executor = queueExecutor({ url: `${redis.url}/5`, attempts: 1 });
    await expect(runTournament(plan(51, 1), { executor })).rejects.toThrow(
      /job t-\w+ returned a malformed result: rounds\.0: expected a whole number ≥ 0, got -1/,
    );
    expect(answered.length).toBeGreaterThan(0);
    await executor.close();
    await liar.close();
  });

  it('a job that keeps failing is reported with its error after its attempts', async () => {
    const p = plan(41, 1);
    // The coordinator's scenario differs from the workers' file: they refuse every try.
    const executor = queueExecutor({
      url: redis.url,
      attempts: 2,
      resolve: (ref) => {
        const s = scenarioResolver()(ref);
        return { ...s, name: `${s.name} (edited)` };
      },
    });
    await expect(runTournament(p, { executor })).rejects.toThrow(
      /job t-\w+ failed after 2 attempts: .*differs from the coordinator's/,
    );
    await executor.close();
  });

  it('a malformed job fails at once with the field, and the workers carry on', async () => {
    const queue = new Queue(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    await events.waitUntilReady();
    const bad = [
      { kind: 'tournament', runs: 'all of them', scenarios: {} },
      { kind: 'monte-carlo', key: 'k', scenario: 'ukraine-2025', from: 0 },
      { kind: 'launch-missiles' },
    ];
    for (const [i, data] of bad.entries()) {
      const job = await queue.add('bad', data, { jobId: `bad-${i}`, attempts: 3 });
      await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/malformed job bad-\d/);
      const after = await queue.getJob(`bad-${i}`);
      expect(after?.attemptsMade).toBe(1);
    }
    const failed = await queue.getJob('bad-0');
    expect(failed?.failedReason).toMatch(/runs: .*expected array/i);
    await Promise.all([events.close(), queue.close()]);
  });

  it('unreachable Redis or a wrong URL: a clear error, exit 1, nothing written', async () => {
    const closed = await freePort();
    const out = join(tmp(), 'never');
    const tournament = [
      'tournament',
      '--out',
      out,
      '--strategies',
      'boulware,conceder',
      '--scenarios',
      SCENARIOS[0] as string,
    ];
    const cases: [string[], RegExp][] = [
      [
        [...tournament, '--queue', `redis://127.0.0.1:${closed}`],
        /cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED/,
      ],
      [[...tournament, '--queue', 'http://127.0.0.1:6379'], /scheme must be redis:\/\/ or rediss:\/\//],
      [['worker', '--queue', `redis://127.0.0.1:${closed}`], /cannot reach Redis/],
      [['worker', '--queue', 'redis://127.0.0.1:port'], /not a URL/],
      [
        [
          'whatif',
          'ukraine-2025',
          '--set',
          'sanctions=intensified',
          '--queue',
          `redis://127.0.0.1:${closed}`,
        ],
        /cannot reach Redis/,
      ],
      [
        ['brief', 'ukraine-2025', '--no-report', '--queue', 'redis://127.0.0.1:6379/x'],
        /not a database number/,
      ],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(1);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(() => readFileSync(join(out, 'results.jsonl'))).toThrow();
  });

  it('Redis restarted mid-run (its data lost): the tournament continues and completes correctly', async () => {
    const p = plan(51, 5);
    const notices: string[] = [];
    const executor = queueExecutor({ url: redis.url, batchSize: 2, onNotice: (m) => notices.push(m) });
    let restart: Promise<void> | undefined;
    const out = await runTournament(p, {
      executor,
      onResult: (_r, progress) => {
        if (progress.finished === 8)
          restart = redis
            .stop()
            .then(() => new Promise((r) => setTimeout(r, 300)))
            .then(() => redis.start());
      },
    });
    await restart;
    await executor.close();
    // On a fast machine the last jobs may finish before the restart is seen; when it is seen, it is said.
    if (notices.length > 0) expect(notices.join('\n')).toMatch(/lost Redis|vanished|Redis/);
    expect(out.complete).toBe(true);
    expect(byId(out.results)).toEqual(await local(p));
  });
});
