import { ConcordError } from '../../core/errors.js';
import type { OutcomeSpace } from '../../outcomes/space.js';
import { type CompiledCondition, compileCondition } from '../../preferences/compile.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { Condition } from '../../preferences/red-line.js';

/** A condition as the search reads it. */
export interface SearchCondition {
  /** Issues it reads (sorted). */
  readonly issues: readonly number[];
  /** Values it matches, when it reads exactly one issue. */
  readonly mask: Uint8Array | undefined;
  /** Whether an outcome (value index per issue) matches it; reads only `issues`. */
  readonly test: (outcome: readonly number[]) => boolean;
}

/** A red line as the additive search reads it. */
export interface SearchRedLine extends SearchCondition {
  /** Position of the party it belongs to. */
  readonly party: number;
  readonly id: string;
  /**
   * The red line split at its top-level `any` (it is crossed when one part matches), so a
   * "none of these five regions" red line becomes five one-issue masks.
   */
  readonly parts: readonly SearchCondition[];
}

/** Splits a condition at its top-level `any`s and compiles each part. */
export function conditionParts(
  space: OutcomeSpace,
  c: Condition,
  whole?: CompiledCondition,
): SearchCondition[] {
  if ('any' in c) return c.any.flatMap((x) => conditionParts(space, x));
  const cc = whole ?? compileCondition(space, c);
  return [{ issues: cc.issues, mask: cc.mask, test: cc.test }];
}

/**
 * A linear-additive problem as flat tables, for many searches: `tables[p][i][v]` is party p's
 * weighted contribution of issue i at value v, and `u_p(o) = Σ_i tables[p][i][o_i]` summed in
 * issue order (as `compileUtility` does, so results agree to the last bit).
 */
export interface SearchModel {
  readonly sizes: readonly number[];
  readonly tables: readonly (readonly Float64Array[])[];
  readonly reservations: readonly number[];
  readonly redLines: readonly SearchRedLine[];
}

/** The search model of a prepared problem; throws `not-additive` unless every utility is linear-additive. */
export function searchModel(problem: AnalysisProblem): SearchModel {
  const tables = problem.parties.map((p) => {
    if (!p.tables) throw new ConcordError('not-additive', `party "${p.name}" is not linear-additive`);
    return p.tables;
  });
  return {
    sizes: problem.space.sizes,
    tables,
    reservations: problem.parties.map((p) => p.reservation),
    redLines: problem.redLines.map((r) => ({
      party: r.party,
      id: r.id,
      issues: r.condition.issues,
      mask: r.condition.mask,
      test: r.condition.test,
      parts: conditionParts(problem.space, r.forbid, r.condition),
    })),
  };
}

/** Exact utility of a complete outcome, summed in issue order. */
export function utilityOf(model: SearchModel, party: number, o: readonly number[]): number {
  const t = model.tables[party] as readonly Float64Array[];
  let s = 0;
  for (let i = 0; i < o.length; i++) s += (t[i] as Float64Array)[o[i] as number] as number;
  return s;
}

export interface PlanOptions {
  /** Value index per issue, -1 where open; default every issue open. */
  readonly fixed?: readonly number[];
  /** Red lines (positions in `model.redLines`) the search may cross; default none. */
  readonly ignore?: ReadonlySet<number>;
}

/**
 * One search over the open issues, precomputed in flat arrays: the order of the open issues
 * (widest spread first), the values each may take (one-issue red lines removed), their
 * contributions, the sums of the fixed issues, and where each multi-issue red line is decided.
 * Level l's values are `opts[start[l] .. start[l+1])`; value slot j's contribution to party p
 * is `vals[j*k + p]`.
 */
