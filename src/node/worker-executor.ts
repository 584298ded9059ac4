import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { batchesOf, type Executor, type PlannedRun, type TournamentResult } from '../tournaments/index.js';

/** Options of {@link workerExecutor}; every field has a default. */
export interface WorkerExecutorOptions {
  /** Worker threads; default: the machine's available parallelism. */
  readonly workers?: number;
  /**
   * Runs per task sent to a thread (a task costs ~45 µs of overhead, so tiny runs are batched);
   * default: about 16 tasks per thread, 1 to 32 runs each — small enough for smooth progress and
   * balanced threads, large enough to hide the overhead.
   */
  readonly batchSize?: number;
  /**
   * The worker module (path or file URL); its default export runs a batch:
   * `export default batchRunner({ resolve: scenarioResolver(), registry: myRegistry })`.
   * Default: Concord's, with the built-in strategies.
   */
  readonly module?: string | URL;
}

/** Concord's worker module: compiled `.js` next to this file, or the `.ts` source under tsx/vitest. */
function defaultModule(): string {
  const js = new URL('./tournament-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js.href : new URL('./tournament-worker.ts', import.meta.url).href;
}

/** A `.ts` worker needs the tsx loader; threads inherit it when the process was started with tsx. */
function execArgvFor(filename: string): string[] | undefined {
  if (!filename.endsWith('.ts') || process.execArgv.some((a) => a.includes('tsx'))) return undefined;
  const loader = createRequire(import.meta.url).resolve('tsx');
  return [...process.execArgv, '--import', pathToFileURL(loader).href];
}

/**
 * Runs negotiations on a pool of worker threads (piscina), in batches. Each thread resolves the
 * scenario references itself and keeps them (and their prepared tables) for later batches, so
 * only run specs and results cross threads. Results equal the in-process executor's, run by run.
 * At most two tasks per thread are in flight, so an abort stops quickly and loses nothing.
 *
 * @example
 * const executor = workerExecutor({ workers: 2 });
 * await runTournament(plan, { executor, onResult: save });
 * await executor.close();
 */
export function workerExecutor(options: WorkerExecutorOptions = {}): Executor {
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const filename = options.module
    ? new URL(options.module, pathToFileURL(`${process.cwd()}/`)).href
    : defaultModule();
  const execArgv = execArgvFor(filename);
  let pool: Piscina<readonly PlannedRun[], TournamentResult[]> | undefined;
  const poolOf = () => {
    pool ??= new Piscina({
      filename,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      ...(execArgv ? { execArgv } : {}),
    });
    return pool;
  };

  return {
    run(runs, onResult, { signal } = {}) {
      const size = options.batchSize ?? Math.min(32, Math.max(1, Math.ceil(runs.length / (workers * 16))));
      const batches = batchesOf(runs, size);
      if (batches.length === 0) return Promise.resolve();
      const window = workers * 2;
      const threads = poolOf();
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let active = 0;
        let failure: { error: unknown } | undefined;
        const pump = (): void => {
          while (!failure && !signal?.aborted && active < window && next < batches.length) {
            const batch = batches[next++] as PlannedRun[];
            active++;
            threads.run(batch).then(
              (results) => {
                active--;
                try {
                  if (!failure) for (const r of results) onResult(r);
                } catch (error) {
                  failure ??= { error };
                }
                pump();
              },
              (error: unknown) => {
                active--;
                failure ??= { error };
                pump();
              },
            );
          }
          if (active > 0) return;
          if (failure) reject(failure.error);
          else if (next >= batches.length || signal?.aborted) resolve();
        };
        pump();
      });
    },
    async close() {
      const p = pool;
      pool = undefined;
      await p?.destroy();
    },
  };
}
