import { ConcordError } from '../core/errors.js';
import type { Outcome } from '../outcomes/space.js';
import { PROTOCOLS } from './protocols.js';
import type { Protocol, SessionEnd } from './session.js';
import { LazyRng, streamSeed } from './streams.js';
import type { NegotiationTable } from './table.js';
import { TraceBuffer, type TraceEvent, traceEvents } from './trace.js';
import type {
  Deadline,
  EndReason,
  Negotiator,
  NegotiatorFactory,
  OwnPreferences,
  ProtocolName,
  SingleTextVariant,
} from './types.js';

/** Options of {@link negotiate}; every field has a default. */
export interface NegotiateOptions {
  /** Default `ao`. */
  readonly protocol?: ProtocolName | Protocol;
  /** Single text only; default `veto`. */
  readonly variant?: SingleTextVariant;
  /** Default `{ rounds: 100 }`. */
  readonly deadline?: Deadline;
  /** Seeds every random stream of the run (seat i draws from stream i, the mediator from its own). */
  readonly seed?: number;
  /** The clock for a deadline in ms, e.g. `performance.now` (the core never reads one). */
  readonly now?: () => number;
  /** Include the events in the result (default false). */
  readonly trace?: boolean;
  /** A buffer to reuse across runs (it is reset first). */
  readonly buffer?: TraceBuffer;
}

export const NEGOTIATE_DEFAULTS = { protocol: 'ao', rounds: 100, seed: 1 } as const;

/** Stream of the mediator's random numbers (seats use streams 0 … n−1). */
export const MEDIATOR_STREAM = 1 << 16;

/** One negotiation's outcome as plain, JSON-ready data. */
export interface NegotiationResult {
  readonly protocol: ProtocolName;
  readonly variant?: SingleTextVariant;
  /** Seated parties, in seat order. */
  readonly parties: readonly string[];
  /** The mediator (single text, shuttle). */
  readonly mediator?: string;
  readonly seed: number;
  /** The agreed outcome (value index per issue), or null. */
  readonly agreement: Outcome | null;
  readonly endedBy: EndReason;
  /** What went wrong, when `endedBy` is `illegal` or `error`. */
  readonly problem?: string;
  /** Per seat: utility of the agreement, or of no agreement (the reservation value), undiscounted. */
  readonly utilities: readonly number[];
  /** Per seat: the same, discounted to the end time (`u · d^t`, GENIUS semantics). */
  readonly discounted: readonly number[];
  readonly turns: number;
  readonly rounds: number;
  /** Normalised time at which it ended (1 at the deadline). */
  readonly time: number;
  readonly trace?: readonly TraceEvent[];
}

/** What a party gets without agreement: its reservation value, or its worst outcome when it has none. */
export function disagreementValue(me: OwnPreferences): number {
  if (Number.isFinite(me.reservation)) return me.reservation;
  return Number.isFinite(me.min) ? me.min : 0;
}

function protocolOf(p: NegotiateOptions['protocol']): Protocol {
  if (p === undefined) return PROTOCOLS[NEGOTIATE_DEFAULTS.protocol];
  if (typeof p !== 'string') return p;
  const found = PROTOCOLS[p];
  if (!found)
    throw new ConcordError('unknown-protocol', `no protocol "${p}" (${Object.keys(PROTOCOLS).join(', ')})`);
  return found;
}

/**
 * Runs one negotiation to its end: creates a negotiator per seat from `factories`, steps the
 * protocol's session until it finishes, and reports the agreement with every seat's utility.
 * Deterministic: the same table, factories and seed give the same result. A negotiator that
 * breaks the protocol or throws ends the negotiation (`illegal` / `error`), never the caller.
 *
 * @example
 * const table = prepareTable(scenario);
 * const r = negotiate(table, [boulware, conceder], { protocol: 'ao', seed: 7 });
 * r.agreement; // [1, 0, 2]
 */
export function negotiate(
  table: NegotiationTable,
  factories: readonly NegotiatorFactory[],
  options: NegotiateOptions = {},
): NegotiationResult {
  const protocol = protocolOf(options.protocol);
  const n = table.prefs.length;
  if (n < protocol.minParties || n > protocol.maxParties) {
    throw new ConcordError(
      'wrong-party-count',
      `${protocol.name} takes ${protocol.minParties === protocol.maxParties ? protocol.minParties : `${protocol.minParties} or more`} parties at the table, got ${n} (${table.names.join(', ')})`,
    );
  }
  if (factories.length !== n) {
    throw new ConcordError(
      'agents-mismatch',
      `${n} parties at the table but ${factories.length} negotiators`,
    );
  }
  const seed = options.seed ?? NEGOTIATE_DEFAULTS.seed;
  const deadline = options.deadline ?? { rounds: NEGOTIATE_DEFAULTS.rounds };
  const trace = options.buffer ?? new TraceBuffer();
  trace.reset();
  const variant = protocol.variants.length > 0 ? (options.variant ?? protocol.variants[0]) : undefined;

  let end: SessionEnd;
  const negotiators: Negotiator[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const me = table.prefs[i] as OwnPreferences;
      negotiators.push(
        (factories[i] as NegotiatorFactory)({ self: i, me, rng: new LazyRng(streamSeed(seed, i)) }),
      );
    }
  } catch (e) {
    const who = table.names[negotiators.length];
    end = {
      agreement: undefined,
      reason: 'error',
      turns: 0,
      rounds: 0,
      time: 0,
      problem: `${who} could not be created: ${e instanceof Error ? e.message : String(e)}`,
    };
    return result(table, protocol, variant, seed, end, trace, options.trace === true);
  }
  const session = protocol.open({
    table,
    negotiators,
    deadline,
    ...(options.now ? { now: options.now } : {}),
    rng: new LazyRng(streamSeed(seed, MEDIATOR_STREAM)),
    trace,
    ...(variant ? { variant } : {}),
  });
  while (session.step()) {
    // Each step is one move; the session decides when it is over.
  }
  end = session.end as SessionEnd;
  return result(table, protocol, variant, seed, end, trace, options.trace === true);
}

function result(
  table: NegotiationTable,
  protocol: Protocol,
  variant: SingleTextVariant | undefined,
  seed: number,
  end: SessionEnd,
  trace: TraceBuffer,
  withTrace: boolean,
): NegotiationResult {
  const agreement = end.agreement;
  const n = table.prefs.length;
  const utilities = new Array<number>(n);
  const discounted = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const me = table.prefs[i] as OwnPreferences;
    const u = agreement ? me.utility(agreement) : disagreementValue(me);
    utilities[i] = u;
    discounted[i] = me.discount === 1 ? u : u * me.discount ** end.time;
  }
  return {
    protocol: protocol.name,
    ...(variant ? { variant } : {}),
    parties: table.names,
    ...(protocol.mediated ? { mediator: table.mediator.name } : {}),
    seed,
    agreement: agreement ? Array.from(agreement) : null,
    endedBy: end.reason,
    ...(end.problem !== undefined ? { problem: end.problem } : {}),
    utilities,
    discounted,
    turns: end.turns,
    rounds: end.rounds,
    time: end.time,
    ...(withTrace ? { trace: traceEvents(trace, table.names, table.mediator.name) } : {}),
  };
}
