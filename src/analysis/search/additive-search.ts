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
  return new BranchAndBound(plan, objective, hint).run();
}

/** The objective as numbers the hot loops read. */
interface Goal {
  readonly kind: number;
  /** `utility`: the party whose utility is maximised; else −1. */
  readonly q: number;
  /** `shortfall`: the scale per party. */
  readonly scale: readonly number[] | undefined;
  /** `nash`: the disagreement point; else the reservations. */
  readonly d: readonly number[];
  /** Key of the Lagrangian weights the plan caches for this objective's constraints. */
  readonly key: string;
}

function goalOf(objective: Objective, res: readonly number[], cons: Uint8Array): Goal {
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
  const scale = objective.kind === 'shortfall' ? objective.scale : undefined;
  // Parties that must reach their reservation (a -Infinity one constrains nothing).
  for (let p = 0; p < res.length; p++)
    cons[p] = kind !== MAXMIN && p !== q && !((scale?.[p] ?? 0) > 0) && Number.isFinite(res[p]) ? 1 : 0;
  const key =
    kind === EXISTS || kind === NASH
      ? 'feasible'
      : kind === MAXMIN
        ? 'maxmin'
        : kind === UTILITY
          ? `utility ${q}`
          : `feasible ${Array.from(cons).join('')}`;
  return { kind, q, scale, d: objective.kind === 'nash' ? objective.disagreement : res, key };
}

/**
 * One search: the incumbent, the root's Lagrangian weights (and for Nash the relaxation's
 * tangent), the subtree bound and the depth-first walk. Steps are methods; the arrays they
 * share are fields, allocated once per search.
 */
class BranchAndBound {
  private readonly k: number;
  private readonly depth: number;
  private readonly res: readonly number[];
  private readonly goal: Goal;
  /** Parties that must reach their reservation, and those the Lagrangian weighs. */
  private readonly cons: Uint8Array;
  private readonly active: Uint8Array;
  private readonly floats: Float64Array;
  private fp = 0;
  private readonly utilities: Float64Array;
  private best = Number.NEGATIVE_INFINITY;
  /** `maxmin`: total gain of the incumbent (ties of the minimum go to the larger total). */
  private bestTotal = Number.NEGATIVE_INFINITY;
  private bestOutcome: number[] | undefined;
  private bestUtilities: number[] = [];
  private stop = false;
  // Nash: a tangent bound at the incumbent's gains y: log Π g ≤ Σ log y − k + Σ g_p / y_p.
  private readonly wn: Float64Array;
  private readonly sufN: Float64Array;
  private nashConst = Number.POSITIVE_INFINITY;
  // Set by `rootBounds`: the Lagrangian weights, their suffix sums and tolerance.
  private w: Float64Array = new Float64Array(0);
  private wTol = 0;
  private sufW: Float64Array = new Float64Array(0);
  private offset = 0;
  // `maxmin` ties: the best total gain of a subtree, all issues' best totals (separable).
  private ones: Float64Array = new Float64Array(0);
  private sufT: Float64Array = new Float64Array(0);
  private resTotal = 0;
  private tolTotal = 0;
  // Nash: the tangent at the linear relaxation's optimum.
  private readonly sufR: Float64Array;
  private relaxed: NashTangent | undefined;
  private readonly sums: Float64Array;
  private readonly tryChoice = (choice: Int32Array): boolean => {
    const { order, opts, o } = this.plan;
    for (let l = 0; l < this.depth; l++) o[order[l] as number] = opts[choice[l] as number] as number;
    if (!this.crossesClosing(this.depth)) this.leaf();
    return this.stop;
  };

  constructor(
    private readonly plan: Plan,
    objective: Objective,
    private readonly hint: SearchHint | undefined,
  ) {
    const { k, depth } = plan;
    this.k = k;
    this.depth = depth;
    this.res = plan.model.reservations;
    const flags = new Uint8Array(2 * k);
    this.cons = flags.subarray(0, k);
    this.active = flags.subarray(k);
    this.goal = goalOf(objective, this.res, this.cons);
    this.floats = new Float64Array(5 * k + 5 * (depth + 1) + (depth + 1) * k);
    this.utilities = this.f64(k);
    this.wn = this.f64(k);
    this.sufN = this.f64(depth + 1);
    this.sufR = this.f64(depth + 1);
    this.sums = this.f64((depth + 1) * k);
  }

  private f64(len: number): Float64Array {
    return this.floats.subarray(this.fp, (this.fp += len));
  }

  run(): SearchResult | undefined {
    if (this.tryHints() || !this.rootBounds() || !this.nashBound()) return this.result();
    this.sums.set(this.plan.base);
    if (this.promising(0)) this.dfs(0);
    return this.result();
  }

