/**
 * A real Redis for the queue tests, and `concord worker` processes. Each suite starts its own
 * `redis-server` on a free port with a temporary folder and no persistence, and stops it after.
 * Without `redis-server` the suite skips with a one-line notice; `.ci/run` sets
 * CONCORD_REQUIRE_SERVICES=1, which turns that skip into a failure.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const present = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;

/** True when redis-server is installed; otherwise prints the notice (or throws when CI requires it). */
export function hasRedis(what: string): boolean {
  if (present) return true;
  if (process.env.CONCORD_REQUIRE_SERVICES === '1')
    throw new Error(`redis-server is required (CONCORD_REQUIRE_SERVICES=1) but not installed (${what})`);
  console.warn(`skipped: ${what} needs redis-server (not installed)`);
  return false;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (its data is gone: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** PING over a plain socket (no redis-cli needed). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'concord-redis-'));
  let proc: ChildProcess | undefined;
  const start = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const stop = async () => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestWorker {
  readonly proc: ChildProcess;
  /** Everything it wrote to stderr so far. */
  log(): string;
  /** Stops it (SIGTERM: the running jobs finish) and waits for its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `concord worker` as its own process (node --import tsx), once it is listening. */
export async function startWorker(url: string, args: readonly string[] = []): Promise<TestWorker> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'worker', '--queue', url, ...args],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  for (let i = 0; i < 600 && !err.includes('listening on'); i++) {
    if (proc.exitCode !== null) throw new Error(`worker exited (${proc.exitCode}): ${err}`);
    await sleep(50);
  }
  if (!err.includes('listening on')) throw new Error(`worker did not start: ${err}`);
  return {
    proc,
    log: () => err,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
      proc.kill('SIGTERM');
      return exited;
    },
  };
}
