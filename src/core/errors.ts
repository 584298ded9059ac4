/**
 * Three kinds of failure (STYLE.md): bad input → a list of located {@link Problem}s; misuse → a
 * {@link ConcordError} with a code; "no answer" → an ordinary return value.
 */

/**
 * Every code a {@link Problem} or a {@link ConcordError} carries: a closed list, so a program can
 * switch on them and a new code is added here, once, on purpose.
 */
export const PROBLEM_CODES = [
  'agents-mismatch',
  'bad-agent',
  'bad-bounds',
  'bad-cap',
  'bad-deadline',
  'bad-evaluator',
  'bad-event',
  'bad-event-effect',
  'bad-job-result',
  'bad-json-shape',
  'bad-level',
  'bad-locator',
  'bad-number',
  'bad-option',
  'bad-outcome',
  'bad-override',
  'bad-parameter',
  'bad-point',
  'bad-queue-url',
  'bad-range',
  'bad-rectangle',
  'bad-repetitions',
  'bad-reservation',
  'bad-result-line',
  'bad-scalar',
  'bad-scale',
  'bad-seed',
  'bad-settings',
  'bad-steps',
  'bad-tallies',
  'bad-utility',
  'bad-variant',
  'bad-weight',
  'bound-on-non-integer',
  'bounds-mismatch',
  'cap-changed',
  'conflicting-draft',
  'conflicting-issue-type',
  'constraint-kind',
  'copied-sentence',
  'discount-changed',
  'discount-out-of-range',
  'domain-mismatch',
  'duplicate-id',
  'duplicate-index',
  'duplicate-issue',
  'duplicate-option',
  'duplicate-party',
  'duplicate-profile',
  'duplicate-red-line',
  'duplicate-results',
  'duplicate-scenario',
  'duplicate-strategy',
  'duplicate-value',
  'duplicate-weight',
  'empty-attribute',
  'empty-bound',
  'empty-condition',
  'empty-file',
  'empty-issue',
  'empty-range',
  'empty-space',
  'figure-elsewhere',
  'figure-not-in-source',
  'file-not-found',
  'file-unreadable',
  'genius-export',
  'id-collision',
  'ignored-element',
  'ignored-ftype',
  'internal',
  'internal-error',
  'interrupted',
  'invalid',
  'invalid-value',
  'issue-discretised',
  'issue-name-mismatch',
  'issue-type-mismatch',
  'job-failed',
  'json-syntax',
  'linear-both',
  'linear-incomplete',
  'linear-vertical',
  'mediator-seated',
  'misquote',
  'missing-attribute',
  'missing-bounds',
  'missing-cost',
  'missing-element',
  'missing-evaluation',
  'missing-evaluator',
  'missing-issue',
  'missing-key',
  'missing-kind',
  'missing-score',
  'missing-values',
  'missing-weight',
  'multiple-domains',
  'negative-evaluation',
  'negative-weight',
  'no-deadline',
  'no-domain',
  'no-issues',
  'no-parties',
  'no-preferences',
  'no-record',
  'no-resolver',
  'no-scenarios',
  'no-strategies',
  'non-standard-attribute',
  'not-a-genius-domain',
  'not-a-genius-profile',
  'not-additive',
  'not-found',
  'not-numeric',
  'numeric-bound',
  'out-of-range',
  'partial-result',
  'queue-lost',
  'queue-unreachable',
  'quote-elsewhere',
  'range-mismatch',
  'red-line-dropped',
  'results-exist',
  'results-locked',
  'role-dropped',
  'scenario-differs',
  'source-missing',
  'table-too-large',
  'tally-incomplete',
  'too-big',
  'too-few-parties',
  'too-few-profiles',
  'too-few-strategies',
  'too-many-completions',
  'too-many-outcomes',
  'too-small',
  'uneven-range',
  'unknown-assumption',
  'unknown-draft',
  'unknown-folder',
  'unknown-format',
  'unknown-issue',
  'unknown-issue-index',
  'unknown-issue-type',
  'unknown-key',
  'unknown-kind',
  'unknown-level',
  'unknown-lever',
  'unknown-parameter',
  'unknown-party',
  'unknown-profile',
  'unknown-protocol',
  'unknown-reference',
  'unknown-strategy',
  'unknown-utility-space-type',
  'unknown-value',
  'unreadable-folder',
  'unsorted-points',
  'unsupported-aggregation',
  'unsupported-evaluator',
  'unsupported-excludes',
  'unsupported-nested-ufun',
  'unsupported-profile',
  'unused-weight',
  'utility-conflict',
  'value-kind',
  'value-outside-range',
  'weight-sum',
  'wrong-party-count',
  'wrong-type',
  'xml-declaration-not-first',
  'xml-multiple-roots',
  'xml-syntax',
  'xml-too-deep',
  'yaml-alias',
  'yaml-syntax',
  'yaml-warning',
  'zero-evaluations',
  'zero-weights',
] as const;

/** A stable machine code: one of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with a user's input, with where it is. */
export interface Problem {
  /** Stable machine code, e.g. `unknown-issue`, `xml-syntax`, `negative-weight`. */
  readonly code: ProblemCode;
  /** Human sentence, without the location. */
  readonly message: string;
  /** Path into the document, e.g. `['parties', 1, 'weights', 'price']`. */
  readonly path?: readonly (string | number)[];
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
}

/** Either a value, or every problem found while trying to make it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T, warnings?: readonly Problem[]): Result<T> =>
  warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
export const fail = <T = never>(problems: readonly Problem[]): Result<T> => ({ ok: false, problems });

/** Renders a problem as `file:line:column: message` (parts omitted when unknown). */
export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined)
    where += `${where ? ':' : ''}${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
  const path = p.path && p.path.length > 0 ? formatPath(p.path) : '';
  const loc = where || path;
  const extra = where && path ? ` (at ${path})` : '';
  return `${loc ? `${loc}: ` : ''}${p.message}${extra}`;
}

/** `['parties', 1, 'weights']` → `parties[1].weights`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** Misuse of the library (a programming error, not a user's data error). */
export class ConcordError extends Error {
  readonly code: ProblemCode;
  constructor(code: ProblemCode, message: string) {
    super(message);
    this.name = 'ConcordError';
    this.code = code;
  }
}

/** Thrown by loaders when a user's input is unusable; carries every problem found. */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}
