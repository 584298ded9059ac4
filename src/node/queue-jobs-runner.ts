import { Queue, QueueEvents } from 'bullmq';
import { ConcordError } from '../core/errors.js';
import {
  checkRedis,
  parseQueueUrl,
  QUEUE_NAME,
  type QueueAddress,
  redisOptions,
} from './queue-connection.js';
import { describeZodError, type JobResult, jobResultSchema, type QueueJob } from './queue-jobs.js';

/** Options of {@link openJobRunner}; only `url` is required. */
export interface JobRunnerOptions {
  /** `redis://HOST:PORT[/DB]`. */
  readonly url: string;
  /** Tries of a job before it counts as failed (a worker's error, or its death); default 3. */
  readonly attempts?: number;
  /** How often the coordinator checks its jobs against Redis (missed events, lost jobs); default 1,000 ms. */
  readonly sweepMs?: number;
  /** Fail when Redis has been unreachable this long; default 60,000 ms. */
  readonly lostAfterMs?: number;
  /** Messages for the user (a job sent again, no worker listening, Redis lost and back). */
  readonly onNotice?: (message: string) => void;
}

/** A job to run: its id (the same work, the same id) and payload. */
export interface QueuedJob {
  readonly id: string;
  readonly data: QueueJob;
}

/** The identities a job's result answers for: run ids, or the Monte Carlo chunk's key. */
function itemsOf(x: QueueJob | JobResult): readonly string[] {
  if (x.kind === 'monte-carlo') return [x.key];
  return 'runs' in x ? x.runs : x.ids;
}

/**
 * Sends jobs through the queue and collects their results, robust to what queues do: a result
 * may arrive twice (a job retried, duplicated, or answered by another coordinator's job with the
 * same work); an event may be missed (checked against Redis every `sweepMs`); a job may vanish
 * (Redis restarted without persistence: sent again); Redis may go away (fails after
 * `lostAfterMs` with a clear message). Results are delivered by identity, each once.
 */
export interface JobRunner {
  readonly address: QueueAddress;
  /**
   * Runs the jobs; `onResult` gets each job result that answers for something still missing
   * (the caller keeps the first answer per identity). Resolves when every job's identities are
   * answered, or after an abort once the jobs already running have settled; rejects when a job
   * failed for good, Redis is lost, or `onResult` throws — also after the running jobs settle.
   */
  run(jobs: readonly QueuedJob[], onResult: (result: JobResult) => void, signal?: AbortSignal): Promise<void>;
  /** Worker processes connected to the queue now. */
  workers(): Promise<number>;
  close(): Promise<void>;
}

