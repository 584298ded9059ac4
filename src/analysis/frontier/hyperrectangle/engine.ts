import type { Component } from './components.js';
import { Trail } from './trail.js';

/**
 * The incremental state of a branch and bound over one component, variables set in any order.
 *
 * Each positive box not yet decided is *charged* to one of its unset variables. Cells `S[p][v][c]`
 * (unset `v`) hold party p's unary term for class c plus the boxes charged to `v`, still
 * satisfiable, that class c is inside. For each weight row `w`, `bm[w][v]` is `v`'s best class
 * for `w · S`; the bound on `w · u` below a node is `w · fixed + Σ_{unset v} bm[w][v]`: each box is
 * counted at most once, on its charged variable, ignoring its other unset variables. Setting a
 * variable kills the boxes it falls outside of, makes the boxes it completes certain (negative
 * ones are only ever counted then) and moves the charge of its other boxes to another unset
 * variable. Everything is undone from trails, so values are restored bit for bit.
 */
export class Engine {
  readonly k: number;
  readonly n: number;
  readonly nc: Int32Array;
  readonly off: Int32Array;
  readonly C: number;
  readonly maxClasses: number;
  readonly W: Float64Array;
  readonly nw: number;
  readonly S: Float64Array;
  /** Per depth: fixed utility per party, and the sum of unset maxima per weight row. */
  readonly fixedAt: Float64Array;
  readonly sumAt: Float64Array;
  /** 1 for set variables. */
  readonly isSet: Uint8Array;

  readonly #bm: Float64Array;
  readonly #boxParty: Int32Array;
  readonly #boxUtil: Float64Array;
  readonly #boxWeight: Float64Array;
  readonly #boxStart: Int32Array;
  readonly #boxVar: Int32Array;
  readonly #boxMask: Int32Array;
  readonly #dead: Int32Array;
  readonly #free: Int32Array;
  readonly #charge: Int32Array;
  readonly #mem: Uint8Array;
  readonly #incStart: Int32Array;
  readonly #incBox: Int32Array;
  readonly #incMask: Int32Array;
  readonly #trail = new Trail();
  readonly #floor: Float64Array;
  readonly #mid: Float64Array;
  /** Per variable: weight of live boxes on it that still have another unset variable. */
  readonly #score: Float64Array;
  readonly #dirty: Int32Array;
  readonly #stampOf: Int32Array;
  #stamp = 0;

