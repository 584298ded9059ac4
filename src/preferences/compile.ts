import { type Issue, issueIndexOf, issueNumberAt } from '../outcomes/issue.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { Condition } from './red-line.js';
import type { UtilityFunction } from './utility.js';
import { evaluateValue } from './value-function.js';

/**
 * A utility function made fast for one outcome space. For additive utilities, `tables[i][v]` is
 * issue i's weighted contribution at value index v, and `u(o) = Σ tables[i][o[i]]` summed in
 * issue order (the order GENIUS and NegMAS use, so floating-point results agree).
 */
export interface CompiledUtility {
  readonly tables: readonly Float64Array[] | undefined;
  evaluate(outcome: Outcome): number;
}

export function compileUtility(space: OutcomeSpace, u: UtilityFunction): CompiledUtility {
  if (u.kind === 'linear-additive') {
    const tables = space.issues.map((issue, i) => {
      const size = space.sizes[i] as number;
      const t = new Float64Array(size);
      const w = u.weights[i] ?? 0;
      const fn = u.values[i];
      for (let v = 0; v < size; v++) t[v] = fn ? w * evaluateValue(fn, issueNumberAt(issue, v), v) : 0;
      return t;
    });
    const n = tables.length;
    return {
      tables,
      evaluate(o) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (tables[i] as Float64Array)[o[i] as number] as number;
        return s;
      },
    };
  }
  const scale = u.scale ?? 1;
  const cap = u.cap ?? Number.POSITIVE_INFINITY;
  const rects = u.rectangles.map((r) => ({
    utility: r.utility,
    issues: Int32Array.from(r.bounds.map((b) => b.issue)),
    mins: Int32Array.from(r.bounds.map((b) => b.min)),
    maxs: Int32Array.from(r.bounds.map((b) => b.max)),
  }));
  return {
    tables: undefined,
    evaluate(o) {
      let s = 0;
      for (const r of rects) {
        let inside = true;
        for (let k = 0; k < r.issues.length; k++) {
          const v = o[r.issues[k] as number] as number;
          if (v < (r.mins[k] as number) || v > (r.maxs[k] as number)) {
            inside = false;
            break;
          }
        }
        if (inside) s += r.utility;
      }
      return Math.min(s / scale, cap);
    },
  };
}

/**
 * A condition made fast. `issues` lists the issue positions it reads; when it reads exactly one,
 * `mask[v]` is 1 for the value indices it matches (so it can restrict that issue's domain
 * without enumerating outcomes).
 */
export interface CompiledCondition {
  readonly issues: readonly number[];
  readonly mask: Uint8Array | undefined;
  test(outcome: Outcome): boolean;
}

/** Matches of a leaf condition on one issue, as a mask over value indices. */
function leafMask(issue: Issue, size: number, c: Extract<Condition, { issue: string }>): Uint8Array {
  const mask = new Uint8Array(size);
  const inSet = c.in ? new Set(c.in.map((v) => issueIndexOf(issue, v))) : undefined;
  const outSet = c.notIn ? new Set(c.notIn.map((v) => issueIndexOf(issue, v))) : undefined;
  for (let v = 0; v < size; v++) {
    const x = issueNumberAt(issue, v);
    let m = true;
    if (inSet && !inSet.has(v)) m = false;
    if (outSet?.has(v)) m = false;
    const numeric = issue.kind !== 'discrete';
    if (numeric && c.below !== undefined && !(x < c.below)) m = false;
    if (numeric && c.above !== undefined && !(x > c.above)) m = false;
    if (numeric && c.atMost !== undefined && !(x <= c.atMost)) m = false;
    if (numeric && c.atLeast !== undefined && !(x >= c.atLeast)) m = false;
    mask[v] = m ? 1 : 0;
  }
  return mask;
}

/** Compiles a condition; names must be valid (validated by the io layer first). */
export function compileCondition(space: OutcomeSpace, c: Condition): CompiledCondition {
  if ('issue' in c) {
    const i = space.issues.findIndex((x) => x.name === c.issue);
    const mask = leafMask(space.issues[i] as Issue, space.sizes[i] as number, c);
    return { issues: [i], mask, test: (o) => mask[o[i] as number] === 1 };
  }
  const parts =
    'not' in c
      ? [compileCondition(space, c.not)]
      : ('all' in c ? c.all : c.any).map((x) => compileCondition(space, x));
  const issues = [...new Set(parts.flatMap((p) => p.issues))].sort((a, b) => a - b);
  let test: (o: Outcome) => boolean;
  if ('not' in c) {
    const p = parts[0] as CompiledCondition;
    test = (o) => !p.test(o);
  } else if ('all' in c) test = (o) => parts.every((p) => p.test(o));
  else test = (o) => parts.some((p) => p.test(o));
  let mask: Uint8Array | undefined;
  if (issues.length === 1) {
    const i = issues[0] as number;
    const size = space.sizes[i] as number;
    mask = new Uint8Array(size);
    const probe = new Array<number>(space.sizes.length).fill(0);
    for (let v = 0; v < size; v++) {
      probe[i] = v;
      mask[v] = test(probe) ? 1 : 0;
    }
  }
  return { issues, mask, test };
}
