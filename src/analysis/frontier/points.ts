import { welfareOf } from '../../preferences/problem.js';
import type { FrontierPoint } from '../types.js';

/**
 * A growable list of points for the enumeration paths: utilities by column (one Float64Array
 * per party) and outcomes row by row.
 */
export class PointBuffer {
  readonly k: number;
  readonly issues: number;
  cols: Float64Array[];
  outcomes: Int32Array;
  size = 0;

  constructor(k: number, issues: number, capacity = 1024) {
    this.k = k;
    this.issues = issues;
    this.cols = Array.from({ length: k }, () => new Float64Array(capacity));
    this.outcomes = new Int32Array(capacity * Math.max(1, issues));
  }

  push(utilities: ArrayLike<number>, outcome: ArrayLike<number>): void {
    if (this.size === (this.cols[0] as Float64Array).length) this.grow();
    const i = this.size++;
    for (let p = 0; p < this.k; p++) (this.cols[p] as Float64Array)[i] = utilities[p] as number;
    const base = i * this.issues;
    for (let j = 0; j < this.issues; j++) this.outcomes[base + j] = outcome[j] as number;
  }

  /** Keeps only the points at `indices` (ascending), in that order. */
  keep(indices: Int32Array): void {
    const n = indices.length;
    for (let t = 0; t < n; t++) {
      const i = indices[t] as number;
      if (i === t) continue;
      for (let p = 0; p < this.k; p++) {
        const c = this.cols[p] as Float64Array;
        c[t] = c[i] as number;
      }
      this.outcomes.copyWithin(t * this.issues, i * this.issues, (i + 1) * this.issues);
    }
    this.size = n;
  }

  private grow(): void {
    const cap = Math.max(16, (this.cols[0] as Float64Array).length * 2);
    this.cols = this.cols.map((c) => {
      const d = new Float64Array(cap);
      d.set(c);
      return d;
    });
    const o = new Int32Array(cap * Math.max(1, this.issues));
    o.set(this.outcomes);
    this.outcomes = o;
  }

  point(i: number): FrontierPoint {
    const utilities = this.cols.map((c) => c[i] as number);
    const outcome = Array.from(this.outcomes.subarray(i * this.issues, (i + 1) * this.issues));
    return { outcome, utilities };
  }
}

/**
 * Sorts frontier points by welfare (Σu in party order) descending; ties keep their order
 * (enumeration order when the input is in enumeration order).
 */
export function sortByWelfare(points: FrontierPoint[]): FrontierPoint[] {
  const w = points.map((p) => welfareOf(p.utilities));
  const order = points.map((_, i) => i);
  order.sort((a, b) => (w[b] as number) - (w[a] as number) || a - b);
  return order.map((i) => points[i] as FrontierPoint);
}

/** Lexicographic comparison of two outcomes (enumeration order). */
export function compareOutcomes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
