import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** Progress of a long run: how many of the total are done, at what rate, how long is left. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What runs, e.g. `simulate`. */
  readonly label: string;
  /** What is counted, plural, e.g. `runs`. */
  readonly unit: string;
  readonly total: number;
  /** Already done before this start (a resumed tournament). */
  readonly start?: number;
  /** Seconds between lines in a pipe; default 5 (CONCORD_PROGRESS_SECONDS overrides, for tests). */
  readonly everySeconds?: number;
  /** In a pipe, also a last line at the end (done, rate): for runs whose pace is worth knowing. */
  readonly finalLine?: boolean;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** `3 h 2 min`, `4 min 7 s`, `12 s`. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${s} s`;
}

/** One progress line for a pipe: `simulate: 12,000/1,000,000 runs (1.2%), 4,000 runs/s, about 4 min 7 s left`. */
export function progressLine(o: ProgressOptions, done: number, rate: number): string {
  const pct = o.total > 0 ? ((done / o.total) * 100).toFixed(1) : '100.0';
  const left = rate > 0 ? `, about ${duration((o.total - done) / rate)} left` : '';
  return `${o.label}: ${count(done)}/${count(o.total)} ${o.unit} (${pct}%), ${count(rate)} ${o.unit}/s${left}`;
}

/**
 * A bar with rate and time left on stderr when it is a terminal; otherwise a line every few
 * seconds on stderr (CI logs and files stay readable, stdout stays the result). Nothing is shown
 * for runs shorter than the interval.
 */
export function startProgress(io: CliIo, options: ProgressOptions): Progress {
  const start = options.start ?? 0;
  const t0 = io.now();
  const rateAt = (done: number) => {
    const s = (io.now() - t0) / 1000;
    return s > 0 ? (done - start) / s : 0;
  };
  if (io.errTty && io.tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.unit} | {rate} ${options.unit}/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 100,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total, start, { rate: '–' });
    return {
      update: (n) => bar.update(n, { rate: count(rateAt(n)) }),
      stop: () => bar.stop(),
    };
  }
  const env = Number(process.env.CONCORD_PROGRESS_SECONDS);
  const every = (options.everySeconds ?? (env > 0 ? env : 5)) * 1000;
  let last = t0;
  let done = start;
  return {
    update(n) {
      done = n;
      const t = io.now();
      if (t - last < every || n >= options.total) return;
      last = t;
      io.err(progressLine(options, n, rateAt(n)));
    },
    stop() {
      if (options.finalLine && done > start) io.err(progressLine(options, done, rateAt(done)));
    },
  };
}
