import type { IssueValue } from '../../outcomes/issue.js';
import type { FeasibilityConstraint } from '../../preferences/constraint.js';
import type { Condition, IssueCondition, RedLine } from '../../preferences/red-line.js';
import type { ReadContext } from './context.js';
import type { Path } from './draft.js';
import { type IssueTable, unknownIssue, valueIndex } from './read-issues.js';
import type { ConditionFile, ConstraintFile, RedLineFile } from './schema.js';
import { quote } from './words.js';

type Leaf = Extract<ConditionFile, { issue: string }>;
const BOUNDS = ['below', 'above', 'atMost', 'atLeast'] as const;

/** Reads a condition (`forbid`), checking issue names, values and bounds against the issues. */
export function readCondition(
  c: ConditionFile,
  issues: IssueTable,
  path: Path,
  ctx: ReadContext,
): Condition | undefined {
  if ('issue' in c) return readLeaf(c, issues, path, ctx);
  if ('not' in c) {
    const inner = readCondition(c.not, issues, [...path, 'not'], ctx);
    return inner && { not: inner };
  }
  const key = 'all' in c ? 'all' : 'any';
  const list = 'all' in c ? c.all : c.any;
  const parts = list.map((p, k) => readCondition(p, issues, [...path, key, k], ctx));
  if (parts.some((p) => p === undefined)) return undefined;
  return key === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
}

function readLeaf(c: Leaf, issues: IssueTable, path: Path, ctx: ReadContext): Condition | undefined {
  const entry = issues.byName.get(c.issue);
  if (!entry) {
    ctx.error('unknown-issue', [...path, 'issue'], unknownIssue(c.issue, issues));
    return undefined;
  }
  const issue = entry.issue;
  if (!issue) return undefined;
  const used = (['in', 'notIn', ...BOUNDS] as const).filter((k) => c[k] !== undefined);
  if (used.length === 0) {
    ctx.error(
      'empty-condition',
      path,
      `the condition on ${quote(c.issue)} matches every outcome: add in, notIn, below, above, atMost or atLeast`,
    );
    return undefined;
  }
  let ok = true;
  if (issue.kind === 'discrete') {
    for (const k of BOUNDS) {
      if (c[k] === undefined) continue;
      ctx.error(
        'numeric-bound',
        [...path, k],
        `${k} needs a numeric issue; ${quote(issue.name)} is discrete: use in or notIn`,
        'key',
      );
      ok = false;
    }
  }
  const out: { -readonly [K in keyof IssueCondition]: IssueCondition[K] } = { issue: c.issue };
  for (const k of ['in', 'notIn'] as const) {
    const values = c[k];
    if (values === undefined) continue;
    const read: IssueValue[] = [];
    values.forEach((v, n) => {
      const i = valueIndex(issue, v);
      if (typeof i === 'string') {
        ctx.error('unknown-value', [...path, k, n], i);
        ok = false;
      } else read.push(issue.kind === 'discrete' ? String(v) : v);
    });
    out[k] = read;
  }
  for (const k of BOUNDS) if (c[k] !== undefined) out[k] = c[k];
  return ok ? out : undefined;
}

/** Reads a party's red lines; `ids` collects ids across the scenario (they must be unique). */
export function readRedLines(
  raw: readonly unknown[],
  issues: IssueTable,
  path: Path,
  ids: Map<string, Path>,
  ctx: ReadContext,
): RedLine[] | undefined {
  let ok = true;
  const out: RedLine[] = [];
  raw.forEach((item, k) => {
    const at = [...path, k];
    if (!claimId(item, at, ids, ctx, (id) => `duplicate red-line id ${id}`)) ok = false;
    if (!ctx.clean(at)) {
      ok = false;
      return;
    }
    const r = item as RedLineFile;
    const forbid = readCondition(r.forbid, issues, [...at, 'forbid'], ctx);
    if (!forbid) {
      ok = false;
      return;
    }
    out.push({ id: r.id, ...(r.description !== undefined ? { description: r.description } : {}), forbid });
  });
  return ok ? out : undefined;
}

/**
 * Records the item's `id` in `ids` (red lines and constraints share them); a second use of an id
 * is a problem naming where the first stands. False when the id was taken already.
 */
function claimId(
  item: unknown,
  at: Path,
  ids: Map<string, Path>,
  ctx: ReadContext,
  duplicate: (quotedId: string) => string,
): boolean {
  const rawId = (item as { id?: unknown } | null)?.id;
  if (typeof rawId !== 'string') return true;
  const first = ids.get(rawId);
  if (!first) {
    ids.set(rawId, [...at, 'id']);
    return true;
  }
  ctx.error(
    'duplicate-red-line',
    [...at, 'id'],
    `${duplicate(quote(rawId))}; the first is at ${ctx.where(first)}`,
  );
  return false;
}

/**
 * Reads the `constraints` section (feasibility constraints of the space); `ids` is shared with
 * the red lines, so an id names one thing. Exactly one of `forbid` / `require` per constraint.
 */
export function readConstraints(
  raw: readonly unknown[],
  issues: IssueTable,
  ids: Map<string, Path>,
  ctx: ReadContext,
): FeasibilityConstraint[] | undefined {
  let ok = true;
  const out: FeasibilityConstraint[] = [];
  raw.forEach((item, k) => {
    const at: Path = ['constraints', k];
    if (!claimId(item, at, ids, ctx, (id) => `duplicate id ${id} (red lines and constraints share ids)`))
      ok = false;
    if (!ctx.clean(at)) {
      ok = false;
      return;
    }
    const c = item as ConstraintFile;
    if ((c.forbid === undefined) === (c.require === undefined)) {
      ctx.error(
        'constraint-kind',
        at,
        `constraint ${quote(c.id)} needs exactly one of forbid (an impossible combination) or require (a required one)`,
      );
      ok = false;
      return;
    }
    const kind = c.forbid !== undefined ? 'forbid' : 'require';
    const cond = readCondition((c.forbid ?? c.require) as ConditionFile, issues, [...at, kind], ctx);
    if (!cond) {
      ok = false;
      return;
    }
    out.push({
      id: c.id,
      ...(c.description !== undefined ? { description: c.description } : {}),
      kind,
      forbid: kind === 'forbid' ? cond : { not: cond },
      ...(kind === 'require' ? { require: cond } : {}),
    });
  });
  return ok ? out : undefined;
}