  /** Recent answers first: one of them often still qualifies (or is a good incumbent). */
  private tryHints(): boolean {
    if (!this.hint) return false;
    const { order, o } = this.plan;
    for (const cand of this.hint.candidates) {
      for (let l = 0; l < this.depth; l++) o[order[l] as number] = cand[order[l] as number] as number;
      if (!this.crossesAny()) this.leaf();
      if (this.stop) return true;
    }
    return false;
  }

  /**
   * Lagrangian weights at the root (shared by `exists` and `nash`, whose constraints agree);
   * the weighted-welfare maximisers the descent tries are candidate leaves too. False when
   * the root's bound already settles the search.
   */
  private rootBounds(): boolean {
    const { plan, k, res, cons, active, hint } = this;
    const { kind, q } = this.goal;
    const c = this.f64(k);
    for (let p = 0; p < k; p++) {
      const r = res[p] as number;
      active[p] = (kind === MAXMIN && Number.isFinite(r)) || cons[p] === 1 || p === q ? 1 : 0;
      c[p] = p === q ? (plan.base[p] as number) : Number.isFinite(r) ? (plan.base[p] as number) - r : 0;
    }
    let dual: DualResult | undefined = plan.duals.get(this.goal.key);
    if (!dual) {
      // Stop descending once the bound settles the question: no completion qualifies, or the
      // incumbent reaches the bound (it is optimal).
      const settled = (bound: number, weights: Float64Array): boolean => {
        let t = 0;
        for (let p = 0; p < k; p++) t += (weights[p] as number) * (plan.tol[p] as number);
        if (kind === EXISTS || kind === NASH || kind === SHORTFALL) return bound < -t;
        // `maxmin` goes on: among incumbents at the bound, the larger total gain wins.
        return kind === UTILITY && this.bestOutcome !== undefined && bound + t <= this.best + EPS;
      };
      dual = hint?.w
        ? dualWeights(plan, c, active, q, WARM_ITERATIONS, this.tryChoice, hint.w, settled)
        : dualWeights(plan, c, active, q, ITERATIONS, this.tryChoice, undefined, settled);
      if (hint) hint.w = dual.w.slice();
      // Stopped early (an `exists` answer): the weights are valid but not worth keeping.
      if (this.stop || settled(dual.bound, dual.w)) return false;
      plan.duals.set(this.goal.key, dual);
      orderValues(plan, dual.w);
    }
    const w = dual.w;
    this.w = w;
    let wTol = 0;
    for (let p = 0; p < k; p++) wTol += (w[p] as number) * (plan.tol[p] as number);
    this.wTol = wTol;
    if ((kind === EXISTS || kind === NASH || kind === SHORTFALL) && dual.bound < -wTol) return false;
    this.sufW = weightedSuffix(plan, w, this.f64(this.depth + 1));
    this.ones = this.f64(k);
    for (let p = 0; p < k; p++)
      if (kind === MAXMIN && Number.isFinite(res[p])) {
        this.ones[p] = 1;
        this.resTotal += res[p] as number;
        this.tolTotal += plan.tol[p] as number;
      }
    this.sufT = kind === MAXMIN ? weightedSuffix(plan, this.ones, this.f64(this.depth + 1)) : this.sufW;
    for (let p = 0; p < k; p++)
      if (p !== q && active[p] === 1) this.offset += (w[p] as number) * (res[p] as number);
    return true;
  }

  /**
   * Nash: the tangent at the linear relaxation's optimum bounds every subtree (tight at the
   * root); Frank–Wolfe's vertices on the way are good incumbents. False when that settles it.
   */
  private nashBound(): boolean {
    if (this.goal.kind !== NASH || this.bestOutcome === undefined) return true;
    const d = this.goal.d;
    const gains = this.bestUtilities.map((u, p) => u - (d[p] as number));
    this.relaxed = nashRelaxation(this.plan, d, gains, RELAXATION_STEPS, (choice) => {
      this.tryChoice(choice);
    });
    if (!this.relaxed) return true;
    if (!(this.relaxed.bound > Math.log(this.best) + EPS)) return false;
    weightedSuffix(this.plan, this.relaxed.w, this.sufR);
    orderValues(this.plan, this.relaxed.w);
    return true;
  }

  /** Nash: the tangent bound at the incumbent (recomputed when it improves). */
  private tangent(): void {
    const { k } = this;
    const d = this.goal.d;
    let cst = -k;
    for (let p = 0; p < k; p++) {
      const y = (this.bestUtilities[p] as number) - (d[p] as number);
      if (!(y > 1e-12)) {
        this.nashConst = Number.POSITIVE_INFINITY;
        return;
      }
      this.wn[p] = 1 / y;
      cst += Math.log(y) - (d[p] as number) / y;
    }
    this.nashConst = cst;
    weightedSuffix(this.plan, this.wn, this.sufN);
  }

