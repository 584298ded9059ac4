/**
 * The Monte Carlo of a room's brief or what-if on `concord worker` processes (`concord serve
 * --queue URL`): the draws are cut into chunks by seed range and sent through the BullMQ queue with
 * the room's scenario text (workers have no file of it), and the merged tallies equal, to the last
 * bit, the draws of the same seed in one process. The runner finishes the brief in a thread.
 */
import {
  type BriefOptions,
  briefDraws,
  type LeverSettings,
  type MonteCarloResult,
  parseScenario,
  type Sensitivity,
  sensitivityPlan,
} from '../index.js';
import { checkRedis, type JobRunner, openJobRunner, parseQueueUrl, queueMonteCarlo } from '../node.js';
import type { AnalysisRequest } from './compute.js';

export type BriefComputed = { monteCarlo: MonteCarloResult; sensitivity: Sensitivity };

/** The brief options of a request, as computeAnalysis builds them (the same draws either way). */
const briefOptionsOf = (req: AnalysisRequest): BriefOptions => ({
  samples: req.samples,
  whatIfSamples: req.whatIfSamples,
  seed: req.seed,
  levers: (req.levers ?? {}) as LeverSettings,
});

export class QueuedDraws {
  readonly url: string;
  #runner: Promise<JobRunner> | undefined;
  constructor(
    url: string,
    readonly onNotice: (message: string) => void = () => {},
  ) {
    this.url = url;
  }

  /** Checks the URL and that Redis answers (an `InputError` with a clear message otherwise). */
  async check(): Promise<void> {
    await checkRedis(parseQueueUrl(this.url));
  }

  #open(): Promise<JobRunner> {
    this.#runner ??= openJobRunner({ url: this.url, onNotice: this.onNotice });
    // A failed connection is tried again at the next run.
    this.#runner.catch(() => {
      this.#runner = undefined;
    });
    return this.#runner;
  }

  /** Draws in flight: close() lets them settle (an aborted one, once its running chunks are back). */
  readonly #inflight = new Set<Promise<unknown>>();

  draws(
    text: string,
    req: AnalysisRequest,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<BriefComputed> {
    const p = this.#draws(text, req, onProgress, signal);
    const tracked = p.catch(() => {});
    this.#inflight.add(tracked);
    void tracked.then(() => this.#inflight.delete(tracked));
    return p;
  }

  async #draws(
    text: string,
    req: AnalysisRequest,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<BriefComputed> {
    const parsed = parseScenario(text, 'room');
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const scenario = parsed.value;
    const draws = briefDraws(briefOptionsOf(req));
    const tornado = sensitivityPlan(scenario, draws.sensitivity);
    const [mc, ...bars] = await queueMonteCarlo(
      [draws.monteCarlo, ...tornado.runs].map((options) => ({ scenario: 'room', options, text })),
      { url: this.url, resolve: () => scenario, onProgress, signal, runner: await this.#open() },
    );
    return { monteCarlo: mc as MonteCarloResult, sensitivity: tornado.finish(bars) };
  }

  /** Closes the connection once the draws in flight (aborted by the runner first) have settled. */
  async close(): Promise<void> {
    // Closed under them, their runner would wait for a Redis it can no longer reach.
    await Promise.race([
      Promise.allSettled([...this.#inflight]),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    const r = this.#runner;
    this.#runner = undefined;
    if (r) await (await r.catch(() => undefined))?.close();
  }
}
