// A party's "add a red line" form, as data: what it says (each condition a requirement the party
// insists on: an issue must be / must not be one of some options, a numeric issue at least / at
// most a value; one requirement, or several that must all hold or of which one must hold), checked
// here with a message per field, and turned into the scenario format's red line — whose `forbid`
// is the opposite: the outcomes that break the requirements.
import type { FieldError, Option } from '../api.js';

export type Requirement = 'oneOf' | 'noneOf' | 'atLeast' | 'atMost';

export interface ClauseForm {
  readonly issue: string;
  readonly kind: Requirement;
  /** Options of a discrete issue (oneOf / noneOf). */
  readonly options: readonly string[];
  /** The number as typed (atLeast / atMost). */
  readonly value: string;
}

export interface RedLineForm {
  /** Empty: the id is made from the description (`suggestId`). */
  readonly id: string;
  readonly description: string;
  /** With several conditions: `all` — every one must hold; `any` — at least one must hold. */
  readonly combine: 'all' | 'any';
  readonly clauses: readonly ClauseForm[];
}

/** The scenario format's condition (docs/scenario-format.md, "Red lines"). */
export type Condition =
  | {
      issue: string;
      in?: (string | number)[];
      notIn?: (string | number)[];
      below?: number;
      above?: number;
      atMost?: number;
      atLeast?: number;
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface RedLine {
  id: string;
  description?: string;
  forbid: Condition;
}

/** A problem of the form: `field` is `id`, `description`, `clauses`, or `clauses/<i>/<issue|kind|options|value>`. */
export interface FormError {
  readonly field: string;
  readonly message: string;
}

export const REQUIREMENT_LABELS: Readonly<Record<Requirement, string>> = {
  oneOf: 'must be one of',
  noneOf: 'must not be one of',
  atLeast: 'must be at least',
  atMost: 'must be at most',
};

const numeric = (i: Option): boolean => !i.options;

/** The requirements an issue admits: options for a discrete issue, bounds for a numeric one. */
export const requirementsFor = (i: Option): Requirement[] =>
  numeric(i) ? ['atLeast', 'atMost'] : ['oneOf', 'noneOf'];

/** A fresh condition on `issue`: its first requirement, nothing chosen yet. */
export const blankClause = (i: Option): ClauseForm => ({
  issue: i.name,
  kind: requirementsFor(i)[0] as Requirement,
  options: [],
  value: '',
});

/** The same condition moved to another issue (choices that do not fit it are cleared). */
export function withIssue(c: ClauseForm, i: Option): ClauseForm {
  const kinds = requirementsFor(i);
  return {
    issue: i.name,
    kind: kinds.includes(c.kind) ? c.kind : (kinds[0] as Requirement),
    options: [],
    value: numeric(i) ? c.value : '',
  };
}

/** `party`-prefixed id made from the description's words, unused among `taken`. */
export function suggestId(party: string, description: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const words = description
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 4);
  const base = [party, ...(words.length > 0 ? words : ['red-line'])].join('-');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "680,000", "680 000" and "680000" are one number; anything else that is not a number is not. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/[,\s_]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The red line the form describes, or every problem of the form at once. `taken`: ids already
 * used where the client can see them (the party's own red lines, the shared constraints); the
 * server also checks the rest of the scenario.
 */
export function redLineFrom(
  form: RedLineForm,
  issues: readonly Option[],
  party: string,
  taken: Iterable<string>,
): { ok: true; redLine: RedLine } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const used = new Set(taken);
  const description = form.description.trim();
  if (description === '')
    errors.push({
      field: 'description',
      message: 'say in words what the red line is (the others never see it)',
    });
  else if (description.length > 500)
    errors.push({ field: 'description', message: `at most 500 characters (${description.length} now)` });
  const id = form.id.trim() === '' ? suggestId(party, description, used) : form.id.trim();
  if (!ID.test(id))
    errors.push({
      field: 'id',
      message: 'letters, digits, "-" and "_" only, starting with a letter or digit',
    });
  else if (used.has(id)) errors.push({ field: 'id', message: `"${id}" is already used: choose another id` });
  if (form.clauses.length === 0)
    errors.push({ field: 'clauses', message: 'add at least one condition the outcome must meet' });

  const broken: Condition[] = [];
  form.clauses.forEach((c, i) => {
    const at = `clauses/${i}`;
    const issue = issues.find((x) => x.name === c.issue);
    if (!issue) {
      errors.push({ field: `${at}/issue`, message: `choose an issue ("${c.issue}" is not one)` });
      return;
    }
    if (!requirementsFor(issue).includes(c.kind)) {
      errors.push({
        field: `${at}/kind`,
        message: numeric(issue)
          ? `"${issue.name}" is a number: use at least or at most`
          : `"${issue.name}" has options: use one of or not one of`,
      });
      return;
    }
    if (c.kind === 'oneOf' || c.kind === 'noneOf') {
      const all = issue.options ?? [];
      const unknown = c.options.filter((o) => !all.includes(o));
      const chosen = [...new Set(c.options.filter((o) => all.includes(o)))];
      if (unknown.length > 0)
        errors.push({
          field: `${at}/options`,
          message: `not options of "${issue.name}": ${unknown.join(', ')}`,
        });
      else if (chosen.length === 0)
        errors.push({ field: `${at}/options`, message: `tick at least one option of "${issue.name}"` });
      else if (chosen.length === all.length)
        errors.push({
          field: `${at}/options`,
          message:
            c.kind === 'oneOf'
              ? 'every option is ticked: this condition would always hold — leave some out'
              : 'every option is ruled out: no outcome could meet this condition',
        });
      else
        broken.push(
          c.kind === 'oneOf' ? { issue: issue.name, notIn: chosen } : { issue: issue.name, in: chosen },
        );
      return;
    }
    const n = readNumber(c.value);
    const min = issue.min ?? Number.NEGATIVE_INFINITY;
    const max = issue.max ?? Number.POSITIVE_INFINITY;
    const range = `${fmt(min)} to ${fmt(max)}`;
    if (c.value.trim() === '') errors.push({ field: `${at}/value`, message: `enter a number from ${range}` });
    else if (n === undefined) errors.push({ field: `${at}/value`, message: `"${c.value}" is not a number` });
    else if (n < min || n > max)
      errors.push({
        field: `${at}/value`,
        message: `"${issue.name}" runs from ${range}: ${fmt(n)} is outside`,
      });
    else if (c.kind === 'atLeast' && n === min)
      errors.push({
        field: `${at}/value`,
        message: `every value is at least ${fmt(min)}: this would always hold`,
      });
    else if (c.kind === 'atMost' && n === max)
      errors.push({
        field: `${at}/value`,
        message: `every value is at most ${fmt(max)}: this would always hold`,
      });
    else
      broken.push(c.kind === 'atLeast' ? { issue: issue.name, below: n } : { issue: issue.name, above: n });
  });
  if (errors.length > 0) return { ok: false, errors };
  // Crossed when the requirements fail: any one of them (all must hold) or every one (one must hold).
  const forbid: Condition =
    broken.length === 1
      ? (broken[0] as Condition)
      : form.combine === 'all'
        ? { any: broken }
        : { all: broken };
  return { ok: true, redLine: { id, description, forbid } };
}

const list = (xs: readonly (string | number)[]) =>
  xs.map((x) => (typeof x === 'number' ? fmt(x) : x)).join(' or ');

/** A condition in words ("armed forces cap < 700,000 or sanctions relief is none"). */
export function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map((x) => wrap(x)).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(x)).join(' or ');
  if ('not' in c) return `not (${conditionText(c.not)})`;
  const parts: string[] = [];
  if (c.in) parts.push(`${c.issue} is ${list(c.in)}`);
  if (c.notIn) parts.push(`${c.issue} is not ${list(c.notIn)}`);
  // Lower bounds first, so a band reads "≥ a and ≤ b".
  if (c.atLeast !== undefined) parts.push(`${c.issue} ≥ ${fmt(c.atLeast)}`);
  if (c.above !== undefined) parts.push(`${c.issue} > ${fmt(c.above)}`);
  if (c.below !== undefined) parts.push(`${c.issue} < ${fmt(c.below)}`);
  if (c.atMost !== undefined) parts.push(`${c.issue} ≤ ${fmt(c.atMost)}`);
  return parts.join(' and ');
}
const wrap = (c: Condition) => ('all' in c || 'any' in c ? `(${conditionText(c)})` : conditionText(c));

/**
 * The server's problems about red line `index` of the set it was sent (a save: `body/redLines/i`,
 * a check: `body/preferences/redLines/i`), each with the rest of its path.
 */
export function serverProblemsOf(errors: readonly FieldError[], index: number): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const m = /^body\/(?:preferences\/)?redLines\/(\d+)(?:\/(.*))?$/.exec(e.path);
    if (m && Number(m[1]) === index) out.push({ path: m[2] ?? '', message: e.message });
  }
  return out;
}
