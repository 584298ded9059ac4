import { analyze } from '../analysis/analyze.js';
import type { FrontierPoint } from '../analysis/types.js';
import type { NegotiationTable } from '../protocols/index.js';

/** The reference points a simulation's agreements are measured against (seated parties only). */
export interface TableAnalysis {
  /** Pareto frontier of the seated parties (rational outcomes crossing no seated party's red line). */
  readonly frontier: readonly FrontierPoint[];
  readonly exact: boolean;
  /** Utilities of the (first) Nash bargaining solution, or null when the frontier is empty. */
  readonly nash: readonly number[] | null;
  /** Utilities of every tied Nash point (symmetric domains have several). */
  readonly nashPoints: readonly (readonly number[])[];
}

const cache = new WeakMap<NegotiationTable, TableAnalysis>();

/** Frontier and Nash point of the seated parties; computed once per table. */
export function tableAnalysis(
  table: NegotiationTable,
  options: { readonly now?: () => number; readonly budgetMs?: number } = {},
): TableAnalysis {
  const hit = cache.get(table);
  if (hit) return hit;
  const seated = { ...table.scenario, parties: table.seats.map((i) => table.scenario.parties[i]) };
  const a = analyze(seated as typeof table.scenario, {
    zone: false,
    issueZones: false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
  });
  const result: TableAnalysis = {
    frontier: a.frontier,
    exact: a.exact,
    nash: a.solutions.nash[0]?.utilities ?? null,
    nashPoints: a.solutions.nash.map((p) => p.utilities),
  };
  cache.set(table, result);
  return result;
}

/** Euclidean distance between two utility vectors. */
export function utilityDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Distance from a utility vector to the nearest frontier point (0 on or beyond the frontier). */
export function distanceToFrontier(
  u: readonly number[],
  frontier: readonly FrontierPoint[],
): number | undefined {
  let best = Number.POSITIVE_INFINITY;
  for (const p of frontier) {
    // A point that weakly dominates the frontier point is on (or past) the frontier.
    let beyond = true;
    for (let i = 0; i < u.length; i++)
      if ((u[i] as number) < (p.utilities[i] as number) - 1e-12) beyond = false;
    if (beyond) return 0;
    const d = utilityDistance(u, p.utilities);
    if (d < best) best = d;
  }
  return frontier.length ? best : undefined;
}

/** Distance from a utility vector to the nearest of several points (undefined when there are none). */
export function distanceToNearest(
  u: readonly number[],
  points: readonly (readonly number[])[],
): number | undefined {
  let best: number | undefined;
  for (const p of points) {
    const d = utilityDistance(u, p);
    if (best === undefined || d < best) best = d;
  }
  return best;
}
