import { ParetoArchive } from './archive.js';
import type { Component } from './components.js';
import { Engine, middleRow } from './engine.js';

export interface ComponentSearchOptions {
  /** Raw utility each party needs within this component (`-Infinity`: none). */
  readonly thresholds: Float64Array;
  /**
   * Raw utility above which a party gains nothing (its utility is capped), or `Infinity`. Only
   * meaningful when the component is the whole problem: caps apply to the total.
   */
  readonly caps: Float64Array;
  /** Archive tolerances (see {@link ParetoArchive}): 1 and 0 for integer utilities. */
  readonly step: Float64Array;
  readonly slack: Float64Array;
  /** Each party's divisor, to express gaps in utility. */
  readonly scales: Float64Array;
  /** Whether every party's terms are exact integers (then weighted bounds use integer weights). */
  readonly integral: boolean;
  readonly deadline: number;
  readonly now: () => number;
  /** Leaf filter (red lines reading several issues); gets the class of each local variable. */
  readonly accept?: (classes: Int32Array) => boolean;
}

export interface ComponentFrontier {
  /** Raw utility vectors, with the class of each local variable. */
  readonly points: readonly { readonly values: Float64Array; readonly payload: Int32Array }[];
  readonly exact: boolean;
  /** Upper bound on how far (in utility) a missed point lies beyond `points`; 0 when exact. */
  readonly gap: number;
  readonly nodes: number;
  readonly pruned: number;
}

/** How often (in nodes) the clock is read. */
const CLOCK_EVERY = 64;

/**
 * Exact multi-objective depth-first branch and bound over one component (see {@link Engine} for
 * the bounds). At each node it branches on the variable that constrains the most open box
 * weight, tries classes best-first for a balanced weighting, and cuts a child when every corner
 * of the archive's staircase lies outside its bounds. Memory is the depth-first path plus trails.
 * Anytime: once the clock passes `deadline` it stops descending and measures the open children.
 */
export function searchComponent(comp: Component, o: ComponentSearchOptions): ComponentFrontier {
  const W = weightRows(comp, o.integral);
  const e = new Engine(comp, W, boxWeights(comp));
  const { k, n, nw, maxClasses } = e;
  const archive = new ParetoArchive<Int32Array>(o.step, o.slack, o.thresholds);
  const base = Float64Array.from(o.thresholds, (t, p) => Math.max(t, e.lowest(p)));
  const bounds = new Float64Array(nw);
  const leaf = new Float64Array(k);
  // Capped parties: a unit row's bound is at most the cap (the mixes stay valid as they are).
  // With real weights a mix row's sums are rounded: widen it a hair (about a billionth of a
  // party's utility) so rounding never cuts a point an integer party just reaches.
  const rowSlack = Float64Array.from({ length: nw }, (_, w) => {
    if (o.integral || w < k) return 0;
    let s = 0;
    for (let p = 0; p < k; p++) s += W[w * k + p]! * o.scales[p]!;
    return 1e-9 * s;
  });
  const bound = (d: number): void => {
    e.bounds(d, bounds);
    for (let p = 0; p < k; p++) if (bounds[p]! > o.caps[p]!) bounds[p] = o.caps[p]!;
    for (let w = k; w < nw; w++) bounds[w]! += rowSlack[w]!;
  };
  const assignment = new Int32Array(n);
  const childOrder = new Int32Array(n * maxClasses);
  const score = new Float64Array(n * maxClasses);
  const mid = middleRow(W, k);
  let nodes = 0;
  let pruned = 0;
  let stopping = false;
  let open = 0;
  let gap = 0;

  const visit = (d: number): void => {
    nodes++;
    if (d === n) {
      if (o.accept && !o.accept(assignment)) return;
      for (let p = 0; p < k; p++) leaf[p] = Math.min(e.fixedAt[n * k + p]!, o.caps[p]!);
      archive.insert(leaf, assignment.slice());
      return;
    }
    if (nodes % CLOCK_EVERY === 0 && o.now() >= o.deadline) stopping = true;
    const v = e.pickVariable();
    const cnt = e.nc[v] as number;
    const co = d * maxClasses;
    const cb = e.off[v] as number;
    for (let c = 0; c < cnt; c++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += mid[p]! * e.S[p * e.C + cb + c]!;
      score[co + c] = s;
      let i = c;
      while (i > 0 && score[co + childOrder[co + i - 1]!]! < s) {
        childOrder[co + i] = childOrder[co + i - 1]!;
        i--;
      }
      childOrder[co + i] = c;
    }
    for (let i = 0; i < cnt; i++) {
      const c = childOrder[co + i] as number;
      const mark = e.mark();
      e.assign(d, v, c);
      bound(d + 1);
      if (archive.canPrune(W, bounds)) pruned++;
      else if (stopping) {
        open++;
        gap = Math.max(gap, archive.distance(W, bounds, o.scales, base));
      } else {
        assignment[v] = c;
        visit(d + 1);
      }
      e.undo(v, mark);
    }
  };

  bound(0);
  if (!archive.canPrune(W, bounds)) visit(0);
  const points = archive.points.map((q) => ({ values: q.values, payload: q.payload }));
  // Stopped with every remaining child cut: the search was complete after all.
  const exact = open === 0;
  return { points, exact, gap: exact ? 0 : gap, nodes, pruned };
}

/** Box weights for branching: utility relative to the party's total, so units do not matter. */
function boxWeights(comp: Component): Float64Array {
  const totals = new Map<number, number>();
  for (const b of comp.boxes) totals.set(b.party, (totals.get(b.party) ?? 0) + Math.abs(b.utility));
  return Float64Array.from(comp.boxes, (b) => Math.abs(b.utility) / (totals.get(b.party) as number));
}

/**
 * Weight rows for the bounds: one per party, then mixes scaled so every party's range counts
 * alike (integers when utilities are, so weighted sums stay exact).
 */
function weightRows(comp: Component, integral: boolean): Float64Array {
  const k = comp.unary.length;
  const rows: number[] = [];
  for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) rows.push(p === q ? 1 : 0);
  if (k < 2) return Float64Array.from(rows);
  const range = comp.unary.map((u, p) => {
    let hi = 0;
    for (const t of u) hi += Math.max(...t.map(Math.abs));
    for (const b of comp.boxes) if (b.party === p) hi += Math.abs(b.utility);
    return hi > 0 ? hi : 1;
  });
  // Two parties: five mixes from one side to the other. More: the balanced row, then each party
  // leaning three to one.
  const mixes: number[][] =
    k === 2
      ? [0.1, 0.3, 0.5, 0.7, 0.9].map((l) => [l, 1 - l])
      : [
          Array.from({ length: k }, () => 1),
          ...Array.from({ length: k }, (_, p) => Array.from({ length: k }, (_, q) => (q === p ? 3 : 1))),
        ];
  for (const mix of mixes) {
    let row = mix.map((x, p) => x / (range[p] as number));
    if (integral) {
      const s = 16 / Math.max(...row);
      row = row.map((x) => Math.max(1, Math.round(x * s)));
    }
    rows.push(...row);
  }
  return Float64Array.from(rows);
}
