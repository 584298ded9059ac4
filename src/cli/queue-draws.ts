import {
  type BriefOptions,
  briefDraws,
  type MonteCarloOptions,
  type MonteCarloResult,
  type Scenario,
  type Sensitivity,
  sensitivityPlan,
} from '../index.js';
import { checkRedis, parseQueueUrl, queueMonteCarlo } from '../node.js';
import type { CliIo } from './io.js';
import { type Progress, startProgress } from './progress.js';

/** Monte Carlo progress over every worker: a bar on a terminal, a line every few seconds in a pipe. */
function drawProgress(io: CliIo): (done: number, total: number) => void {
  let progress: Progress | undefined;
  return (done, total) => {
    progress ??= startProgress(io, { label: 'Monte Carlo', unit: 'draws', total, finalLine: true });
    progress.update(done);
    if (done >= total) progress.stop();
  };
}

/**
 * Monte Carlo runs of the scenario `ref` on the workers of the queue at `url`: the same results,
 * bit for bit, as in this process. Redis is checked first (a clear error, exit 1, when it is not there).
 */
export async function queuedMonteCarlo(
  ref: string,
  scenario: Scenario,
  runs: readonly MonteCarloOptions[],
  url: string,
  io: CliIo,
): Promise<MonteCarloResult[]> {
  await checkRedis(parseQueueUrl(url));
  return queueMonteCarlo(
    runs.map((options) => ({ scenario: ref, options })),
    {
      url,
      resolve: () => scenario,
      onProgress: drawProgress(io),
      onNotice: (m) => io.err(`queue: ${m}`),
    },
  );
}

/** The brief's Monte Carlo and tornado on the queue's workers, for `buildBrief`'s `computed`. */
export async function queuedBriefDraws(
  ref: string,
  scenario: Scenario,
  options: BriefOptions,
  url: string,
  io: CliIo,
): Promise<{ monteCarlo: MonteCarloResult; sensitivity: Sensitivity }> {
  const draws = briefDraws(options);
  const tornado = sensitivityPlan(scenario, draws.sensitivity);
  const [mc, ...bars] = await queuedMonteCarlo(ref, scenario, [draws.monteCarlo, ...tornado.runs], url, io);
  return { monteCarlo: mc as MonteCarloResult, sensitivity: tornado.finish(bars) };
}
