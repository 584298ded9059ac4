import type { Issue } from '../outcomes/issue.js';
import type { Party } from './party.js';

/**
 * A negotiation: issues (the outcome space) and parties (2 or more).
 *
 * Later issues extend this with evidence, assumptions, drafts, events and levers.
 */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly issues: readonly Issue[];
  readonly parties: readonly Party[];
  /** Where it was read from (file or folder), for messages. */
  readonly source?: string;
}
