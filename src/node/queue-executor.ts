import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { batchesOf, type Executor, type PlannedRun } from '../tournaments/index.js';
import {
  drawChunks,
  MONTE_CARLO_DEFAULTS,
  type MonteCarloOptions,
  type MonteCarloResult,
  type MonteCarloTally,
  mergeTallies,
  monteCarloResult,
} from '../uncertainty/index.js';
import {
  chunkOptions,
  decodeResults,
  decodeTally,
  monteCarloJob,
  scenarioFingerprint,
  tournamentJob,
  tournamentJobId,
} from './queue-jobs.js';
import { type JobRunner, type JobRunnerOptions, openJobRunner, type QueuedJob } from './queue-jobs-runner.js';
import { scenarioResolver } from './scenario-resolver.js';

/** Options of {@link queueExecutor}; only `url` is required. */
export interface QueueExecutorOptions extends JobRunnerOptions {
  /**
   * Negotiations per job; default: about 64 jobs for the plan, 1 to 500 runs each. A job costs
   * the coordinator and Redis about a millisecond of CPU (its events, scripts and round trips),
   * so runs are batched; enough jobs remain to balance many workers (the last job of a
   * 20,000-negotiation plan is 313 runs, ~30 ms of one core).
   */
  readonly batchSize?: number;
  /** Loads scenarios here to fingerprint them; default: {@link scenarioResolver}. */
  readonly resolve?: (ref: string) => Scenario;
}

/** Fingerprints of the scenarios the runs use, loading each once. */
function fingerprints(resolve: (ref: string) => Scenario) {
  const cache = new Map<string, string>();
  return (ref: string): string => {
    let f = cache.get(ref);
    if (f === undefined) {
      f = scenarioFingerprint(resolve(ref));
      cache.set(ref, f);
    }
    return f;
  };
}

/**
 * Runs tournament negotiations on `concord worker` processes (any number, on any machines)
 * through a BullMQ queue on Redis: the plan is cut into jobs of a batch of runs each, whose id is
 * a hash of the runs' ids (the same work, the same job). Results equal the in-process executor's,
 * run by run; a result that arrives twice is delivered once. The connection opens on the first
 * `run` (an unreachable Redis rejects it with an `InputError`).
 *
 * @example
 * const executor = queueExecutor({ url: 'redis://127.0.0.1:6379' });
 * await runTournament(plan, { executor, onResult: save });
 * await executor.close();
 */
export function queueExecutor(options: QueueExecutorOptions): Executor & { runner(): Promise<JobRunner> } {
  let opened: Promise<JobRunner> | undefined;
  const runner = () => {
    opened ??= openJobRunner(options);
    return opened;
  };
  const printOf = fingerprints(options.resolve ?? scenarioResolver());
  return {
    runner,
    async run(runs, onResult, { signal } = {}) {
      if (runs.length === 0) return;
      const size = options.batchSize ?? Math.min(500, Math.max(1, Math.ceil(runs.length / 64)));
      const batchOf = new Map<string, readonly PlannedRun[]>();
      const jobs: QueuedJob[] = batchesOf(runs, size).map((batch: PlannedRun[]) => {
        const id = tournamentJobId(batch);
        batchOf.set(id, batch);
        return { id, data: tournamentJob(batch, printOf) };
      });
      // A job's own results come in its runs' order; the map is for results of other jobs.
      let wanted: Map<string, PlannedRun> | undefined;
      const byId = (id: string) => {
        wanted ??= new Map(runs.map((r) => [r.id, r]));
        return wanted.get(id);
      };
      await (await runner()).run(
        jobs,
        (result, job) => {
          if (result.kind !== 'tournament') return;
          const batch = batchOf.get(job);
          decodeResults(
            result,
            (id, i) => {
              const run = batch?.[i];
              return run !== undefined && run.id === id ? run : byId(id);
            },
            onResult,
          );
        },
        signal,
      );
    },
    async close() {
      const r = opened;
      opened = undefined;
      if (r) await (await r.catch(() => undefined))?.close();
    },
  };
}

/** One Monte Carlo run for {@link queueMonteCarlo}: a scenario reference and the options. */
export interface QueuedMonteCarlo {
  /** What workers load: a file, folder or built-in name (with `text`: only a name for messages). */
  readonly scenario: string;
  readonly options: MonteCarloOptions;
  /** The scenario file's text, sent with every chunk, for scenarios workers do not have (rooms). */
  readonly text?: string;
}

/** Options of {@link queueMonteCarlo}; only `url` is required. */
export interface QueueMonteCarloOptions extends JobRunnerOptions {
  /** Draws per job; default 500. */
  readonly chunkSize?: number;
  /** Loads the scenarios here (to fingerprint them and assemble the results); default {@link scenarioResolver}. */
  readonly resolve?: (ref: string) => Scenario;
  /** Draws done over every run, as chunks finish anywhere. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** An open runner to use (and leave open); default: one opened and closed here. */
  readonly runner?: JobRunner;
}

/**
 * Monte Carlo runs on `concord worker` processes: each run's draws are cut into chunks by range
 * (draw `s` depends on the seed and `s` only), the chunks go through the queue, and their tallies
 * merge into results identical, to the last bit, to `monteCarlo` in one process with the same
 * options. Chunks of every run are queued at once, so a tornado's runs spread over all workers.
 *
 * @example
 * const [mc] = await queueMonteCarlo([{ scenario: 'ukraine-2025', options: { samples: 10_000, seed: 7 } }], { url });
 */
export async function queueMonteCarlo(
  runs: readonly QueuedMonteCarlo[],
  options: QueueMonteCarloOptions,
): Promise<MonteCarloResult[]> {
  const resolve = options.resolve ?? scenarioResolver();
  const printOf = fingerprints(resolve);
  const size = options.chunkSize ?? 500;
  const jobs: QueuedJob[] = [];
  const chunksOf: string[][] = [];
  let total = 0;
  for (const run of runs) {
    if (run.options.perSample)
      throw new ConcordError('bad-option', 'perSample is not available through the queue');
    const o = chunkOptions(run.options, MONTE_CARLO_DEFAULTS);
    const keys: string[] = [];
    for (const c of drawChunks(o.samples, size)) {
      const data = monteCarloJob(run.scenario, printOf(run.scenario), o, c.from, c.to, run.text);
      jobs.push({ id: `mc-${data.key}`, data });
      keys.push(data.key);
    }
    chunksOf.push(keys);
    total += o.samples;
  }
  const tallies = new Map<string, MonteCarloTally>();
  let done = 0;
  const runner = options.runner ?? (await openJobRunner(options));
  try {
    await runner.run(
      jobs,
      (result) => {
        if (result.kind !== 'monte-carlo' || tallies.has(result.key)) return;
        const tally = decodeTally(result.tally);
        tallies.set(result.key, tally);
        done += tally.to - tally.from;
        options.onProgress?.(done, total);
      },
      options.signal,
    );
  } finally {
    if (!options.runner) await runner.close();
  }
  return runs.map((run, i) => {
    const keys = chunksOf[i] as string[];
    const parts = keys.map((k) => tallies.get(k));
    if (parts.some((p) => p === undefined))
      throw new ConcordError('interrupted', 'the Monte Carlo run was stopped before every chunk finished');
    return monteCarloResult(resolve(run.scenario), run.options, mergeTallies(parts as MonteCarloTally[]));
  });
}
