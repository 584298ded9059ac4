/**
 * Analysis runs in worker threads: one worker per run, progress fanned out to listeners (the
 * server-sent event streams), cancellation by terminating the worker. With a queue, a brief's or
 * what-if's Monte Carlo runs on `concord worker` processes first (cancel aborts it there).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisRequest } from './compute.js';
import type { QueuedDraws } from './queued-draws.js';

export type RunEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' };

interface Live {
  /** Stops the run (terminates its thread, or aborts its queued draws). */
  stop: () => Promise<void>;
  listeners: Set<(e: RunEvent) => void>;
  last?: RunEvent;
  finished: Promise<RunEvent>;
}

/** The compiled worker beside this file, or the `.ts` source under tsx/vitest (with tsx's loader). */
function workerFile(): { url: URL; tsx?: string } {
  const js = new URL('./analysis-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js };
  const url = new URL('./analysis-worker.ts', import.meta.url);
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return { url, tsx: pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href };
}

function spawn(): Worker {
  const { url, tsx } = workerFile();
  // A `.ts` entry (tests, `npm start`): a one-line script registers tsx in the thread, then
  // imports it (loader hooks of the main thread do not reach a worker on Node 20).
  const w = tsx
    ? new Worker(
        `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`,
        {
          eval: true,
        },
      )
    : new Worker(url);
  w.unref();
  return w;
}

export interface RunnerOptions {
  /** Start the spare worker now rather than at the first run. */
  readonly warm?: boolean;
  /**
   * Sends the Monte Carlo of briefs and what-ifs to `concord worker` processes through this
   * queue (queued-draws.ts); the rest of the analysis still runs in a thread here.
   */
  readonly queue?: QueuedDraws;
}

export class Runner {
  constructor(o: RunnerOptions = {}) {
    if (o.warm) this.#spare = spawn();
    this.#queue = o.queue;
  }
  readonly #queue: QueuedDraws | undefined;
  readonly #live = new Map<number, Live>();
  /** A worker started ahead of need, so a run does not wait for the library to load. */
  #spare: Worker | undefined;
  #closed = false;

  #take(): Worker {
    const w = this.#spare ?? spawn();
    this.#spare = this.#closed ? undefined : spawn();
    w.ref();
    return w;
  }

  /** Starts run `id`; the promise settles with its final event (done, failed or cancelled). */
  start(id: number, text: string, request: AnalysisRequest): Promise<RunEvent> {
    const listeners = new Set<(e: RunEvent) => void>();
    let settle!: (e: RunEvent) => void;
    const finished = new Promise<RunEvent>((resolve) => {
      settle = resolve;
    });
    let worker: Worker | undefined;
    let cancelled = false;
    const abort = new AbortController();
    const live: Live = {
      listeners,
      finished,
      stop: async () => {
        cancelled = true;
        abort.abort();
        if (worker) await worker.terminate();
        else emit({ type: 'cancelled' });
      },
    };
    const emit = (e: RunEvent) => {
      if (!this.#live.has(id)) return; // already over
      live.last = e;
      for (const l of listeners) l(e);
      if (e.type !== 'progress') {
        this.#live.delete(id);
        settle(e);
        void worker?.terminate();
      }
    };
    /** The analysis in a thread; `computed`: its draws, already done on the queue. */
    const inThread = (computed?: unknown) => {
      worker = this.#take();
      worker.postMessage({ text, request, ...(computed ? { computed } : {}) });
      worker.on('message', (m: RunEvent) => emit(m));
      worker.on('error', (e) => emit({ type: 'failed', error: e.message }));
      worker.on('exit', () => emit({ type: 'cancelled' }));
    };
    this.#live.set(id, live);
    const queue = this.#queue;
    if (queue && (request.kind === 'brief' || request.kind === 'whatif'))
      queue
        .draws(text, request, (done, total) => emit({ type: 'progress', done, total }), abort.signal)
        .then(
          (computed) => {
            if (!cancelled) inThread(computed);
          },
          (e: unknown) =>
            emit(cancelled ? { type: 'cancelled' } : { type: 'failed', error: (e as Error).message }),
        );
    else inThread();
    return finished;
  }

  isLive(id: number): boolean {
    return this.#live.has(id);
  }

  /** Listens to a live run; returns the last event seen so far and an unsubscribe function. */
  listen(id: number, f: (e: RunEvent) => void): { last?: RunEvent; stop: () => void } | undefined {
    const live = this.#live.get(id);
    if (!live) return undefined;
    live.listeners.add(f);
    return { ...(live.last ? { last: live.last } : {}), stop: () => live.listeners.delete(f) };
  }

  finished(id: number): Promise<RunEvent> | undefined {
    return this.#live.get(id)?.finished;
  }

  async cancel(id: number): Promise<boolean> {
    const live = this.#live.get(id);
    if (!live) return false;
    await live.stop();
    return true;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#spare?.terminate();
    this.#spare = undefined;
    await Promise.all([...this.#live.keys()].map((id) => this.cancel(id)));
    await this.#queue?.close();
  }
}
