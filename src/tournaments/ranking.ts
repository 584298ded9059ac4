import { type MeanEstimate, meanInterval, wilsonInterval } from './confidence.js';
import type { TournamentResult } from './result.js';

/** How one strategy did, over every seat it took. */
export interface StrategyStanding {
  /** 1 for the best score. */
  readonly rank: number;
  readonly strategy: string;
  /** Seats it took (a run where it meets itself counts twice). */
  readonly seats: number;
  /** Its utility per seat (the reservation value without agreement). */
  readonly utility: MeanEstimate;
  /** The same, discounted to the end time. */
  readonly discounted: MeanEstimate;
  /** Share of its seats that ended in agreement (Wilson interval). */
  readonly agreementRate: MeanEstimate;
  readonly rounds: MeanEstimate;
  /** Distance of its agreements to the Nash point; absent without agreements (or analysis). */
  readonly nashDistance?: MeanEstimate;
}

/** A ranking of the strategies of a tournament, best first. */
export interface Ranking {
  /** What the standings are sorted by. */
  readonly score: 'utility' | 'discounted';
  readonly runs: number;
  readonly standings: readonly StrategyStanding[];
  /** The same per scenario (with `byScenario`). */
  readonly byScenario?: readonly {
    readonly scenario: string;
    readonly name: string;
    readonly runs: number;
    readonly standings: readonly StrategyStanding[];
  }[];
}

/** Options of {@link rankStrategies}; every field has a default. */
export interface RankOptions {
  /** Sort by mean `utility` (default) or mean `discounted` utility. */
  readonly score?: 'utility' | 'discounted';
  /** Also rank within each scenario (default false). */
  readonly byScenario?: boolean;
}

interface Tally {
  utility: number[];
  discounted: number[];
  agreed: number;
  rounds: number[];
  nash: number[];
}

function standings(
  results: readonly TournamentResult[],
  score: 'utility' | 'discounted',
): StrategyStanding[] {
  const tallies = new Map<string, Tally>();
  for (const r of results) {
    r.agents.forEach((agent, seat) => {
      let t = tallies.get(agent);
      if (!t) {
        t = { utility: [], discounted: [], agreed: 0, rounds: [], nash: [] };
        tallies.set(agent, t);
      }
      t.utility.push(r.utilities[seat] as number);
      t.discounted.push(r.discounted[seat] as number);
      t.rounds.push(r.rounds);
      if (r.agreement) t.agreed++;
      if (r.nashDistance !== undefined) t.nash.push(r.nashDistance);
    });
  }
  const rows = [...tallies].map(([strategy, t]) => {
    const nash = meanInterval(t.nash);
    return {
      rank: 0,
      strategy,
      seats: t.utility.length,
      utility: meanInterval(t.utility) as MeanEstimate,
      discounted: meanInterval(t.discounted) as MeanEstimate,
      agreementRate: wilsonInterval(t.agreed, t.utility.length) as MeanEstimate,
      rounds: meanInterval(t.rounds) as MeanEstimate,
      ...(nash ? { nashDistance: nash } : {}),
    };
  });
  rows.sort(
    (a, b) =>
      b[score].mean - a[score].mean || (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0),
  );
  return rows.map((row, i) => ({ ...row, rank: i + 1 }));
}

/**
 * Ranks the strategies of a tournament by their mean utility per seat, with 95 % confidence
 * intervals (t intervals for means, Wilson for the agreement rate). Deterministic whatever the
 * order the results arrived in: they are taken in id order.
 *
 * Each seat a strategy takes is one observation; intervals treat observations as independent,
 * which holds across runs (every run has its own seed) — the two seats of one run are not, so
 * with self-play the intervals are a little optimistic.
 *
 * @example
 * rankStrategies(outcome.results).standings[0]; // { rank: 1, strategy: 'boulware', utility: { mean: 0.71, low: 0.69, high: 0.73, n: 240 }, … }
 */
export function rankStrategies(results: readonly TournamentResult[], options: RankOptions = {}): Ranking {
  const score = options.score ?? 'utility';
  const sorted = [...results].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranking: Ranking = { score, runs: sorted.length, standings: standings(sorted, score) };
  if (!options.byScenario) return ranking;
  const groups = new Map<string, TournamentResult[]>();
  for (const r of sorted) {
    const g = groups.get(r.scenario);
    if (g) g.push(r);
    else groups.set(r.scenario, [r]);
  }
  const byScenario = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([scenario, rs]) => ({
      scenario,
      name: (rs[0] as TournamentResult).name,
      runs: rs.length,
      standings: standings(rs, score),
    }));
  return { ...ranking, byScenario };
}
