import type { Issue } from '../../outcomes/issue.js';
import type { LinearAdditiveUtility } from '../../preferences/utility.js';
import type { ValueFunction } from '../../preferences/value-function.js';
import { describe, parseDecimal, requiredNumber, requiredString } from './attributes.js';
import type { Diagnostics } from './diagnostics.js';
import { type GeniusDomain, issueKind, realBounds } from './domain.js';
import { attr, childrenNamed, firstChild, type XmlElement } from './xml-tree.js';

/**
 * GENIUS's additive utility space (`AdditiveUtilitySpace`), read as GENIUS reads it:
 *
 * - weights: `<weight index=…>` siblings of the issues, matched by index, used AS GIVEN (GENIUS
 *   does not renormalise on load; a sum of 1.00005 stays). GENIUS caps the total at 1 when it
 *   scores a bid; the community's reference results (NegMAS, `genius_normalized`) do not, and
 *   neither do we, so such a profile can reach 1.00005.
 * - discrete issues: each item's `evaluation` divided by the largest evaluation of that issue
 *   (GENIUS `EvaluatorDiscrete.normalize`; when that largest value is below 1e-5 GENIUS scores
 *   every value 0, and so do we, with a warning). Items are matched to the domain by value name.
 * - integer issues: `clamp(offset + slope × (value − lowerbound), 0, 1)` with the profile's own
 *   `lowerbound` (GENIUS `EvaluatorInteger`, which ignores `ftype`).
 * - real issues: GENIUS `EvaluatorReal`: `ftype="linear"` with `parameter0` (offset) and
 *   `parameter1` (slope) on the value itself, clamped to [0, 1]; `constant` (`parameter0`);
 *   `triangular` (`parameter0` low, `parameter1` high, `parameter2` top). The integer form
 *   (`offset`/`slope` from `lowerbound`) is accepted too.
 *
 * Quirks, and the choice for each (GENIUS's behaviour in brackets):
 * - an item without `evaluation` (or with a non-numeric one) → refused [GENIUS loads the file,
 *   then fails with a NullPointerException on any bid with that value; its `isComplete()` check
 *   flags it];
 * - an issue with no `<weight>` → refused [no evaluator is made; every bid fails];
 * - a domain issue absent from the profile → refused [same];
 * - a profile issue whose index is not in the domain, a weight for no issue, an item whose value
 *   is not in the domain → ignored with a warning [ignored silently];
 * - the same item or weight twice → the last one wins, with a warning [HashMap.put];
 * - issue type differing from the domain's → refused [ClassCastException on every bid];
 * - an integer issue without `<evaluator>` → every value scores 0, with a warning [slope and
 *   offset default to 0].
 */
export function readAdditive(
  diag: Diagnostics,
  objective: XmlElement,
  domain: GeniusDomain,
): LinearAdditiveUtility | undefined {
  const n = domain.issues.length;
  const weights: (number | undefined)[] = new Array(n).fill(undefined);
  const values: (ValueFunction | undefined)[] = new Array(n).fill(undefined);
  const seenAt: (XmlElement | undefined)[] = new Array(n).fill(undefined);
  readLevel(diag, objective, domain, { weights, values, seenAt });
  domain.issues.forEach((issue, i) => {
    if (!seenAt[i]) {
      diag.error(
        'missing-issue',
        `domain issue "${issue.name}" (index ${domain.indices[i]}) has no <issue> in this profile; GENIUS cannot score any outcome without it`,
        objective.offset,
      );
    }
  });
  if (diag.failed) return undefined;
  return {
    kind: 'linear-additive',
    weights: weights.map((w) => w ?? 0),
    values: values.map((v) => v ?? { kind: 'table', values: [] }),
  };
}

interface Slots {
  weights: (number | undefined)[];
  values: (ValueFunction | undefined)[];
  seenAt: (XmlElement | undefined)[];
}

function levelWeights(diag: Diagnostics, level: XmlElement): Map<number, { value: number; el: XmlElement }> {
  const out = new Map<number, { value: number; el: XmlElement }>();
  for (const w of childrenNamed(level, 'weight')) {
    const index = requiredNumber(diag, w, 'index', 'integer');
    const value = requiredNumber(diag, w, 'value');
    if (index === undefined || value === undefined) continue;
    if (out.has(index)) {
      diag.warn(
        'duplicate-weight',
        `a second <weight index="${index}">; the last one is used, as in GENIUS`,
        w.offset,
      );
    }
    if (value < 0) diag.warn('negative-weight', `weight ${value} for index ${index} is negative`, w.offset);
    out.set(index, { value, el: w });
  }
  return out;
}

