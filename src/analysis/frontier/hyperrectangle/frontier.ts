import { ConcordError } from '../../../core/errors.js';
import type { OutcomeSpace } from '../../../outcomes/space.js';
import { type CompiledCondition, compileCondition, compileUtility } from '../../../preferences/compile.js';
import type { Condition } from '../../../preferences/red-line.js';
import type { UtilityFunction } from '../../../preferences/utility.js';
import { type Component, splitComponents } from './components.js';
import { mergeFrontier, nondominated, type Tagged } from './merge.js';
import { reduceProblem } from './reduce.js';
import { type ComponentFrontier, searchComponent } from './search.js';
import { type PartyTerms, partyTerms, termsAreIntegral } from './terms.js';

export interface FrontierParty {
  readonly utility: UtilityFunction;
  /** Outcomes below it (in utility) are not rational for this party. */
  readonly reservationValue: number;
}

export interface HyperRectangleFrontierOptions {
  /** Time allowed, in the units of `now` (milliseconds). */
  readonly budgetMs: number;
  /** The clock (the library never reads one itself), e.g. `performance.now`. */
  readonly now: () => number;
  /** Outcomes no one may agree to, whatever their utility (the parties' red lines, `forbid`). */
  readonly redLines?: readonly Condition[];
}

export interface FrontierPoint {
  /** Value index per issue. */
  readonly outcome: number[];
  /** Utility per party (as `compileUtility` evaluates it). */
  readonly utilities: number[];
}

export interface HyperRectangleFrontierStats {
  readonly issues: number;
  /** log10 of the number of outcomes. */
  readonly spaceLog10: number;
  /** log10 of the number of value-class combinations searched after reduction. */
  readonly reducedLog10: number;
  readonly components: number;
  /** Variables in the largest component. */
  readonly largestComponent: number;
  readonly nodes: number;
  readonly pruned: number;
  readonly elapsedMs: number;
}

export interface HyperRectangleFrontierResult {
  /** The Pareto frontier of rational outcomes, one per utility vector, by welfare descending. */
  readonly points: FrontierPoint[];
  /** Whether the search finished: `points` is then the exact frontier. */
  readonly exact: boolean;
  /**
   * When not exact: every missed frontier point lies within `gap` (in every party's utility) of a
   * returned point, i.e. some returned point plus `gap` everywhere weakly dominates it.
   */
  readonly gap?: number;
  readonly stats: HyperRectangleFrontierStats;
}

/**
 * The exact Pareto frontier for utilities that are sums of box terms (hyper-rectangle utilities,
 * linear-additive ones, or a mix), found by value-class reduction, decomposition into independent
 * components and multi-objective branch and bound; anytime within `budgetMs`.
 *
 * @example
 * const r = hyperRectangleFrontier(space, parties, { budgetMs: 1000, now: () => performance.now() });
 * r.exact; // true when the frontier is complete
 * r.points[0]; // { outcome: [3, 0, 7], utilities: [0.91, 0.84] }
 */
