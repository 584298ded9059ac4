import type { Outcome } from '../outcomes/space.js';
import { compromise, Neighbourhood } from './mediator.js';
import {
  checkedOutcome,
  checkedResponse,
  failure,
  IllegalAction,
  type Protocol,
  type Session,
  type SessionEnd,
  type SessionInput,
} from './session.js';
import { Channel, ChannelLog, EVERYONE, MEDIATOR } from './trace.js';
import { type EndCounts, TurnSession } from './turn-session.js';
import {
  type Negotiator,
  type OfferLog,
  type OwnPreferences,
  SINGLE_TEXT_VARIANTS,
  type SingleTextVariant,
} from './types.js';

/** Neighbourhoods up to this size are searched exhaustively; larger ones are sampled. */
const FULL = 4096;
/** Candidates a hill-climbing mediator puts to the parties per round when it cannot try them all. */
const BATCH = 64;
/** Rounds without an improvement before a sampling mediator stops drafting. */
const PATIENCE = 3;

/**
 * The single negotiating text (Raiffa; the Camp David procedure). In the first round the mediator
 * hears each party's opening position privately and drafts the first text from them (the
 * {@link compromise} a shuttle mediator would propose). Then each round it drafts one revision: candidates that change one issue are put to the parties, who score them against the
 * current text (a negative score is a veto). `veto`: the first candidate nobody vetoes and
 * someone gains from is adopted. `hill-climbing`: the parties score a batch and the mediator
 * adopts the Pareto improvement with the largest total score (or, for a mediator with
 * preferences, the one it likes best). Texts crossing a seated party's (declared) red line are
 * not tabled. When no single-issue change helps someone without hurting another (a local Pareto
 * optimum), and in the last round, the mediator asks the parties to sign; if anyone refuses, it
 * hears their positions again and redrafts (parties criticise, the mediator revises).
 */
class SingleTextSession extends TurnSession {
  readonly #variant: SingleTextVariant;
  readonly #channel = new Channel();
  readonly #log: OfferLog;
  readonly #hood: Neighbourhood;
  readonly #mediator: OwnPreferences | undefined;
  #text: Outcome | undefined = undefined;
  #drafting = true;
  #failures = 0;
  #acting = 0;

  constructor(input: SessionInput) {
    // One mediator move per turn: a round is a turn.
    super('single-text', input, 1);
    this.#variant = input.variant ?? 'veto';
    this.#log = new ChannelLog(input.trace, this.#channel);
    this.#hood = new Neighbourhood(input.table.space);
    this.#mediator = input.table.mediatorPreferences();
  }

