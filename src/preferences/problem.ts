import { ConcordError } from '../core/errors.js';
import type { Issue } from '../outcomes/issue.js';
import { createSpace, type OutcomeSpace } from '../outcomes/space.js';
import { type CompiledCondition, type CompiledUtility, compileCondition, compileUtility } from './compile.js';
import type { FeasibilityConstraint } from './constraint.js';
import type { Condition, RedLine } from './red-line.js';
import type { UtilityFunction } from './utility.js';

/**
 * What compiling needs of a party. The model's `Party` has these fields and more; naming only
 * them keeps this building block below `model/` (imports flow inward).
 */
export interface PartyPreferences {
  readonly name: string;
  readonly utility: UtilityFunction;
  readonly reservationValue: number;
  readonly redLines: readonly RedLine[];
}

/** What compiling needs of a scenario (a model `Scenario` is one): its issues and parties. */
export interface PreferenceScenario {
  readonly name?: string;
  readonly issues: readonly Issue[];
  readonly parties: readonly PartyPreferences[];
  /** Feasibility constraints of the space (links between issues), held by no party. */
  readonly constraints?: readonly FeasibilityConstraint[];
}

/**
 * Party position of a feasibility constraint of the space in {@link AnalysisProblem.redLines}:
 * it belongs to no party, is never dropped or conceded, and makes an outcome impossible.
 */
export const SPACE_CONSTRAINT = -1;

/** A red line made fast, with the party it belongs to. */
export interface CompiledRedLine {
  /** Position of the party in {@link AnalysisProblem.parties}; {@link SPACE_CONSTRAINT} for a constraint of the space. */
  readonly party: number;
  readonly id: string;
  readonly description?: string;
  readonly forbid: Condition;
  readonly condition: CompiledCondition;
}

/** A party made fast for one outcome space. */
export interface CompiledParty {
  readonly name: string;
  readonly utility: UtilityFunction;
  readonly compiled: CompiledUtility;
  /** `tables[i][v]`: issue i's weighted contribution at value v (linear-additive utilities only). */
  readonly tables: readonly Float64Array[] | undefined;
  /** Outcomes below it are not rational for this party (may be -Infinity). */
  readonly reservation: number;
  readonly redLines: readonly CompiledRedLine[];
}

/**
 * What every analysis function works on: the outcome space and the compiled parties. Build it
 * once with {@link prepareProblem} and pass it to several functions to compile only once.
 *
 * @example
 * const problem = prepareProblem(scenario);
 * paretoFrontier(problem).points.length;
 */
export interface AnalysisProblem {
  readonly space: OutcomeSpace;
  readonly parties: readonly CompiledParty[];
  /**
   * Every party's red lines, in party order, then the scenario's feasibility constraints
   * (`party` = {@link SPACE_CONSTRAINT}), so every analysis leaves out what they forbid.
   */
  readonly redLines: readonly CompiledRedLine[];
  /** True when every party's utility is linear-additive (the fast exact paths apply). */
  readonly additive: boolean;
}

/** A scenario (anything with its issues and parties), or a problem already prepared from one. */
export type PreparableInput = PreferenceScenario | AnalysisProblem;

function compileParty(space: OutcomeSpace, party: PartyPreferences, index: number): CompiledParty {
  const compiled = compileUtility(space, party.utility);
  if (typeof party.reservationValue !== 'number' || Number.isNaN(party.reservationValue)) {
    throw new ConcordError(
      'bad-reservation',
      `party "${party.name}" has reservation value ${String(party.reservationValue)}`,
    );
  }
  const redLines = party.redLines.map((r: RedLine): CompiledRedLine => {
    checkCondition(space, r.forbid, party.name, r.id);
    return {
      party: index,
      id: r.id,
      ...(r.description !== undefined ? { description: r.description } : {}),
      forbid: r.forbid,
      condition: compileCondition(space, r.forbid),
    };
  });
  return {
    name: party.name,
    utility: party.utility,
    compiled,
    tables: compiled.tables,
    reservation: party.reservationValue,
    redLines,
  };
}

function checkCondition(space: OutcomeSpace, c: Condition, party: string, id: string): void {
  if ('issue' in c) {
    if (!space.issues.some((x) => x.name === c.issue)) {
      throw new ConcordError('unknown-issue', `red line "${id}" of "${party}" names no issue "${c.issue}"`);
    }
    return;
  }
  const parts = 'not' in c ? [c.not] : 'all' in c ? c.all : c.any;
  for (const p of parts) checkCondition(space, p, party, id);
}

/**
 * Compiles a scenario for analysis. Throws {@link ConcordError} on misuse: fewer than two
 * parties (`too-few-parties`), a red line naming an unknown issue (`unknown-issue`), a
 * reservation value that is not a number (`bad-reservation`).
 */
export function prepareProblem(input: PreparableInput): AnalysisProblem {
  if ('space' in input) return input;
  if (input.parties.length < 2) {
    throw new ConcordError(
      'too-few-parties',
      `analysis needs 2 or more parties, got ${input.parties.length}`,
    );
  }
  const space = createSpace(input.issues);
  const parties = input.parties.map((p, i) => compileParty(space, p, i));
  const constraints = (input.constraints ?? []).map((c): CompiledRedLine => {
    checkCondition(space, c.forbid, 'the space', c.id);
    return {
      party: SPACE_CONSTRAINT,
      id: c.id,
      ...(c.description !== undefined ? { description: c.description } : {}),
      forbid: c.forbid,
      condition: compileCondition(space, c.forbid),
    };
  });
  return {
    space,
    parties,
    redLines: [...parties.flatMap((p) => p.redLines), ...constraints],
    additive: parties.every((p) => p.tables !== undefined),
  };
}

/** Sum of utilities in party order, starting from 0 (NegMAS's `sum`). */
export function welfareOf(utilities: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < utilities.length; i++) s += utilities[i] as number;
  return s;
}
