import Table from 'cli-table3';
import { fmtPct, fmtU, type MeanEstimate, type Ranking, type StrategyStanding } from '../index.js';

const interval = (e: MeanEstimate, f: (x: number) => string): string =>
  e.low === null || e.high === null ? `${f(e.mean)} [n=1]` : `${f(e.mean)} [${f(e.low)}, ${f(e.high)}]`;
const pct = (x: number) => fmtPct(x, 1);
const rounds = (x: number) => x.toFixed(1);

/** The standings as a table: rank, strategy, seats, utility, agreements and rounds with 95 % intervals. */
export function standingsTable(standings: readonly StrategyStanding[], score: Ranking['score']): string {
  const t = new Table({
    head: [
      'rank',
      'strategy',
      'seats',
      `${score === 'discounted' ? 'discounted utility' : 'utility'} (95% CI)`,
      'agreements (95% CI)',
      'rounds (95% CI)',
      'to Nash',
    ],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const s of standings) {
    t.push([
      String(s.rank),
      s.strategy,
      String(s.seats),
      interval(s[score], fmtU),
      interval(s.agreementRate, pct),
      interval(s.rounds, rounds),
      s.nashDistance ? fmtU(s.nashDistance.mean) : '–',
    ]);
  }
  return t.toString();
}