  /** Every party's position (seen by the mediator only), then a fresh draft from them. */
  #open(): void {
    const { table, trace, negotiators } = this.input;
    const m = this.m;
    const positions: Outcome[] = [];
    for (let s = 0; s < negotiators.length; s++) {
      this.#acting = s;
      const view = this.view(s, this.#log);
      const p = (negotiators[s] as Negotiator).propose(view);
      // Leaving before the talks start is allowed; the others' positions still make the draft.
      if (p === 'end') continue;
      const position = checkedOutcome(table, s, p, 'propose');
      trace.push('counter', s, MEDIATOR, m.turn, m.round, m.time, position);
      positions.push(position);
    }
    const first =
      positions.length > 0
        ? compromise(table.space, positions, this.input.rng, this.#mediator, table.admissible)
        : Object.freeze(table.space.sizes.map((size) => this.input.rng.int(0, size - 1)));
    this.#text = first;
    this.#channel.add(trace.push('adopt', MEDIATOR, EVERYONE, m.turn, m.round, m.time, first));
  }

  // Any end but the deadline counts the turn (= round) it happened on.
  protected counts(reason: SessionEnd['reason']): EndCounts {
    const n = reason === 'deadline' ? this.m.turn : this.m.turn + 1;
    return { turns: n, rounds: n };
  }

  protected move(t: number): boolean {
    const m = this.m;
    m.round = m.turn;
    m.text = this.#text;
    const last = this.clock.totalTurns !== undefined && m.turn === this.clock.totalTurns - 1;
    try {
      if (this.#text === undefined) this.#open();
      else if (this.#drafting && !last) this.#draft();
      else if (!this.#ratify()) return false;
    } catch (e) {
      const [reason, message] = failure(e, this.input.table.names[this.#acting] ?? `seat ${this.#acting}`);
      return this.finish(undefined, reason, t, message);
    }
    m.turn++;
    return true;
  }

  /** Candidate neighbour numbers for this round, in the order the mediator tries them. */
  #candidates(): Int32Array {
    const hood = this.#hood;
    const rng = this.input.rng;
    let order: Int32Array;
    if (hood.size <= FULL) order = hood.shuffled(rng);
    else order = Int32Array.from({ length: BATCH * 4 }, () => rng.int(0, hood.size - 1));
    const med = this.#mediator;
    if (med) {
      const text = this.#text as Outcome;
      const score = new Map<number, number>();
      for (const j of order) score.set(j, med.utility(hood.apply(text, j) ?? text));
      order = Int32Array.from([...order].sort((a, b) => (score.get(b) as number) - (score.get(a) as number)));
    }
    if (this.#variant === 'hill-climbing' && order.length > BATCH && hood.size > BATCH)
      order = order.slice(0, BATCH);
    return order;
  }

  /** One round of drafting: adopts at most one revision. */
  #draft(): void {
    const { table, trace, negotiators } = this.input;
    const m = this.m;
    const text = this.#text as Outcome;
    const hill = this.#variant === 'hill-climbing';
    let chosen: Outcome | undefined;
    let chosenKey = Number.NEGATIVE_INFINITY;
    const strict = table.admissible(text);
    for (const j of this.#candidates()) {
      const c = this.#hood.apply(text, j);
      // A mediator does not table a text that crosses a declared red line (unless it must).
      if (!c || (strict && !table.admissible(c))) continue;
      trace.push('text', MEDIATOR, EVERYONE, m.turn, m.round, m.time, c);
      let vetoed = false;
      let gain = false;
      let total = 0;
      for (let s = 0; s < negotiators.length; s++) {
        this.#acting = s;
        const neg = negotiators[s];
        const me = table.prefs[s] as OwnPreferences;
        const raw = neg?.vote ? neg.vote(this.view(s, this.#log), c) : me.utility(c) - me.utility(text);
        if (typeof raw !== 'number' || Number.isNaN(raw)) {
          throw new IllegalAction(
            `${table.names[s]}: vote returned ${JSON.stringify(raw)} (expected a number)`,
          );
        }
        const score = hill ? raw : Math.sign(raw);
        trace.push('vote', s, MEDIATOR, m.turn, m.round, m.time, c, score);
        if (score < 0) vetoed = true;
        if (score > 0) gain = true;
        total += score;
      }
      if (vetoed || !gain) continue;
      const key = this.#mediator ? this.#mediator.utility(c) : total;
      if (!hill) {
        chosen = c;
        break;
      }
      if (key > chosenKey) {
        chosen = c;
        chosenKey = key;
      }
    }
    if (chosen) {
      this.#text = chosen;
      this.#failures = 0;
      this.#channel.add(trace.push('adopt', MEDIATOR, EVERYONE, m.turn, m.round, m.time, chosen));
    } else if ((hill ? this.#hood.size <= BATCH : this.#hood.size <= FULL) || ++this.#failures >= PATIENCE) {
      this.#drafting = false;
    }
  }

  /** Asks every party to sign the text; false when the session ended. */
  #ratify(): boolean {
    const { table, trace, negotiators } = this.input;
    const m = this.m;
    const text = this.#text as Outcome;
    trace.push('ratify', MEDIATOR, EVERYONE, m.turn, m.round, m.time, text);
    let all = true;
    for (let s = 0; s < negotiators.length; s++) {
      this.#acting = s;
      const neg = negotiators[s];
      if (!neg) throw new IllegalAction(`no negotiator in seat ${s}`);
      const view = this.view(s, this.#log);
      const r = checkedResponse(table, s, neg.respond(view, text));
      trace.push(
        r === 'end' ? 'end' : r,
        s,
        EVERYONE,
        m.turn,
        m.round,
        m.time,
        r === 'end' ? undefined : text,
      );
      if (r === 'end') return this.finish(undefined, 'walk-away', m.time);
      if (r === 'reject') all = false;
    }
    if (all) return this.finish(text, 'agreement', m.time);
    // Turned down: next round the mediator hears everyone's position again and redrafts.
    this.#text = undefined;
    this.#drafting = true;
    return true;
  }
}

/** The single negotiating text (NegMAS's VetoST / hill-climbing ST; the Camp David procedure). */
export const singleText: Protocol = Object.freeze({
  name: 'single-text' as const,
  description: 'a mediator drafts one text and revises it until no party can gain without another losing',
  minParties: 2,
  maxParties: Number.POSITIVE_INFINITY,
  mediated: true,
  variants: SINGLE_TEXT_VARIANTS,
  open: (input: SessionInput): Session => new SingleTextSession(input),
});
