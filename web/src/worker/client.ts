// The page's side of the analysis worker: one request at a time per lane; a new request in a
// lane ends the worker that runs the old one (a what-if superseded by a newer slider position).
import type { WorkerReply, WorkerRequest } from './protocol.js';

type Body = WorkerRequest extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;
type Reply<K> = Extract<WorkerReply, { type: K }>;

export class AnalysisLane {
  private worker: Worker | undefined;
  private busy = false;
  private next = 1;
  private abandon: ((e: Error) => void) | undefined;

  run<B extends Body>(
    body: B,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<Reply<B['kind']>> {
    if (this.busy) this.stop();
    const worker = (this.worker ??= new Worker(new URL('./analysis-worker.ts', import.meta.url), {
      type: 'module',
    }));
    const id = this.next++;
    this.busy = true;
    return new Promise((resolve, reject) => {
      this.abandon = reject;
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const r = e.data;
        if (r.id !== id) return;
        if (r.type === 'progress') return onProgress(r.done, r.total);
        this.busy = false;
        if (r.type === 'error') reject(new Error(r.message));
        else resolve(r as Reply<B['kind']>);
      };
      worker.onerror = (e) => {
        this.busy = false;
        reject(new Error(`the analysis worker failed: ${e.message}`));
      };
      worker.postMessage({ ...body, id });
    });
  }

  /** Ends the worker (and any run in it). */
  stop(): void {
    this.abandon?.(new Superseded());
    this.abandon = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
  }
}

/** The run was ended for a newer one: not an error to show. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}
