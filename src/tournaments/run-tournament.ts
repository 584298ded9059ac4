import type { Executor } from './executor.js';
import type { TournamentPlan } from './plan.js';
import type { TournamentResult } from './result.js';

/** How far a tournament is. */
export interface TournamentProgress {
  /** Runs of the plan with a result (including those found on resume). */
  readonly finished: number;
  readonly total: number;
  /** Runs that already had a result when this session started. */
  readonly skipped: number;
}

/** Options of {@link runTournament}; only `executor` is required. */
export interface RunTournamentOptions {
  readonly executor: Executor;
  /** Results recorded earlier (read back from the results file): their runs are not run again. */
  readonly done?: readonly TournamentResult[];
  /**
   * Called once per new result, before it counts as finished: write it down here. If it throws,
   * the tournament stops (after the runs in flight) and `runTournament` rejects.
   */
  readonly onResult?: (result: TournamentResult, progress: TournamentProgress) => void;
  /** Stops starting runs; the ones in flight finish and are delivered. */
  readonly signal?: AbortSignal;
}

/** What {@link runTournament} returns. */
export interface TournamentOutcome {
  readonly plan: TournamentPlan;
  /** One result per finished run of the plan, in plan order (runs not finished are missing). */
  readonly results: readonly TournamentResult[];
  /** Runs found in `done` and not run again. */
  readonly skipped: number;
  /** Runs run in this session. */
  readonly ran: number;
  /** Every run of the plan has a result. */
  readonly complete: boolean;
  /** Entries of `done` that are not runs of this plan (another tournament's, other settings): ignored. */
  readonly foreign: number;
}

/**
 * Runs the runs of a plan that have no result yet on an executor, reporting each new result as it
 * arrives; returns every result of the plan in plan order. A run is identified by its id only, so
 * a result delivered twice (at-least-once queues) or already in `done` is kept once.
 *
 * @example
 * const { results, complete } = await runTournament(plan, {
 *   executor: inProcessExecutor({ resolve }),
 *   onResult: (r) => appendFileSync('results.jsonl', `${JSON.stringify(r)}\n`),
 * });
 */
export async function runTournament(
  plan: TournamentPlan,
  options: RunTournamentOptions,
): Promise<TournamentOutcome> {
  const planned = new Set(plan.runs.map((r) => r.id));
  const byId = new Map<string, TournamentResult>();
  let foreign = 0;
  for (const r of options.done ?? []) {
    if (!planned.has(r.id)) foreign++;
    else if (!byId.has(r.id)) byId.set(r.id, r);
  }
  const skipped = byId.size;
  const pending = plan.runs.filter((r) => !byId.has(r.id));
  await options.executor.run(
    pending,
    (r) => {
      if (!planned.has(r.id) || byId.has(r.id)) return;
      options.onResult?.(r, { finished: byId.size + 1, total: plan.runs.length, skipped });
      byId.set(r.id, r);
    },
    options.signal ? { signal: options.signal } : {},
  );
  const results = plan.runs.flatMap((r) => {
    const x = byId.get(r.id);
    return x ? [x] : [];
  });
  return {
    plan,
    results,
    skipped,
    ran: results.length - skipped,
    complete: results.length === plan.runs.length,
    foreign,
  };
}