  constructor(comp: Component, W: Float64Array, weight: Float64Array) {
    const k = comp.unary.length;
    const n = comp.sizes.length;
    this.k = k;
    this.n = n;
    this.W = W;
    this.nw = W.length / k;
    this.nc = Int32Array.from(comp.sizes);
    this.off = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.off[v + 1] = (this.off[v] as number) + (this.nc[v] as number);
    this.C = this.off[n] as number;
    this.maxClasses = Math.max(1, ...this.nc);
    this.S = new Float64Array(k * this.C);
    for (let p = 0; p < k; p++)
      for (let v = 0; v < n; v++)
        this.S.set((comp.unary[p] as Float64Array[])[v] as Float64Array, p * this.C + this.off[v]!);
    const nb = comp.boxes.length;
    this.#boxParty = Int32Array.from(comp.boxes, (b) => b.party);
    this.#boxUtil = Float64Array.from(comp.boxes, (b) => b.utility);
    this.#boxWeight = weight;
    this.#boxStart = new Int32Array(nb + 1);
    const vars: number[] = [];
    const maskAt: number[] = [];
    const mem: number[] = [];
    const inc: { box: number; mask: number }[][] = Array.from({ length: n }, () => []);
    comp.boxes.forEach((b, j) => {
      b.vars.forEach((v, e) => {
        vars.push(v);
        maskAt.push(mem.length);
        (inc[v] as { box: number; mask: number }[]).push({ box: j, mask: mem.length });
        for (const x of b.masks[e] as Uint8Array) mem.push(x);
      });
      this.#boxStart[j + 1] = vars.length;
    });
    this.#boxVar = Int32Array.from(vars);
    this.#boxMask = Int32Array.from(maskAt);
    this.#mem = Uint8Array.from(mem);
    this.#incStart = new Int32Array(n + 1);
    inc.forEach((l, v) => {
      this.#incStart[v + 1] = (this.#incStart[v] as number) + l.length;
    });
    this.#incBox = Int32Array.from(inc.flat(), (x) => x.box);
    this.#incMask = Int32Array.from(inc.flat(), (x) => x.mask);
    this.#mid = middleRow(W, k);
    this.#floor = new Float64Array(k);
    for (let p = 0; p < k; p++) {
      let lo = 0;
      for (let v = 0; v < n; v++)
        lo += Math.min(...this.S.subarray(p * this.C + this.off[v]!, p * this.C + this.off[v + 1]!));
      for (const b of comp.boxes) if (b.party === p) lo += Math.min(0, b.utility);
      this.#floor[p] = lo;
    }
    this.#dead = new Int32Array(nb);
    this.#free = Int32Array.from(comp.boxes, (b) => b.vars.length);
    this.#charge = new Int32Array(nb).fill(-1);
    this.#score = new Float64Array(n);
    comp.boxes.forEach((b, j) => {
      for (const v of b.vars) this.#score[v]! += weight[j]!;
    });
    this.isSet = new Uint8Array(n);
    this.#dirty = new Int32Array(n);
    this.#stampOf = new Int32Array(n);
    for (let b = 0; b < nb; b++)
      if ((this.#boxUtil[b] as number) > 0) this.#chargeTo(b, this.#pickCharge(b, -1));
    this.#bm = new Float64Array(this.nw * n);
    this.fixedAt = new Float64Array((n + 1) * k);
    this.sumAt = new Float64Array((n + 1) * this.nw);
    for (let w = 0; w < this.nw; w++)
      for (let v = 0; v < n; v++) {
        this.#bm[w * n + v] = this.#best(v, w);
        this.sumAt[w]! += this.#bm[w * n + v]!;
      }
    this.#trail.reset();
  }

  /** Sets variable `v` to class `c` at depth `d`, filling depth `d + 1`. Undo with {@link undo}. */
  assign(d: number, v: number, c: number): void {
    const { k, n, C, nw } = this;
    const fixed = this.fixedAt;
    const mem = this.#mem;
    for (let p = 0; p < k; p++)
      fixed[(d + 1) * k + p] = fixed[d * k + p]! + this.S[p * C + this.off[v]! + c]!;
    for (let w = 0; w < nw; w++)
      this.sumAt[(d + 1) * nw + w] = this.sumAt[d * nw + w]! - this.#bm[w * n + v]!;
    this.isSet[v] = 1;
    const stamp = ++this.#stamp;
    let nd = 0;
    for (let e = this.#incStart[v]!; e < this.#incStart[v + 1]!; e++) {
      const b = this.#incBox[e] as number;
      this.#free[b]!--;
      if (this.#dead[b] !== 0) continue;
      const u = this.#boxUtil[b] as number;
      const at = this.#charge[b] as number;
      // Unset variables of the box before this one was set.
      const open = this.#free[b]! + 1;
      if (mem[this.#incMask[e]! + c] === 0) {
        this.#dead[b] = 1;
        this.#trail.pushDead(b);
        if (open >= 2) this.#unscore(b);
        // The box was counted in `S[v][c]` only if c is inside, so only another charge needs undoing.
        if (at >= 0 && at !== v) {
          this.#shift(b, at, -u);
          if (this.#stampOf[at] !== stamp) {
            this.#stampOf[at] = stamp;
            this.#dirty[nd++] = at;
          }
        }
        continue;
      }
      if (open === 2) this.#unscore(b);
      if (open === 1) {
        // Certain now; a positive box charged to v is already in the fixed sum through S[v][c].
        if (at !== v) fixed[(d + 1) * k + this.#boxParty[b]!]! += u;
      } else if (at === v) {
        // Still open: take back what S[v][c] counted and charge another unset variable.
        fixed[(d + 1) * k + this.#boxParty[b]!]! -= u;
        const to = this.#pickCharge(b, v);
        this.#trail.pushCharge(b, v);
        this.#chargeTo(b, to);
        if (this.#stampOf[to] !== stamp) {
          this.#stampOf[to] = stamp;
          this.#dirty[nd++] = to;
        }
      }
    }
    for (let i = 0; i < nd; i++) {
      const x = this.#dirty[i] as number;
      for (let w = 0; w < nw; w++) {
        const at = w * n + x;
        const best = this.#best(x, w);
        this.#trail.pushMax(at, this.#bm[at] as number);
        this.sumAt[(d + 1) * nw + w]! += best - this.#bm[at]!;
        this.#bm[at] = best;
      }
    }
  }

  /** Trail position to pass back to {@link undo}. */
  mark(): number {
    return this.#trail.mark();
  }

  undo(v: number, mark: number): void {
    this.#trail.undo(mark, this.S, this.#bm, this.#dead, this.#charge, this.#score);
    for (let e = this.#incStart[v]!; e < this.#incStart[v + 1]!; e++) this.#free[this.#incBox[e]!]!++;
    this.isSet[v] = 0;
  }

  /** Writes, per weight row, the bound on `w · u` below the node at depth `d`. */
  bounds(d: number, out: Float64Array): void {
    const { k, nw, W } = this;
    for (let w = 0; w < nw; w++) {
      let f = 0;
      for (let p = 0; p < k; p++) f += W[w * k + p]! * this.fixedAt[d * k + p]!;
      out[w] = f + this.sumAt[d * nw + w]!;
    }
  }

  /**
   * The unset variable to branch on: the one constraining the most weight of live boxes that
   * still have other unset variables, so that boxes become exact as early as possible.
   */
  pickVariable(): number {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < this.n; v++) {
      if (this.isSet[v] === 0 && this.#score[v]! > bestScore) {
        bestScore = this.#score[v]!;
        best = v;
      }
    }
    return best;
  }

  /** Least possible utility of party p (a floor for gaps). */
  lowest(p: number): number {
    return this.#floor[p] as number;
  }

  /**
   * Where to charge box b: the unset variable (other than `skip`) on which it raises the
   * balanced bound the least (it falls on classes that are not the best anyway); ties go to the
   * variable on which the box keeps the fewest classes.
   */
  #pickCharge(b: number, skip: number): number {
    const { k, C } = this;
    const mid = this.#mid;
    const party = this.#boxParty[b] as number;
    const gain = mid[party]! * this.#boxUtil[b]!;
    let best = -1;
    let bestRise = Number.POSITIVE_INFINITY;
    let bestShare = Number.POSITIVE_INFINITY;
    for (let e = this.#boxStart[b]!; e < this.#boxStart[b + 1]!; e++) {
      const v = this.#boxVar[e] as number;
      if (v === skip || this.isSet[v] === 1) continue;
      const m = this.#boxMask[e] as number;
      const base = this.off[v] as number;
      let before = Number.NEGATIVE_INFINITY;
      let after = Number.NEGATIVE_INFINITY;
      let kept = 0;
      for (let c = 0; c < this.nc[v]!; c++) {
        let x = 0;
        for (let p = 0; p < k; p++) x += mid[p]! * this.S[p * C + base + c]!;
        if (x > before) before = x;
        const inside = this.#mem[m + c] as number;
        kept += inside;
        if (x + inside * gain > after) after = x + inside * gain;
      }
      const rise = after - before;
      const share = kept / this.nc[v]!;
      if (rise < bestRise || (rise === bestRise && share < bestShare)) {
        bestRise = rise;
        bestShare = share;
        best = v;
      }
    }
    return best;
  }

  /** Box b stops counting for its unset variables (it died, or only one is left). */
  #unscore(b: number): void {
    const w = this.#boxWeight[b] as number;
    for (let e = this.#boxStart[b]!; e < this.#boxStart[b + 1]!; e++) {
      const u = this.#boxVar[e] as number;
      if (this.isSet[u] === 1) continue;
      this.#trail.pushScore(u, this.#score[u] as number);
      this.#score[u]! -= w;
    }
  }

  #chargeTo(b: number, v: number): void {
    this.#charge[b] = v;
    this.#shift(b, v, this.#boxUtil[b] as number);
  }

  /** Adds `delta` to the cells of variable `v` inside box `b`, on the trail. */
  #shift(b: number, v: number, delta: number): void {
    let m = -1;
    for (let e = this.#boxStart[b]!; e < this.#boxStart[b + 1]!; e++)
      if (this.#boxVar[e] === v) m = this.#boxMask[e]!;
    const base = this.#boxParty[b]! * this.C + this.off[v]!;
    for (let c = 0; c < this.nc[v]!; c++) {
      if (this.#mem[m + c] === 0) continue;
      this.#trail.pushCell(base + c, this.S[base + c]!);
      this.S[base + c]! += delta;
    }
  }

  #best(v: number, w: number): number {
    const { k, C, W } = this;
    let best = Number.NEGATIVE_INFINITY;
    const base = this.off[v] as number;
    for (let c = 0; c < this.nc[v]!; c++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += W[w * k + p]! * this.S[p * C + base + c]!;
      if (s > best) best = s;
    }
    return best;
  }
}

/** The balanced weight row (the middle mix for two parties, the first mix for more). */
export function middleRow(W: Float64Array, k: number): Float64Array {
  const nw = W.length / k;
  if (nw <= k) return new Float64Array(k).fill(1);
  const row = k === 2 ? k + Math.floor((nw - k) / 2) : k;
  return W.subarray(row * k, row * k + k);
}
