import { ConcordError } from '../core/errors.js';
import type { Outcome } from '../outcomes/space.js';
import type { OfferLog } from './types.js';

/**
 * What happened in one step of a negotiation:
 * - `offer`: a party puts an offer on the table (alternating offers);
 * - `accept` / `reject`: a party answers an offer, proposal or text;
 * - `end`: a party leaves the table;
 * - `text`: the mediator puts a candidate text to the parties (single text);
 * - `vote`: a party scores a candidate text (negative = veto; seen by the mediator only);
 * - `adopt`: the mediator makes a text the current one (single text);
 * - `ratify`: the mediator asks the parties to sign the current text;
 * - `propose`: the mediator's private proposal to one party (shuttle);
 * - `counter`: a party's private counter-proposal to the mediator (shuttle).
 */
export type EventKind =
  | 'offer'
  | 'accept'
  | 'reject'
  | 'end'
  | 'text'
  | 'vote'
  | 'adopt'
  | 'ratify'
  | 'propose'
  | 'counter';

export const EVENT_KINDS: readonly EventKind[] = [
  'offer',
  'accept',
  'reject',
  'end',
  'text',
  'vote',
  'adopt',
  'ratify',
  'propose',
  'counter',
];
const CODE: Readonly<Record<EventKind, number>> = Object.fromEntries(
  EVENT_KINDS.map((k, i) => [k, i]),
) as Record<EventKind, number>;

/** Actor/recipient code of the mediator. */
export const MEDIATOR = -1;
/** Recipient code of an event every party sees. */
export const EVERYONE = -2;

/** One event of a trace, as plain data. */
export interface TraceEvent {
  readonly turn: number;
  readonly round: number;
  /** Normalised time in [0, 1). */
  readonly time: number;
  /** Seat name, or the mediator's name. */
  readonly actor: string;
  readonly action: EventKind;
  /** Who may see it when not everyone: a seat name, or the mediator's name. */
  readonly to?: string;
  readonly outcome?: Outcome;
  /** A vote's score. */
  readonly score?: number;
}

/**
 * The events of a negotiation in growable typed arrays (no object per event); protocols push,
 * {@link traceEvents} turns them into {@link TraceEvent}s when someone asks. Reused across runs.
 */
export class TraceBuffer {
  length = 0;
  kinds = new Uint8Array(64);
  actors = new Int16Array(64);
  targets = new Int16Array(64);
  turns = new Int32Array(64);
  rounds = new Int32Array(64);
  times = new Float64Array(64);
  scores = new Float64Array(64);
  outcomes: (Outcome | undefined)[] = [];

  reset(): void {
    this.length = 0;
    this.outcomes.length = 0;
  }

  push(
    kind: EventKind,
    actor: number,
    to: number,
    turn: number,
    round: number,
    time: number,
    outcome: Outcome | undefined,
    score = 0,
  ): number {
    const i = this.length;
    if (i === this.kinds.length) this.#grow();
    this.kinds[i] = CODE[kind];
    this.actors[i] = actor;
    this.targets[i] = to;
    this.turns[i] = turn;
    this.rounds[i] = round;
    this.times[i] = time;
    this.scores[i] = score;
    this.outcomes[i] = outcome;
    this.length = i + 1;
    return i;
  }

  kind(i: number): EventKind {
    return EVENT_KINDS[this.kinds[i] as number] as EventKind;
  }

  #grow(): void {
    const cap = this.kinds.length * 2;
    const grow = <T extends Uint8Array | Int16Array | Int32Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.actors = grow(this.actors, (n) => new Int16Array(n));
    this.targets = grow(this.targets, (n) => new Int16Array(n));
    this.turns = grow(this.turns, (n) => new Int32Array(n));
    this.rounds = grow(this.rounds, (n) => new Int32Array(n));
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.scores = grow(this.scores, (n) => new Float64Array(n));
  }
}

/** The events one negotiator may see, as indices into a {@link TraceBuffer}. */
export class Channel {
  readonly ids: number[] = [];

  get length(): number {
    return this.ids.length;
  }

  reset(): void {
    this.ids.length = 0;
  }

  add(event: number): void {
    this.ids.push(event);
  }
}

/** The read-only {@link OfferLog} over one channel; holds nothing that can change the trace. */
export class ChannelLog implements OfferLog {
  readonly #trace: TraceBuffer;
  readonly #channel: Channel;

  constructor(trace: TraceBuffer, channel: Channel) {
    this.#trace = trace;
    this.#channel = channel;
  }

  get length(): number {
    return this.#channel.length;
  }

  #event(k: number): number {
    if (!(k >= 0 && k < this.#channel.length)) {
      throw new ConcordError('out-of-range', `history has ${this.#channel.length} entries, asked for ${k}`);
    }
    return this.#channel.ids[k] as number;
  }

  outcome(k: number): Outcome {
    return this.#trace.outcomes[this.#event(k)] as Outcome;
  }

  from(k: number): number {
    return this.#trace.actors[this.#event(k)] as number;
  }

  turn(k: number): number {
    return this.#trace.turns[this.#event(k)] as number;
  }

  time(k: number): number {
    return this.#trace.times[this.#event(k)] as number;
  }
}

/** The buffer's events as plain data, naming seats by `names` and the mediator by `mediator`. */
export function traceEvents(trace: TraceBuffer, names: readonly string[], mediator: string): TraceEvent[] {
  const who = (code: number): string => (code === MEDIATOR ? mediator : (names[code] ?? `seat ${code}`));
  const out: TraceEvent[] = [];
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kind(i);
    const to = trace.targets[i] as number;
    const outcome = trace.outcomes[i];
    out.push({
      turn: trace.turns[i] as number,
      round: trace.rounds[i] as number,
      time: trace.times[i] as number,
      actor: who(trace.actors[i] as number),
      action: kind,
      ...(to !== EVERYONE ? { to: who(to) } : {}),
      ...(outcome ? { outcome: Array.from(outcome) } : {}),
      ...(kind === 'vote' ? { score: trace.scores[i] as number } : {}),
    });
  }
  return out;
}
