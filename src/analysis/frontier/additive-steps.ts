/**
 * The building blocks of one step of the additive merge (see `additive-frontier.ts`): the
 * candidates of kept points plus one issue's values, the values that cannot matter, the
 * bookkeeping of sorted orders between steps, and thinning when a step holds too many points.
 */
/**
 * Keeps the first point (enumeration order) of each cell of a grid over utilities, the grid
 * coarsened until at most `cap` points remain: every dropped point has a kept one at most one
 * cell width `δ_p` below it in each party p. Returns the kept indices (ascending) and max δ_p.
 */
export function thin(
  cols: readonly Float64Array[],
  kept: Int32Array,
  cap: number,
  states?: Int32Array,
): { kept: Int32Array; gap: number } {
  const k = cols.length;
  const lo = cols.map((c) => kept.reduce((m, a) => Math.min(m, c[a] as number), Number.POSITIVE_INFINITY));
  const hi = cols.map((c) => kept.reduce((m, a) => Math.max(m, c[a] as number), Number.NEGATIVE_INFINITY));
  // A (k-1)-dimensional frontier meets about cells^(k-1) cells of the grid (twice that for k = 2).
  let cells = Math.max(2, Math.floor((cap / 2) ** (1 / Math.max(1, k - 1))));
  for (;;) {
    const width = lo.map((l, p) => ((hi[p] as number) - l) / cells);
    const seen = new Set<number | string>();
    const out: number[] = [];
    for (const a of kept) {
      let key = 0;
      for (let p = 0; p < k; p++) {
        const w = width[p] as number;
        const cell =
          w > 0
            ? Math.min(
                cells - 1,
                Math.floor((((cols[p] as Float64Array)[a] as number) - (lo[p] as number)) / w),
              )
            : 0;
        key = key * cells + cell;
      }
      const id = states ? `${states[a]}:${key}` : key;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(a);
    }
    if (out.length <= cap || cells <= 2) return { kept: Int32Array.from(out), gap: Math.max(...width) };
    cells = Math.max(2, Math.floor(cells / 2));
  }
}

/**
 * Two-party candidates without red lines to check (the main loop's general case, unrolled):
 * kept point j plus value slot t, when it can still reach both reservations. Returns how many.
 */
export function pairCandidates(
  cur: readonly Float64Array[],
  stage: readonly Float64Array[],
  after: readonly number[],
  floor: readonly number[],
  opts: Int32Array,
  m: number,
  cand: readonly Float64Array[],
  candParent: Int32Array,
  candValue: Int32Array,
  slot: Int32Array,
): number {
  const [x0, x1] = cur as [Float64Array, Float64Array];
  const [s0, s1] = stage as [Float64Array, Float64Array];
  const [c0, c1] = cand as [Float64Array, Float64Array];
  const [a0, a1] = after as [number, number];
  const [f0, f1] = floor as [number, number];
  const q = opts.length;
  let c = 0;
  for (let j = 0; j < m; j++) {
    const y0 = x0[j] as number;
    const y1 = x1[j] as number;
    for (let t = 0; t < q; t++) {
      const v = opts[t] as number;
      const u0 = y0 + (s0[v] as number);
      if (u0 + a0 < f0) continue;
      const u1 = y1 + (s1[v] as number);
      if (u1 + a1 < f1) continue;
      c0[c] = u0;
      c1[c] = u1;
      candParent[c] = j;
      candValue[c] = v;
      slot[j * q + t] = c;
      c++;
    }
  }
  return c;
}

/**
 * The values of `opts` that no other value dominates with room to spare: `w` drops `v` when
 * `w` is `>=` for every party and ahead by more than `slack[p]` for some p. Every outcome using
 * `v` is then beaten by the same outcome with `w` (float sums are monotone, and the lead
 * outlasts the rounding of the remaining additions), so the merge would drop it anyway.
 */
export function undominatedValues(
  opts: Int32Array,
  stage: readonly Float64Array[],
  slack: readonly number[],
): Int32Array {
  const out: number[] = [];
  for (const v of opts) {
    let dominated = false;
    for (const w of opts) {
      if (w === v) continue;
      let ge = true;
      let ahead = false;
      for (let p = 0; p < stage.length && ge; p++) {
        const a = (stage[p] as Float64Array)[w] as number;
        const b = (stage[p] as Float64Array)[v] as number;
        if (a < b) ge = false;
        else if (a - b > (slack[p] as number)) ahead = true;
      }
      if (ge && ahead) {
        dominated = true;
        break;
      }
    }
    if (!dominated) out.push(v);
  }
  return out.length === opts.length ? opts : Int32Array.from(out);
}

/** Three-party {@link pairCandidates}. */
export function tripleCandidates(
  cur: readonly Float64Array[],
  stage: readonly Float64Array[],
  after: readonly number[],
  floor: readonly number[],
  opts: Int32Array,
  m: number,
  cand: readonly Float64Array[],
  candParent: Int32Array,
  candValue: Int32Array,
  slot: Int32Array,
): number {
  const [x0, x1, x2] = cur as [Float64Array, Float64Array, Float64Array];
  const [s0, s1, s2] = stage as [Float64Array, Float64Array, Float64Array];
  const [c0, c1, c2] = cand as [Float64Array, Float64Array, Float64Array];
  const [a0, a1, a2] = after as [number, number, number];
  const [f0, f1, f2] = floor as [number, number, number];
  const q = opts.length;
  let c = 0;
  for (let j = 0; j < m; j++) {
    const y0 = x0[j] as number;
    const y1 = x1[j] as number;
    const y2 = x2[j] as number;
    for (let t = 0; t < q; t++) {
      const v = opts[t] as number;
      const u0 = y0 + (s0[v] as number);
      if (u0 + a0 < f0) continue;
      const u1 = y1 + (s1[v] as number);
      if (u1 + a1 < f1) continue;
      const u2 = y2 + (s2[v] as number);
      if (u2 + a2 < f2) continue;
      c0[c] = u0;
      c1[c] = u1;
      c2[c] = u2;
      candParent[c] = j;
      candValue[c] = v;
      slot[j * q + t] = c;
      c++;
    }
  }
  return c;
}

/** The kept candidates of `order` (all candidates, in some order), as positions in `kept`. */
export function keptIn(order: Int32Array, kept: Int32Array, candidates: number): Int32Array {
  const at = new Int32Array(candidates).fill(-1);
  for (let t = 0; t < kept.length; t++) at[kept[t] as number] = t;
  const out = new Int32Array(kept.length);
  let n = 0;
  for (let r = 0; r < order.length; r++) {
    const t = at[order[r] as number] as number;
    if (t >= 0) out[n++] = t;
  }
  return out;
}

/** `order` (candidate indices, a permutation of `kept`) as positions in `kept` (ascending). */
export function renumber(order: Int32Array, kept: Int32Array, candidates: number): Int32Array {
  const at = new Int32Array(candidates);
  for (let t = 0; t < kept.length; t++) at[kept[t] as number] = t;
  const out = new Int32Array(order.length);
  for (let t = 0; t < order.length; t++) out[t] = at[order[t] as number] as number;
  return out;
}