/** Connects (checking Redis first: an unreachable server is an `InputError` at once). */
export async function openJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const address = parseQueueUrl(options.url);
  await checkRedis(address);
  const connection = redisOptions(address);
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  queue.on('error', () => {}); // connection trouble is detected by the sweep, reported once
  events.on('error', () => {});
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const sweepMs = options.sweepMs ?? 1_000;
  const lostAfterMs = options.lostAfterMs ?? 60_000;
  const notice = options.onNotice ?? (() => {});
  const jobOptions = (id: string) => ({
    jobId: id,
    attempts,
    backoff: { type: 'fixed' as const, delay: 200 },
    // Kept a while so a coordinator that reconnects (or resumes) still finds the answers.
    removeOnComplete: { age: 3_600 },
    removeOnFail: { age: 3_600 },
  });

  return {
    address,
    workers: () => queue.getWorkersCount(),
    async close() {
      await Promise.allSettled([events.close(), queue.close()]);
    },
    run(jobs, onResult, signal) {
      return new Promise<void>((resolve, reject) => {
        const outstanding = new Map<string, QueuedJob>();
        // Per job (by slot): its id and how many of its identities are not answered yet; per
        // identity not answered yet: its job's slot (deleted once answered).
        const slotIds: string[] = [];
        const slotItems: (readonly string[])[] = [];
        const left: number[] = [];
        const jobOf = new Map<string, number>();
        for (const j of jobs) {
          if (outstanding.has(j.id)) continue;
          outstanding.set(j.id, j);
          const slot = slotIds.length;
          const items = itemsOf(j.data);
          slotIds.push(j.id);
          slotItems.push(items);
          let n = 0;
          for (const item of items)
            if (!jobOf.has(item)) {
              jobOf.set(item, slot);
              n++;
            }
          left.push(n);
          if (n === 0) outstanding.delete(j.id);
        }
        const slotOf = new Map(slotIds.map((id, slot) => [id, slot]));
        /** Identities of a job not answered yet. */
        const missing = (id: string): string[] => {
          const slot = slotOf.get(id) as number;
          return (slotItems[slot] ?? []).filter((item) => jobOf.get(item) === slot);
        };
        let failure: { error: unknown } | undefined;
        let settled = false;
        let timer: NodeJS.Timeout | undefined;
        let downSince: number | undefined;

        const stopping = () => failure !== undefined || Boolean(signal?.aborted);
        const finish = (): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          events.off('completed', onCompleted);
          events.off('failed', onFailed);
          signal?.removeEventListener('abort', onAbort);
          if (failure) reject(failure.error);
          else resolve();
        };
        const fail = (error: unknown): void => {
          failure ??= { error };
        };
        const deliver = (raw: unknown, from: string): void => {
          if (settled) return;
          let value = raw;
          if (typeof raw === 'string') {
            try {
              value = JSON.parse(raw);
            } catch {
              value = raw;
            }
          }
          const parsed = jobResultSchema.safeParse(value);
          if (!parsed.success) {
            if (outstanding.has(from))
              fail(
                new ConcordError(
                  'bad-job-result',
                  describeZodError(`job ${from} returned a malformed result`, parsed.error),
                ),
              );
            return;
          }
          const items = itemsOf(parsed.data);
          if (!items.some((item) => jobOf.has(item))) return;
          try {
            if (!failure) onResult(parsed.data);
          } catch (error) {
            fail(error);
          }
          for (const item of items) {
            const slot = jobOf.get(item);
            if (slot === undefined) continue;
            jobOf.delete(item);
            left[slot] = (left[slot] as number) - 1;
            if (left[slot] === 0) {
              const job = slotIds[slot] as string;
              outstanding.delete(job);
              // Answered by another job (a duplicate): this one need not run.
              if (job !== from) queue.remove(job).catch(() => {});
            }
          }
          if (outstanding.size === 0) finish();
        };
        const failedFor = (id: string, reason: string, tries: number): void => {
          fail(
            new ConcordError(
              'job-failed',
              `job ${id} failed after ${tries} attempt${tries === 1 ? '' : 's'}: ${reason}`,
            ),
          );
          outstanding.delete(id);
        };
        const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }): void =>
          deliver(returnvalue, jobId);
        const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }): void => {
          if (!outstanding.has(jobId) || settled) return;
          // The event does not say how many tries; the job does.
          queue
            .getJob(jobId)
            .then((job) => failedFor(jobId, failedReason, job?.attemptsMade ?? attempts))
            .catch(() => failedFor(jobId, failedReason, attempts))
            .finally(() => void stopAll().catch(() => {}));
        };
        const onAbort = (): void => {
          void stopAll().catch(() => {});
        };
        events.on('completed', onCompleted);
        events.on('failed', onFailed);
        signal?.addEventListener('abort', onAbort);

        /** Takes the jobs that are not running off the queue; settles when none is left. */
        const stopAll = async (): Promise<void> => {
          await Promise.all(
            [...outstanding.keys()].map(async (id) => {
              const removed = await queue.remove(id).catch(() => 0);
              const state = removed ? 'unknown' : await queue.getJobState(id).catch(() => 'active');
              if (state === 'unknown' || state === 'completed' || state === 'failed') outstanding.delete(id);
            }),
          );
          if (outstanding.size === 0) finish();
        };

        /** Checks every outstanding job against Redis: answers missed, failures, jobs lost. */
        const sweep = async (first: boolean): Promise<void> => {
          const lost: QueuedJob[] = [];
          const ids = [...outstanding.keys()];
          for (let i = 0; i < ids.length && !settled; i += 500) {
            await Promise.all(
              ids.slice(i, i + 500).map(async (id) => {
                const state = await queue.getJobState(id);
                const job = outstanding.get(id);
                if (!job) return;
                if (state === 'completed') {
                  const done = await queue.getJob(id);
                  if (!done) lost.push(job);
                  else {
                    deliver(done.returnvalue, id);
                    // Finished, yet not everything it was for arrived: it never will.
                    if (outstanding.has(id))
                      failedFor(
                        id,
                        `it finished without answering for ${missing(id).slice(0, 3).join(', ')}`,
                        done.attemptsMade,
                      );
                  }
                } else if (state === 'failed') {
                  const done = await queue.getJob(id);
                  // A failure left by an earlier session is forgotten: the job is sent afresh.
                  if (first) {
                    await queue.remove(id);
                    lost.push(job);
                  } else
                    failedFor(id, done?.failedReason ?? 'no reason recorded', done?.attemptsMade ?? attempts);
                } else if (state === 'unknown') lost.push(job);
              }),
            );
          }
          if (lost.length && !stopping()) {
            if (!first)
              notice(
                `${lost.length} job${lost.length === 1 ? '' : 's'} had vanished from Redis (restarted without persistence?); sent again`,
              );
            await queue.addBulk(
              lost.map((j) => ({ name: j.data.kind, data: j.data, opts: jobOptions(j.id) })),
            );
          }
        };
        // While Redis is away, BullMQ's commands wait for it rather than fail: a sweep without an
        // answer in 5 s counts as an outage, and none starts while one is still waiting.
        let busy = false;
        let removing = false;
        const attempt = async (first: boolean): Promise<unknown> => {
          if (busy) return new Error('no answer yet');
          busy = true;
          const run = sweep(first).finally(() => {
            busy = false;
          });
          let t: NodeJS.Timeout | undefined;
          const late = new Promise<Error>((r) => {
            t = setTimeout(() => r(new Error('no answer within 5 s')), 5_000);
          });
          const out = await Promise.race([
            run.then(
              () => undefined,
              (e: unknown) => e ?? new Error('failed'),
            ),
            late,
          ]);
          clearTimeout(t);
          return out;
        };
        const tick = async (first: boolean): Promise<void> => {
          const error = await attempt(first);
          if (error === undefined) {
            if (downSince !== undefined) notice(`Redis at ${address.url} is back; continuing`);
            downSince = undefined;
            if (first && outstanding.size > 0 && (await queue.getWorkersCount().catch(() => 1)) === 0)
              notice(
                `no worker is listening on ${address.url} yet; start one with: concord worker --queue ${address.url}`,
              );
          } else {
            const now = Date.now();
            if (downSince === undefined) {
              downSince = now;
              notice(
                `lost Redis at ${address.url} (${error instanceof Error ? error.message : String(error)}); waiting for it to come back`,
              );
            } else if (now - downSince >= lostAfterMs) {
              fail(
                new ConcordError(
                  'queue-lost',
                  `Redis at ${address.url} has been unreachable for ${Math.round((now - downSince) / 1000)} s; the results so far are kept, run again to continue`,
                ),
              );
              finish();
              return;
            }
          }
          if (stopping() && !removing) {
            removing = true;
            stopAll()
              .catch(() => {})
              .finally(() => {
                removing = false;
              });
          }
          if (outstanding.size === 0) finish();
          if (!settled) timer = setTimeout(() => void tick(false), sweepMs);
        };
        if (outstanding.size === 0) finish();
        else void tick(true);
      });
    },
  };
}