export interface Plan {
  readonly model: SearchModel;
  readonly k: number;
  /** Number of open issues (search depth). */
  readonly depth: number;
  /** Issue at each level. */
  readonly order: Int32Array;
  readonly start: Int32Array;
  /** Allowed value indices, level after level (reordered by {@link orderValues}). */
  readonly opts: Int32Array;
  readonly vals: Float64Array;
  /** Per party, the sum of the fixed issues' contributions. */
  readonly base: Float64Array;
  /** `sufMax[l*k + p]`: party p's best sum over levels l.. (one-issue red lines applied). */
  readonly sufMax: Float64Array;
  /** Multi-issue red-line parts decided when level l is set (undefined: none anywhere). */
  readonly closing: SearchCondition[][] | undefined;
  /** Assignment scratch, fixed issues filled in. */
  readonly o: number[];
  /** Red lines (positions) crossed by the fixed issues alone. */
  readonly crossedFixed: readonly number[];
  /** True when no completion can avoid the respected red lines. */
  readonly empty: boolean;
  /** Per party, a rounding margin far above floating-point error of any sum. */
  readonly tol: Float64Array;
  /** Lagrangian weights already computed on this plan, by objective key. */
  readonly duals: Map<string, DualResult>;
  /** Red lines (positions) the search may cross. */
  readonly ignore: ReadonlySet<number> | undefined;
}

/** Lagrangian weights and the bound they give (see `dualWeights`, which computes them). */
export interface DualResult {
  readonly w: Float64Array;
  /** `D(w)`: at least `Σ_p w_p (u_p − r_p)` (with `c`) for every completion. */
  readonly bound: number;
}

