import { type Issue, issueSize, issueValueAt } from '../../outcomes/issue.js';
import type { HyperRectangle, HyperRectangleUtility } from '../../preferences/utility.js';
import type { ValueFunction } from '../../preferences/value-function.js';
import type { ReadContext } from './context.js';
import type { Path } from './draft.js';
import { type IssueTable, unknownIssue, valueIndex } from './read-issues.js';
import type { BoundFile, UtilityFile, ValueSpecFile } from './schema.js';
import { list, quote } from './words.js';

/** Largest issue a score table may cover (a table is stored densely, one score per value). */
export const MAX_TABLE_SIZE = 100_000;

type LinearSpec = Extract<ValueSpecFile, { linear: unknown }>;
type PiecewiseSpec = Extract<ValueSpecFile, { piecewise: unknown }>;

const isLinear = (s: ValueSpecFile): s is LinearSpec =>
  'linear' in s && typeof s.linear === 'object' && s.linear !== null;
const isPiecewise = (s: ValueSpecFile): s is PiecewiseSpec => 'piecewise' in s && Array.isArray(s.piecewise);

/** Reads how a party scores one issue (`values.<issue>`). */
export function readValueSpec(
  spec: ValueSpecFile,
  issue: Issue,
  path: Path,
  ctx: ReadContext,
): ValueFunction | undefined {
  if (isLinear(spec) || isPiecewise(spec)) {
    if (issue.kind === 'discrete') {
      const form = isLinear(spec) ? 'linear' : 'piecewise';
      ctx.error(
        'value-kind',
        [...path, form],
        `${form} needs a numeric issue; ${quote(issue.name)} is discrete: give a score per option`,
        'key',
      );
      return undefined;
    }
    return isLinear(spec)
      ? readLinear(spec.linear, [...path, 'linear'], ctx)
      : readPiecewise(spec, path, ctx);
  }
  return readTable(spec as Record<string, number>, issue, path, ctx);
}

function readLinear(l: LinearSpec['linear'], path: Path, ctx: ReadContext): ValueFunction | undefined {
  const [x0, y0] = l.from;
  let slope: number;
  if (l.to !== undefined && l.slope !== undefined) {
    ctx.error('linear-both', [...path, 'slope'], 'give to or slope, not both', 'key');
    return undefined;
  }
  if (l.to !== undefined) {
    const [x1, y1] = l.to;
    if (x1 === x0) {
      ctx.error('linear-vertical', [...path, 'to'], `to needs an x different from from's (both are ${x0})`);
      return undefined;
    }
    slope = (y1 - y0) / (x1 - x0);
  } else if (l.slope !== undefined) slope = l.slope;
  else {
    ctx.error('linear-incomplete', path, 'linear needs to (a second point) or slope', 'key');
    return undefined;
  }
  const [lo, hi] = l.clamp ?? [null, null];
  if (lo !== null && hi !== null && lo > hi) {
    ctx.error('empty-range', [...path, 'clamp'], `clamp lowest ${lo} is above highest ${hi}`);
    return undefined;
  }
  return {
    kind: 'linear',
    x0,
    y0,
    slope,
    ...(lo !== null ? { clampMin: lo } : {}),
    ...(hi !== null ? { clampMax: hi } : {}),
  };
}

function readPiecewise(spec: PiecewiseSpec, path: Path, ctx: ReadContext): ValueFunction | undefined {
  const pts = spec.piecewise;
  for (let k = 1; k < pts.length; k++) {
    const [x] = pts[k] as [number, number];
    const [prev] = pts[k - 1] as [number, number];
    if (x < prev) {
      ctx.error(
        'unsorted-points',
        [...path, 'piecewise', k],
        `points must be sorted by x: ${x} comes after ${prev}`,
      );
      return undefined;
    }
  }
  return { kind: 'piecewise', points: pts.map(([x, y]) => [x, y] as const) };
}

