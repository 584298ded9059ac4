/**
 * The non-dominated points found so far (raw utility vectors), each with a payload, and the test
 * that decides whether a region bounded above can still hold a new one.
 *
 * Comparisons use per-party `step` and `slack`: with integer utilities a better value is at least
 * `step = 1` higher and thresholds are exact (`slack = 0`); with real utilities `step = slack =
 * tol`, a tiny tolerance that absorbs rounding (improvements smaller than it are ignored).
 */
import { SearchCorners } from './corners.js';

export class ParetoArchive<T> {
  readonly k: number;
  /** Points; for k = 2 sorted by the first utility descending (so the second ascends). */
  readonly points: { values: Float64Array; payload: T }[] = [];
  readonly #step: Float64Array;
  readonly #floor: Float64Array;
  /** k = 2: the points' utilities, flat, in the same order (read on every node). */
  #u0 = new Float64Array(0);
  #u1 = new Float64Array(0);
  /** k = 2: corners and their weighted sums per mix row, laid out for the rows last used. */
  #rows: Float64Array | undefined;
  #c0 = new Float64Array(0);
  #c1 = new Float64Array(0);
  #g = new Float64Array(0);
  /** k != 2: the corners of the region where new points may lie. */
  readonly #corners: SearchCorners;

  constructor(step: Float64Array, slack: Float64Array, thresholds: Float64Array) {
    this.k = step.length;
    this.#step = step;
    this.#floor = Float64Array.from(thresholds, (t, p) => t - (slack[p] as number));
    this.#corners = new SearchCorners(this.k);
  }

  get size(): number {
    return this.points.length;
  }

  /** Adds `values` unless a stored point is at least as good everywhere (within `step`). */
  insert(values: Float64Array, payload: T): boolean {
    const k = this.k;
    const pts = this.points;
    for (const q of pts) if (this.#covers(q.values, values)) return false;
    let w = 0;
    for (const q of pts) {
      let dominated = true;
      for (let p = 0; p < k && dominated; p++) dominated = q.values[p]! <= values[p]!;
      if (!dominated) pts[w++] = q;
    }
    pts.length = w;
    const entry = { values: Float64Array.from(values), payload };
    if (k === 2) {
      let i = 0;
      while (i < pts.length && pts[i]!.values[0]! > values[0]!) i++;
      pts.splice(i, 0, entry);
      this.#u0 = Float64Array.from(pts, (q) => q.values[0]!);
      this.#u1 = Float64Array.from(pts, (q) => q.values[1]!);
      this.#rows = undefined;
    } else {
      pts.push(entry);
      this.#corners.add(values);
    }
    return true;
  }

  /**
   * Whether the region below a node can hold no new point: `bucket[w]` bounds `W_w · y` for
   * each weight row (the first `k` rows are the parties themselves).
   */
  canPrune(W: Float64Array, bucket: Float64Array): boolean {
    const k = this.k;
    const floor = this.#floor;
    for (let p = 0; p < k; p++) if (floor[p]! > bucket[p]!) return true;
    if (k !== 2) return this.#prunesK(W, bucket);
    // Two parties: the not-yet-dominated region is a staircase with a corner between each pair of
    // neighbouring points (and one at each end); prune when every corner is cut off. Corners
    // whose first coordinate is out of reach come first (binary search past them); the second
    // coordinate rises along the staircase, so the scan stops once it is out of reach.
    if (this.#rows !== W) this.#layCorners(W);
    const c0 = this.#c0;
    const c1 = this.#c1;
    const g = this.#g;
    const m = c0.length;
    const b0 = bucket[0]!;
    const b1 = bucket[1]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c0[mid]! > b0) lo = mid + 1;
      else hi = mid;
    }
    const nw = bucket.length;
    for (let t = lo; t < m; t++) {
      if (c1[t]! > b1) return true;
      let cut = false;
      for (let w = 2; w < nw && !cut; w++) cut = g[(w - 2) * m + t]! > bucket[w]!;
      if (!cut) return false;
    }
    return true;
  }

