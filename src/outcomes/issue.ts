/**
 * An issue is one dimension of the outcome space. Every issue has a finite list of values,
 * addressed by index 0..size-1; the compact outcome encoding stores those indices.
 *
 * - `discrete`: named options, e.g. `{ kind: 'discrete', name: 'NATO', values: ['member', 'never'] }`.
 * - `integer`: `min..max` in steps of `step` (default 1), e.g. an armed-forces cap.
 * - `real`: a continuous range `[min, max]`; analysis works on `resolution` evenly spaced points
 *   (default 11, ends included) and says so in its output.
 */
export type Issue = DiscreteIssue | IntegerIssue | RealIssue;

export interface DiscreteIssue {
  readonly kind: 'discrete';
  readonly name: string;
  readonly values: readonly string[];
  readonly description?: string;
}

export interface IntegerIssue {
  readonly kind: 'integer';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Distance between consecutive values; default 1. */
  readonly step?: number;
  readonly unit?: string;
  readonly description?: string;
}

export interface RealIssue {
  readonly kind: 'real';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Number of grid points analysis uses (ends included); default 11. */
  readonly resolution?: number;
  readonly unit?: string;
  readonly description?: string;
}

export type IssueValue = string | number;

export const DEFAULT_REAL_RESOLUTION = 11;

/** Number of values of an issue (for `real`, of its analysis grid). */
export function issueSize(issue: Issue): number {
  switch (issue.kind) {
    case 'discrete':
      return issue.values.length;
    case 'integer':
      return Math.floor((issue.max - issue.min) / (issue.step ?? 1)) + 1;
    case 'real':
      return issue.max === issue.min ? 1 : (issue.resolution ?? DEFAULT_REAL_RESOLUTION);
  }
}

/** The value at index `i` (0-based). */
export function issueValueAt(issue: Issue, i: number): IssueValue {
  switch (issue.kind) {
    case 'discrete':
      return issue.values[i] as string;
    case 'integer':
      return issue.min + i * (issue.step ?? 1);
    case 'real': {
      const n = issueSize(issue);
      return n === 1
        ? issue.min
        : i === n - 1
          ? issue.max
          : issue.min + ((issue.max - issue.min) * i) / (n - 1);
    }
  }
}

/** Numeric position of value `i` (the value itself for numeric issues, the index for discrete). */
export function issueNumberAt(issue: Issue, i: number): number {
  const v = issueValueAt(issue, i);
  return typeof v === 'number' ? v : i;
}

/**
 * Index of a value, or -1 when it is not one of the issue's values. Numeric values must lie on
 * the grid (integer: a step from min; real: within 1e-9 of a grid point).
 */
export function issueIndexOf(issue: Issue, value: IssueValue): number {
  switch (issue.kind) {
    case 'discrete':
      return typeof value === 'string' ? issue.values.indexOf(value) : -1;
    case 'integer': {
      const x = typeof value === 'number' ? value : Number(value);
      const step = issue.step ?? 1;
      if (!Number.isFinite(x) || x < issue.min || x > issue.max) return -1;
      const k = (x - issue.min) / step;
      return Number.isInteger(k) ? k : -1;
    }
    case 'real': {
      const x = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(x)) return -1;
      const n = issueSize(issue);
      for (let i = 0; i < n; i++) {
        if (Math.abs((issueValueAt(issue, i) as number) - x) <= 1e-9 * Math.max(1, Math.abs(x))) return i;
      }
      return -1;
    }
  }
}

export function isNumericIssue(issue: Issue): issue is IntegerIssue | RealIssue {
  return issue.kind !== 'discrete';
}