export function makePlan(model: SearchModel, options: PlanOptions = {}): Plan {
  const { sizes, tables, redLines } = model;
  const n = sizes.length;
  const k = tables.length;
  const fixed = options.fixed;
  const ignore = options.ignore;
  const o: number[] = [];
  let all = 0;
  for (let i = 0; i < n; i++) {
    o.push(fixed ? (fixed[i] as number) : -1);
    all += sizes[i] as number;
  }
  // Small typed arrays are slow to allocate one by one: one buffer of each kind, cut into views.
  const floats = new Float64Array(4 * k + n + all * k + (n + 1) * k);
  const ints = new Int32Array(3 * n + 2 + all);
  const allowed = new Uint8Array(all).fill(1);
  let fp = 0;
  const f64 = (len: number) => floats.subarray(fp, (fp += len));
  let ip = 0;
  const i32 = (len: number) => ints.subarray(ip, (ip += len));
  const offset = i32(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = (offset[i] as number) + (sizes[i] as number);
  const crossedFixed: number[] = [];
  let multi: SearchCondition[] | undefined;
  let empty = false;
  const allFixed = (issues: readonly number[]): boolean => {
    for (let t = 0; t < issues.length; t++) if ((o[issues[t] as number] as number) < 0) return false;
    return true;
  };
  for (let idx = 0; idx < redLines.length; idx++) {
    const r = redLines[idx] as SearchRedLine;
    const ignored = ignore?.has(idx) === true;
    const decided = allFixed(r.issues);
    let crossed = decided && r.test(o);
    if (!decided && fixed)
      for (const part of r.parts) if (allFixed(part.issues) && part.test(o)) crossed = true;
    if (crossed) {
      crossedFixed.push(idx);
      if (!ignored) empty = true;
      continue;
    }
    if (decided || ignored) continue;
    for (const part of r.parts) {
      if (fixed && allFixed(part.issues)) continue;
      if (part.mask) {
        const m = part.mask;
        const off = offset[part.issues[0] as number] as number;
        for (let v = 0; v < m.length; v++) if (m[v] === 1) allowed[off + v] = 0;
      } else (multi ??= []).push(part);
    }
  }
  const base = f64(k);
  const magnitude = f64(k);
  const open: number[] = [];
  const spread = f64(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = o[i] as number;
    const off = offset[i] as number;
    if (v >= 0) {
      for (let p = 0; p < k; p++) {
        const x = ((tables[p] as readonly Float64Array[])[i] as Float64Array)[v] as number;
        base[p] = (base[p] as number) + x;
        magnitude[p] = (magnitude[p] as number) + Math.abs(x);
      }
      continue;
    }
    open.push(i);
    const size = sizes[i] as number;
    let count = 0;
    for (let x = 0; x < size; x++) count += allowed[off + x] as number;
    if (count === 0) empty = true;
    total += count;
    let sp = 0;
    for (let p = 0; p < k; p++) {
      const t = (tables[p] as readonly Float64Array[])[i] as Float64Array;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let x = 0; x < size; x++) {
        if (allowed[off + x] === 0) continue;
        const y = t[x] as number;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
      if (count > 0) {
        sp += hi - lo;
        magnitude[p] = (magnitude[p] as number) + Math.max(Math.abs(lo), Math.abs(hi));
      }
    }
    spread[i] = sp;
  }
  // Widest spread first: the bounds tighten fastest. Ties by issue position (deterministic).
  open.sort((a, b) => (spread[b] as number) - (spread[a] as number) || a - b);
  const depth = open.length;
  const order = i32(depth);
  for (let l = 0; l < depth; l++) order[l] = open[l] as number;
  const start = i32(depth + 1);
  const opts = i32(total);
  const vals = f64(total * k);
  const sufMax = f64((depth + 1) * k);
  let j = 0;
  for (let l = 0; l < depth; l++) {
    const i = order[l] as number;
    const off = offset[i] as number;
    start[l] = j;
    for (let x = 0; x < (sizes[i] as number); x++) {
      if (allowed[off + x] === 0) continue;
      opts[j] = x;
      for (let p = 0; p < k; p++)
        vals[j * k + p] = ((tables[p] as readonly Float64Array[])[i] as Float64Array)[x] as number;
      j++;
    }
  }
  start[depth] = j;
  for (let l = depth - 1; l >= 0; l--) {
    for (let p = 0; p < k; p++) {
      let hi = Number.NEGATIVE_INFINITY;
      for (let x = start[l] as number; x < (start[l + 1] as number); x++)
        if ((vals[x * k + p] as number) > hi) hi = vals[x * k + p] as number;
      sufMax[l * k + p] = (sufMax[(l + 1) * k + p] as number) + hi;
    }
  }
  let closing: SearchCondition[][] | undefined;
  if (multi) {
    const levelOf = new Int32Array(n).fill(-1);
    for (let l = 0; l < depth; l++) levelOf[order[l] as number] = l;
    const lists: SearchCondition[][] = open.map(() => []);
    for (const r of multi) {
      let last = -1;
      for (const i of r.issues) last = Math.max(last, levelOf[i] as number);
      (lists[last] as SearchCondition[]).push(r);
    }
    closing = lists;
  }
  const tol = f64(k);
  for (let p = 0; p < k; p++) tol[p] = 1e-9 * (1 + (magnitude[p] as number));
  return {
    model,
    k,
    depth,
    order,
    start,
    opts,
    vals,
    base,
    sufMax,
    closing,
    o,
    crossedFixed,
    empty,
    tol,
    duals: new Map(),
    ignore,
  };
}

/** `suf[l]`: the best weighted sum `Σ_p w_p x_p` over levels l.. . */
export function weightedSuffix(plan: Plan, w: Float64Array, out?: Float64Array): Float64Array {
  const { depth, k, vals, start } = plan;
  const suf = out ?? new Float64Array(depth + 1);
  suf[depth] = 0;
  for (let l = depth - 1; l >= 0; l--) {
    let hi = Number.NEGATIVE_INFINITY;
    for (let j = start[l] as number; j < (start[l + 1] as number); j++) {
      let x = 0;
      for (let p = 0; p < k; p++) x += (w[p] as number) * (vals[j * k + p] as number);
      if (x > hi) hi = x;
    }
    suf[l] = (suf[l + 1] as number) + hi;
  }
  return suf;
}

/** Reorders each level's values by descending `Σ_p w_p x_p` (ties keep their order), so the search tries the most promising first. */
export function orderValues(plan: Plan, w: Float64Array): void {
  const { k, opts, vals, start } = plan;
  const score: number[] = [];
  const idx: number[] = [];
  const optCopy: number[] = [];
  const valCopy: number[] = [];
  for (let l = 0; l < plan.depth; l++) {
    const a = start[l] as number;
    const m = (start[l + 1] as number) - a;
    score.length = idx.length = optCopy.length = valCopy.length = 0;
    for (let j = 0; j < m; j++) {
      let x = 0;
      for (let p = 0; p < k; p++) x += (w[p] as number) * (vals[(a + j) * k + p] as number);
      score.push(x);
      idx.push(j);
      optCopy.push(opts[a + j] as number);
      for (let p = 0; p < k; p++) valCopy.push(vals[(a + j) * k + p] as number);
    }
    idx.sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
    for (let r = 0; r < m; r++) {
      const j = idx[r] as number;
      opts[a + r] = optCopy[j] as number;
      for (let p = 0; p < k; p++) vals[(a + r) * k + p] = valCopy[j * k + p] as number;
    }
  }
}
