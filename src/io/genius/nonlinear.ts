import type { Issue } from '../../outcomes/issue.js';
import type { HyperRectangle, HyperRectangleUtility } from '../../preferences/utility.js';
import { describe, optionalNumber, requiredNumber } from './attributes.js';
import type { Diagnostics } from './diagnostics.js';
import type { GeniusDomain } from './domain.js';
import { attr, childrenNamed, firstChild, type XmlElement } from './xml-tree.js';

/**
 * GENIUS's non-linear utility space (`NonlinearUtilitySpace`, ANAC 2014):
 *
 * ```xml
 * <utility maxutility="662">
 *   <ufun type="PlainUfun" weight="1" aggregation="sum">
 *     <hyperRectangle utility="97"> <INCLUDES index="2" min="7" max="9"/> … </hyperRectangle>
 * ```
 *
 * u(o) = min(1, Σ (utility × weight of each hyperRectangle containing o) × ufun weight /
 * maxutility), where o lies in a rectangle when every INCLUDES bound holds (`min ≤ value ≤ max`,
 * on the issue's VALUE; we store value − lowerbound, our value index). A rectangle with no bound
 * holds everywhere (GENIUS's `isAllBidsAcceptable`). The cap at 1 is GENIUS's
 * (`NonlinearUtilitySpace.getUtility`) and matters: in several ANAC 2014 profiles `maxutility` is
 * below the true maximum (e.g. 642/625 is reachable in 10issueswithRV's profile-2), while each
 * folder's published pareto.xml tops out at exactly 1 (tests check both).
 *
 * Refused with a located problem, because GENIUS's semantics for them cannot be expressed as
 * a `HyperRectangleUtility` (and no community file uses them): `EXCLUDES` bounds, nested
 * `<ufun>`s, an aggregation other than `sum`, bounds on a non-integer issue.
 */
export function readHyperRectangles(
  diag: Diagnostics,
  root: XmlElement,
  domain: GeniusDomain,
): HyperRectangleUtility | undefined {
  // GENIUS takes the <utility> of the root's first child (the objective); accept it at the top too.
  const holder = root.children[0];
  const utility = (holder && firstChild(holder, 'utility')) ?? firstChild(root, 'utility');
  if (!utility) {
    diag.error(
      'missing-element',
      'a non-linear <utility_space> needs a <utility maxutility="..."> (inside its <objective>)',
      (holder ?? root).offset,
    );
    return undefined;
  }
  const max = requiredNumber(diag, utility, 'maxutility');
  if (max !== undefined && !(max > 0)) {
    diag.error('bad-number', `maxutility="${max}" must be above 0`, attr(utility, 'maxutility')?.offset ?? 0);
  }
  const ufuns = childrenNamed(utility, 'ufun');
  const ufun = ufuns[0];
  if (!ufun) {
    diag.error('missing-element', '<utility> has no <ufun>', utility.offset);
    return undefined;
  }
  for (const extra of ufuns.slice(1)) {
    diag.warn('ignored-element', 'a second <ufun> in <utility>; GENIUS reads only the first', extra.offset);
  }
  const aggregation = attr(ufun, 'aggregation');
  if (!aggregation) {
    diag.warn('missing-attribute', '<ufun> has no aggregation="..."; taken as "sum"', ufun.offset);
  } else if (aggregation.value.trim().toLowerCase() !== 'sum') {
    diag.error(
      'unsupported-aggregation',
      `aggregation="${aggregation.value}" is not supported (only "sum")`,
      aggregation.offset,
    );
  }
  for (const nested of childrenNamed(ufun, 'ufun')) {
    diag.error('unsupported-nested-ufun', 'nested <ufun> elements are not supported', nested.offset);
  }
  const ufunWeight = optionalNumber(diag, ufun, 'weight', 1);
  const rectangles: HyperRectangle[] = [];
  for (const el of childrenNamed(ufun, 'hyperRectangle')) {
    const r = readRectangle(diag, el, domain, ufunWeight ?? 1);
    if (r) rectangles.push(r);
  }
  if (diag.failed || max === undefined) return undefined;
  return { kind: 'hyperrectangle', rectangles, scale: max, cap: 1 };
}

function readRectangle(
  diag: Diagnostics,
  el: XmlElement,
  domain: GeniusDomain,
  ufunWeight: number,
): HyperRectangle | undefined {
  const utility = requiredNumber(diag, el, 'utility');
  const weight = optionalNumber(diag, el, 'weight', 1);
  for (const ex of childrenNamed(el, 'EXCLUDES')) {
    diag.error('unsupported-excludes', 'EXCLUDES bounds are not supported (only INCLUDES)', ex.offset);
  }
  const bounds: { issue: number; min: number; max: number }[] = [];
  for (const b of childrenNamed(el, 'INCLUDES')) {
    const index = requiredNumber(diag, b, 'index', 'integer');
    const min = requiredNumber(diag, b, 'min', 'integer');
    const max = requiredNumber(diag, b, 'max', 'integer');
    if (index === undefined || min === undefined || max === undefined) continue;
    const pos = domain.indices.indexOf(index);
    const issue = domain.issues[pos] as Issue | undefined;
    if (!issue) {
      diag.error(
        'unknown-issue-index',
        `${describe(b)} refers to index ${index}, which is no issue of the domain`,
        b.offset,
      );
      continue;
    }
    if (issue.kind !== 'integer') {
      diag.error(
        'bound-on-non-integer',
        `INCLUDES bounds issue "${issue.name}", which is ${issue.kind}; GENIUS bounds only integer issues`,
        b.offset,
      );
      continue;
    }
    if (min > max)
      diag.warn('empty-bound', `min ${min} is above max ${max}: this rectangle never holds`, b.offset);
    // Value → value index, kept within the issue so indices stay small and meaningful.
    const size = issue.max - issue.min;
    bounds.push({
      issue: pos,
      min: Math.max(0, Math.min(size + 1, min - issue.min)),
      max: Math.min(size, Math.max(-1, max - issue.min)),
    });
  }
  if (utility === undefined || weight === undefined) return undefined;
  const u = utility * weight * ufunWeight;
  return { utility: u, bounds };
}
