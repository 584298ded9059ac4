/**
 * The region a new point may still occupy, for k maximised utilities: the union of the zones
 * `{y : y > c}` (strictly, in every utility) over a set of corners `c`, kept up to date as
 * points arrive (Klamroth, Lacour and Vanderpooten 2015, for maximisation). It starts as one
 * corner at -∞; a new point `a` splits each zone it lies in into k zones (one per utility raised
 * to `a`), and a corner whose zone lies inside another's is dropped.
 */
export class SearchCorners {
  readonly k: number;
  /** Corners, `k` numbers each. */
  #c: Float64Array;
  #count = 1;

  constructor(k: number) {
    this.k = k;
    this.#c = new Float64Array(Math.max(1, k) * 16).fill(Number.NEGATIVE_INFINITY);
  }

  get count(): number {
    return this.#count;
  }

  /** Corner `i` (by first utility, ascending), utility `p`. */
  at(i: number, p: number): number {
    return this.#c[i * this.k + p] as number;
  }

  add(a: Float64Array): void {
    const k = this.k;
    const old = this.#c;
    const kept: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < this.#count; i++) {
      let inside = true;
      for (let p = 0; p < k && inside; p++) inside = old[i * k + p]! < a[p]!;
      const target = inside ? fresh : kept;
      if (!inside) {
        for (let p = 0; p < k; p++) target.push(old[i * k + p]!);
        continue;
      }
      for (let q = 0; q < k; q++) for (let p = 0; p < k; p++) fresh.push(p === q ? a[p]! : old[i * k + p]!);
    }
    // Only a fresh corner can be redundant: one whose zone another corner's zone contains.
    const all = kept.concat(fresh);
    const total = all.length / k;
    const out: number[] = kept.slice();
    for (let i = kept.length / k; i < total; i++) {
      let redundant = false;
      for (let j = 0; j < total && !redundant; j++) {
        if (j === i) continue;
        let below = true;
        let equal = true;
        for (let p = 0; p < k && below; p++) {
          below = all[j * k + p]! <= all[i * k + p]!;
          equal &&= all[j * k + p] === all[i * k + p];
        }
        // Of equal corners, keep the first.
        redundant = below && (!equal || j < i);
      }
      if (!redundant) for (let p = 0; p < k; p++) out.push(all[i * k + p]!);
    }
    // Sorted by the first utility, ascending: a scan can stop at the first one out of reach.
    const count = out.length / k;
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (x, y) => out[x * k]! - out[y * k]! || x - y,
    );
    this.#count = count;
    if (out.length > this.#c.length) this.#c = new Float64Array(out.length * 2);
    order.forEach((from, to) => {
      for (let p = 0; p < k; p++) this.#c[to * k + p] = out[from * k + p]!;
    });
  }
}
