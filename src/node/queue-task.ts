/**
 * The worker-thread module of a queue worker ({@link startQueueWorker}): runs one checked job —
 * a batch of tournament negotiations or a chunk of Monte Carlo draws — with the built-in
 * strategies, loading each scenario reference once per thread. A scenario that differs from the
 * coordinator's (its fingerprint) is refused rather than answered for.
 */
import { InputError } from '../core/errors.js';
import { parseScenario } from '../io/scenario/index.js';
import type { Scenario } from '../model/scenario.js';
import { batchRunner } from '../tournaments/index.js';
import { monteCarloTally } from '../uncertainty/index.js';
import {
  encodeResults,
  encodeTally,
  type JobResult,
  plannedRuns,
  type QueueJob,
  scenarioFingerprint,
} from './queue-jobs.js';
import { scenarioResolver } from './scenario-resolver.js';

const load = scenarioResolver();
const prints = new Map<string, string>();
/** Scenarios sent as text, by fingerprint (a room's chunks all carry the same text). */
const sent = new Map<string, Scenario>();

function fromText(ref: string, text: string, fingerprint: string): Scenario {
  let scenario = sent.get(fingerprint);
  if (!scenario) {
    const parsed = parseScenario(text, ref);
    if (!parsed.ok) throw new InputError(parsed.problems);
    scenario = parsed.value;
    const print = scenarioFingerprint(scenario);
    if (print !== fingerprint)
      throw new InputError([
        {
          code: 'scenario-differs',
          file: ref,
          message: `the scenario sent with the job reads differently here (fingerprint ${print}, expected ${fingerprint}); run the same Concord version everywhere`,
        },
      ]);
    if (sent.size >= 8) sent.delete(sent.keys().next().value as string);
    sent.set(fingerprint, scenario);
  }
  return scenario;
}

function resolveChecked(ref: string, fingerprint: string | undefined): Scenario {
  const scenario = load(ref);
  let print = prints.get(ref);
  if (print === undefined) {
    print = scenarioFingerprint(scenario);
    prints.set(ref, print);
  }
  if (fingerprint !== undefined && print !== fingerprint) {
    throw new InputError([
      {
        code: 'scenario-differs',
        file: ref,
        message: `this worker's scenario differs from the coordinator's (fingerprint ${print}, expected ${fingerprint}); give every machine the same scenario files`,
      },
    ]);
  }
  return scenario;
}

let expected: Readonly<Record<string, string>> = {};
const runBatch = batchRunner({ resolve: (ref) => resolveChecked(ref, expected[ref]) });

export default function runJob(job: QueueJob): JobResult {
  if (job.kind === 'tournament') {
    expected = job.scenarios;
    // Checked up front, so a batch never mixes scenarios of two versions.
    for (const [ref, print] of Object.entries(job.scenarios)) resolveChecked(ref, print);
    const runs = plannedRuns(job);
    return encodeResults(runs, runBatch(runs));
  }
  const scenario =
    job.text !== undefined
      ? fromText(job.scenario, job.text, job.fingerprint)
      : resolveChecked(job.scenario, job.fingerprint);
  const tally = monteCarloTally(scenario, job.options, { from: job.from, to: job.to });
  return { kind: 'monte-carlo', key: job.key, tally: encodeTally(tally) };
}
