import type { FrontierPoint } from '../types.js';

/** One point of a solution: a frontier point and its position in the frontier. */
export interface SolutionPoint {
  readonly outcome: readonly number[];
  readonly utilities: readonly number[];
  readonly frontierIndex: number;
}

/** Every bargaining solution, each a list of tied frontier points (empty when the frontier is). */
export interface Solutions {
  /** Maximises Π (u_i − d_i). */
  readonly nash: SolutionPoint[];
  /** Most equal normalised gains `(u_i − d_i)/(max_i − d_i)`: minimises their max − min. */
  readonly kalaiSmorodinsky: SolutionPoint[];
  /** Maximises min_i (u_i − d_i) (Kalai 1977). */
  readonly kalaiEgalitarian: SolutionPoint[];
  /** Kalai–Smorodinsky with d = 0: most equal `u_i / max_i`. */
  readonly modifiedKalaiSmorodinsky: SolutionPoint[];
  /** Kalai egalitarian with d = 0: maximises min_i u_i. */
  readonly modifiedKalaiEgalitarian: SolutionPoint[];
  /** Maximises Σ u_i. */
  readonly maxWelfare: SolutionPoint[];
  /** Maximises Σ (u_i − min_i)/(max_i − max(reserved_i, min_i)). */
  readonly maxRelativeWelfare: SolutionPoint[];
}

export interface SolutionInput {
  /** The frontier, as {@link paretoFrontier} returns it. */
  readonly frontier: readonly FrontierPoint[];
  /** Per party: min and max of its utility over all outcomes. */
  readonly ranges: readonly (readonly [number, number])[];
  /** Per party reservation value (may be -Infinity). */
  readonly reservations: readonly number[];
  /** Points within this of the optimum are tied; default 1e-12 (NegMAS). */
  readonly tolerance?: number;
}

/**
 * The disagreement point: `reserved_i` when it is finite and at least `min_i`, else `min_i`.
 *
 * @example
 * disagreementPoint([[0.35, 1], [0.2, 1]], [0.5, -Infinity]); // [0.5, 0.2]
 */
export function disagreementPoint(
  ranges: readonly (readonly [number, number])[],
  reservations: readonly number[],
): number[] {
  return ranges.map(([min], i) => {
    const r = reservations[i] as number;
    return Number.isFinite(r) && r >= min ? r : min;
  });
}

/** Indices whose value is within `tol` of the best (max, or min when `minimise`). */
function argBest(values: readonly number[], tol: number, minimise = false): number[] {
  if (values.length === 0) return [];
  let best = minimise ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (const v of values) if (minimise ? v < best : v > best) best = v;
  const out: number[] = [];
  values.forEach((v, i) => {
    if (minimise ? v <= best + tol : v >= best - tol) out.push(i);
  });
  return out;
}

/**
 * Every bargaining solution over the frontier (frontier points only, no interpolation), with
 * NegMAS's definitions: disagreement point from {@link disagreementPoint}; ties are every point
 * within `tolerance` of the optimum. A normalisation that would divide by a range of at most
 * `tolerance` makes every frontier point a solution (NegMAS's rule for degenerate ranges).
 *
 * @example
 * const s = solutions({ frontier: f.points, ranges, reservations: [0, 0] });
 * s.nash[0]; // { outcome: [2, 0, 0], utilities: [1.00005, 0.815], frontierIndex: 0 }
 */
export function solutions(input: SolutionInput): Solutions {
  const { frontier, ranges, reservations } = input;
  const tol = input.tolerance ?? 1e-12;
  const k = ranges.length;
  const d = disagreementPoint(ranges, reservations);
  const maxs = ranges.map((r) => r[1]);
  const mins = ranges.map((r) => r[0]);
  const pick = (indices: number[]): SolutionPoint[] =>
    indices.map((i) => {
      const p = frontier[i] as FrontierPoint;
      return { outcome: p.outcome, utilities: p.utilities, frontierIndex: i };
    });
  const all = frontier.map((_, i) => i);
  const degenerate = (lo: readonly number[]): boolean => maxs.some((m, i) => !(m - (lo[i] as number) > tol));
  const us = frontier.map((p) => p.utilities);
  const zeros = new Array<number>(k).fill(0);

  const spread = (g: number[]): number => Math.max(...g) - Math.min(...g);
  const ks = (base: readonly number[]): number[] =>
    degenerate(base) || degenerate(d)
      ? all
      : argBest(
          us.map((u) =>
            spread(u.map((x, i) => (x - (base[i] as number)) / ((maxs[i] as number) - (base[i] as number)))),
          ),
          tol,
          true,
        );
  const ke = (base: readonly number[]): number[] =>
    degenerate(d)
      ? all
      : argBest(
          us.map((u) => Math.min(...u.map((x, i) => x - (base[i] as number)))),
          tol,
        );

  const nash = degenerate(d)
    ? all
    : argBest(
        us.map((u) => {
          let v = 1;
          for (let i = 0; i < k; i++) v *= (u[i] as number) - (d[i] as number);
          return v;
        }),
        tol,
      );
  const welfare = degenerate(mins)
    ? all
    : argBest(
        us.map((u) => u.reduce((s, x) => s + x, 0)),
        tol,
      );
  const floors = mins.map((m, i) => Math.max(reservations[i] as number, m));
  const relative =
    degenerate(mins) || degenerate(floors)
      ? all
      : argBest(
          us.map((u) => {
            let s = 0;
            for (let i = 0; i < k; i++)
              s += ((u[i] as number) - (mins[i] as number)) / ((maxs[i] as number) - (floors[i] as number));
            return s;
          }),
          tol,
        );
  return {
    nash: pick(nash),
    kalaiSmorodinsky: pick(ks(d)),
    kalaiEgalitarian: pick(ke(d)),
    modifiedKalaiSmorodinsky: pick(ks(zeros)),
    modifiedKalaiEgalitarian: pick(ke(zeros)),
    maxWelfare: pick(welfare),
    maxRelativeWelfare: pick(relative),
  };
}
