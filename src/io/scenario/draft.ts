import type { Problem, ProblemCode } from '../../core/errors.js';
import type { Locator, Target } from './locate.js';

export type Path = readonly (string | number)[];

/** A problem before it has a file position: where it points (`target`) and whether it is fatal. */
export interface Draft {
  readonly code: ProblemCode;
  readonly message: string;
  readonly path: Path;
  /** `key` for unknown keys and names, `parent` for missing keys; default `value`. */
  readonly target?: Target;
  readonly warning?: boolean;
}

/** Gives drafts their file, line and column; sorts by position (stable, so ties keep their order). */
export function locateAll(drafts: readonly Draft[], file: string, locator: Locator): Problem[] {
  const located = drafts.map((d) => {
    const { line, column } = locator.at(d.path, d.target ?? 'value');
    return { code: d.code, message: d.message, path: [...d.path], file, line, column } satisfies Problem;
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}
