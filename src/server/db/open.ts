import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { attachReadCache } from '../read-cache.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  readonly db: Db;
  /** `pglite` (embedded, in `dataDir`) or `postgres` (DATABASE_URL). */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (never the password of a URL). */
  readonly where: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A PostgreSQL URL; when set the embedded store is not used. */
  readonly url?: string;
  /** Folder of the embedded store; default `~/.concord/workbench`. */
  readonly dataDir?: string;
}

/** The default folder of the embedded store. */
export const defaultDataDir = (): string => join(homedir(), '.concord', 'workbench');

/** drizzle-kit's migrations: beside this file in src/, or found from dist/ back in src/. */
function migrationsFolder(): string {
  const here = fileURLToPath(new URL('./migrations', import.meta.url));
  if (existsSync(here)) return here;
  return fileURLToPath(new URL('../../../src/server/db/migrations', import.meta.url));
}

/**
 * Opens the store and applies the migrations. PGlite holds its folder alone: one process per data
 * folder (a second process would silently lose rows), which `concord serve` guarantees by being
 * that process.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const migrationsFolderPath = migrationsFolder();
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server ends (restart, DROP DATABASE) must not crash the process.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    try {
      await migrateNodePg(db as never, { migrationsFolder: migrationsFolderPath });
    } catch (e) {
      await pool.end();
      throw e;
    }
    attachReadCache(db);
    const u = new URL(options.url);
    return {
      db,
      kind: 'postgres',
      where: `postgres://${u.host}${u.pathname}`,
      close: () => pool.end(),
    };
  }
  const dir = options.dataDir ?? defaultDataDir();
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: migrationsFolderPath });
  attachReadCache(db);
  return { db, kind: 'pglite', where: dir, close: () => client.close() };
}
