import { fail, ok, type Problem, type ProblemCode, type Result } from '../../core/errors.js';

/** 1-based line and column of a character offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps character offsets of `text` to 1-based line:column (lines end at `\n`; a column counts
 * UTF-16 code units, so a tab is one column), by binary search over the line starts.
 */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] as number) + 1 };
  };
}

/**
 * Collects the located problems and warnings of one input file, so a parser reports every
 * problem it finds (not only the first) and turns them into a {@link Result} in one place.
 */
export class Diagnostics {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly file: string;
  readonly #at: (offset: number) => Position;

  constructor(file: string, text: string) {
    this.file = file;
    this.#at = lineIndex(text);
  }

  at(offset: number): Position {
    return this.#at(offset);
  }

  /** A problem that makes the input unusable. */
  error(code: ProblemCode, message: string, offset: number): void {
    this.problems.push({ code, message, file: this.file, ...this.#at(offset) });
  }

  /** Something accepted (as GENIUS accepts it) that the user should know about. */
  warn(code: ProblemCode, message: string, offset: number): void {
    this.warnings.push({ code, message, file: this.file, ...this.#at(offset) });
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** The problems found so far, in file order, as a failed result (call only when {@link failed}). */
  failure<T>(): Result<T> {
    return fail(inFileOrder(this.problems));
  }

  /** `value()` when no problem was found, otherwise every problem (both lists in file order). */
  result<T>(value: () => T): Result<T> {
    return this.problems.length > 0 ? this.failure() : ok(value(), inFileOrder(this.warnings));
  }
}

function inFileOrder(ps: readonly Problem[]): Problem[] {
  return [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Merges warnings of several results into one list (for loaders combining parsers). */
export function warningsOf(results: readonly Result<unknown>[]): Problem[] {
  const out: Problem[] = [];
  for (const r of results) if (r.ok && r.warnings) out.push(...r.warnings);
  return out;
}

/**
 * Runs a parser and turns an unexpected exception (a bug, never expected for any input) into a
 * located problem, so callers get a {@link Result} whatever happens, never a stack trace.
 */
export function guarded<T>(file: string, parse: () => Result<T>): Result<T> {
  try {
    return parse();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail([
      fileProblem('internal-error', `could not read this file (${why}); please report this`, file),
    ]);
  }
}

/** A problem about a whole file (no position inside it known): line 1, column 1. */
export function fileProblem(code: ProblemCode, message: string, file: string): Problem {
  return { code, message, file, line: 1, column: 1 };
}
