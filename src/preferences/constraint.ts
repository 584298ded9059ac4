import type { Condition } from './red-line.js';

/**
 * A feasibility constraint of the outcome space: a combination of issue values that cannot
 * happen (or one that must), whoever is asked. It is not a party's red line: no party can drop
 * it, concede it or bluff about it, and crossing it is not a rejection by anyone but an
 * impossible outcome. Analysis treats it exactly like a red line held by nobody: outcomes that
 * match `forbid` are left out of the zone, the frontier, the solutions and draft completions.
 *
 * `kind` records how the file said it: `forbid` (impossible combination) or `require` (a
 * combination that must hold; then `forbid` is its negation).
 *
 * @example
 * // a region cannot be Ukrainian if Ukraine withdraws fully from it
 * { id: 'full-withdrawal-cedes', kind: 'forbid',
 *   forbid: { all: [{ issue: 'withdrawal', in: ['full'] }, { issue: 'Donetsk', in: ['Ukrainian'] }] } }
 */
export interface FeasibilityConstraint {
  readonly id: string;
  readonly description?: string;
  readonly kind: 'forbid' | 'require';
  /** The outcomes it rules out (for `require`: `{ not: <the required condition> }`). */
  readonly forbid: Condition;
  /** The condition as written under `require`, when so given. */
  readonly require?: Condition;
}

/** The condition a constraint was written with (`require` or `forbid`). */
export function constraintCondition(c: FeasibilityConstraint): Condition {
  return c.kind === 'require' && c.require ? c.require : c.forbid;
}