  /** Whether the assignment crosses a respected red line (any: the values need not be allowed ones). */
  private crossesAny(): boolean {
    const { plan } = this;
    const lines = plan.model.redLines;
    for (let i = 0; i < lines.length; i++)
      if (!plan.ignore?.has(i) && (lines[i] as { test: (o: readonly number[]) => boolean }).test(plan.o))
        return true;
    return false;
  }

  private crossesClosing(upTo: number): boolean {
    const { closing, o } = this.plan;
    if (!closing) return false;
    for (let l = 0; l < upTo; l++)
      for (const r of closing[l] as SearchCondition[]) if (r.test(o)) return true;
    return false;
  }

  /** Exact check of a complete assignment; updates the incumbent. */
  private leaf(): void {
    const { k, res, cons, utilities } = this;
    const { kind, q, scale, d } = this.goal;
    const { model, o } = this.plan;
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
    const { best } = this;
    const better =
      kind === MAXMIN
        ? value > best + EPS || (value >= best - EPS && total > this.bestTotal + EPS)
        : value > best;
    if (this.bestOutcome === undefined || better) {
      this.best = value;
      this.bestTotal = total;
      this.bestOutcome = o.slice();
      this.bestUtilities = Array.from(utilities);
      if (kind === EXISTS) this.stop = true;
      if (kind === NASH) this.tangent();
    }
  }

  /** Whether the subtree at `level` (sums set) may hold something better than the incumbent. */
  private promising(level: number): boolean {
    const { k, res, cons, sums, w } = this;
    const { sufMax, tol } = this.plan;
    const { kind, q, scale, d } = this.goal;
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
    lag += (this.sufW[level] as number) - this.offset;
    const { wTol, best } = this;
    switch (kind) {
      case EXISTS:
        return lag >= -wTol;
      case MAXMIN:
        return this.maxminPromising(level, Math.min(minGain, lag + wTol), totalHi);
      case SHORTFALL:
        return lag >= -wTol && short > best + EPS;
      case UTILITY: {
        const hi = (sums[s + q] as number) + (sufMax[s + q] as number);
        return Math.min(hi, lag + wTol) > best + EPS;
      }
      default:
        return lag >= -wTol && this.nashPromising(level, logProd);
    }
  }

  /** `maxmin`: a better minimum gain, or an equal one with a larger total gain. */
  private maxminPromising(level: number, hi: number, totalHi: number): boolean {
    const { best, bestTotal, k, sums } = this;
    if (hi > best + EPS) return true;
    if (!(hi >= best - EPS) || !(totalHi > bestTotal + EPS)) return false;
    let t = (this.sufT[level] as number) - this.resTotal + this.tolTotal;
    const s = level * k;
    for (let p = 0; p < k; p++) t += (this.ones[p] as number) * (sums[s + p] as number);
    return t > bestTotal + EPS;
  }

  /** Nash: the product bound, the tangent at the incumbent and the relaxation's tangent. */
  private nashPromising(level: number, logProd: number): boolean {
    if (this.bestOutcome === undefined) return true;
    const { k, sums } = this;
    const s = level * k;
    const logBest = Math.log(this.best);
    if (!(logProd > logBest + EPS)) return false;
    if (Number.isFinite(this.nashConst)) {
      let t = this.nashConst + (this.sufN[level] as number);
      for (let p = 0; p < k; p++) t += (this.wn[p] as number) * (sums[s + p] as number);
      if (!(t > logBest + EPS)) return false;
    }
    const relaxed = this.relaxed;
    if (relaxed) {
      let t = relaxed.constant + (this.sufR[level] as number);
      for (let p = 0; p < k; p++) t += (relaxed.w[p] as number) * (sums[s + p] as number);
      if (!(t > logBest + EPS)) return false;
    }
    return true;
  }

  private dfs(level: number): void {
    if (level === this.depth) {
      this.leaf();
      return;
    }
    const { k, sums } = this;
    const { order, closing, start, opts, vals, o } = this.plan;
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
      if (!this.promising(level + 1)) continue;
      this.dfs(level + 1);
      if (this.stop) return;
    }
  }

  private result(): SearchResult | undefined {
    const { order, o } = this.plan;
    for (let l = 0; l < this.depth; l++) o[order[l] as number] = -1;
    if (this.bestOutcome === undefined) return undefined;
    if (this.hint) remember(this.hint, this.bestOutcome);
    return { outcome: this.bestOutcome, utilities: this.bestUtilities, value: this.best };
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
