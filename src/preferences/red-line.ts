import type { IssueValue } from '../outcomes/issue.js';

/**
 * A hard constraint of one party, separate from its utility: an outcome that matches `forbid`
 * is unacceptable to that party whatever its utility.
 *
 * @example
 * // Ukraine: never an armed-forces cap below 800,000
 * { id: 'ua-cap', description: 'no cap below 800,000', forbid: { issue: 'cap', below: 800000 } }
 * // Ukraine: never recognition of Crimea as Russian
 * { id: 'ua-crimea', forbid: { issue: 'crimea', in: ['recognised Russian'] } }
 */
export interface RedLine {
  readonly id: string;
  readonly description?: string;
  readonly forbid: Condition;
}

/**
 * A set of outcomes. Leaf conditions name one issue: `in` / `notIn` list values; `below` /
 * `above` are strict numeric bounds (numeric issues); `atMost` / `atLeast` inclusive ones.
 * Several fields on one leaf must all hold. `all` / `any` / `not` combine.
 */
export type Condition = IssueCondition | AllCondition | AnyCondition | NotCondition;

export interface IssueCondition {
  readonly issue: string;
  readonly in?: readonly IssueValue[];
  readonly notIn?: readonly IssueValue[];
  readonly below?: number;
  readonly above?: number;
  readonly atMost?: number;
  readonly atLeast?: number;
}
export interface AllCondition {
  readonly all: readonly Condition[];
}
export interface AnyCondition {
  readonly any: readonly Condition[];
}
export interface NotCondition {
  readonly not: Condition;
}
