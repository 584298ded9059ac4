// The side-by-side diff of two draft versions as rows to render, and each party's acceptance of
// both as far as the viewer may know it (the mediator: every party; a party: itself and "all";
// an observer: "all" only).
import type { DraftText } from '../api.js';

export type Change = 'same' | 'changed' | 'added' | 'dropped';

export interface DiffSide {
  readonly number: number;
  readonly title: string;
  readonly sets: readonly string[];
}

export interface DiffRow {
  readonly change: Change;
  readonly left?: DiffSide;
  readonly right?: DiffSide;
  /** What differs in a changed row: the issues whose values differ, or "wording". */
  readonly what: readonly string[];
}

const setsKey = (p: DraftText['points'][number]) =>
  Object.keys(p.sets ?? {})
    .sort()
    .join('\u0000');

const side = (p: DraftText['points'][number]): DiffSide => ({
  number: p.number,
  title: p.title,
  sets: Object.entries(p.sets ?? {}).map(
    ([k, v]) => `${k} = ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`,
  ),
});

/**
 * Points that fix the same issues are the same point (as the library's `diffDrafts`), points
 * that fix nothing are matched by title; the rest are added or dropped. Rows follow the newer
 * version's order, dropped points where they stood.
 */
export function diffRows(before: DraftText, after: DraftText): DiffRow[] {
  const used = new Set<number>();
  const match = before.points.map((a) => {
    const k = setsKey(a);
    const j = after.points.findIndex(
      (b, i) => !used.has(i) && (k !== '' ? setsKey(b) === k : setsKey(b) === '' && b.title === a.title),
    );
    if (j >= 0) used.add(j);
    return j;
  });
  const rows: DiffRow[] = [];
  const emitted = new Set<number>();
  /** Dropped points up to index `upTo` of the older version, where they stood. */
  const dropped = (upTo: number) => {
    for (const [i, a] of before.points.entries())
      if (i <= upTo && match[i] === -1 && !emitted.has(i)) {
        emitted.add(i);
        rows.push({ change: 'dropped', left: side(a), what: [] });
      }
  };
  for (const [j, b] of after.points.entries()) {
    const i = match.indexOf(j);
    if (i < 0) {
      rows.push({ change: 'added', right: side(b), what: [] });
      continue;
    }
    dropped(i);
    const a = before.points[i] as DraftText['points'][number];
    const keys = new Set([...Object.keys(a.sets ?? {}), ...Object.keys(b.sets ?? {})]);
    const what = [...keys].filter((k) => a.sets?.[k] !== b.sets?.[k]);
    if (what.length === 0 && (a.title !== b.title || (a.summary ?? '') !== (b.summary ?? '')))
      what.push('wording');
    rows.push({ change: what.length > 0 ? 'changed' : 'same', left: side(a), right: side(b), what });
  }
  dropped(before.points.length);
  return rows;
}

/** A draft's evaluation as the viewer received it: the mediator's has every party. */
export interface EvaluationView {
  readonly acceptableToAll?: boolean;
  readonly acceptedByAll?: boolean;
  readonly acceptableToMe?: boolean;
  readonly parties?: readonly { readonly party: string; readonly accepts: boolean }[];
}

export interface AcceptanceRow {
  readonly who: string;
  readonly before?: boolean;
  readonly after?: boolean;
}

/** One row per party the viewer may know about, then "all parties". */
export function acceptanceRows(
  before: EvaluationView | undefined,
  after: EvaluationView | undefined,
  me?: string,
): AcceptanceRow[] {
  const all = (e?: EvaluationView) => e?.acceptedByAll ?? e?.acceptableToAll;
  const rows: AcceptanceRow[] = [];
  const names = [...new Set([...(before?.parties ?? []), ...(after?.parties ?? [])].map((p) => p.party))];
  for (const n of names) {
    const b = before?.parties?.find((p) => p.party === n)?.accepts;
    const a = after?.parties?.find((p) => p.party === n)?.accepts;
    rows.push({
      who: n,
      ...(b !== undefined ? { before: b } : {}),
      ...(a !== undefined ? { after: a } : {}),
    });
  }
  if (names.length === 0 && (before?.acceptableToMe !== undefined || after?.acceptableToMe !== undefined))
    rows.push({
      who: me ?? 'you',
      ...(before?.acceptableToMe !== undefined ? { before: before.acceptableToMe } : {}),
      ...(after?.acceptableToMe !== undefined ? { after: after.acceptableToMe } : {}),
    });
  const b = all(before);
  const a = all(after);
  if (b !== undefined || a !== undefined)
    rows.push({
      who: 'all parties',
      ...(b !== undefined ? { before: b } : {}),
      ...(a !== undefined ? { after: a } : {}),
    });
  return rows;
}
