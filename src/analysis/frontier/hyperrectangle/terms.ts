import { ConcordError } from '../../../core/errors.js';
import type { OutcomeSpace } from '../../../outcomes/space.js';
import { compileUtility } from '../../../preferences/compile.js';
import type { UtilityFunction } from '../../../preferences/utility.js';

/** A box on two or more issues: `utility` is earned when every `values[k]` range holds. */
export interface BoxTerm {
  readonly utility: number;
  /** Issue positions, ascending, each once. */
  readonly issues: Int32Array;
  /** Inclusive value-index ranges, one per entry of `issues`. */
  readonly mins: Int32Array;
  readonly maxs: Int32Array;
}

/**
 * One party's utility as a sum of box terms, before dividing by `scale` and capping:
 * `u(o) = min(cap, (constant + Σ_i unary[i][o_i] + Σ_{b ∋ o} b.utility) / scale)`.
 * A linear-additive utility is all unary (each table entry is a one-issue box); a
 * hyper-rectangle utility puts its one-issue rectangles in `unary` and the rest in `boxes`.
 */
export interface PartyTerms {
  readonly scale: number;
  /** `Infinity` when uncapped. */
  readonly cap: number;
  readonly constant: number;
  readonly unary: readonly Float64Array[];
  readonly boxes: readonly BoxTerm[];
}

/** Rewrites a utility as box terms over `space`. Throws on a rectangle naming an unknown issue. */
export function partyTerms(space: OutcomeSpace, u: UtilityFunction): PartyTerms {
  const n = space.sizes.length;
  if (u.kind === 'linear-additive') {
    const tables = compileUtility(space, u).tables ?? [];
    return {
      scale: 1,
      cap: Number.POSITIVE_INFINITY,
      constant: 0,
      unary: tables.map((t) => Float64Array.from(t)),
      boxes: [],
    };
  }
  const scale = u.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new ConcordError('bad-scale', `hyper-rectangle scale must be a positive number, got ${scale}`);
  const unary = space.sizes.map((s) => new Float64Array(s));
  const boxes: BoxTerm[] = [];
  let constant = 0;
  for (const r of u.rectangles) {
    if (!Number.isFinite(r.utility))
      throw new ConcordError('bad-rectangle', `rectangle utility must be finite, got ${r.utility}`);
    if (r.utility === 0) continue;
    // Several bounds on one issue intersect; a bound covering the whole issue constrains nothing.
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    for (const b of r.bounds) {
      if (!Number.isInteger(b.issue) || b.issue < 0 || b.issue >= n)
        throw new ConcordError('bad-rectangle', `rectangle bound names issue ${b.issue}; the space has ${n}`);
      lo.set(b.issue, Math.max(lo.get(b.issue) ?? 0, Math.ceil(b.min)));
      hi.set(b.issue, Math.min(hi.get(b.issue) ?? Number.POSITIVE_INFINITY, Math.floor(b.max)));
    }
    const issues: number[] = [];
    let empty = false;
    for (const i of [...lo.keys()].sort((a, b) => a - b)) {
      const size = space.sizes[i] as number;
      const a = Math.max(0, lo.get(i) as number);
      const z = Math.min(size - 1, hi.get(i) as number);
      if (a > z) empty = true;
      else if (a > 0 || z < size - 1) issues.push(i);
    }
    if (empty) continue;
    if (issues.length === 0) constant += r.utility;
    else if (issues.length === 1) {
      const i = issues[0] as number;
      const t = unary[i] as Float64Array;
      for (let v = Math.max(0, lo.get(i) as number); v <= Math.min(t.length - 1, hi.get(i) as number); v++)
        t[v] = (t[v] as number) + r.utility;
    } else {
      boxes.push({
        utility: r.utility,
        issues: Int32Array.from(issues),
        mins: Int32Array.from(issues, (i) => Math.max(0, lo.get(i) as number)),
        maxs: Int32Array.from(issues, (i) => Math.min((space.sizes[i] as number) - 1, hi.get(i) as number)),
      });
    }
  }
  const cap = u.cap ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(cap)) throw new ConcordError('bad-cap', 'hyper-rectangle cap must be a number, got NaN');
  return { scale, cap, constant, unary, boxes };
}

/** Whether every term is an integer small enough that any sum of them is exact in a double. */
export function termsAreIntegral(terms: PartyTerms): boolean {
  let total = Math.abs(terms.constant);
  if (!Number.isInteger(terms.constant)) return false;
  for (const t of terms.unary) {
    let m = 0;
    for (const x of t) {
      if (!Number.isInteger(x)) return false;
      m = Math.max(m, Math.abs(x));
    }
    total += m;
  }
  for (const b of terms.boxes) {
    if (!Number.isInteger(b.utility)) return false;
    total += Math.abs(b.utility);
  }
  // Weighted bounds multiply by small integer weights; keep a wide margin below 2^53.
  return total < 2 ** 40;
}
