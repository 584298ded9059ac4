import { z } from 'zod';
import type { Scenario } from '../model/scenario.js';
import { PROTOCOL_NAMES, prepareTable, SINGLE_TEXT_VARIANTS, TraceBuffer } from '../protocols/index.js';
import {
  distanceToFrontier,
  type RunContext,
  runNegotiation,
  tableAnalysis,
  utilityDistance,
} from '../strategies/index.js';
import type { PlannedRun } from './plan.js';

const count = z.int().nonnegative();

/**
 * One finished run of a tournament: one line of `results.jsonl`. The schema reads the lines back
 * on resume (a line that does not match is treated as not written, and its run is done again).
 */
export const tournamentResultSchema = z.object({
  /** The run's id in the plan. */
  id: z.string().min(1),
  repetition: count,
  /** The scenario reference, as planned. */
  scenario: z.string(),
  /** The scenario's own name. */
  name: z.string(),
  protocol: z.enum(PROTOCOL_NAMES),
  variant: z.enum(SINGLE_TEXT_VARIANTS).optional(),
  steps: z.int().positive(),
  seed: z.int(),
  /** Agent text per seat. */
  agents: z.array(z.string()),
  /** Party per seat. */
  parties: z.array(z.string()),
  /** Value index per issue, or null without agreement. */
  agreement: z.array(count).nullable(),
  endedBy: z.enum(['agreement', 'deadline', 'walk-away', 'illegal', 'error']),
  problem: z.string().optional(),
  rounds: count,
  turns: count,
  time: z.number(),
  /** Per seat, undiscounted (the reservation value without agreement). */
  utilities: z.array(z.number()),
  /** Per seat, discounted to the end time. */
  discounted: z.array(z.number()),
  /** Sum of `utilities`. */
  welfare: z.number(),
  /** Agreements only: Euclidean distance (seated utilities) to the Nash point. */
  nashDistance: z.number().optional(),
  /** Agreements only: distance to the Pareto frontier (0 on it). */
  frontierDistance: z.number().optional(),
});

/** One finished run of a tournament (a line of `results.jsonl`). */
export type TournamentResult = z.infer<typeof tournamentResultSchema>;

/** What the runs of a tournament need from their host: a resolver for scenario references. */
export interface TournamentContext extends RunContext {
  readonly resolve: (ref: string) => Scenario;
  /** Measure agreements against the frontier and Nash point (default true; computed once per scenario). */
  readonly analysis?: boolean;
}

/**
 * A function that runs batches of planned runs in this thread and returns their results. It keeps
 * each resolved scenario (and so its prepared table and analysis) for later batches: make one per
 * worker and reuse it. Every executor runs tournaments through this, so all of them give the same
 * results for the same plan.
 *
 * @example
 * const run = batchRunner({ resolve: (ref) => unwrap(loadScenario(ref)) });
 * run(plan.runs.slice(0, 10)); // 10 results
 */
export function batchRunner(context: TournamentContext): (runs: readonly PlannedRun[]) => TournamentResult[] {
  const scenarios = new Map<string, Scenario>();
  const buffer = new TraceBuffer();
  const runContext: RunContext = { ...context, buffer };
  const resolve = (ref: string): Scenario => {
    let s = scenarios.get(ref);
    if (!s) {
      s = context.resolve(ref);
      scenarios.set(ref, s);
    }
    return s;
  };
  return (runs) =>
    runs.map((run) => {
      const scenario = resolve(run.scenario);
      const r = runNegotiation({ ...run, scenario, trace: false }, runContext);
      let nashDistance: number | undefined;
      let frontierDistance: number | undefined;
      if (r.agreement && context.analysis !== false) {
        const table = prepareTable(scenario, {
          ...(run.parties ? { parties: run.parties } : {}),
          ...(run.mediator ? { mediator: run.mediator } : {}),
        });
        const reference = tableAnalysis(table);
        if (reference.nash) nashDistance = utilityDistance(r.utilities, reference.nash);
        frontierDistance = distanceToFrontier(r.utilities, reference.frontier);
      }
      const result: TournamentResult = {
        id: run.id,
        repetition: run.repetition,
        scenario: run.scenario,
        name: r.scenario,
        protocol: r.protocol,
        ...(r.variant ? { variant: r.variant } : {}),
        steps: run.steps,
        seed: r.seed,
        agents: [...r.agents],
        parties: [...r.parties],
        agreement: r.agreement ? [...r.agreement] : null,
        endedBy: r.endedBy,
        ...(r.problem !== undefined ? { problem: r.problem } : {}),
        rounds: r.rounds,
        turns: r.turns,
        time: r.time,
        utilities: [...r.utilities],
        discounted: [...r.discounted],
        welfare: r.utilities.reduce((a, b) => a + b, 0),
        ...(nashDistance !== undefined ? { nashDistance } : {}),
        ...(frontierDistance !== undefined ? { frontierDistance } : {}),
      };
      return result;
    });
}
