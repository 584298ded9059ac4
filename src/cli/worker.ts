import { Command, InvalidArgumentError } from '@commander-js/extra-typings';
import { startQueueWorker } from '../node.js';
import type { CliIo } from './io.js';

export interface WorkerArgs {
  readonly queue: string;
  readonly concurrency?: number;
  readonly stalledMs?: number;
  /** Print a line per job (default: a summary every 10 s). */
  readonly verbose?: true;
}

/**
 * `concord worker --queue redis://HOST:PORT`: takes tournament and Monte Carlo jobs from the
 * queue until stopped (Ctrl-C or SIGTERM: the jobs running finish first, then exit 0). An
 * unreachable Redis or a wrong URL exits 1 at once.
 */
export async function workerCommand(args: WorkerArgs, io: CliIo): Promise<number> {
  const worker = await startQueueWorker({
    url: args.queue,
    ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
    ...(args.stalledMs !== undefined ? { stalledMs: args.stalledMs } : {}),
    onEvent: (e) => {
      if (e.kind === 'connection') io.err(`worker: ${e.message}`);
      else if (e.kind === 'failed')
        io.err(`worker: job ${e.job} failed${e.final ? '' : ' (will be retried)'}: ${e.error}`);
      else if (args.verbose) io.err(`worker: job ${e.job} done, ${e.what}, ${e.ms.toFixed(0)} ms`);
    },
  });
  io.err(
    `worker: listening on ${worker.address.url} (${worker.concurrency} thread${worker.concurrency === 1 ? '' : 's'}); Ctrl-C to stop`,
  );
  let last = 0;
  const summary = setInterval(() => {
    const n = worker.finished();
    if (n !== last) io.err(`worker: ${n} jobs done`);
    last = n;
  }, 10_000);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('worker: stopping after the jobs running…');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearInterval(summary);
  await worker.close();
  io.err(`worker: stopped (${worker.finished()} jobs done)`);
  return 0;
}

const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`${what} must be a positive whole number`);
  return n;
};

/** The `worker` command's definition, added to the program by `runCli`. */
export function workerProgram(io: CliIo, done: (code: number) => void) {
  return new Command('worker')
    .description('Take tournament and Monte Carlo jobs from a queue (any number of workers, on any machines)')
    .requiredOption('--queue <url>', 'the Redis of the queue, e.g. redis://127.0.0.1:6379')
    .option(
      '--concurrency <n>',
      'jobs at once, one thread each (default: every core)',
      positiveInt('--concurrency'),
    )
    .option(
      '--stalled-ms <ms>',
      'a dead worker’s job is retried this long after (default 30000)',
      positiveInt('--stalled-ms'),
    )
    .option('--verbose', 'a line per job')
    .action(async (opts) => {
      done(await workerCommand(opts, io));
    });
}
