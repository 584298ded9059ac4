import type { ReducedProblem } from './reduce.js';

/** A box over a component's local variables. */
export interface LocalBox {
  readonly party: number;
  readonly utility: number;
  /** Local variable indices, ascending. */
  readonly vars: Int32Array;
  /** Per entry of `vars`, which classes of that variable are inside. */
  readonly masks: readonly Uint8Array[];
}

/**
 * Issues linked by boxes: the utility of every party is a sum over components, so each one can
 * be solved alone and the frontiers combined.
 */
export interface Component {
  /** Global issue position of each local variable. */
  readonly issues: Int32Array;
  /** Classes per local variable. */
  readonly sizes: Int32Array;
  /** `unary[p][v][c]`: raw utility of party p for class c of variable v. */
  readonly unary: readonly (readonly Float64Array[])[];
  readonly boxes: readonly LocalBox[];
}

/**
 * Splits a reduced problem; issues with a single class fold into the returned constant. Issues
 * in one of `links` (read together by a red line) stay in one component.
 */
export function splitComponents(
  r: ReducedProblem,
  links: readonly (readonly number[])[] = [],
): { components: Component[]; constant: Float64Array } {
  const n = r.classes.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const b of r.boxes) {
    const a = find(b.issues[0] as number);
    for (const i of b.issues) parent[find(i)] = a;
  }
  for (const l of links) for (const i of l) parent[find(i)] = find(l[0] as number);
  const constant = Float64Array.from(r.constant);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if ((r.classes[i] as Int32Array).length === 1 && !r.boxes.some((b) => b.issues.includes(i))) {
      for (let p = 0; p < r.parties; p++)
        constant[p] = (constant[p] as number) + ((r.unary[p] as Float64Array[])[i] as Float64Array)[0]!;
      continue;
    }
    const g = find(i);
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  const boxesOf = new Map<number, ReducedProblem['boxes'][number][]>();
  for (const b of r.boxes) {
    const g = find(b.issues[0] as number);
    const list = boxesOf.get(g);
    if (list) list.push(b);
    else boxesOf.set(g, [b]);
  }
  const components: Component[] = [];
  for (const [g, issues] of groups) {
    const local = new Map(issues.map((i, v) => [i, v]));
    components.push({
      issues: Int32Array.from(issues),
      sizes: Int32Array.from(issues, (i) => (r.classes[i] as Int32Array).length),
      unary: r.unary.map((u) => issues.map((i) => u[i] as Float64Array)),
      boxes: (boxesOf.get(g) ?? []).map((b) => ({
        party: b.party,
        utility: b.utility,
        vars: Int32Array.from(b.issues, (i) => local.get(i) as number),
        masks: b.masks,
      })),
    });
  }
  // Small components first: they finish at once and tighten the others' thresholds.
  components.sort((a, b) => a.issues.length - b.issues.length);
  return { components, constant };
}
