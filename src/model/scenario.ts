import type { Issue } from '../outcomes/issue.js';
import type { FeasibilityConstraint } from '../preferences/constraint.js';
import type { NegotiationRecord } from '../record/types.js';
import type { Party } from './party.js';

/**
 * A negotiation: issues (the outcome space) and parties (2 or more).
 *
 * `record` carries the evidence, assumptions, drafts, events and levers behind the numbers.
 */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly issues: readonly Issue[];
  readonly parties: readonly Party[];
  /**
   * Combinations of issue values that are impossible (or required) whoever is asked — links
   * between issues, not any party's red line. Analysed like red lines nobody can drop.
   */
  readonly constraints?: readonly FeasibilityConstraint[];
  /** Where it was read from (file or folder), for messages. */
  readonly source?: string;
  /** Evidence, assumptions, drafts, events and levers behind the model (native scenarios). */
  readonly record?: NegotiationRecord;
}
