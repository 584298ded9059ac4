import type { Result } from '../../core/errors.js';
import type { Issue } from '../../outcomes/issue.js';
import { describe, requiredNumber, requiredString } from './attributes.js';
import { type Diagnostics, guarded } from './diagnostics.js';
import { attr, childrenNamed, firstChild, readXml, type XmlElement } from './xml-tree.js';

/**
 * A GENIUS (or GeniusWeb) domain: the issues, in GENIUS's order, each with the `index` that
 * profiles use to refer to it. Indices need not be 1..n: some domains skip one (e.g. issues
 * 2..6 under an objective numbered 1).
 *
 * @example
 * const d = parseGeniusDomain(text, 'laptop_domain.xml');
 * if (d.ok) d.value.issues[0]; // { kind: 'discrete', name: 'Laptop', values: ['Dell', 'Macintosh', 'HP'] }
 */
export interface GeniusDomain {
  /** The file's base name without extension (the objective is usually just called "root"). */
  readonly name: string;
  readonly file: string;
  readonly format: 'genius-xml' | 'geniusweb-json';
  readonly issues: readonly Issue[];
  /** GENIUS `index` attribute of each issue, parallel to `issues` (GeniusWeb: 1..n). */
  readonly indices: readonly number[];
}

export type IssueKind = Issue['kind'];

/** Base name of a path without its extension: `a/b/Laptop-A-prof1.xml` → `Laptop-A-prof1`. */
export function baseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const base = file.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The kind of an `<issue>` element. GENIUS reads `type` (no `type` → discrete) and, when `vtype`
 * disagrees, says so on the console and goes with `type`. We do the same, except that with no
 * `type` we also look at `vtype` and `etype` before assuming discrete (community files write
 * any of the three).
 */
export function issueKind(diag: Diagnostics, el: XmlElement): IssueKind | undefined {
  const type = attr(el, 'type');
  const vtype = attr(el, 'vtype');
  const etype = attr(el, 'etype');
  const chosen = type ?? vtype ?? etype;
  if (type && vtype && type.value.toLowerCase() !== vtype.value.toLowerCase()) {
    diag.warn(
      'conflicting-issue-type',
      `${describe(el)} says type="${type.value}" but vtype="${vtype.value}"; using type, as GENIUS does`,
      vtype.offset,
    );
  }
  const kind = chosen ? chosen.value.trim().toLowerCase() : 'discrete';
  if (kind === 'discrete' || kind === 'integer' || kind === 'real') return kind;
  diag.error(
    'unknown-issue-type',
    `${describe(el)} has type "${chosen?.value}"; GENIUS issues are discrete, integer or real`,
    chosen?.offset ?? el.offset,
  );
  return undefined;
}

/**
 * Issue elements in GENIUS's order: at each objective level, the sub-objectives' issues first
 * (depth first), then the level's own issues, as GENIUS's preorder enumeration does.
 */
export function issueElements(objective: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const sub of childrenNamed(objective, 'objective')) out.push(...issueElements(sub));
  out.push(...childrenNamed(objective, 'issue'));
  return out;
}

/** The bounds of a real issue: a `<range lowerbound upperbound>` child (GENIUS) or attributes. */
export function realBounds(diag: Diagnostics, el: XmlElement): [number, number] | undefined {
  const range = firstChild(el, 'range');
  const holder = range ?? el;
  const lo = requiredNumber(diag, holder, 'lowerbound');
  const hi = requiredNumber(diag, holder, 'upperbound');
  if (lo === undefined || hi === undefined) return undefined;
  if (lo > hi) {
    diag.error('bad-bounds', `lowerbound ${lo} is above upperbound ${hi} in ${describe(el)}`, holder.offset);
    return undefined;
  }
  return [lo, hi];
}

function readIssue(diag: Diagnostics, el: XmlElement, name: string): Issue | undefined {
  const kind = issueKind(diag, el);
  if (kind === 'discrete') {
    const values: string[] = [];
    const seen = new Set<string>();
    for (const item of childrenNamed(el, 'item')) {
      const v = requiredString(diag, item, 'value');
      if (v === undefined) continue;
      if (seen.has(v)) {
        diag.error('duplicate-value', `value "${v}" appears twice in issue "${name}"`, item.offset);
        continue;
      }
      seen.add(v);
      values.push(v);
    }
    if (childrenNamed(el, 'item').length === 0) {
      diag.error('empty-issue', `discrete issue "${name}" has no <item> values`, el.offset);
      return undefined;
    }
    return { kind, name, values };
  }
  if (kind === 'integer') {
    const lo = requiredNumber(diag, el, 'lowerbound', 'integer');
    const hi = requiredNumber(diag, el, 'upperbound', 'integer');
    if (lo === undefined || hi === undefined) return undefined;
    if (lo > hi) {
      diag.error('bad-bounds', `lowerbound ${lo} is above upperbound ${hi} in issue "${name}"`, el.offset);
      return undefined;
    }
    return { kind, name, min: lo, max: hi };
  }
  if (kind === 'real') {
    const b = realBounds(diag, el);
    return b ? { kind, name, min: b[0], max: b[1] } : undefined;
  }
  return undefined;
}

/**
 * Reads a GENIUS domain file (`<negotiation_template>`). Returns every problem found, each at
 * its file:line:column; never throws.
 */
export function parseGeniusDomain(text: string, file: string): Result<GeniusDomain> {
  return guarded(file, () => readDomain(text, file));
}

function readDomain(text: string, file: string): Result<GeniusDomain> {
  const { diag, root } = readXml(text, file);
  if (!root) return diag.failure();
  if (root.name !== 'negotiation_template') {
    diag.error(
      'not-a-genius-domain',
      `the root element is <${root.name}>; a GENIUS domain file has <negotiation_template>`,
      root.offset,
    );
    return diag.failure();
  }
  const space = firstChild(root, 'utility_space');
  const objective = space && firstChild(space, 'objective');
  if (!objective) {
    const where = space ?? root;
    diag.error(
      'missing-element',
      `<${where.name}> has no <${space ? 'objective' : 'utility_space'}>`,
      where.offset,
    );
    return diag.failure();
  }
  const issues: Issue[] = [];
  const indices: number[] = [];
  const byIndex = new Map<number, string>();
  const names = new Set<string>();
  for (const el of issueElements(objective)) {
    const index = requiredNumber(diag, el, 'index', 'integer');
    const name = requiredString(diag, el, 'name', true);
    if (index !== undefined && byIndex.has(index)) {
      diag.error(
        'duplicate-index',
        `issue index ${index} is used twice (also by "${byIndex.get(index)}")`,
        el.offset,
      );
    }
    if (name !== undefined && names.has(name)) {
      diag.error('duplicate-issue', `two issues are named "${name}"`, el.offset);
    }
    if (index !== undefined && name !== undefined) byIndex.set(index, name);
    if (name !== undefined) names.add(name);
    const issue = readIssue(diag, el, name ?? `#${index ?? '?'}`);
    if (issue && index !== undefined && name !== undefined) {
      issues.push(issue);
      indices.push(index);
    }
  }
  if (issueElements(objective).length === 0)
    diag.error('no-issues', 'the domain has no <issue>', objective.offset);
  return diag.result(() => ({ name: baseName(file), file, format: 'genius-xml' as const, issues, indices }));
}
