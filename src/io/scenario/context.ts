import type { ProblemCode } from '../../core/errors.js';
import type { Draft, Path } from './draft.js';
import type { Locator, Target } from './locate.js';

const startsWith = (p: Path, prefix: Path) => prefix.length <= p.length && prefix.every((s, i) => p[i] === s);

/**
 * What the semantic readers share: the problems found so far and the document's positions.
 *
 * `clean(path)` says whether the schema found nothing wrong at or below `path`; only then may a
 * reader treat the raw value there as its schema type (the schema has no transforms, so the raw
 * value *is* a valid input).
 */
export class ReadContext {
  readonly drafts: Draft[] = [];
  readonly #schemaErrors: readonly Path[];
  readonly #locator: Locator;

  constructor(schemaDrafts: readonly Draft[], locator: Locator) {
    this.drafts.push(...schemaDrafts);
    this.#schemaErrors = schemaDrafts.filter((d) => !d.warning).map((d) => d.path);
    this.#locator = locator;
  }

  clean(path: Path): boolean {
    return !this.#schemaErrors.some((p) => startsWith(p, path));
  }

  error(code: ProblemCode, path: Path, message: string, target: Target = 'value'): void {
    this.drafts.push({ code, path, message, target });
  }

  warn(code: ProblemCode, path: Path, message: string, target: Target = 'value'): void {
    this.drafts.push({ code, path, message, target, warning: true });
  }

  /** `line:column` of a path, for messages such as "the first is at 3:11". */
  where(path: Path, target: Target = 'value'): string {
    const { line, column } = this.#locator.at(path, target);
    return `${line}:${column}`;
  }

  get failed(): boolean {
    return this.drafts.some((d) => !d.warning);
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
