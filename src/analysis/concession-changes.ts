import type { Scenario } from '../model/scenario.js';
import type { SearchModel } from './additive-plan.js';
import type { BoundChain, Concession } from './concession-moves.js';
import type { AnalysisProblem } from './problem.js';

/** Everything the single and pair searches share. */
export interface ConcessionContext {
  readonly scenario: Scenario;
  readonly problem: AnalysisProblem;
  readonly model: SearchModel;
  readonly fixed: readonly number[];
  readonly chains: readonly BoundChain[];
  /** Per party: lowest and highest utility over the completions. */
  readonly ranges: readonly (readonly [number, number])[];
}

export const fmt = (x: number): string =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(4)));

/** Sentence for a change. */
export function describe(ctx: ConcessionContext, c: Concession): string {
  if (c.kind === 'lower-reservation')
    return `${c.party} lowers its reservation from ${fmt(c.from)} to ${fmt(c.to)} (gives up ${fmt(c.from - c.to)})`;
  const r = ctx.problem.redLines.find(
    (x) => x.id === c.redLine && ctx.problem.parties[x.party]?.name === c.party,
  );
  // A dash, not parentheses: descriptions often hold parentheses of their own.
  const about = r?.description ? ` — ${r.description.trim().replace(/\.$/, '')}` : '';
  if (c.kind === 'drop-red-line') return `${c.party} drops red line ${c.redLine}${about}`;
  const way = c.bound === 'below' || c.bound === 'atMost' ? 'as low as' : 'as high as';
  return `${c.party} accepts ${c.issue} ${way} ${fmt(c.admits)} (red line ${c.redLine}: ${c.bound} ${fmt(c.from)} → ${fmt(c.to)})`;
}

/** The change for moving a bound chain to its i-th move. */
export function moveConcession(ctx: ConcessionContext, chain: BoundChain, i: number): Concession {
  const r = ctx.problem.redLines[chain.redLine] as AnalysisProblem['redLines'][number];
  const party = (ctx.problem.parties[r.party] as { name: string }).name;
  const m = chain.moves[i] as BoundChain['moves'][number];
  const range = chain.issue.kind === 'discrete' ? 1 : chain.issue.max - chain.issue.min;
  return {
    kind: 'move-bound',
    party,
    redLine: r.id,
    issue: chain.issue.name,
    bound: chain.bound,
    from: chain.from,
    to: m.to,
    admits: m.admits,
    parameter: `${party}.redLines.${r.id}.${chain.bound}`,
    value: m.to,
    size: range > 0 ? Math.min(1, Math.abs(m.to - chain.from) / range) : 1,
  };
}

export function dropConcession(ctx: ConcessionContext, index: number): Concession {
  const r = ctx.problem.redLines[index] as AnalysisProblem['redLines'][number];
  const party = (ctx.problem.parties[r.party] as { name: string }).name;
  return {
    kind: 'drop-red-line',
    party,
    redLine: r.id,
    parameter: `${party}.redLines.${r.id}.active`,
    value: 0,
    size: 1,
  };
}

export function reservationConcession(ctx: ConcessionContext, party: number, to: number): Concession {
  const p = ctx.problem.parties[party] as AnalysisProblem['parties'][number];
  const [lo, hi] = ctx.ranges[party] as readonly [number, number];
  const by = p.reservation - to;
  return {
    kind: 'lower-reservation',
    party: p.name,
    from: p.reservation,
    to,
    parameter: `${p.name}.reservation`,
    value: to,
    size: hi > lo ? by / (hi - lo) : by > 0 ? Number.POSITIVE_INFINITY : 0,
  };
}