  /** k = 2: the staircase corners (raised by `step`, at least the floor) and their row sums. */
  #layCorners(W: Float64Array): void {
    const m = this.points.length + 1;
    const nw = W.length / 2;
    const f0 = this.#floor[0]!;
    const f1 = this.#floor[1]!;
    this.#rows = W;
    this.#c0 = Float64Array.from({ length: m }, (_, t) =>
      t < m - 1 ? Math.max(this.#u0[t]! + this.#step[0]!, f0) : f0,
    );
    this.#c1 = Float64Array.from({ length: m }, (_, t) =>
      t > 0 ? Math.max(this.#u1[t - 1]! + this.#step[1]!, f1) : f1,
    );
    this.#g = new Float64Array(Math.max(0, nw - 2) * m);
    for (let w = 2; w < nw; w++)
      for (let t = 0; t < m; t++)
        this.#g[(w - 2) * m + t] = W[2 * w]! * this.#c0[t]! + W[2 * w + 1]! * this.#c1[t]!;
  }

  /**
   * How far beyond the stored points (in utility: raw over `scales`) a point of the region
   * `W_w · y <= bounds[w]` may lie: the least ε such that every such `y`, lowered by ε in every
   * utility, is weakly dominated by a stored point (or by `base` while none is stored).
   */
  distance(W: Float64Array, bounds: Float64Array, scales: Float64Array, base: Float64Array): number {
    const k = this.k;
    const pts = this.points;
    if (pts.length === 0) return this.#reach(W, bounds, scales, base);
    if (k !== 2) {
      let worst = 0;
      const c = new Float64Array(k);
      for (let i = 0; i < this.#corners.count; i++) {
        for (let p = 0; p < k; p++) c[p] = this.#corners.at(i, p);
        worst = Math.max(worst, this.#reach(W, bounds, scales, c));
      }
      return worst;
    }
    // y lowered by ε is undominated exactly when it still lies beyond some staircase corner, so
    // the answer is the largest step along `scales` from a corner that stays in the region.
    const c = new Float64Array(2);
    let worst = 0;
    for (let t = 0; t <= pts.length; t++) {
      c[0] = t < pts.length ? pts[t]!.values[0]! : Number.NEGATIVE_INFINITY;
      c[1] = t > 0 ? pts[t - 1]!.values[1]! : Number.NEGATIVE_INFINITY;
      worst = Math.max(worst, this.#reach(W, bounds, scales, c));
    }
    return worst;
  }

  /** The largest t with `from + t · scales` inside the region (rows with an infinite term ignored). */
  #reach(W: Float64Array, bounds: Float64Array, scales: Float64Array, from: Float64Array): number {
    const k = this.k;
    let t = Number.POSITIVE_INFINITY;
    for (let w = 0; w < bounds.length; w++) {
      let at = 0;
      let along = 0;
      for (let p = 0; p < k; p++) {
        const x = W[w * k + p]!;
        if (x === 0) continue;
        at += x * from[p]!;
        along += x * scales[p]!;
      }
      if (at > Number.NEGATIVE_INFINITY && along > 0) t = Math.min(t, (bounds[w]! - at) / along);
    }
    return Math.max(0, t);
  }

  /** k != 2: prune when no corner's zone (raised by `step`, above the floor) is within the bounds. */
  #prunesK(W: Float64Array, bounds: Float64Array): boolean {
    const k = this.k;
    const corners = this.#corners;
    const s0 = this.#step[0]!;
    for (let i = 0; i < corners.count; i++) {
      // Corners come by first utility ascending: the rest are out of reach too.
      if (corners.at(i, 0) + s0 > bounds[0]!) return true;
      let reachable = true;
      for (let p = 1; p < k && reachable; p++)
        reachable = Math.max(corners.at(i, p) + this.#step[p]!, this.#floor[p]!) <= bounds[p]!;
      for (let w = k; w < bounds.length && reachable; w++) {
        let s = 0;
        for (let p = 0; p < k; p++)
          s += W[w * k + p]! * Math.max(corners.at(i, p) + this.#step[p]!, this.#floor[p]!);
        // A -∞ coordinate (no threshold yet) leaves the row unable to cut.
        reachable = !(s > bounds[w]!);
      }
      if (reachable) return false;
    }
    return true;
  }

  /** Whether `q` is at least as good as `y` everywhere, within `step`. */
  #covers(q: Float64Array, y: Float64Array): boolean {
    for (let p = 0; p < this.k; p++) if (q[p]! + this.#step[p]! <= y[p]!) return false;
    return true;
  }
}
