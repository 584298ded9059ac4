/**
 * Three kinds of failure (STYLE.md): bad input → a list of located {@link Problem}s; misuse → a
 * {@link ConcordError} with a code; "no answer" → an ordinary return value.
 */

/** One thing wrong with a user's input, with where it is. */
export interface Problem {
  /** Stable machine code, e.g. `unknown-issue`, `xml-syntax`, `negative-weight`. */
  readonly code: string;
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
  readonly code: string;
  constructor(code: string, message: string) {
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
