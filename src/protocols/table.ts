import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { isIndexable, type Outcome, type OutcomeSpace } from '../outcomes/space.js';
import { type AnalysisProblem, prepareProblem } from '../preferences/problem.js';
import { OutcomeCache } from './outcome-cache.js';
import { OWN_PREFERENCES_DEFAULTS, type OwnPreferences, ownPreferences } from './own-preferences.js';

/** Options of {@link prepareTable}; every field has a default. */
export interface TableOptions {
  /**
   * Names of the parties who negotiate, in seat order. Default: every party with role
   * `principal`; when fewer than two, every party that is not a mediator.
   */
  readonly parties?: readonly string[];
  /**
   * Who mediates in `single-text` and `shuttle`: a party's name, or `neutral`. Default: the first
   * party with role `mediator` that is not seated, else a neutral mediator (no preferences).
   */
  readonly mediator?: string;
  /** Largest space indexed exhaustively per party; default 1,000,000 outcomes. */
  readonly indexLimit?: number;
}

/** The mediator of a table: a neutral one, or a party of the scenario with its own preferences. */
export interface MediatorSeat {
  readonly name: string;
  /** Index of the mediating party in `scenario.parties`; undefined for a neutral mediator. */
  readonly party: number | undefined;
}

/**
 * A scenario made ready to negotiate: the compiled problem, who sits at the table, and each seated
 * party's {@link OwnPreferences}. Prepared once and cached per scenario object, then shared by every
 * run (building the outcome indexes is the expensive part; a run only reads them).
 */
export interface NegotiationTable {
  readonly scenario: Scenario;
  readonly problem: AnalysisProblem;
  readonly space: OutcomeSpace;
  /** Index in `scenario.parties` of the party in each seat. */
  readonly seats: readonly number[];
  /** Names of the seated parties, in seat order. */
  readonly names: readonly string[];
  /** Each seated party's own preferences, in seat order. */
  readonly prefs: readonly OwnPreferences[];
  readonly mediator: MediatorSeat;
  /** The mediating party's own preferences (built on first use); undefined for a neutral mediator. */
  mediatorPreferences(): OwnPreferences | undefined;
  /**
   * True when the outcome crosses no seated party's red line. Red lines are declared: mediators
   * (single text, shuttle) never put forward a text that crosses one when they can avoid it.
   */
  admissible(outcome: Outcome): boolean;
}

interface Prepared {
  readonly problem: AnalysisProblem;
  readonly cache: OutcomeCache | undefined;
  readonly prefs: Map<string, OwnPreferences>;
  readonly tables: Map<string, NegotiationTable>;
}

const prepared = new WeakMap<Scenario, Prepared>();

function preparedFor(scenario: Scenario): Prepared {
  let p = prepared.get(scenario);
  if (!p) {
    const problem = prepareProblem(scenario);
    p = {
      problem,
      cache: isIndexable(problem.space) ? new OutcomeCache(problem.space) : undefined,
      prefs: new Map(),
      tables: new Map(),
    };
    prepared.set(scenario, p);
  }
  return p;
}

function prefsOf(scenario: Scenario, p: Prepared, party: number, indexLimit: number): OwnPreferences {
  const key = `${party}:${indexLimit}`;
  let own = p.prefs.get(key);
  if (!own) {
    const compiled = p.problem.parties[party] as AnalysisProblem['parties'][number];
    own = ownPreferences(p.problem.space, compiled, scenario.parties[party]?.discountFactor ?? 1, {
      indexLimit,
      ...(p.cache ? { cache: p.cache } : {}),
    });
    p.prefs.set(key, own);
  }
  return own;
}

function partyIndex(scenario: Scenario, name: string, what: string): number {
  const i = scenario.parties.findIndex((p) => p.name === name);
  if (i < 0) {
    throw new ConcordError(
      'unknown-party',
      `${what}: no party named "${name}" (parties: ${scenario.parties.map((p) => p.name).join(', ')})`,
    );
  }
  return i;
}

/** Who sits at the table by default: the principals, or everyone but mediators. */
export function defaultSeats(scenario: Scenario): number[] {
  const idx = scenario.parties.map((_, i) => i);
  const principals = idx.filter((i) => scenario.parties[i]?.role === 'principal');
  return principals.length >= 2 ? principals : idx.filter((i) => scenario.parties[i]?.role !== 'mediator');
}

/**
 * Prepares (or fetches from the cache) the negotiation table of a scenario. Throws
 * {@link ConcordError} on misuse: an unknown party (`unknown-party`), fewer than two seated
 * parties (`too-few-parties`), a seated mediator (`mediator-seated`).
 *
 * @example
 * const table = prepareTable(scenario); // principals seated; role 'mediator' mediates
 * table.names; // ['Drivers' union', 'Bus company']
 */
export function prepareTable(scenario: Scenario, options: TableOptions = {}): NegotiationTable {
  const p = preparedFor(scenario);
  const indexLimit = options.indexLimit ?? OWN_PREFERENCES_DEFAULTS.indexLimit;
  const key = JSON.stringify([options.parties ?? null, options.mediator ?? null, indexLimit]);
  const cached = p.tables.get(key);
  if (cached) return cached;

  const seats = options.parties
    ? options.parties.map((n) => partyIndex(scenario, n, 'parties'))
    : defaultSeats(scenario);
  if (new Set(seats).size !== seats.length)
    throw new ConcordError('duplicate-party', 'a party is seated twice');
  if (seats.length < 2) {
    throw new ConcordError(
      'too-few-parties',
      `a negotiation needs 2 or more parties at the table, got ${seats.length}`,
    );
  }
  let mediator: MediatorSeat = { name: 'mediator', party: undefined };
  if (options.mediator !== undefined && options.mediator !== 'neutral') {
    const m = partyIndex(scenario, options.mediator, 'mediator');
    if (seats.includes(m)) {
      throw new ConcordError('mediator-seated', `"${options.mediator}" cannot both negotiate and mediate`);
    }
    mediator = { name: options.mediator, party: m };
  } else if (options.mediator === undefined) {
    const m = scenario.parties.findIndex((q, i) => q.role === 'mediator' && !seats.includes(i));
    if (m >= 0) mediator = { name: scenario.parties[m]?.name ?? 'mediator', party: m };
  }
  const prefs = seats.map((i) => prefsOf(scenario, p, i, indexLimit));
  const anyRedLines = seats.some((i) => (scenario.parties[i]?.redLines.length ?? 0) > 0);
  const table: NegotiationTable = Object.freeze({
    scenario,
    problem: p.problem,
    space: p.problem.space,
    seats: Object.freeze(seats),
    names: Object.freeze(seats.map((i) => scenario.parties[i]?.name ?? `party ${i}`)),
    prefs: Object.freeze(prefs),
    mediator: Object.freeze(mediator),
    mediatorPreferences: () =>
      mediator.party === undefined ? undefined : prefsOf(scenario, p, mediator.party, indexLimit),
    admissible: anyRedLines
      ? (o: Outcome) => {
          for (let i = 0; i < prefs.length; i++) if (!(prefs[i] as OwnPreferences).permits(o)) return false;
          return true;
        }
      : () => true,
  });
  p.tables.set(key, table);
  return table;
}
