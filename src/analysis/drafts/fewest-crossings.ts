import { SPACE_CONSTRAINT } from '../../preferences/problem.js';
import { makePlan, type SearchModel } from '../search/additive-plan.js';
import { type Objective, type SearchResult, search } from '../search/additive-search.js';

/** Red lines (positions in `model.redLines`) the fixed issues alone cross (-1: open). */
export function fixedCrossings(model: SearchModel, fixed: readonly number[]): number[] {
  const decided = (issues: readonly number[]) => issues.every((i) => (fixed[i] as number) >= 0);
  const out: number[] = [];
  model.redLines.forEach((r, idx) => {
    const crossed = decided(r.issues)
      ? r.test(fixed)
      : r.parts.some((part) => decided(part.issues) && part.test(fixed));
    if (crossed) out.push(idx);
  });
  return out;
}

/** One way to cross the fewest red lines: which to give up and the best completion then. */
export interface Crossing {
  /** Red lines given up (positions in `model.redLines`), the forced ones first. */
  readonly crossed: readonly number[];
  readonly result: SearchResult;
}

export interface FewestOptions {
  /** Value index per issue, -1 open; default all open. */
  readonly fixed?: readonly number[];
  /** What a completion must achieve once the given-up red lines are ignored; default `maxmin` (none). */
  readonly objective?: Objective;
  /** Largest number of searches; default 4,096. Beyond it the answer is marked inexact. */
  readonly budget?: number;
}

/**
 * The fewest red lines a completion must cross, found exactly by trying sets of red lines to
 * give up in order of size (those the fixed issues already cross are forced): every minimal
 * set that lets the objective succeed, with its best completion. `undefined` when even giving
 * up every red line does not (the objective needs reservations nobody can meet).
 */
export function fewestCrossings(
  model: SearchModel,
  options: FewestOptions = {},
): { readonly sets: readonly Crossing[]; readonly exact: boolean } | undefined {
  const fixed = options.fixed ?? model.sizes.map(() => -1);
  const objective = options.objective ?? { kind: 'maxmin' };
  let budget = options.budget ?? 4096;
  const forced = fixedCrossings(model, fixed);
  const forcedSet = new Set(forced);
  // A constraint of the space is never given up (only forced, when the fixed issues cross it).
  const candidates = model.redLines
    .map((_, i) => i)
    .filter((i) => !forcedSet.has(i) && model.redLines[i]?.party !== SPACE_CONSTRAINT);
  const attempt = (extra: readonly number[]): SearchResult | undefined => {
    budget--;
    return search(makePlan(model, { fixed, ignore: new Set([...forced, ...extra]) }), objective);
  };
  for (let size = 0; size <= candidates.length; size++) {
    const sets: Crossing[] = [];
    let exhausted = false;
    forEachSubset(candidates, size, (subset) => {
      if (budget <= 0) {
        exhausted = true;
        return true;
      }
      const r = attempt(subset);
      if (r) sets.push({ crossed: [...forced, ...subset], result: r });
      return false;
    });
    if (sets.length > 0) return { sets, exact: !exhausted };
    if (exhausted) {
      const r = attempt(candidates);
      return r ? { sets: [{ crossed: [...forced, ...candidates], result: r }], exact: false } : undefined;
    }
  }
  return undefined;
}

/** Calls `fn` for every `size`-subset of `items` in lexicographic order; `fn` returning true stops. */
export function forEachSubset(
  items: readonly number[],
  size: number,
  fn: (subset: readonly number[]) => boolean,
): void {
  const pick: number[] = [];
  const rec = (start: number): boolean => {
    if (pick.length === size) return fn(pick.slice());
    for (let i = start; i <= items.length - (size - pick.length); i++) {
      pick.push(items[i] as number);
      if (rec(i + 1)) return true;
      pick.pop();
    }
    return false;
  };
  rec(0);
}
