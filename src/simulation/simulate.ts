import type { Scenario } from '../model/scenario.js';
import type { Outcome } from '../outcomes/space.js';
import {
  type EndReason,
  NEGOTIATE_DEFAULTS,
  type NegotiationResult,
  type NegotiationTable,
  type NegotiatorFactory,
  negotiate,
  PROTOCOLS,
  type ProtocolName,
  prepareTable,
  type SingleTextVariant,
  TraceBuffer,
  type TraceEvent,
} from '../protocols/index.js';
import {
  agentsPerSeat,
  builtInStrategies,
  deadlineOf,
  distanceToFrontier,
  distanceToNearest,
  type StrategyRegistry,
  tableAnalysis,
} from '../strategies/index.js';

/** Options of {@link simulate}; only `agents` is required. */
export interface SimulateOptions {
  /** Default `ao`. */
  readonly protocol?: ProtocolName;
  readonly variant?: SingleTextVariant;
  /** One per seat (or one for all): registry texts like `boulware:e=0.3`, or your own factories. */
  readonly agents: readonly (string | NegotiatorFactory)[];
  /** Deadline in rounds; default 100. */
  readonly steps?: number;
  readonly deadlineMs?: number;
  /** Number of negotiations; default 1. Run r is seeded `seed + r` (replay it alone with that seed). */
  readonly runs?: number;
  /** Default 1. */
  readonly seed?: number;
  readonly parties?: readonly string[];
  readonly mediator?: string;
  readonly registry?: StrategyRegistry;
  /** The clock for `elapsedMs` and ms deadlines, e.g. `performance.now` (without one, elapsedMs is 0). */
  readonly now?: () => number;
  /** Keep the events of the first `traces` runs; default 0. */
  readonly traces?: number;
  /** Measure agreements against the frontier and the Nash point (default true). */
  readonly analysis?: boolean;
  /** Largest space indexed exhaustively per party. */
  readonly indexLimit?: number;
}

/** One run of a simulation. */
export interface RunSummary {
  readonly run: number;
  readonly seed: number;
  readonly agreement: Outcome | null;
  readonly endedBy: EndReason;
  readonly problem?: string;
  readonly utilities: readonly number[];
  readonly discounted: readonly number[];
  readonly rounds: number;
  readonly time: number;
  /** Euclidean distance (seated utilities) of the agreement to the Pareto frontier. */
  readonly frontierDistance?: number;
  /** Euclidean distance of the agreement to the nearest Nash point (ties: symmetric domains have several). */
  readonly nashDistance?: number;
}

export interface PartySummary {
  readonly name: string;
  readonly agent: string;
  readonly reservation: number;
  readonly discount: number;
  /** Mean utility over all runs (the reservation value when there was no agreement). */
  readonly meanUtility: number;
  /** The same, discounted to the time each run ended. */
  readonly meanDiscounted: number;
}

interface Stat {
  readonly mean: number;
  readonly max: number;
}

