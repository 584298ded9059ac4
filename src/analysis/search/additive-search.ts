import { type DualResult, dualWeights } from './additive-dual.js';
import { type NashTangent, nashRelaxation } from './additive-nash.js';
import { orderValues, type Plan, type SearchCondition, utilityOf, weightedSuffix } from './additive-plan.js';

/**
 * Exact branch and bound over the open issues of an additive problem (see {@link Plan}). Every
 * objective respects the plan's red lines; the bounds at a node are each party's best
 * completion and a Lagrangian bound (`Σ_p w_p (u_p − r_p)` with weights from
 * {@link dualWeights}, tight when the linear relaxation is), so the search visits few nodes
 * even on 10^7-outcome spaces. Leaves are evaluated exactly in issue order; a subtree is cut
 * only when its bound is off by far more than rounding error, so results equal enumeration's
 * (optimal values to within 1e-12).
 *
 * - `exists`: any completion where every party reaches its reservation;
 * - `maxmin`: maximise `min_p (u_p − r_p)`, ties (within 1e-12) to the larger total gain
 *   (reservations not required: the egalitarian completion, and no tie is Pareto-dominated);
 * - `utility`: maximise party q's utility while every other party reaches its reservation;
 * - `nash`: maximise `Π_p (u_p − d_p)` while every party reaches its reservation (`d_p ≤ r_p`);
 * - `shortfall`: maximise `Σ_p scale_p · min(0, u_p − r_p)` over the parties with `scale_p > 0`
 *   while the others reach their reservations (the cheapest joint lowering of reservations).
 */
export type Objective =
  | { readonly kind: 'exists' }
  | { readonly kind: 'maxmin' }
  | { readonly kind: 'utility'; readonly party: number }
  | { readonly kind: 'nash'; readonly disagreement: readonly number[] }
  | {
      readonly kind: 'shortfall';
      /** Per party: 0 when it must reach its reservation, else the scale of its shortfall. */
      readonly scale: readonly number[];
    };

/**
 * What one search can pass to the next on a similar problem (Monte Carlo draws): the
 * Lagrangian weights to start from, and recent answers to try first. Updated by the search.
 * It changes the speed, never the optimal value; where several answers tie it may change which
 * one is returned (so use it where only the value or a yes/no matters).
 */
export interface SearchHint {
  w?: Float64Array;
  readonly candidates: number[][];
}

/** Recent answers a hint keeps. */
const HINT_CANDIDATES = 4;

/** The best completion found: full outcome, exact utilities, objective value. */
export interface SearchResult {
  readonly outcome: number[];
  readonly utilities: number[];
  /** `exists`: 0; `maxmin`: the minimum gain; `utility`: q's utility; `nash`: the product. */
  readonly value: number;
}

const EXISTS = 0;
const MAXMIN = 1;
const UTILITY = 2;
const NASH = 3;
const SHORTFALL = 4;

/** Mirror-descent steps for the Lagrangian weights at the root (cold, and warm-started). */
const ITERATIONS = 24;
const WARM_ITERATIONS = 10;
/** Frank–Wolfe steps on the Nash problem's linear relaxation. */
const RELAXATION_STEPS = 30;
/** Optimal values are exact to this (relative to the objective's scale). */
const EPS = 1e-12;