function readTable(
  table: Record<string, number>,
  issue: Issue,
  path: Path,
  ctx: ReadContext,
): ValueFunction | undefined {
  const size = issueSize(issue);
  if (size > MAX_TABLE_SIZE) {
    ctx.error(
      'table-too-large',
      path,
      `${quote(issue.name)} has ${size} values, too many to score one by one (at most ${MAX_TABLE_SIZE}); use linear or piecewise`,
      'key',
    );
    return undefined;
  }
  const values = new Array<number>(size).fill(0);
  const given = new Map<number, string>();
  let ok = true;
  for (const [key, score] of Object.entries(table)) {
    const index = valueIndex(issue, issue.kind === 'discrete' ? key : Number(key));
    if (typeof index === 'string') {
      const message =
        issue.kind !== 'discrete' && Number.isNaN(Number(key))
          ? `${quote(issue.name)} is numeric: expected a number, got the text ${quote(key)}`
          : index;
      ctx.error('unknown-value', [...path, key], message, 'key');
      ok = false;
      continue;
    }
    const first = given.get(index);
    if (first !== undefined) {
      ctx.error(
        'duplicate-value',
        [...path, key],
        `${key} is the same value as ${first}, scored twice`,
        'key',
      );
      ok = false;
      continue;
    }
    given.set(index, key);
    values[index] = score;
  }
  if (!ok) return undefined;
  if (given.size < size) {
    const missing: (string | number)[] = [];
    for (let i = 0; i < size && missing.length < 13; i++)
      if (!given.has(i)) missing.push(issueValueAt(issue, i));
    const what = issue.kind === 'discrete' ? 'option' : 'value';
    const n = size - given.size;
    ctx.warn(
      'missing-score',
      path,
      `no score for ${n} ${what}${n === 1 ? '' : 's'} of ${quote(issue.name)} (${list(missing)}); ${n === 1 ? 'it scores' : 'they score'} 0`,
      'key',
    );
  }
  return { kind: 'table', values };
}

/** Reads `utility: { hyperrectangle: … }`. */
export function readUtility(
  u: UtilityFile,
  issues: IssueTable,
  path: Path,
  ctx: ReadContext,
): HyperRectangleUtility | undefined {
  const h = u.hyperrectangle;
  let ok = true;
  const rectangles: HyperRectangle[] = h.rectangles.map((r, k) => {
    const bounds: { issue: number; min: number; max: number }[] = [];
    for (const [name, b] of Object.entries(r.where)) {
      const at = [...path, 'hyperrectangle', 'rectangles', k, 'where', name];
      const entry = issues.byName.get(name);
      if (!entry) {
        ctx.error('unknown-issue', at, unknownIssue(name, issues), 'key');
        ok = false;
        continue;
      }
      if (!entry.issue) {
        ok = false;
        continue;
      }
      const range = readBound(b, entry.issue, at, ctx);
      if (range) bounds.push({ issue: entry.index, min: range[0], max: range[1] });
      else ok = false;
    }
    return { utility: r.utility, bounds };
  });
  if (!ok) return undefined;
  return {
    kind: 'hyperrectangle',
    rectangles,
    ...(h.scale !== undefined ? { scale: h.scale } : {}),
    ...(h.cap !== undefined ? { cap: h.cap } : {}),
  };
}

function readBound(b: BoundFile, issue: Issue, path: Path, ctx: ReadContext): [number, number] | undefined {
  if (typeof b !== 'object') {
    const i = valueIndex(issue, b);
    if (typeof i === 'string') {
      ctx.error('unknown-value', path, i);
      return undefined;
    }
    return [i, i];
  }
  const from = valueIndex(issue, b.from);
  const to = valueIndex(issue, b.to);
  if (typeof from === 'string') ctx.error('unknown-value', [...path, 'from'], from);
  if (typeof to === 'string') ctx.error('unknown-value', [...path, 'to'], to);
  if (typeof from === 'string' || typeof to === 'string') return undefined;
  if (from > to) {
    const show = (v: string | number) => (typeof v === 'string' ? quote(v) : String(v));
    ctx.error('empty-range', [...path, 'to'], `to ${show(b.to)} comes before from ${show(b.from)}`);
    return undefined;
  }
  return [from, to];
}
