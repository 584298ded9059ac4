import type { IssueValue } from '../outcomes/issue.js';
import type { Draft, DraftPoint } from './types.js';

/** How one issue differs between two drafts. */
export interface IssueChange {
  readonly issue: string;
  readonly before?: IssueValue;
  readonly after?: IssueValue;
  /** `set`: only the second draft fixes it; `opened`: only the first did. */
  readonly change: 'same' | 'changed' | 'set' | 'opened';
}

export interface PointChange {
  readonly before?: DraftPoint;
  readonly after?: DraftPoint;
  readonly change: 'same' | 'changed' | 'added' | 'dropped';
  /** For `changed`: the issues whose values differ, or `text` when only the wording does. */
  readonly what?: readonly string[];
}

export interface DraftDiff {
  readonly before: string;
  readonly after: string;
  readonly pointCount: { readonly before: number; readonly after: number };
  readonly points: readonly PointChange[];
  readonly issues: readonly IssueChange[];
}

/** The issue values a draft fixes (later points win when two set the same issue). */
export function draftSettings(draft: Draft): Record<string, IssueValue> {
  const out: Record<string, IssueValue> = {};
  for (const p of draft.points) Object.assign(out, p.sets ?? {});
  return out;
}

const key = (p: DraftPoint) =>
  Object.keys(p.sets ?? {})
    .sort()
    .join('\u0000');

/**
 * Point-level diff of two drafts. Points that fix the same set of issues are the same point
 * (changed when a value differs); points that fix nothing are matched by title; the rest are
 * added or dropped. Issue-level: each issue fixed by either draft, before and after.
 *
 * @example
 * diffDrafts(plan28, plan19).issues; // [{ issue: 'cap', before: 600000, after: 800000, change: 'changed' }, …]
 */
export function diffDrafts(before: Draft, after: Draft): DraftDiff {
  const used = new Set<number>();
  const points: PointChange[] = [];
  for (const a of before.points) {
    const k = key(a);
    const j = after.points.findIndex(
      (b, i) => !used.has(i) && (k !== '' ? key(b) === k : key(b) === '' && b.title === a.title),
    );
    if (j < 0) {
      points.push({ before: a, change: 'dropped' });
      continue;
    }
    used.add(j);
    const b = after.points[j] as DraftPoint;
    const changedIssues = Object.keys(a.sets ?? {}).filter((i) => a.sets?.[i] !== b.sets?.[i]);
    const textChanged = a.title !== b.title || a.summary !== b.summary;
    points.push(
      changedIssues.length > 0 || textChanged
        ? {
            before: a,
            after: b,
            change: 'changed',
            what: changedIssues.length > 0 ? changedIssues : ['text'],
          }
        : { before: a, after: b, change: 'same' },
    );
  }
  after.points.forEach((b, i) => {
    if (!used.has(i)) points.push({ after: b, change: 'added' });
  });

  const sa = draftSettings(before);
  const sb = draftSettings(after);
  const names = [...new Set([...Object.keys(sa), ...Object.keys(sb)])];
  const issues: IssueChange[] = names.map((issue) => {
    const x = sa[issue];
    const y = sb[issue];
    const change = x === undefined ? 'set' : y === undefined ? 'opened' : x === y ? 'same' : 'changed';
    return {
      issue,
      ...(x !== undefined ? { before: x } : {}),
      ...(y !== undefined ? { after: y } : {}),
      change,
    };
  });
  return {
    before: before.name,
    after: after.name,
    pointCount: { before: before.pointCount, after: after.pointCount },
    points,
    issues,
  };
}