/** Runs one search; `undefined` when no completion qualifies. May reorder the plan's values. */
export function search(plan: Plan, objective: Objective, hint?: SearchHint): SearchResult | undefined {
  if (plan.empty) return undefined;
  const { k, depth, model, base, sufMax, tol, order, start, opts, vals, closing } = plan;
  const res = model.reservations;
  const kind =
    objective.kind === 'exists'
      ? EXISTS
      : objective.kind === 'maxmin'
        ? MAXMIN
        : objective.kind === 'utility'
          ? UTILITY
          : objective.kind === 'nash'
            ? NASH
            : SHORTFALL;
  const q = objective.kind === 'utility' ? objective.party : -1;
  // Parties that must reach their reservation (a -Infinity one constrains nothing).
  const flags = new Uint8Array(2 * k);
  const cons = flags.subarray(0, k);
  const active = flags.subarray(k);
  const floats = new Float64Array(5 * k + 5 * (depth + 1) + (depth + 1) * k);
  let fp = 0;
  const f64 = (len: number) => floats.subarray(fp, (fp += len));
  const scale = objective.kind === 'shortfall' ? objective.scale : undefined;
  for (let p = 0; p < k; p++)
    cons[p] = kind !== MAXMIN && p !== q && !((scale?.[p] ?? 0) > 0) && Number.isFinite(res[p]) ? 1 : 0;
  const d = objective.kind === 'nash' ? objective.disagreement : res;

  const o = plan.o;
  const utilities = f64(k);
  let best = Number.NEGATIVE_INFINITY;
  /** `maxmin`: total gain of the incumbent (ties of the minimum go to the larger total). */
  let bestTotal = Number.NEGATIVE_INFINITY;
  let bestOutcome: number[] | undefined;
  let bestUtilities: number[] = [];
  let stop = false;

  // Nash: a tangent bound at the incumbent's gains y: log Π g ≤ Σ log y − k + Σ g_p / y_p.
  const wn = f64(k);
  const sufN = f64(depth + 1);
  let nashConst = Number.POSITIVE_INFINITY;
  const tangent = (): void => {
    let cst = -k;
    for (let p = 0; p < k; p++) {
      const y = (bestUtilities[p] as number) - (d[p] as number);
      if (!(y > 1e-12)) {
        nashConst = Number.POSITIVE_INFINITY;
        return;
      }
      wn[p] = 1 / y;
      cst += Math.log(y) - (d[p] as number) / y;
    }
    nashConst = cst;
    weightedSuffix(plan, wn, sufN);
  };

  /** Whether the assignment crosses a respected red line (any: the values need not be allowed ones). */
  const crossesAny = (): boolean => {
    const lines = model.redLines;
    for (let i = 0; i < lines.length; i++)
      if (!plan.ignore?.has(i) && (lines[i] as { test: (o: readonly number[]) => boolean }).test(o))
        return true;
    return false;
  };

  const crossesClosing = (upTo: number): boolean => {
    if (!closing) return false;
    for (let l = 0; l < upTo; l++)
      for (const r of closing[l] as SearchCondition[]) if (r.test(o)) return true;
    return false;
  };

  /** Exact check of a complete assignment; updates the incumbent. */
  const leaf = (): void => {
    for (let p = 0; p < k; p++) {
      const u = utilityOf(model, p, o);
      if (cons[p] === 1 && !(u >= (res[p] as number))) return;
      utilities[p] = u;
    }
    let value = 0;
    let total = 0;
    if (kind === MAXMIN) {
      value = Number.POSITIVE_INFINITY;
      for (let p = 0; p < k; p++) {
        const g = (utilities[p] as number) - (res[p] as number);
        value = Math.min(value, g);
        if (Number.isFinite(g)) total += g;
      }
    } else if (kind === UTILITY) value = utilities[q] as number;
    else if (kind === SHORTFALL) {
      for (let p = 0; p < k; p++)
        if (cons[p] === 0)
          value += (scale?.[p] ?? 0) * Math.min(0, (utilities[p] as number) - (res[p] as number));
    } else if (kind === NASH) {
      value = 1;
      for (let p = 0; p < k; p++) value *= (utilities[p] as number) - (d[p] as number);
    }
    const better =
      kind === MAXMIN ? value > best + EPS || (value >= best - EPS && total > bestTotal + EPS) : value > best;
    if (bestOutcome === undefined || better) {
      best = value;
      bestTotal = total;
      bestOutcome = o.slice();
      bestUtilities = Array.from(utilities);
      if (kind === EXISTS) stop = true;
      if (kind === NASH) tangent();
    }
  };

  /** Tries the leaf that picks value slot `choice[l]` at each level. */
  const tryChoice = (choice: Int32Array): boolean => {
    for (let l = 0; l < depth; l++) o[order[l] as number] = opts[choice[l] as number] as number;
    if (!crossesClosing(depth)) leaf();
    return stop;
  };

  // Lagrangian weights at the root (shared by `exists` and `nash`, whose constraints agree).
  // The weighted-welfare maximisers the descent tries are candidate leaves too.
  const c = f64(k);
  for (let p = 0; p < k; p++) {
    const r = res[p] as number;
    active[p] = (kind === MAXMIN && Number.isFinite(r)) || cons[p] === 1 || p === q ? 1 : 0;
    c[p] = p === q ? (base[p] as number) : Number.isFinite(r) ? (base[p] as number) - r : 0;
  }
  const key =
    kind === EXISTS || kind === NASH
      ? 'feasible'
      : kind === MAXMIN
        ? 'maxmin'
        : kind === UTILITY
          ? `utility ${q}`
          : `feasible ${Array.from(cons).join('')}`;
  if (hint) {
    // Recent answers first: one of them often still qualifies (or is a good incumbent).
    for (const cand of hint.candidates) {
      for (let l = 0; l < depth; l++) o[order[l] as number] = cand[order[l] as number] as number;
      if (!crossesAny()) leaf();
      if (stop) return result();
    }
  }
  let dual: DualResult | undefined = plan.duals.get(key);
  if (!dual) {
    // Stop descending once the bound settles the question: no completion qualifies, or the
    // incumbent reaches the bound (it is optimal).
    const settled = (bound: number, weights: Float64Array): boolean => {
      let t = 0;
      for (let p = 0; p < k; p++) t += (weights[p] as number) * (tol[p] as number);
      if (kind === EXISTS || kind === NASH || kind === SHORTFALL) return bound < -t;
      // `maxmin` goes on: among incumbents at the bound, the larger total gain wins.
      return kind === UTILITY && bestOutcome !== undefined && bound + t <= best + EPS;
    };
    dual = hint?.w
      ? dualWeights(plan, c, active, q, WARM_ITERATIONS, tryChoice, hint.w, settled)
      : dualWeights(plan, c, active, q, ITERATIONS, tryChoice, undefined, settled);
    if (hint) hint.w = dual.w.slice();
    // Stopped early (an `exists` answer): the weights are valid but not worth keeping.
    if (stop || settled(dual.bound, dual.w)) return result();
    plan.duals.set(key, dual);
    orderValues(plan, dual.w);
  }
  const w = dual.w;
  let wTol = 0;
  for (let p = 0; p < k; p++) wTol += (w[p] as number) * (tol[p] as number);
  if ((kind === EXISTS || kind === NASH || kind === SHORTFALL) && dual.bound < -wTol) return result();
  const sufW = weightedSuffix(plan, w, f64(depth + 1));
  // `maxmin` ties: the best total gain of a subtree, all issues' best totals (separable).
  const ones = f64(k);
  let resTotal = 0;
  let tolTotal = 0;
  for (let p = 0; p < k; p++)
    if (kind === MAXMIN && Number.isFinite(res[p])) {
      ones[p] = 1;
      resTotal += res[p] as number;
      tolTotal += tol[p] as number;
    }
  const sufT = kind === MAXMIN ? weightedSuffix(plan, ones, f64(depth + 1)) : sufW;
  let offset = 0;
  for (let p = 0; p < k; p++) if (p !== q && active[p] === 1) offset += (w[p] as number) * (res[p] as number);

  // Nash: the tangent at the linear relaxation's optimum bounds every subtree (tight at the
  // root); Frank–Wolfe's vertices on the way are good incumbents.
  const sufR = f64(depth + 1);
  let relaxed: NashTangent | undefined;
  if (kind === NASH && bestOutcome !== undefined) {
    const gains = bestUtilities.map((u, p) => u - (d[p] as number));
    relaxed = nashRelaxation(plan, d, gains, RELAXATION_STEPS, (choice) => {
      tryChoice(choice);
    });
    if (relaxed) {
      if (!(relaxed.bound > Math.log(best) + EPS)) return result();
      weightedSuffix(plan, relaxed.w, sufR);
      orderValues(plan, relaxed.w);
    }
  }

  const sums = f64((depth + 1) * k);
  sums.set(base);

  /** Whether the subtree at `level` (sums set) may hold something better than the incumbent. */
  const promising = (level: number): boolean => {
    const s = level * k;
    let minGain = Number.POSITIVE_INFINITY;
    let logProd = 0;
    let short = 0;
    let totalHi = 0;
    let lag = 0;
    for (let p = 0; p < k; p++) {
      const hi = (sums[s + p] as number) + (sufMax[s + p] as number);
      if (cons[p] === 1 && hi < (res[p] as number) - (tol[p] as number)) return false;
      if (kind === MAXMIN) {
        const g = hi - (res[p] as number);
        minGain = Math.min(minGain, g);
        if (Number.isFinite(g)) totalHi += g + (tol[p] as number);
      } else if (kind === NASH) logProd += Math.log(Math.max(0, hi - (d[p] as number)));
      else if (kind === SHORTFALL && cons[p] === 0)
        short += (scale?.[p] ?? 0) * Math.min(0, hi - (res[p] as number) + (tol[p] as number));
      lag += (w[p] as number) * (sums[s + p] as number);
    }
    lag += (sufW[level] as number) - offset;
    switch (kind) {
      case EXISTS:
        return lag >= -wTol;
      case MAXMIN: {
        const hi = Math.min(minGain, lag + wTol);
        if (hi > best + EPS) return true;
        if (!(hi >= best - EPS) || !(totalHi > bestTotal + EPS)) return false;
        let t = (sufT[level] as number) - resTotal + tolTotal;
        for (let p = 0; p < k; p++) t += (ones[p] as number) * (sums[s + p] as number);
        return t > bestTotal + EPS;
      }
      case SHORTFALL:
        return lag >= -wTol && short > best + EPS;
      case UTILITY: {
        const hi = (sums[s + q] as number) + (sufMax[s + q] as number);
        return Math.min(hi, lag + wTol) > best + EPS;
      }
      default: {
        if (!(lag >= -wTol)) return false;
        if (bestOutcome === undefined) return true;
        const logBest = Math.log(best);
        if (!(logProd > logBest + EPS)) return false;
        if (Number.isFinite(nashConst)) {
          let t = nashConst + (sufN[level] as number);
          for (let p = 0; p < k; p++) t += (wn[p] as number) * (sums[s + p] as number);
          if (!(t > logBest + EPS)) return false;
        }
        if (relaxed) {
          let t = relaxed.constant + (sufR[level] as number);
          for (let p = 0; p < k; p++) t += (relaxed.w[p] as number) * (sums[s + p] as number);
          if (!(t > logBest + EPS)) return false;
        }
        return true;
      }
    }
  };

  const dfs = (level: number): void => {
    if (level === depth) {
      leaf();
      return;
    }
    const issue = order[level] as number;
    const close = closing?.[level];
    const s0 = level * k;
    const s1 = s0 + k;
    for (let j = start[level] as number; j < (start[level + 1] as number); j++) {
      o[issue] = opts[j] as number;
      for (let p = 0; p < k; p++) sums[s1 + p] = (sums[s0 + p] as number) + (vals[j * k + p] as number);
      if (close && close.length > 0) {
        let crossed = false;
        for (const r of close)
          if (r.test(o)) {
            crossed = true;
            break;
          }
        if (crossed) continue;
      }
      if (!promising(level + 1)) continue;
      dfs(level + 1);
      if (stop) return;
    }
  };
  if (promising(0)) dfs(0);
  return result();

  function result(): SearchResult | undefined {
    for (let l = 0; l < depth; l++) o[order[l] as number] = -1;
    if (bestOutcome === undefined) return undefined;
    if (hint) remember(hint, bestOutcome);
    return { outcome: bestOutcome, utilities: bestUtilities, value: best };
  }
}

function remember(hint: SearchHint, outcome: number[]): void {
  const c = hint.candidates;
  const same = c.findIndex((x) => x.every((v, i) => v === outcome[i]));
  if (same === 0) return;
  if (same > 0) c.splice(same, 1);
  c.unshift(outcome);
  if (c.length > HINT_CANDIDATES) c.length = HINT_CANDIDATES;
}
