/**
 * The two stores every server test runs on: the embedded PGlite (a fresh data folder, copied from
 * a template made once, since a first PGlite start takes seconds) and a real PostgreSQL — the one
 * at CONCORD_TEST_DATABASE_URL, or a throwaway cluster started here with Debian's postgresql
 * (initdb + pg_ctl on a free port in a temp folder, as the `postgres` user when we are root).
 * When neither is possible the PostgreSQL runs skip with a one-line notice; with
 * CONCORD_REQUIRE_SERVICES=1 (CI) that is a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/server/index.js';
import { repoRoot } from './paths.js';

const PG_BIN = process.env.CONCORD_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type StoreKind = 'pglite' | 'postgres';
export interface TestStore {
  readonly kind: StoreKind;
  /** Options for startServer / openStore. */
  readonly options: { dataDir: string } | { url: string };
  cleanup(): Promise<void>;
}

/** A PGlite folder with the migrations applied, copied from a per-schema template. */
export async function pgliteDir(): Promise<string> {
  const journal = readFileSync(join(repoRoot, 'src/server/db/migrations/meta/_journal.json'), 'utf8');
  let hash = 0;
  for (const ch of journal) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const template = join(tmpdir(), `concord-pglite-template-${hash.toString(16)}`);
  if (!existsSync(template)) {
    const building = mkdtempSync(join(tmpdir(), 'concord-pglite-build-'));
    const s = await openStore({ dataDir: building });
    await s.close();
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file made it first
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'concord-pglite-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Cluster {
  readonly url: string;
  stop(): void;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** Runs a PostgreSQL binary; as root through `runuser -u postgres` (postgres refuses root). */
function pgRun(bin: string, args: string[]): void {
  const cmd = join(PG_BIN, bin);
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
}

async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const data = join(dir, 'data');
  pgRun('initdb', ['-D', data, '-U', 'concord', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  pgRun('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
    'start',
  ]);
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test file that fails before its cleanup (or a worker that exits early) still stops the
  // cluster: no postgres left running in /tmp after a red run.
  process.once('exit', stop);
  return { url: `postgres://concord@127.0.0.1:${port}/postgres`, stop };
}

let cluster: Promise<Cluster | undefined> | undefined;
let clusterUsers = 0;

/** A PostgreSQL server for this test file: the given URL, a throwaway cluster, or none. */
async function postgresServer(): Promise<Cluster | undefined> {
  const given = process.env.CONCORD_TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  cluster ??= (async () => {
    if (!existsSync(join(PG_BIN, 'initdb'))) return undefined;
    try {
      return await startCluster();
    } catch (e) {
      if (process.env.CONCORD_REQUIRE_SERVICES === '1') throw e;
      console.warn(`skipping PostgreSQL server tests: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  })();
  return cluster;
}

/** Whether the PostgreSQL runs can happen (prints the notice, or throws in CI, when not). */
export async function hasPostgres(): Promise<boolean> {
  const s = await postgresServer();
  if (s) return true;
  const msg = `skipping PostgreSQL server tests: no CONCORD_TEST_DATABASE_URL and no ${PG_BIN}/initdb`;
  if (process.env.CONCORD_REQUIRE_SERVICES === '1') throw new Error(`${msg} (CONCORD_REQUIRE_SERVICES=1)`);
  console.warn(msg);
  return false;
}

/** A fresh, empty store of the kind: its own PGlite folder, or its own database on the server. */
export async function testStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const dir = await pgliteDir();
    return {
      kind,
      options: { dataDir: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = await postgresServer();
  if (!server) throw new Error('no PostgreSQL (check hasPostgres first)');
  clusterUsers++;
  const name = `concord_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    kind,
    options: { url: url.href },
    cleanup: async () => {
      const a = new pg.Client({ connectionString: server.url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      if (--clusterUsers === 0 && cluster) {
        const c = await cluster;
        cluster = undefined;
        c?.stop();
      }
    },
  };
}

/** The stores to run on: PGlite always, PostgreSQL when available (see {@link hasPostgres}). */
export async function storeKinds(): Promise<StoreKind[]> {
  return (await hasPostgres()) ? ['pglite', 'postgres'] : ['pglite'];
}
