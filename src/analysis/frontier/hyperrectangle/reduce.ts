import type { PartyTerms } from './terms.js';

/** A box over value classes: earned when, for every `issues[k]`, `masks[k][class] === 1`. */
export interface ClassBox {
  readonly party: number;
  readonly utility: number;
  readonly issues: Int32Array;
  readonly masks: readonly Uint8Array[];
}

/**
 * The outcome space shrunk to value classes. Values that no term tells apart are one class
 * (represented by its first value); a class that is weakly worse than another for every party in
 * every context is dropped, since it can only produce dominated or duplicate utility vectors.
 * `unary[p][i][c]` and `constant[p]` are raw sums (before each party's scale).
 */
export interface ReducedProblem {
  readonly parties: number;
  /** Per issue, the value index representing each class (ascending). Empty: no allowed value. */
  readonly classes: readonly Int32Array[];
  readonly unary: readonly (readonly Float64Array[])[];
  readonly constant: Float64Array;
  readonly boxes: readonly ClassBox[];
}

interface MutableBox {
  party: number;
  utility: number;
  issues: number[];
  masks: Uint8Array[];
}

/** Pairwise dominance checks allowed per issue and round (beyond, only equal classes merge). */
const DOMINANCE_WORK = 2e7;
/** Rounds of reduction at most: each is exact on its own, so stopping early only saves less. */
const MAX_ROUNDS = 64;

/**
 * Reduces the space for the given parties. `allowed[i]` masks the values an issue may take (red
 * lines on one issue); issues in `pinned` keep every allowed value as its own class (a red line
 * reading several issues must see the real values).
 */
export function reduceProblem(
  sizes: readonly number[],
  terms: readonly PartyTerms[],
  allowed: readonly (Uint8Array | undefined)[],
  pinned: ReadonlySet<number>,
): ReducedProblem {
  const k = terms.length;
  const n = sizes.length;
  let classes: Int32Array[] = sizes.map((s, i) => {
    const mask = allowed[i];
    const vals: number[] = [];
    for (let v = 0; v < s; v++) if (!mask || mask[v] === 1) vals.push(v);
    return Int32Array.from(vals);
  });
  const constant = Float64Array.from(terms, (t) => t.constant);
  const unary = terms.map((t) =>
    classes.map((cl, i) => Float64Array.from(cl, (v) => (t.unary[i] as Float64Array)[v] as number)),
  );
  let boxes: MutableBox[] = [];
  terms.forEach((t, p) => {
    for (const b of t.boxes) {
      const issues = Array.from(b.issues);
      const masks = issues.map((i, e) =>
        Uint8Array.from(classes[i] as Int32Array, (v) =>
          v >= (b.mins[e] as number) && v <= (b.maxs[e] as number) ? 1 : 0,
        ),
      );
      boxes.push({ party: p, utility: b.utility, issues, masks });
    }
  });
  if (classes.some((c) => c.length === 0))
    return { parties: k, classes, unary, constant, boxes: freeze(boxes) };

  for (let changed = true, round = 0; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    // Drop constraints that every class meets, and boxes that no class can meet.
    const kept: MutableBox[] = [];
    for (const b of boxes) {
      let dead = false;
      const issues: number[] = [];
      const masks: Uint8Array[] = [];
      b.issues.forEach((i, e) => {
        const m = b.masks[e] as Uint8Array;
        let ones = 0;
        for (const x of m) ones += x;
        if (ones === 0) dead = true;
        else if (ones < m.length) {
          issues.push(i);
          masks.push(m);
        }
      });
      if (dead) {
        changed = true;
        continue;
      }
      if (issues.length !== b.issues.length) changed = true;
      if (issues.length === 0) constant[b.party] = (constant[b.party] as number) + b.utility;
      else if (issues.length === 1) {
        const t = (unary[b.party] as Float64Array[])[issues[0] as number] as Float64Array;
        const m = masks[0] as Uint8Array;
        for (let c = 0; c < t.length; c++) if (m[c] === 1) t[c] = (t[c] as number) + b.utility;
      } else kept.push({ ...b, issues, masks });
    }
    boxes = kept;
    const touching: number[][] = classes.map(() => []);
    boxes.forEach((b, j) => {
      for (const i of b.issues) (touching[i] as number[]).push(j);
    });
    for (let i = 0; i < n; i++) {
      const count = (classes[i] as Int32Array).length;
      if (pinned.has(i) || count < 2) continue;
      const keep = survivingClasses(i, count, unary, boxes, touching[i] as number[]);
      if (keep.length === count) continue;
      changed = true;
      classes = classes.slice();
      classes[i] = Int32Array.from(keep, (c) => (classes[i] as Int32Array)[c] as number);
      for (const u of unary) u[i] = Float64Array.from(keep, (c) => (u[i] as Float64Array)[c] as number);
      for (const j of touching[i] as number[]) {
        const b = boxes[j] as MutableBox;
        const e = b.issues.indexOf(i);
        const m = b.masks[e] as Uint8Array;
        b.masks[e] = Uint8Array.from(keep, (c) => m[c] as number);
      }
    }
  }
  return { parties: k, classes, unary, constant, boxes: freeze(boxes) };
}

/** Classes of issue `i` that are neither a repeat of an earlier class nor dominated by another. */
function survivingClasses(
  i: number,
  count: number,
  unary: readonly Float64Array[][],
  boxes: readonly MutableBox[],
  touching: readonly number[],
): number[] {
  const masks = touching.map((j) => {
    const b = boxes[j] as MutableBox;
    return b.masks[b.issues.indexOf(i)] as Uint8Array;
  });
  const signature = (c: number): string => {
    let s = '';
    for (const u of unary) s += `${(u[i] as Float64Array)[c]},`;
    for (const m of masks) s += m[c];
    return s;
  };
  const seen = new Set<string>();
  const distinct: number[] = [];
  for (let c = 0; c < count; c++) {
    const s = signature(c);
    if (!seen.has(s)) {
      seen.add(s);
      distinct.push(c);
    }
  }
  if (distinct.length * distinct.length * (unary.length + masks.length) > DOMINANCE_WORK) return distinct;
  // `b` dominates `a` when it is no worse in every unary term, sits in every positive box `a`
  // sits in, and in no negative box `a` avoids. Distinct signatures make this antisymmetric.
  const dominates = (b: number, a: number): boolean => {
    for (const u of unary)
      if (((u[i] as Float64Array)[b] as number) < ((u[i] as Float64Array)[a] as number)) return false;
    for (let t = 0; t < masks.length; t++) {
      const m = masks[t] as Uint8Array;
      const util = (boxes[touching[t] as number] as MutableBox).utility;
      if (util > 0 ? m[a] === 1 && m[b] === 0 : m[b] === 1 && m[a] === 0) return false;
    }
    return true;
  };
  return distinct.filter((a) => !distinct.some((b) => b !== a && dominates(b, a)));
}

function freeze(boxes: readonly MutableBox[]): ClassBox[] {
  return boxes.map((b) => ({
    party: b.party,
    utility: b.utility,
    issues: Int32Array.from(b.issues),
    masks: b.masks,
  }));
}