/** One objective level: its weights apply to its own issues (GENIUS `loadTreeRecursive`). */
function readLevel(diag: Diagnostics, level: XmlElement, domain: GeniusDomain, slots: Slots): void {
  const weights = levelWeights(diag, level);
  const used = new Set<number>();
  const ownIndex = attr(level, 'index')?.value.trim();
  for (const sub of childrenNamed(level, 'objective')) {
    const i = attr(sub, 'index')?.value.trim();
    if (i !== undefined) used.add(Number(i));
    readLevel(diag, sub, domain, slots);
  }
  for (const el of childrenNamed(level, 'issue')) {
    const index = requiredNumber(diag, el, 'index', 'integer');
    if (index === undefined) continue;
    used.add(index);
    const pos = domain.indices.indexOf(index);
    if (pos < 0) {
      diag.warn(
        'unknown-issue-index',
        `${describe(el)} has index ${index}, which is no issue of the domain; ignored, as GENIUS does`,
        el.offset,
      );
      continue;
    }
    const issue = domain.issues[pos] as Issue;
    const name = attr(el, 'name');
    if (name && name.value !== issue.name) {
      diag.warn(
        'issue-name-mismatch',
        `issue index ${index} is named "${name.value}" here but "${issue.name}" in the domain; matched by index, as GENIUS does`,
        name.offset,
      );
    }
    if (slots.seenAt[pos]) {
      diag.warn(
        'duplicate-issue',
        `issue index ${index} appears twice; the last one is used, as in GENIUS`,
        el.offset,
      );
    }
    slots.seenAt[pos] = el;
    const w = weights.get(index);
    if (!w) {
      diag.error(
        'missing-weight',
        `issue "${issue.name}" has no <weight index="${index}"> beside it; GENIUS cannot score any outcome without it`,
        el.offset,
      );
    } else slots.weights[pos] = w.value;
    const kind = issueKind(diag, el);
    if (kind === undefined) continue;
    if (kind !== issue.kind) {
      diag.error(
        'issue-type-mismatch',
        `issue "${issue.name}" is ${kind} here but ${issue.kind} in the domain`,
        attr(el, 'type')?.offset ?? el.offset,
      );
      continue;
    }
    slots.values[pos] = readEvaluator(diag, el, issue);
  }
  for (const [index, w] of weights) {
    if (!used.has(index) && String(index) !== ownIndex) {
      diag.warn(
        'unused-weight',
        `<weight index="${index}"> belongs to no issue or objective here; ignored, as GENIUS does`,
        w.el.offset,
      );
    }
  }
}

function readEvaluator(diag: Diagnostics, el: XmlElement, issue: Issue): ValueFunction | undefined {
  switch (issue.kind) {
    case 'discrete':
      return readDiscrete(diag, el, issue.name, issue.values);
    case 'integer':
      return readInteger(diag, el, issue);
    case 'real':
      return readReal(diag, el, issue);
  }
}

function readDiscrete(
  diag: Diagnostics,
  el: XmlElement,
  name: string,
  domainValues: readonly string[],
): ValueFunction | undefined {
  const evals = new Map<string, number>();
  const lacking = new Map<string, XmlElement>();
  const reported = new Set<string>();
  for (const item of childrenNamed(el, 'item')) {
    const value = requiredString(diag, item, 'value');
    if (value === undefined) continue;
    const e = attr(item, 'evaluation');
    if (!domainValues.includes(value)) {
      diag.warn(
        'unknown-value',
        `value "${value}" is not a value of issue "${name}" in the domain; ignored`,
        item.offset,
      );
    }
    if (!e) {
      lacking.set(value, item);
      continue;
    }
    const x = parseDecimal(e.value);
    if (x === undefined) {
      diag.error(
        'bad-number',
        `evaluation="${e.value}" of value "${value}" is not a finite number`,
        e.offset,
      );
      reported.add(value);
      continue;
    }
    if (evals.has(value)) {
      diag.warn(
        'duplicate-value',
        `value "${value}" of issue "${name}" is evaluated twice; the last evaluation (${x}) is used, as in GENIUS`,
        item.offset,
      );
    }
    if (x < 0) diag.warn('negative-evaluation', `evaluation ${x} of value "${value}" is negative`, e.offset);
    evals.set(value, x);
  }
  // GENIUS divides by the largest evaluation in its map: after duplicates were overwritten, and
  // including items whose value is not in the domain.
  let max = Number.NEGATIVE_INFINITY;
  for (const x of evals.values()) max = Math.max(max, x);
  let missing = false;
  for (const v of domainValues) {
    if (evals.has(v)) continue;
    missing = true;
    if (reported.has(v)) continue;
    const item = lacking.get(v);
    diag.error(
      'missing-evaluation',
      item
        ? `<item value="${v}"> of issue "${name}" has no evaluation="..."; GENIUS loads such a file but fails on any outcome with that value`
        : `value "${v}" of issue "${name}" has no <item> with an evaluation in this profile`,
      (item ?? el).offset,
    );
  }
  if (missing) return undefined;
  if (!(max >= 1e-5)) {
    diag.warn(
      'zero-evaluations',
      `every evaluation of issue "${name}" is 0 (largest ${max}); GENIUS then scores every value 0, and so do we`,
      el.offset,
    );
    return { kind: 'table', values: domainValues.map(() => 0) };
  }
  return { kind: 'table', values: domainValues.map((v) => (evals.get(v) as number) / max) };
}

