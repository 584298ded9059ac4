import type { RedLine } from '../preferences/red-line.js';
import type { UtilityFunction } from '../preferences/utility.js';

export type PartyRole = 'principal' | 'mediator' | 'stakeholder';

/**
 * One side at the table (or beside it).
 *
 * @example
 * { name: 'Buyer', role: 'principal', utility, reservationValue: 0.4, redLines: [] }
 */
export interface Party {
  readonly name: string;
  readonly role: PartyRole;
  readonly utility: UtilityFunction;
  /** Utility of walking away (the BATNA); outcomes below it are not rational for this party. */
  readonly reservationValue: number;
  /** Per-unit-time discount of utility (GENIUS semantics); 1 = none. Analysis ignores it (time 0). */
  readonly discountFactor?: number;
  readonly redLines: readonly RedLine[];
  readonly description?: string;
  /** Where the party came from (e.g. the GENIUS profile file). */
  readonly source?: string;
}
