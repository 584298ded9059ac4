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
 * Where each job is, as the sweep needs it, for many jobs in one script call: completed, failed,
 * gone (no such job: never sent, or lost with Redis's data), or elsewhere (waiting, active,
 * delayed). One round trip per 1,000 jobs instead of one per job.
 */
const STATES = `
local out = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('ZSCORE', KEYS[1], id) then out[i - 1] = 1
  elseif redis.call('ZSCORE', KEYS[2], id) then out[i - 1] = 2
  elseif redis.call('EXISTS', ARGV[1] .. id) == 1 then out[i - 1] = 0
  else out[i - 1] = 3 end
end
return out`;
type SweepState = 'completed' | 'failed' | 'gone' | 'elsewhere';
const STATE_NAMES: readonly SweepState[] = ['elsewhere', 'completed', 'failed', 'gone'];

const defined = new WeakSet<object>();

async function statesOf(queue: Queue, ids: readonly string[]): Promise<SweepState[]> {
  const client = await queue.backend.client;
  if (!defined.has(client)) {
    client.defineCommand('concordStates', { numberOfKeys: 2, lua: STATES, readOnly: true });
    defined.add(client);
  }
  const out: SweepState[] = [];
  for (let i = 0; i < ids.length; i += 1_000) {
    const codes = (await client.runCommand('concordStates', [
      queue.keys.completed,
      queue.keys.failed,
      queue.toKey(''),
      ...ids.slice(i, i + 1_000),
    ])) as number[];
    for (const c of codes) out.push(STATE_NAMES[c] ?? 'elsewhere');
  }
  return out;
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
   * Runs the jobs; `onResult` gets each job result that answers for something still missing,
   * with the id of the job that gave it (the caller keeps the first answer per identity). Resolves when every job's identities are
   * answered, or after an abort once the jobs already running have settled; rejects when a job
   * failed for good, Redis is lost, or `onResult` throws — also after the running jobs settle.
   */
  run(
    jobs: readonly QueuedJob[],
    onResult: (result: JobResult, job: string) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Worker processes connected to the queue now. */
  workers(): Promise<number>;
  close(): Promise<void>;
}

/** Connects (checking Redis first: an unreachable server is an `InputError` at once). */
export async function openJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const address = parseQueueUrl(options.url);
  await checkRedis(address);
  const connection = redisOptions(address);
  const queue = new Queue(QUEUE_NAME, { connection: { ...connection, enableAutoPipelining: true } });
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
        // Per job (by slot): its id, identities, which of them are answered, how many are left.
        // A result of the job itself names its identities in the job's order, so it is matched
        // position by position; an identity → place map is built only for a result of another
        // job (a duplicate, or another session's batch of the same work).
        const slotOf = new Map<string, number>();
        const slotIds: string[] = [];
        const slotItems: (readonly string[])[] = [];
        const answered: Uint8Array[] = [];
        const left: number[] = [];
        for (const j of jobs) {
          if (outstanding.has(j.id)) continue;
          const items = itemsOf(j.data);
          outstanding.set(j.id, j);
          slotOf.set(j.id, slotIds.length);
          slotIds.push(j.id);
          slotItems.push(items);
          answered.push(new Uint8Array(items.length));
          left.push(items.length);
          if (items.length === 0) outstanding.delete(j.id);
        }
        // A place: slot · SLOT + position (SLOT above every job's number of identities).
        const SLOT = slotItems.reduce((m, items) => Math.max(m, items.length), 0) + 1;
        let placeOf: Map<string, number> | undefined; // identity → place
        const place = (item: string): number | undefined => {
          if (!placeOf) {
            placeOf = new Map();
            slotItems.forEach((items, slot) => {
              items.forEach((it, pos) => {
                if (!placeOf?.has(it)) placeOf?.set(it, slot * SLOT + pos);
              });
            });
          }
          return placeOf.get(item);
        };
        /** Identities of a job not answered yet. */
        const missing = (id: string): string[] => {
          const slot = slotOf.get(id) as number;
          return (slotItems[slot] ?? []).filter((_, pos) => !answered[slot]?.[pos]);
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
          const own = slotOf.get(from);
          const ownItems = own === undefined ? undefined : slotItems[own];
          const fresh: number[] = []; // the place of each identity answered now
          for (let i = 0; i < items.length; i++) {
            const at = ownItems?.[i] === items[i] ? (own as number) * SLOT + i : place(items[i] as string);
            if (at !== undefined && !answered[Math.floor(at / SLOT)]?.[at % SLOT]) fresh.push(at);
          }
          if (fresh.length === 0) return;
          try {
            if (!failure) onResult(parsed.data, from);
          } catch (error) {
            fail(error);
          }
          for (const at of fresh) {
            const slot = Math.floor(at / SLOT);
            const flags = answered[slot] as Uint8Array;
            if (flags[at % SLOT]) continue;
            flags[at % SLOT] = 1;
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
          const states = await statesOf(queue, ids);
          if (settled) return;
          await Promise.all(
            ids.map(async (id, i) => {
              const state = states[i];
              const job = outstanding.get(id);
              if (!job || state === 'elsewhere') return;
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
              } else lost.push(job);
            }),
          );
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
