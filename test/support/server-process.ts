/**
 * `concord serve` as a process of its own (node --import tsx), for the tests that kill it and for
 * the load bench (so the load generator does not share the server's CPU). Free of vitest, so the
 * benches can use it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths.js';
import type { TestStore } from './server-stores.js';

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM (a clean stop) and its exit. */
  stop(): Promise<void>;
}

/** Resolves when the process has exited, also when it already had (an 'exit' listener added late never fires). */
export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

/**
 * `concord serve --port 0 …args` on the store; resolves with its URL (the first line it prints).
 * `env` adds to the environment (e.g. CONCORD_QUEUE).
 */
export function serveProcess(
  store: TestStore,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const argv = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', ...args];
  if ('dataDir' in store.options) argv.push('--data', store.options.dataDir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  if ('url' in store.options) childEnv.DATABASE_URL = store.options.url;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, argv, {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (l) => {
      const m = /^Concord workbench: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(l);
      if (!m) return reject(new Error(`unexpected first line: ${l}`));
      lines.on('line', () => {}); // keep reading, so a full pipe never blocks the server
      resolve({
        child,
        url: m[1] as string,
        stderr: () => err,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited(child);
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}
