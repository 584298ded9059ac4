import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import {
  type Deadline,
  NEGOTIATE_DEFAULTS,
  type NegotiationResult,
  type NegotiatorFactory,
  negotiate,
  type ProtocolName,
  prepareTable,
  type SingleTextVariant,
  type TraceBuffer,
} from '../protocols/index.js';
import { builtInStrategies } from './builtins.js';
import type { StrategyRegistry } from './registry.js';

/**
 * One negotiation as plain, serialisable data: what a tournament executor sends to a worker
 * thread or a job queue. Agents are registry texts (`boulware:e=0.3`), the scenario a reference
 * the worker resolves (or the scenario itself).
 */
export interface NegotiationSpec {
  /** A scenario reference (file, folder, built-in name) resolved by the context, or the scenario. */
  readonly scenario: string | Scenario;
  /** Default `ao`. */
  readonly protocol?: ProtocolName;
  readonly variant?: SingleTextVariant;
  /** One agent text per seat, or one for every seat. */
  readonly agents: readonly string[];
  /** Default 1. */
  readonly seed?: number;
  /** Deadline in rounds; default 100 (unless only `deadlineMs` is given). */
  readonly steps?: number;
  /** Deadline in milliseconds of the context's clock. */
  readonly deadlineMs?: number;
  /** Who sits at the table (default: the principals). */
  readonly parties?: readonly string[];
  /** Who mediates (default: the party with role `mediator`, else neutral). */
  readonly mediator?: string;
  /** Include the trace events (default false). */
  readonly trace?: boolean;
}

/** What {@link runNegotiation} needs from its host (effects stay outside the core). */
export interface RunContext {
  /** Loads a scenario reference, e.g. `(ref) => unwrap(loadScenario(ref))`. */
  readonly resolve?: (ref: string) => Scenario;
  /** Default: the built-in strategies. */
  readonly registry?: StrategyRegistry;
  /** Clock for deadlines in ms. */
  readonly now?: () => number;
  /** A trace buffer to reuse. */
  readonly buffer?: TraceBuffer;
}

/** {@link NegotiationResult} with the scenario and agents that produced it. */
export interface RunRecord extends NegotiationResult {
  readonly scenario: string;
  /** Agent text per seat. */
  readonly agents: readonly string[];
}

/** The scenario of a spec. */
export function resolveScenario(ref: string | Scenario, context: RunContext): Scenario {
  if (typeof ref !== 'string') return ref;
  if (!context.resolve) {
    throw new ConcordError(
      'no-resolver',
      `scenario "${ref}" is a reference; pass context.resolve to load it`,
    );
  }
  return context.resolve(ref);
}

/** One agent per seat: `agents` as given, or its single entry repeated. */
export function agentsPerSeat<T>(agents: readonly T[], seats: number): T[] {
  if (agents.length === 1 && seats > 1) return Array.from({ length: seats }, () => agents[0] as T);
  if (agents.length !== seats) {
    throw new ConcordError(
      'agents-mismatch',
      `${seats} parties at the table but ${agents.length} agents (give one per party, or one for all)`,
    );
  }
  return [...agents];
}

/** The deadline of a spec: rounds and/or ms (100 rounds when neither is given). */
export function deadlineOf(spec: { readonly steps?: number; readonly deadlineMs?: number }): Deadline {
  if (spec.steps === undefined && spec.deadlineMs !== undefined) return { ms: spec.deadlineMs };
  return {
    rounds: spec.steps ?? NEGOTIATE_DEFAULTS.rounds,
    ...(spec.deadlineMs !== undefined ? { ms: spec.deadlineMs } : {}),
  };
}

/**
 * Runs the negotiation a serialisable spec describes and returns a serialisable record. The
 * scenario's table (outcome indexes) is prepared once per scenario object and reused, so a worker
 * that keeps its resolved scenarios runs later specs on the same scenario at full speed.
 *
 * @example
 * runNegotiation(
 *   { scenario: 'examples/job-offer.yaml', agents: ['boulware', 'conceder'], seed: 3 },
 *   { resolve: (ref) => unwrap(loadScenario(ref)) },
 * ).agreement;
 */
export function runNegotiation(spec: NegotiationSpec, context: RunContext = {}): RunRecord {
  const scenario = resolveScenario(spec.scenario, context);
  const table = prepareTable(scenario, {
    ...(spec.parties ? { parties: spec.parties } : {}),
    ...(spec.mediator ? { mediator: spec.mediator } : {}),
  });
  const registry = context.registry ?? builtInStrategies;
  const agents = agentsPerSeat(spec.agents, table.names.length);
  const factories: NegotiatorFactory[] = agents.map((a) => registry.create(a));
  const r = negotiate(table, factories, {
    protocol: spec.protocol ?? 'ao',
    ...(spec.variant ? { variant: spec.variant } : {}),
    deadline: deadlineOf(spec),
    seed: spec.seed ?? NEGOTIATE_DEFAULTS.seed,
    ...(context.now ? { now: context.now } : {}),
    ...(context.buffer ? { buffer: context.buffer } : {}),
    trace: spec.trace === true,
  });
  return { scenario: scenario.name, agents, ...r };
}
