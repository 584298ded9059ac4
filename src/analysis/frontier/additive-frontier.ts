import { iota, sortByKey } from '../../core/argsort.js';
import type { Outcome } from '../../outcomes/space.js';
import {
  keptIn,
  pairCandidates,
  renumber,
  thin,
  tripleCandidates,
  undominatedValues,
} from './additive-steps.js';
import { mergedByKey, mergedOrder2, mergedOrder3 } from './merge-order.js';
import { type FilterStats, sweep2 } from './pareto-2d.js';
import { dominanceOrder, filter3, nonDominated } from './pareto-nd.js';

/** A constraint over several issues: outcomes it matches are excluded (a red line's `forbid`). */
export interface Exclusion {
  /** Issue positions it reads, ascending. */
  readonly issues: readonly number[];
  /** True when the outcome is excluded; only reads the positions in `issues`. */
  test(outcome: Outcome): boolean;
}

/** A separable multi-party problem: `u_p(o) = Σ_i tables[p][i][o_i]`, summed in issue order. */
export interface AdditiveInput {
  /** Values per issue. */
  readonly sizes: readonly number[];
  /** `tables[p][i][v]`: party p's contribution of value v of issue i. */
  readonly tables: readonly (readonly Float64Array[])[];
  /** Per issue, `allowed[i][v] === 1` for the values that may be used (default: all). */
  readonly allowed?: readonly (Uint8Array | undefined)[];
  /** Excluded combinations over several issues. */
  readonly exclusions?: readonly Exclusion[];
  /** Per party; only outcomes with `u_p >= reservations[p]` are returned (default: all). */
  readonly reservations?: readonly number[];
  /** Most candidates one merge step may hold before giving up (default 2^23). */
  readonly maxCandidates?: number;
  /** Most distinct states (value combinations of issues pending an exclusion; default 2^20). */
  readonly maxStates?: number;
  /**
   * Most points kept after a merge step (default 2^16). Beyond it the step keeps one point per
   * cell of a grid fine enough to stay under the cap (an ε-Pareto set): the result is then
   * approximate, with `gap` bounding what was lost.
   */
  readonly maxPoints?: number;
}

/** Frontier points in enumeration order (not sorted by welfare). */
export interface AdditivePoints {
  /**
   * 0 when exact. Otherwise every frontier point at least `gap` above every reservation lies
   * within `gap` (in every party's utility) of a returned one, and a returned point may be
   * dominated by a missed one by as much.
   */
  readonly gap: number;
  /**
   * Whether some returned vector is shared by several outcomes (exact when `gap` is 0: an
   * identical partial sum merged into the returned point's ancestry at some step).
   */
  readonly ties: boolean;
  readonly count: number;
  /** `cols[p][j]`: party p's utility of point j. */
  readonly cols: readonly Float64Array[];
  /** Row-major value indices, `count × issues`. */
  readonly outcomes: Int32Array;
}

export type AdditiveResult =
  | ({ readonly ok: true } & AdditivePoints)
  | { readonly ok: false; readonly reason: string };

interface StatePlan {
  /** Issues whose values the state carries after this stage, ascending. */
  readonly open: readonly number[];
  /** Exclusions that become decidable at this stage (their last issue). */
  readonly closing: readonly Exclusion[];
}

function planStates(n: number, exclusions: readonly Exclusion[]): StatePlan[] {
  return Array.from({ length: n }, (_, i) => {
    const open = new Set<number>();
    for (const e of exclusions) {
      const last = e.issues[e.issues.length - 1] as number;
      if (last > i) for (const j of e.issues) if (j <= i) open.add(j);
    }
    return {
      open: [...open].sort((a, b) => a - b),
      closing: exclusions.filter((e) => e.issues[e.issues.length - 1] === i),
    };
  });
}

/**
 * The exact Pareto frontier of a separable problem without enumerating its outcomes.
 *
 * Issues are merged one at a time, in issue order: the candidates after issue i are the kept
 * points after issue i-1 plus each allowed value of issue i, and only the non-dominated ones
 * are kept (a point dominated on issues 0..i stays dominated whatever the later issues add,
 * because every point gets the same later contributions; floating-point rounding is monotone,
 * so this holds for the computed sums too). Partial sums are built exactly as the compiled
 * utility sums them, so the returned utilities are bit-identical to enumeration's.
 *
 * Candidates that cannot reach a reservation even with the best later values are dropped
 * early. Exclusions over several issues carry the values of their pending issues as a state;
 * points only compete within a state. Identical vectors collapse to the first outcome in
 * enumeration order: candidates are generated and kept in that order.
 */
