import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, hostname } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Piscina } from 'piscina';
import {
  checkRedis,
  parseQueueUrl,
  QUEUE_NAME,
  type QueueAddress,
  redisOptions,
} from './queue-connection.js';
import { describeZodError, type JobResult, jobSchema, type QueueJob } from './queue-jobs.js';

/** Options of {@link startQueueWorker}; only `url` is required. */
export interface QueueWorkerOptions {
  /** `redis://HOST:PORT[/DB]`. */
  readonly url: string;
  /** Threads, each running one job at a time; default: the machine's available parallelism. */
  readonly concurrency?: number;
  /**
   * How long a job's lock lasts without renewal (renewed every half of it while the job runs):
   * a worker that dies has its job taken over by another this long after; default 30,000 ms.
   */
  readonly stalledMs?: number;
  /** What the worker does, for a log: a job done or failed, Redis lost or back. */
  readonly onEvent?: (event: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
  | { readonly kind: 'done'; readonly job: string; readonly what: string; readonly ms: number }
  | { readonly kind: 'failed'; readonly job: string; readonly error: string; readonly final: boolean }
  | { readonly kind: 'connection'; readonly message: string };

/** A running worker. */
export interface QueueWorker {
  readonly address: QueueAddress;
  readonly concurrency: number;
  /** Jobs finished since start. */
  readonly finished: () => number;
  /** Stops taking jobs, lets the running ones finish, disconnects. */
  close(): Promise<void>;
}

/** The thread module: compiled `.js` next to this file, or the `.ts` source under tsx/vitest. */
function taskModule(): string {
  const js = new URL('./queue-task.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js.href : new URL('./queue-task.ts', import.meta.url).href;
}

function execArgvFor(filename: string): string[] | undefined {
  if (!filename.endsWith('.ts') || process.execArgv.some((a) => a.includes('tsx'))) return undefined;
  const loader = createRequire(import.meta.url).resolve('tsx');
  return [...process.execArgv, '--import', pathToFileURL(loader).href];
}

const describe = (job: QueueJob): string =>
  job.kind === 'tournament'
    ? `${job.runs.length} negotiation${job.runs.length === 1 ? '' : 's'}`
    : `draws ${job.from}–${job.to - 1} of ${job.scenario}`;

/**
 * A queue worker: takes Concord jobs of every kind from the BullMQ queue on Redis and runs each
 * on a thread of its own pool, so the main thread stays free to renew job locks and talk to Redis
 * (a busy worker is never mistaken for a dead one). A payload that does not match the job schema
 * fails at once, with the field path, and is not retried. Checks Redis first: an unreachable
 * server is an `InputError` at once.
 *
 * @example
 * const worker = await startQueueWorker({ url: 'redis://127.0.0.1:6379', concurrency: 2 });
 * // … later
 * await worker.close();
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const address = parseQueueUrl(options.url);
  await checkRedis(address);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const stalledMs = Math.max(500, Math.floor(options.stalledMs ?? 30_000));
  const emit = options.onEvent ?? (() => {});
  const filename = taskModule();
  const execArgv = execArgvFor(filename);
  const pool = new Piscina<QueueJob, JobResult>({
    filename,
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: 60_000,
    ...(execArgv ? { execArgv } : {}),
  });
  let finished = 0;
  const worker = new Worker<unknown, JobResult>(
    QUEUE_NAME,
    async (job: Job<unknown, JobResult>) => {
      const parsed = jobSchema.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(describeZodError(`malformed job ${job.id} (${job.name})`, parsed.error));
      const t0 = performance.now();
      const result = await pool.run(parsed.data);
      finished++;
      emit({ kind: 'done', job: String(job.id), what: describe(parsed.data), ms: performance.now() - t0 });
      return result;
    },
    {
      connection: redisOptions(address),
      // Recorded on each job it takes (`processedBy`): who ran what, when a job is looked into.
      name: `concord@${hostname()}:${process.pid}`,
      // Two jobs a thread: the next one is already here when a thread finishes, so threads never
      // wait for a round trip to Redis (the pool queues the second).
      concurrency: concurrency * 2,
      lockDuration: stalledMs,
      stalledInterval: stalledMs,
      maxStalledCount: 2,
    },
  );
  let down = false;
  worker.on('error', (e) => {
    if (down) return;
    down = true;
    emit({ kind: 'connection', message: `lost Redis at ${address.url} (${e.message}); reconnecting…` });
  });
  worker.on('ready', () => {
    if (!down) return;
    down = false;
    emit({ kind: 'connection', message: `Redis at ${address.url} is back` });
  });
  worker.on('failed', (job, e) => {
    if (!job) return;
    const final = e instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    emit({ kind: 'failed', job: String(job.id), error: e.message, final });
  });
  await worker.waitUntilReady();
  return {
    address,
    concurrency,
    finished: () => finished,
    async close() {
      await worker.close();
      await pool.destroy();
    },
  };
}
