import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { fmtPct, fmtU, type MeanEstimate, type Ranking, type StrategyStanding } from '../index.js';
import type { CliIo } from './io.js';

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

/** `, 1,234 runs/s, 12 s left` from what was done in how long (empty before anything is). */
export function pace(done: number, left: number, ms: number, unit = 'runs'): string {
  if (done <= 0 || ms <= 0) return '';
  const rate = (done / ms) * 1000;
  const eta = left / rate;
  const time = eta < 90 ? `${Math.ceil(eta)} s` : `${Math.ceil(eta / 60)} min`;
  return `, ${Math.round(rate).toLocaleString('en-US')} ${unit}/s${left > 0 ? `, ${time} left` : ''}`;
}

/** Progress of a tournament: a bar on a terminal, otherwise a line every 10 %. */
export interface Progress {
  update(finished: number): void;
  stop(): void;
}

/**
 * A bar (cli-progress, on stderr) when stderr is a terminal, else plain lines through `io.err` at
 * each tenth — readable in CI logs and files.
 */
export function progressFor(io: CliIo, total: number, start: number): Progress {
  if (io.tty && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'tournament [{bar}] {percentage}% | {value}/{total} runs | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, start);
    return { update: (n) => bar.update(n), stop: () => bar.stop() };
  }
  let tenth = Math.floor((start / Math.max(1, total)) * 10);
  const t0 = io.now();
  return {
    update(n) {
      const t = Math.floor((n / Math.max(1, total)) * 10);
      if (t <= tenth) return;
      tenth = t;
      io.err(
        `tournament: ${n}/${total} runs (${Math.round((n / total) * 100)}%)${pace(n - start, total - n, io.now() - t0)}`,
      );
    },
    stop() {},
  };
}