export function additiveFrontier(input: AdditiveInput): AdditiveResult {
  const { sizes, tables } = input;
  const n = sizes.length;
  const k = tables.length;
  const exclusions = input.exclusions ?? [];
  const maxCandidates = input.maxCandidates ?? 1 << 23;
  const maxStates = input.maxStates ?? 1 << 20;
  const maxPoints = input.maxPoints ?? 1 << 16;
  let gap = 0;
  // Whether an identical outcome merged into each kept point (or its ancestors): then its
  // vector is shared by several outcomes.
  let curTwin = new Uint8Array(1);
  const reservations = input.reservations ?? tables.map(() => Number.NEGATIVE_INFINITY);

  const options: Int32Array[] = sizes.map((s, i) => {
    const mask = input.allowed?.[i];
    const out: number[] = [];
    for (let v = 0; v < s; v++) if (!mask || mask[v] === 1) out.push(v);
    return Int32Array.from(out);
  });
  if (options.some((o) => o.length === 0))
    return {
      ok: true,
      gap: 0,
      ties: false,
      count: 0,
      cols: tables.map(() => new Float64Array(0)),
      outcomes: new Int32Array(0),
    };

  // Best possible sum of the issues from i on, per party, and a tolerance above rounding error.
  const sufMax = tables.map((t) => {
    const s = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      let m = Number.NEGATIVE_INFINITY;
      for (const v of options[i] as Int32Array) m = Math.max(m, (t[i] as Float64Array)[v] as number);
      s[i] = (s[i + 1] as number) + m;
    }
    return s;
  });
  // Largest magnitude a partial sum can reach, per party.
  const magnitude = tables.map((t) => {
    let a = 0;
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (const v of options[i] as Int32Array)
        m = Math.max(m, Math.abs((t[i] as Float64Array)[v] as number));
      a += m;
    }
    return a;
  });
  const tol = magnitude.map((a) => 1e-9 * (1 + a));
  const floor = reservations.map((r, p) =>
    Number.isFinite(r) ? r - (tol[p] as number) : Number.NEGATIVE_INFINITY,
  );

  // Values another value of the same issue beats in every party, by more than rounding can
  // undo, never reach the frontier: drop them before merging (issues no exclusion reads).
  const constrained = new Set(exclusions.flatMap((e) => e.issues));
  for (let i = 0; i < n; i++)
    if (!constrained.has(i))
      options[i] = undominatedValues(
        options[i] as Int32Array,
        tables.map((t) => t[i] as Float64Array),
        magnitude.map((a) => 2 * (n - i + 1) * Number.EPSILON * a),
      );

  const plans = planStates(n, exclusions);
  for (const plan of plans) {
    let states = 1;
    for (const j of plan.open) states *= sizes[j] as number;
    if (states > maxStates)
      return { ok: false, reason: `red lines over several issues need ${states} states` };
  }

  // Current kept points (enumeration order).
  let m = 1;
  let cur = tables.map(() => new Float64Array(1));
  let curState = new Int32Array(1);
  const parents: Int32Array[] = [];
  const values: Int32Array[] = [];
  // Two and three parties: the kept points in dominance order (u0 descending), and for three
  // by u1 descending too, so the next step can merge sorted runs instead of sorting.
  let sorted: Int32Array | undefined = k === 2 || k === 3 ? Int32Array.of(0) : undefined;
  let sortedU1: Int32Array | undefined = k === 3 ? Int32Array.of(0) : undefined;
  const probe = new Array<number>(n).fill(0);
  const prevVals = new Array<number>(n).fill(0);

  for (let i = 0; i < n; i++) {
    const opts = options[i] as Int32Array;
    const q = opts.length;
    const total = m * q;
    if (total > maxCandidates) return { ok: false, reason: `a merge step needs ${total} candidates` };
    const plan = plans[i] as StatePlan;
    const prevOpen = i > 0 ? (plans[i - 1] as StatePlan).open : [];
    const grouped = plan.open.length > 0;
    const stage = tables.map((t) => t[i] as Float64Array);
    const after = sufMax.map((x) => x[i + 1] as number);
    const cand = tables.map(() => new Float64Array(total));
    const candParent = new Int32Array(total);
    const candValue = new Int32Array(total);
    const candState = grouped ? new Int32Array(total) : undefined;
    const merging = (k === 2 || k === 3) && !grouped;
    if (merging && !sorted)
      sorted = k === 2 ? sortByKey(cur[0] as Float64Array, iota(m)) : dominanceOrder(cur, m);
    if (merging && k === 3 && !sortedU1) sortedU1 = sortByKey(cur[1] as Float64Array, iota(m));
    // Candidate index of kept point j with value slot t (−1: none), for the merge.
    const slot = merging ? new Int32Array(total).fill(-1) : undefined;
    let c = 0;
    if (slot && plan.closing.length === 0)
      c = (k === 2 ? pairCandidates : tripleCandidates)(
        cur,
        stage,
        after,
        floor,
        opts,
        m,
        cand,
        candParent,
        candValue,
        slot,
      );
    else
      for (let j = 0; j < m; j++) {
        if (prevOpen.length > 0) {
          let s = curState[j] as number;
          for (let t = prevOpen.length - 1; t >= 0; t--) {
            const issue = prevOpen[t] as number;
            const size = sizes[issue] as number;
            prevVals[issue] = s % size;
            s = Math.floor(s / size);
          }
        }
        for (let t = 0; t < q; t++) {
          const v = opts[t] as number;
          if (plan.closing.length > 0) {
            let excluded = false;
            for (const e of plan.closing) {
              for (const x of e.issues) probe[x] = x === i ? v : (prevVals[x] as number);
              if (e.test(probe)) {
                excluded = true;
                break;
              }
            }
            if (excluded) continue;
          }
          let reachable = true;
          for (let p = 0; p < k; p++) {
            const u = ((cur[p] as Float64Array)[j] as number) + ((stage[p] as Float64Array)[v] as number);
            if (u + (after[p] as number) < (floor[p] as number)) {
              reachable = false;
              break;
            }
            (cand[p] as Float64Array)[c] = u;
          }
          if (!reachable) continue;
          candParent[c] = j;
          candValue[c] = v;
          if (slot) slot[j * q + t] = c;
          if (candState) {
            let s = 0;
            for (const x of plan.open) s = s * (sizes[x] as number) + (x === i ? v : (prevVals[x] as number));
            candState[c] = s;
          }
          c++;
        }
      }
    // A lead on partial sums must survive the roundings of the remaining additions (each
    // moves a sum by at most half an ulp of the magnitude); the last step compares exactly.
    const rest = n - 1 - i;
    const margins = Float64Array.from(magnitude, (a) => (rest > 0 ? 2 * (rest + 1) * Number.EPSILON * a : 0));
    const stats: FilterStats = { identical: 0, absorbed: new Uint8Array(c) };
    let kept: Int32Array;
    let keptOrder: Int32Array | undefined;
    let nextU1: Int32Array | undefined;
    if (slot && sorted && k === 2) {
      const [c0, c1] = cand as [Float64Array, Float64Array];
      keptOrder = sweep2(c0, c1, mergedOrder2(c0, c1, sorted, slot, q, c), margins, stats);
      kept = Int32Array.from(keptOrder).sort();
    } else if (slot && sorted && sortedU1) {
      const [c0, c1, c2] = cand as [Float64Array, Float64Array, Float64Array];
      const byU1 = mergedByKey(c1, sortedU1, slot, q, c);
      const order = mergedOrder3(c0, c1, c2, sorted, slot, q, c);
      keptOrder = Int32Array.from(filter3(cand, order, margins, undefined, stats, byU1));
      kept = Int32Array.from(keptOrder).sort();
      nextU1 = keptIn(byU1, kept, c);
    } else
      kept = nonDominated(
        cand.map((col) => col.subarray(0, c)),
        c,
        candState?.subarray(0, c),
        margins,
        stats,
      );
    if (kept.length > maxPoints) {
      const thinned = thin(cand, kept, maxPoints, candState);
      kept = thinned.kept;
      gap += thinned.gap;
      keptOrder = undefined;
      nextU1 = undefined;
    }
    sorted = keptOrder && renumber(keptOrder, kept, c);
    sortedU1 = nextU1;
    m = kept.length;
    const nextParent = new Int32Array(m);
    const nextValue = new Int32Array(m);
    const next = tables.map(() => new Float64Array(m));
    const nextState = new Int32Array(m);
    const nextTwin = new Uint8Array(m);
    for (let t = 0; t < m; t++) {
      const a = kept[t] as number;
      nextTwin[t] =
        ((stats.absorbed as Uint8Array)[a] as number) | (curTwin[candParent[a] as number] as number);
      nextParent[t] = candParent[a] as number;
      nextValue[t] = candValue[a] as number;
      for (let p = 0; p < k; p++) (next[p] as Float64Array)[t] = (cand[p] as Float64Array)[a] as number;
      if (candState) nextState[t] = candState[a] as number;
    }
    parents.push(nextParent);
    values.push(nextValue);
    cur = next;
    curState = nextState;
    curTwin = nextTwin;
    if (m === 0) break;
  }

  // Exact rational filter on the final sums.
  const final: number[] = [];
  for (let j = 0; j < m; j++) {
    let ok = true;
    for (let p = 0; p < k; p++)
      if (!(((cur[p] as Float64Array)[j] as number) >= (reservations[p] as number))) ok = false;
    if (ok) final.push(j);
  }
  const count = final.length;
  const outcomes = new Int32Array(count * n);
  const cols = tables.map(() => new Float64Array(count));
  final.forEach((j, t) => {
    for (let p = 0; p < k; p++) (cols[p] as Float64Array)[t] = (cur[p] as Float64Array)[j] as number;
    let at = j;
    for (let i = n - 1; i >= 0; i--) {
      outcomes[t * n + i] = (values[i] as Int32Array)[at] as number;
      at = (parents[i] as Int32Array)[at] as number;
    }
  });
  return { ok: true, gap, ties: final.some((j) => curTwin[j] === 1), count, cols, outcomes };
}
