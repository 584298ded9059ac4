import { ConcordError } from '../core/errors.js';
import { type Issue, type IssueValue, issueIndexOf, issueSize, issueValueAt } from './issue.js';

/**
 * The cartesian product of the issues. An outcome is stored compactly as the value index of each
 * issue (`Outcome`), and, when the space has at most 2^53 outcomes, as one mixed-radix number
 * (issue 0 most significant, so numeric order is enumeration order).
 */
export interface OutcomeSpace {
  readonly issues: readonly Issue[];
  /** Values per issue. */
  readonly sizes: readonly number[];
  /** Exact number of outcomes. */
  readonly count: bigint;
  /** `count` as a number (may be inexact above 2^53; use `count` then). */
  readonly countNumber: number;
  /** Mixed-radix place values (issue 0 most significant); valid when `count <= 2^53`. */
  readonly strides: readonly number[];
}

/** Value indices, one per issue. */
export type Outcome = readonly number[];

/** An outcome with its values spelled out, keyed by issue name. */
export type NamedOutcome = Readonly<Record<string, IssueValue>>;

export function createSpace(issues: readonly Issue[]): OutcomeSpace {
  const sizes = issues.map(issueSize);
  let count = 1n;
  for (const s of sizes) count *= BigInt(s);
  const strides = new Array<number>(sizes.length);
  let stride = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= sizes[i] as number;
  }
  return { issues, sizes, count, countNumber: Number(count), strides };
}

/** Whether outcomes can be addressed by a single safe integer. */
export function isIndexable(space: OutcomeSpace): boolean {
  return space.count <= BigInt(Number.MAX_SAFE_INTEGER);
}

export function encodeOutcome(space: OutcomeSpace, outcome: Outcome): number {
  let k = 0;
  for (let i = 0; i < outcome.length; i++) k += (outcome[i] as number) * (space.strides[i] as number);
  return k;
}

export function decodeOutcome(space: OutcomeSpace, k: number, into?: number[]): number[] {
  const out = into ?? new Array<number>(space.sizes.length);
  for (let i = 0; i < space.sizes.length; i++) {
    const stride = space.strides[i] as number;
    const v = Math.floor(k / stride);
    out[i] = v;
    k -= v * stride;
  }
  return out;
}

/** Spells an outcome out by issue name. */
export function nameOutcome(space: OutcomeSpace, outcome: Outcome): NamedOutcome {
  const named: Record<string, IssueValue> = {};
  space.issues.forEach((issue, i) => {
    named[issue.name] = issueValueAt(issue, outcome[i] as number);
  });
  return named;
}

/**
 * Reads a named (possibly partial) outcome. Returns the value index per issue, -1 where the
 * issue is not given. Throws {@link ConcordError} for an unknown issue or value; user input is
 * validated before this in the io layer.
 */
export function indexOutcome(space: OutcomeSpace, named: NamedOutcome): number[] {
  const out = space.issues.map(() => -1);
  for (const [name, value] of Object.entries(named)) {
    const i = space.issues.findIndex((x) => x.name === name);
    if (i < 0) throw new ConcordError('unknown-issue', `no issue named "${name}"`);
    const v = issueIndexOf(space.issues[i] as Issue, value);
    if (v < 0)
      throw new ConcordError('unknown-value', `issue "${name}" has no value ${JSON.stringify(value)}`);
    out[i] = v;
  }
  return out;
}

/** Calls `fn` for every outcome in enumeration order (last issue fastest). Reuses the array. */
export function forEachOutcome(space: OutcomeSpace, fn: (outcome: Outcome) => void): void {
  const n = space.sizes.length;
  if (space.sizes.some((s) => s === 0)) return;
  const o = new Array<number>(n).fill(0);
  for (;;) {
    fn(o);
    let i = n - 1;
    while (i >= 0) {
      const next = (o[i] as number) + 1;
      if (next < (space.sizes[i] as number)) {
        o[i] = next;
        break;
      }
      o[i] = 0;
      i--;
    }
    if (i < 0) return;
  }
}