export function hyperRectangleFrontier(
  space: OutcomeSpace,
  parties: readonly FrontierParty[],
  options: HyperRectangleFrontierOptions,
): HyperRectangleFrontierResult {
  const start = options.now();
  const deadline = start + options.budgetMs;
  const k = parties.length;
  if (k === 0) throw new ConcordError('no-parties', 'a frontier needs at least one party');
  const n = space.sizes.length;
  const terms = parties.map((p) => partyTerms(space, p.utility));
  const integral = terms.map(termsAreIntegral);
  const allIntegral = integral.every(Boolean);
  const scales = Float64Array.from(terms, (t) => t.scale);

  // Red lines on one issue shrink its values; the others are checked on whole outcomes.
  const allowed: (Uint8Array | undefined)[] = space.sizes.map(() => undefined);
  const wide: CompiledCondition[] = [];
  let everythingForbidden = false;
  for (const c of options.redLines ?? []) {
    const cc = compileCondition(space, c);
    if (cc.issues.length === 0) everythingForbidden ||= cc.test(space.sizes.map(() => 0));
    else if (cc.mask) {
      const i = cc.issues[0] as number;
      const a = (allowed[i] ??= new Uint8Array(space.sizes[i] as number).fill(1));
      cc.mask.forEach((m, v) => {
        if (m === 1) a[v] = 0;
      });
    } else wide.push(cc);
  }
  const pinned = new Set(wide.flatMap((c) => c.issues));
  const reduced = reduceProblem(space.sizes, terms, allowed, pinned);
  const spaceLog10 = space.sizes.reduce((s, x) => s + Math.log10(Math.max(1, x)), 0);
  const reducedLog10 = reduced.classes.reduce((s, c) => s + Math.log10(Math.max(1, c.length)), 0);
  const stats = (
    nodes: number,
    pruned: number,
    comps: readonly Component[],
  ): HyperRectangleFrontierStats => ({
    issues: n,
    spaceLog10,
    reducedLog10,
    components: comps.length,
    largestComponent: comps.reduce((m, c) => Math.max(m, c.issues.length), 0),
    nodes,
    pruned,
    elapsedMs: options.now() - start,
  });
  // A capped utility never reaches a reservation value above the cap.
  const unreachable = parties.some((p, i) => p.reservationValue > (terms[i] as PartyTerms).cap);
  if (everythingForbidden || unreachable || reduced.classes.some((c) => c.length === 0))
    return { points: [], exact: true, stats: stats(0, 0, []) };

  const { components, constant } = splitComponents(
    reduced,
    wide.map((c) => c.issues),
  );
  const thresholds = Float64Array.from(parties, (p, i) =>
    rawThreshold(p.reservationValue, scales[i] as number, integral[i] as boolean),
  );
  // The least raw sum reaching the cap: every sum from there on is worth the same.
  const capAt = Float64Array.from(terms, (t, i) =>
    t.cap === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : rawThreshold(t.cap, t.scale, integral[i] as boolean),
  );
  const tol = Float64Array.from(terms, (t, p) => (integral[p] ? 0 : 1e-12 * magnitude(t)));
  const step = Float64Array.from(tol, (t, p) => (integral[p] ? 1 : t));

  // What each component can add at most: a root bound, replaced by the exact maximum once solved.
  const most = components.map((c) => rootBound(c, k));
  const results: ComponentFrontier[] = [];
  const scratch = space.sizes.map(() => 0);
  components.forEach((comp, ci) => {
    const rest = new Float64Array(k);
    for (let p = 0; p < k; p++) {
      let r = constant[p] as number;
      most.forEach((m, cj) => {
        if (cj !== ci) r += m[p] as number;
      });
      rest[p] = r;
    }
    const accept = wideAccept(wide, comp, reduced.classes, scratch);
    const res = searchComponent(comp, {
      thresholds: Float64Array.from(thresholds, (t, p) => t - (rest[p] as number)),
      // Caps bound the total; within one component of several they say nothing.
      caps: Float64Array.from(capAt, (c, p) =>
        components.length === 1 ? c - (constant[p] as number) : Number.POSITIVE_INFINITY,
      ),
      step,
      slack: tol,
      scales,
      integral: allIntegral,
      deadline,
      now: options.now,
      ...(accept ? { accept } : {}),
    });
    results.push(res);
    if (res.exact && res.points.length > 0)
      most[ci] = Float64Array.from({ length: k }, (_, p) =>
        res.points.reduce((m, q) => Math.max(m, q.values[p] as number), Number.NEGATIVE_INFINITY),
      );
  });

  const exact = results.every((r) => r.exact);
  let acc: Tagged[] = [{ values: Float64Array.from(constant), parts: new Int32Array(0) }];
  results.forEach((res, ci) => {
    const floor = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    if (exact)
      for (let p = 0; p < k; p++) {
        let r = 0;
        for (let cj = ci + 1; cj < results.length; cj++) r += (most[cj] as Float64Array)[p] as number;
        floor[p] = (thresholds[p] as number) - (tol[p] as number) - r;
      }
    acc = mergeFrontier(acc, res.points, k, floor);
  });

  const compiled = parties.map((p) => compileUtility(space, p.utility));
  const candidates = acc.map((t) => {
    const outcome = reduced.classes.map((c) => c[0] as number);
    components.forEach((comp, ci) => {
      const payload = (results[ci] as ComponentFrontier).points[t.parts[ci] as number]?.payload as Int32Array;
      comp.issues.forEach((i, v) => {
        outcome[i] = (reduced.classes[i] as Int32Array)[payload[v] as number] as number;
      });
    });
    return { outcome, values: Float64Array.from(compiled, (u) => u.evaluate(outcome)), raw: t.values };
  });
  const rational = candidates.filter((c) =>
    parties.every((p, i) => (c.values[i] as number) >= p.reservationValue),
  );
  const points = nondominated(rational, k)
    .map((c) => ({ outcome: c.outcome, utilities: Array.from(c.values) }))
    .sort((a, b) => welfare(b.utilities) - welfare(a.utilities) || lexDesc(a.utilities, b.utilities));
  const nodes = results.reduce((s, r) => s + r.nodes, 0);
  const pruned = results.reduce((s, r) => s + r.pruned, 0);
  if (exact) return { points, exact, stats: stats(nodes, pruned, components) };

  // Inexact: component gaps add up; a sum dropped as irrational may hide a rational point nearby.
  let gap = results.reduce((s, r) => s + r.gap, 0);
  const eps = gap;
  for (const c of candidates) {
    const b = Array.from({ length: k }, (_, p) => (c.raw[p] as number) / (scales[p] as number) + eps);
    if (parties.some((p, i) => (b[i] as number) < p.reservationValue)) continue;
    let d = Math.max(...b.map((x, i) => x - (parties[i] as FrontierParty).reservationValue));
    for (const q of points) d = Math.min(d, Math.max(0, ...b.map((x, i) => x - (q.utilities[i] as number))));
    gap = Math.max(gap, d);
  }
  return { points, exact, gap, stats: stats(nodes, pruned, components) };
}

