/**
 * `concord serve`: the workbench server (see docs/server.md). Prints the URL as its first line,
 * then the store and, with --demo, the demo logins; runs until interrupted.
 */
import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import type { CliIo } from './io.js';

export interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly data?: string;
  readonly demo?: true;
  readonly samples?: number;
  readonly whatIfSamples?: number;
  readonly queue?: string;
}

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('--port must be 0 to 65535 (0: a free port)');
  return n;
};

export async function serveCommand(
  args: ServeArgs,
  io: CliIo,
  until: Promise<unknown> = stopSignal(),
): Promise<number> {
  const url = process.env.DATABASE_URL;
  const queue = args.queue ?? process.env.CONCORD_QUEUE;
  // Loaded here, not at the top: the server's stack (Hono, Drizzle, PGlite) costs every other
  // command a second of start-up.
  const { startServer } = await import('../server/index.js');
  const server = await startServer({
    port: args.port,
    host: args.host,
    ...(url ? { url } : args.data ? { dataDir: args.data } : {}),
    ...(args.demo ? { demo: true } : {}),
    ...(args.samples ? { samples: args.samples } : {}),
    ...(args.whatIfSamples ? { whatIfSamples: args.whatIfSamples } : {}),
    ...(queue ? { queue } : {}),
  });
  io.out(`Concord workbench: ${server.url}`);
  io.out(
    `store: ${server.store === 'pglite' ? `embedded PostgreSQL (PGlite) in ${server.where}` : server.where}`,
  );
  if (server.queue)
    io.out(`queue: briefs' and what-ifs' Monte Carlo on concord worker processes at ${server.queue}`);
  if (server.demo) {
    io.out(
      `demo room ukraine-2025 (${server.demo.created ? 'created' : 'kept as it was'}); password "demo" for every login:`,
    );
    for (const a of server.demo.accounts)
      io.out(`  ${a.email.padEnd(34)} ${a.role}${a.party ? ` (${a.party})` : ''}`);
    io.out(
      `try: curl -s -X POST ${server.url}api/session -H 'content-type: application/json' -d '{"email":"mediator@demo.local","password":"demo"}'`,
    );
  }
  await until;
  await server.close();
  return 0;
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Adds `serve` to the program. */
export function addServeCommand(program: Command, run: (args: ServeArgs) => Promise<void>): void {
  program
    .command('serve')
    .description('The workbench server: shared negotiation rooms with per-party privacy (docs/server.md)')
    .option('--port <n>', 'port on 127.0.0.1 (0: a free one)', port, 4400)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--data <dir>',
      'folder of the embedded store (default ~/.concord/workbench); DATABASE_URL uses PostgreSQL instead',
    )
    .option('--demo', 'create the ukraine-2025 room with one login per role (kept when it exists)')
    .option('--samples <n>', 'Monte Carlo draws of the brief (default 2000)', port)
    .option('--what-if-samples <n>', 'draws of each tornado bar end (default 200)', port)
    .option(
      '--queue <url>',
      'run briefs’ and what-ifs’ Monte Carlo on `concord worker` processes through the queue at this Redis URL (or CONCORD_QUEUE)',
    )
    .action(async (opts) => {
      await run(opts as ServeArgs);
    });
}