/** What {@link simulate} returns: plain data, JSON-ready. */
export interface SimulationSummary {
  readonly scenario: string;
  readonly protocol: ProtocolName;
  readonly variant?: SingleTextVariant;
  readonly parties: readonly string[];
  readonly agents: readonly string[];
  readonly mediator?: string;
  readonly steps?: number;
  readonly runs: number;
  readonly seed: number;
  readonly agreements: number;
  readonly agreementRate: number;
  /** Mean rounds begun per run. */
  readonly meanRounds: number;
  /** Mean normalised time at the end. */
  readonly meanTime: number;
  readonly endedBy: Readonly<Partial<Record<EndReason, number>>>;
  readonly perParty: readonly PartySummary[];
  /** Over the agreements; null without agreements or analysis. */
  readonly frontierDistance: Stat | null;
  readonly nashDistance: Stat | null;
  /** Utilities of the Nash point of the seated parties. */
  readonly nash: readonly number[] | null;
  readonly perRun: readonly RunSummary[];
  readonly traces?: readonly { readonly run: number; readonly events: readonly TraceEvent[] }[];
  /** Messages of runs that ended `illegal` or `error` (first 10). */
  readonly problems?: readonly string[];
  /** Time to prepare the table (outcome indexes), by the given clock. */
  readonly prepareMs: number;
  /** Time of the negotiations alone, by the given clock. */
  readonly elapsedMs: number;
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const stat = (xs: readonly number[]): Stat | null =>
  xs.length ? { mean: mean(xs), max: Math.max(...xs) } : null;

/** Defaults of {@link simulate}, from {@link NEGOTIATE_DEFAULTS} (the CLI's `simulate` options read them too). */
export const SIMULATE_DEFAULTS = {
  protocol: NEGOTIATE_DEFAULTS.protocol,
  agents: ['linear'],
  steps: NEGOTIATE_DEFAULTS.rounds,
  runs: 1,
  seed: NEGOTIATE_DEFAULTS.seed,
  traces: 0,
} as const;

/**
 * A simulation run step by step, so a caller can show progress and stop between runs (the core
 * never waits or reads a clock of its own). {@link simulate} is `start`, `step(total)`, `summary()`.
 */
export interface SimulationRun {
  /** Runs planned. */
  readonly total: number;
  /** Runs finished so far. */
  readonly done: number;
  /** Runs up to `count` more negotiations; returns how many ran. */
  step(count: number): number;
  /** The summary of the runs finished so far (`runs` is how many). */
  summary(): SimulationSummary;
}

/**
 * Runs `runs` negotiations of a scenario and summarises them: agreement rate, rounds, each
 * party's mean utility, and how far agreements fall from the Pareto frontier and the Nash point.
 *
 * @example
 * const s = simulate(scenario, { protocol: 'ao', agents: ['boulware', 'conceder'], runs: 100, now: () => performance.now() });
 * s.agreementRate; // 1
 */
export function simulate(scenario: Scenario, options: SimulateOptions): SimulationSummary {
  const run = startSimulation(scenario, options);
  run.step(run.total);
  return run.summary();
}

/** Prepares a simulation without running it; see {@link SimulationRun}. */
export function startSimulation(scenario: Scenario, options: SimulateOptions): SimulationRun {
  const now = options.now ?? (() => 0);
  const t0 = now();
  const table: NegotiationTable = prepareTable(scenario, {
    ...(options.parties ? { parties: options.parties } : {}),
    ...(options.mediator ? { mediator: options.mediator } : {}),
    ...(options.indexLimit !== undefined ? { indexLimit: options.indexLimit } : {}),
  });
  const registry = options.registry ?? builtInStrategies;
  const agents = agentsPerSeat(options.agents, table.names.length);
  const factories = agents.map((a) => (typeof a === 'string' ? registry.create(a) : a));
  const labels = agents.map((a, i) => (typeof a === 'string' ? a.trim() : `custom ${i + 1}`));
  const protocol = options.protocol ?? SIMULATE_DEFAULTS.protocol;
  const total = options.runs ?? SIMULATE_DEFAULTS.runs;
  const seed = options.seed ?? SIMULATE_DEFAULTS.seed;
  const keep = options.traces ?? SIMULATE_DEFAULTS.traces;
  const deadline = deadlineOf(options);
  const buffer = new TraceBuffer();
  const t1 = now();
  let elapsedMs = 0;
  const results: NegotiationResult[] = [];
  const step = (count: number): number => {
    const start = now();
    const end = Math.min(total, results.length + Math.max(0, Math.floor(count)));
    const before = results.length;
    for (let r = results.length; r < end; r++) {
      results.push(
        negotiate(table, factories, {
          protocol,
          ...(options.variant ? { variant: options.variant } : {}),
          deadline,
          seed: seed + r,
          ...(options.now ? { now: options.now } : {}),
          buffer,
          trace: r < keep,
        }),
      );
    }
    elapsedMs += now() - start;
    return results.length - before;
  };
  const context = { scenario, options, table, labels, protocol, seed, deadline, prepareMs: t1 - t0 };
  return {
    total,
    get done() {
      return results.length;
    },
    step,
    summary: () => summarise(context, results, elapsedMs),
  };
}

interface SummaryContext {
  readonly scenario: Scenario;
  readonly options: SimulateOptions;
  readonly table: NegotiationTable;
  readonly labels: readonly string[];
  readonly protocol: ProtocolName;
  readonly seed: number;
  readonly deadline: ReturnType<typeof deadlineOf>;
  readonly prepareMs: number;
}

function summarise(
  { scenario, options, table, labels, protocol, seed, deadline, prepareMs }: SummaryContext,
  results: readonly NegotiationResult[],
  elapsedMs: number,
): SimulationSummary {
  const runs = results.length;
  const reference =
    options.analysis === false ? undefined : tableAnalysis(table, options.now ? { now: options.now } : {});
  const nash = reference?.nash ?? null;
  const distances = new Map<string, number | undefined>();
  const perRun: RunSummary[] = results.map((x, r) => {
    let frontierDistance: number | undefined;
    let nashDistance: number | undefined;
    if (x.agreement && reference) {
      const key = x.agreement.join(',');
      if (!distances.has(key)) distances.set(key, distanceToFrontier(x.utilities, reference.frontier));
      frontierDistance = distances.get(key);
      nashDistance = distanceToNearest(x.utilities, reference.nashPoints);
    }
    return {
      run: r,
      seed: x.seed,
      agreement: x.agreement,
      endedBy: x.endedBy,
      ...(x.problem !== undefined ? { problem: x.problem } : {}),
      utilities: x.utilities,
      discounted: x.discounted,
      rounds: x.rounds,
      time: x.time,
      ...(frontierDistance !== undefined ? { frontierDistance } : {}),
      ...(nashDistance !== undefined ? { nashDistance } : {}),
    };
  });
  const endedBy: Partial<Record<EndReason, number>> = {};
  for (const x of results) endedBy[x.endedBy] = (endedBy[x.endedBy] ?? 0) + 1;
  const agreed = perRun.filter((x) => x.agreement !== null);
  const problems = results
    .filter((x) => x.problem !== undefined)
    .map((x) => `run ${x.seed - seed}: ${x.problem}`);
  const traces = results
    .map((x, run) => ({ run, events: x.trace }))
    .filter((x): x is { run: number; events: readonly TraceEvent[] } => x.events !== undefined);
  const { mediated, variants } = PROTOCOLS[protocol];
  return {
    scenario: scenario.name,
    protocol,
    ...(variants.length > 0 ? { variant: options.variant ?? variants[0] } : {}),
    parties: table.names,
    agents: labels,
    ...(mediated ? { mediator: table.mediator.name } : {}),
    ...(deadline.rounds !== undefined ? { steps: deadline.rounds } : {}),
    runs,
    seed,
    agreements: agreed.length,
    agreementRate: runs ? agreed.length / runs : 0,
    meanRounds: mean(results.map((x) => x.rounds)),
    meanTime: mean(results.map((x) => x.time)),
    endedBy,
    perParty: table.names.map((name, i) => ({
      name,
      agent: labels[i] as string,
      reservation: table.prefs[i]?.reservation ?? 0,
      discount: table.prefs[i]?.discount ?? 1,
      meanUtility: mean(results.map((x) => x.utilities[i] as number)),
      meanDiscounted: mean(results.map((x) => x.discounted[i] as number)),
    })),
    frontierDistance: stat(
      agreed.flatMap((x) => (x.frontierDistance !== undefined ? [x.frontierDistance] : [])),
    ),
    nashDistance: stat(agreed.flatMap((x) => (x.nashDistance !== undefined ? [x.nashDistance] : []))),
    nash,
    perRun,
    ...(traces.length ? { traces } : {}),
    ...(problems.length ? { problems: problems.slice(0, 10) } : {}),
    prepareMs,
    elapsedMs,
  };
}
