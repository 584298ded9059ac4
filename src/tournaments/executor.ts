import type { PlannedRun } from './plan.js';
import { batchRunner, type TournamentContext, type TournamentResult } from './result.js';

/** Options of {@link Executor.run}. */
export interface ExecuteOptions {
  /**
   * Stops the run: no new batch is started; batches already running finish and their results are
   * still delivered, then `run` resolves. Nothing finished is lost.
   */
  readonly signal?: AbortSignal;
}

/**
 * Runs planned negotiations somewhere — this thread, worker threads, (later) machines behind a job
 * queue — and reports each result as it finishes. The orchestration ({@link runTournament}),
 * result files and resume logic never depend on where runs happen.
 *
 * Contract:
 * - `onResult` is called once per finished run, in any order, as soon as it is known; a run's
 *   result depends only on the run (its id, spec and seed), never on which executor ran it;
 * - `run` resolves when every run has finished, or after an abort when the started ones have;
 *   it rejects when a run cannot be executed (e.g. a worker cannot load a scenario) or when
 *   `onResult` throws — after the batches in flight have settled;
 * - delivering a run twice is allowed (at-least-once queues do); the orchestrator keeps the first.
 *
 * @example
 * const executor = inProcessExecutor({ resolve: (ref) => unwrap(loadScenario(ref)) });
 * await executor.run(plan.runs, (r) => console.log(r.id, r.agreement));
 * await executor.close();
 */
export interface Executor {
  run(
    runs: readonly PlannedRun[],
    onResult: (result: TournamentResult) => void,
    options?: ExecuteOptions,
  ): Promise<void>;
  /** Releases threads, connections, queues. */
  close(): Promise<void>;
}

/** Options of {@link inProcessExecutor}. */
export interface InProcessExecutorOptions extends TournamentContext {
  /** Runs between two yields to the event loop (progress bars, abort); default 8. */
  readonly batchSize?: number;
}

/** Splits runs into consecutive batches of `size` (the last may be shorter). */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

// setImmediate where there is one (Node): setTimeout(0) would cost 1 ms a batch.
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Runs every negotiation in the calling thread, batch by batch, yielding to the event loop between
 * batches. The reference executor: the simplest one, and the one others are tested against.
 */
export function inProcessExecutor(options: InProcessExecutorOptions): Executor {
  const runBatch = batchRunner(options);
  const size = options.batchSize ?? 8;
  return {
    async run(runs, onResult, { signal } = {}) {
      for (const batch of batchesOf(runs, size)) {
        if (signal?.aborted) return;
        for (const r of runBatch(batch)) onResult(r);
        await yieldToEventLoop();
      }
    },
    close: async () => {},
  };
}
