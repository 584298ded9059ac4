import type { Issue } from '../outcomes/issue.js';
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
  /** Where it was read from (file or folder), for messages. */
  readonly source?: string;
  /** Evidence, assumptions, drafts, events and levers behind the model (native scenarios). */
  readonly record?: NegotiationRecord;
}