function readInteger(
  diag: Diagnostics,
  el: XmlElement,
  issue: Extract<Issue, { kind: 'integer' }>,
): ValueFunction | undefined {
  const lo = requiredNumber(diag, el, 'lowerbound', 'integer');
  const hi = requiredNumber(diag, el, 'upperbound', 'integer');
  if (lo === undefined || hi === undefined) return undefined;
  if (lo !== issue.min || hi !== issue.max) {
    diag.warn(
      'bounds-mismatch',
      `issue "${issue.name}" has bounds ${lo}..${hi} here but ${issue.min}..${issue.max} in the domain; GENIUS evaluates from this profile's lowerbound, and so do we`,
      el.offset,
    );
  }
  const ev = firstChild(el, 'evaluator');
  if (!ev) {
    diag.warn(
      'missing-evaluator',
      `integer issue "${issue.name}" has no <evaluator>; GENIUS then scores every value 0, and so do we`,
      el.offset,
    );
    return { kind: 'linear', x0: lo, y0: 0, slope: 0, clampMin: 0, clampMax: 1 };
  }
  const ftype = attr(ev, 'ftype');
  if (ftype && ftype.value.trim().toLowerCase() !== 'linear') {
    diag.warn(
      'ignored-ftype',
      `ftype="${ftype.value}" on integer issue "${issue.name}" is ignored: GENIUS's integer evaluator is always linear (offset, slope)`,
      ftype.offset,
    );
  }
  const slope = requiredNumber(diag, ev, 'slope');
  const offset = requiredNumber(diag, ev, 'offset');
  if (slope === undefined || offset === undefined) return undefined;
  return { kind: 'linear', x0: lo, y0: offset, slope, clampMin: 0, clampMax: 1 };
}

/**
 * NegMAS's exporter writes a real issue's `offset`/`slope` evaluator without the bounds GENIUS
 * keeps beside it in a profile; the domain's bounds are the ones meant.
 */
function domainBounds(
  diag: Diagnostics,
  el: XmlElement,
  issue: Extract<Issue, { kind: 'real' }>,
): [number, number] {
  diag.warn(
    'missing-bounds',
    `real issue "${issue.name}" has an offset/slope evaluator but no bounds in this profile (as NegMAS writes it); the domain's ${issue.min}..${issue.max} are used, the offset applying at ${issue.min}`,
    el.offset,
  );
  return [issue.min, issue.max];
}

function readReal(
  diag: Diagnostics,
  el: XmlElement,
  issue: Extract<Issue, { kind: 'real' }>,
): ValueFunction | undefined {
  const ev = firstChild(el, 'evaluator');
  if (!ev) {
    diag.error('missing-evaluator', `real issue "${issue.name}" has no <evaluator>`, el.offset);
    return undefined;
  }
  const ftype = (attr(ev, 'ftype')?.value ?? 'linear').trim().toLowerCase();
  if (ftype === 'linear' && attr(ev, 'parameter1')) {
    const p0 = requiredNumber(diag, ev, 'parameter0');
    const p1 = requiredNumber(diag, ev, 'parameter1');
    if (p0 === undefined || p1 === undefined) return undefined;
    return { kind: 'linear', x0: 0, y0: p0, slope: p1, clampMin: 0, clampMax: 1 };
  }
  if (ftype === 'linear') {
    const b =
      firstChild(el, 'range') || attr(el, 'lowerbound')
        ? realBounds(diag, el)
        : domainBounds(diag, el, issue);
    const slope = requiredNumber(diag, ev, 'slope');
    const offset = requiredNumber(diag, ev, 'offset');
    if (!b || slope === undefined || offset === undefined) return undefined;
    return { kind: 'linear', x0: b[0], y0: offset, slope, clampMin: 0, clampMax: 1 };
  }
  if (ftype === 'constant') {
    const p0 = requiredNumber(diag, ev, 'parameter0');
    return p0 === undefined ? undefined : { kind: 'linear', x0: 0, y0: p0, slope: 0 };
  }
  if (ftype === 'triangular') {
    const low = requiredNumber(diag, ev, 'parameter0');
    const high = requiredNumber(diag, ev, 'parameter1');
    const top = requiredNumber(diag, ev, 'parameter2');
    if (low === undefined || high === undefined || top === undefined) return undefined;
    if (!(low < top && top < high)) {
      diag.error(
        'bad-evaluator',
        `triangular evaluator needs parameter0 < parameter2 < parameter1`,
        ev.offset,
      );
      return undefined;
    }
    return {
      kind: 'piecewise',
      points: [
        [low, 0],
        [top, 1],
        [high, 0],
      ],
    };
  }
  diag.error(
    'unsupported-evaluator',
    `ftype="${attr(ev, 'ftype')?.value}" on real issue "${issue.name}" is not supported (linear, constant, triangular are)`,
    ev.offset,
  );
  return undefined;
}
