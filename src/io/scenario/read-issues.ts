import { type Issue, issueIndexOf, issueSize, issueValueAt } from '../../outcomes/issue.js';
import { isRecord, type ReadContext } from './context.js';
import type { IssueFile } from './schema.js';
import { closest, list, quote } from './words.js';

/** The issues by name. `issue` is undefined when the issue's own entry has problems. */
export interface IssueEntry {
  readonly index: number;
  readonly issue: Issue | undefined;
}

export interface IssueTable {
  readonly byName: ReadonlyMap<string, IssueEntry>;
  /** Issue names in order (first occurrence of each). */
  readonly names: readonly string[];
  /** The issues, by position; complete only when no issue has problems. */
  readonly issues: readonly (Issue | undefined)[];
}

/** `unknown issue "salry"; did you mean "salary"?` (or the list of issues). */
export function unknownIssue(name: string, table: IssueTable): string {
  const c = closest(name, table.names);
  if (c !== undefined) return `unknown issue ${quote(name)}; did you mean ${quote(c)}?`;
  return `unknown issue ${quote(name)}; the issues are ${list(table.names)}`;
}

/** `options: remote, hybrid, office` / `50000 to 90000 in steps of 5000`, for messages. */
export function describeValues(issue: Issue): string {
  switch (issue.kind) {
    case 'discrete':
      return `options: ${list(issue.values)}`;
    case 'integer':
      return `${issue.min} to ${issue.max}${(issue.step ?? 1) === 1 ? '' : ` in steps of ${issue.step}`}`;
    case 'real':
      return `${issue.min} to ${issue.max}, ${issueSize(issue)} points`;
  }
}

/**
 * Index of a value the author wrote for an issue, or a message saying why it is not one.
 * Discrete issues take option names (a number is read as its text, e.g. a year); numeric issues
 * take numbers on the issue's grid.
 */
export function valueIndex(issue: Issue, value: string | number): number | string {
  if (issue.kind === 'discrete') {
    const v = String(value);
    const i = issue.values.indexOf(v);
    if (i >= 0) return i;
    const c = closest(v, issue.values);
    return `unknown option ${quote(v)} of ${quote(issue.name)}${c !== undefined ? `; did you mean ${quote(c)}?` : ` (${describeValues(issue)})`}`;
  }
  if (typeof value !== 'number')
    return `${quote(issue.name)} is numeric: expected a number, got the text ${quote(value)}`;
  const i = issueIndexOf(issue, value);
  return i >= 0 ? i : `${value} is not a value of ${quote(issue.name)} (${describeValues(issue)})`;
}

/** Reads the `issues` section: checks names, options and ranges, and builds the issues. */
export function readIssues(raw: unknown, ctx: ReadContext): IssueTable {
  const byName = new Map<string, IssueEntry>();
  const names: string[] = [];
  const issues: (Issue | undefined)[] = [];
  if (!Array.isArray(raw)) return { byName, names, issues };
  raw.forEach((item: unknown, i) => {
    const path = ['issues', i];
    const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
    let issue = readIssue(item, path, ctx);
    if (name !== undefined) {
      const first = byName.get(name);
      if (first) {
        ctx.error(
          'duplicate-issue',
          [...path, 'name'],
          `duplicate issue name ${quote(name)}; the first is at ${ctx.where(['issues', first.index, 'name'])}`,
        );
        issue = undefined;
      } else {
        byName.set(name, { index: i, issue });
        names.push(name);
      }
    }
    issues.push(issue);
  });
  return { byName, names, issues };
}

/**
 * Checks one issue. Each check runs when the fields it reads passed the schema, so a bad `step`
 * does not hide `min > max`; the issue is built only when all of it is sound.
 */
function readIssue(item: unknown, path: (string | number)[], ctx: ReadContext): Issue | undefined {
  if (!isRecord(item)) return undefined;
  const clean = (k: string) => ctx.clean([...path, k]);
  let ok = ctx.clean(path);
  if (Array.isArray(item.options)) {
    const seen = new Map<string, number>();
    item.options.forEach((o: unknown, k) => {
      if (typeof o !== 'string') return;
      const first = seen.get(o);
      if (first !== undefined)
        ctx.error(
          'duplicate-option',
          [...path, 'options', k],
          `duplicate option ${quote(o)} of ${quote(String(item.name))}; the first is at ${ctx.where([...path, 'options', first])}`,
        );
      else seen.set(o, k);
    });
    // Kept even with a duplicate (an error already), so references to its options are checked too.
    if (!ok) return undefined;
    const f = item as Extract<IssueFile, { options: unknown }>;
    return { kind: 'discrete', name: f.name, values: f.options, ...describedBy(f) };
  }
  const numeric = item.kind === 'integer' || item.kind === 'real';
  if (numeric && clean('min') && clean('max') && (item.max as number) < (item.min as number)) {
    ctx.error('empty-range', [...path, 'max'], `max ${item.max} is below min ${item.min}`);
    ok = false;
  }
  if (!ok) return undefined;
  const f = item as Exclude<IssueFile, { options: unknown }>;
  const unit = f.unit !== undefined ? { unit: f.unit } : {};
  if (f.kind === 'integer') {
    const issue: Issue = {
      kind: 'integer',
      name: f.name,
      min: f.min,
      max: f.max,
      ...(f.step !== undefined ? { step: f.step } : {}),
      ...unit,
      ...describedBy(f),
    };
    const last = issueValueAt(issue, issueSize(issue) - 1);
    if (last !== f.max)
      ctx.warn(
        'uneven-range',
        [...path, 'max'],
        `max ${f.max} is not a whole number of steps of ${f.step ?? 1} from min ${f.min}; the largest value is ${last}`,
      );
    return issue;
  }
  return {
    kind: 'real',
    name: f.name,
    min: f.min,
    max: f.max,
    ...(f.resolution !== undefined ? { resolution: f.resolution } : {}),
    ...unit,
    ...describedBy(f),
  };
}

const describedBy = (f: { description?: string | undefined }) =>
  f.description !== undefined ? { description: f.description } : {};