/** The least raw sum whose utility reaches `rv` (exactly as `sum / scale >= rv` decides). */
function rawThreshold(rv: number, scale: number, integral: boolean): number {
  if (!(rv > Number.NEGATIVE_INFINITY)) return Number.NEGATIVE_INFINITY;
  if (!integral) return rv * scale;
  let t = Math.ceil(rv * scale);
  while ((t - 1) / scale >= rv) t--;
  while (t / scale < rv) t++;
  return t;
}

function magnitude(t: PartyTerms): number {
  let m = Math.abs(t.constant);
  for (const u of t.unary) m += u.reduce((a, x) => Math.max(a, Math.abs(x)), 0);
  for (const b of t.boxes) m += Math.abs(b.utility);
  return Math.max(m, 1e-300);
}

/** An upper bound on each party's raw utility within a component. */
function rootBound(c: Component, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    let s = 0;
    for (const u of c.unary[p] as Float64Array[])
      s += u.reduce((a, x) => Math.max(a, x), Number.NEGATIVE_INFINITY);
    for (const b of c.boxes) if (b.party === p && b.utility > 0) s += b.utility;
    out[p] = s;
  }
  return out;
}

/** The leaf test for red lines reading several issues of this component, if any. */
function wideAccept(
  wide: readonly CompiledCondition[],
  comp: Component,
  classes: readonly Int32Array[],
  scratch: number[],
): ((assignment: Int32Array) => boolean) | undefined {
  const mine = new Set(comp.issues);
  const here = wide.filter((c) => c.issues.some((i) => mine.has(i)));
  if (here.length === 0) return undefined;
  return (assignment) => {
    for (let i = 0; i < scratch.length; i++) scratch[i] = (classes[i] as Int32Array)[0] as number;
    comp.issues.forEach((i, v) => {
      scratch[i] = (classes[i] as Int32Array)[assignment[v] as number] as number;
    });
    return !here.some((c) => c.test(scratch));
  };
}

const welfare = (u: readonly number[]): number => u.reduce((s, x) => s + x, 0);

function lexDesc(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] as number) - (a[i] as number);
  return 0;
}
