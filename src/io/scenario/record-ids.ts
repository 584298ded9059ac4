import type { Scenario } from '../../model/scenario.js';
import type { ReadContext } from './context.js';
import type { Path } from './draft.js';

/** What the readers of record items share: the ids each section declares and the reference check. */
export interface RecordIds {
  readonly ctx: ReadContext;
  readonly scenario: Scenario;
  readonly evidenceIds: Set<string>;
  readonly draftNames: Set<string>;
  readonly leverIds: Set<string>;
  /** Reports every string of `list` not in `pool` as an unknown `what` (with a suggestion). */
  refs(list: unknown, path: Path, pool: Set<string>, what: string): void;
}
