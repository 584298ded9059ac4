import { Redis } from 'ioredis';
import { InputError } from '../core/errors.js';

/** Where the queue lives: what `--queue redis://HOST:PORT[/DB]` names. */
export interface QueueAddress {
  /** The URL as given, for messages (a password in it is masked). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
}

/** The name of the BullMQ queue every Concord job goes through. */
export const QUEUE_NAME = 'concord';

const bad = (url: string, message: string): InputError =>
  new InputError([{ code: 'bad-queue-url', message: `--queue ${url}: ${message}` }]);

/**
 * Reads a Redis URL (`redis://HOST:PORT`, optionally `/DB`, `user:password@`, or `rediss://` for
 * TLS); anything else throws {@link InputError} naming what is wrong.
 *
 * @example
 * parseQueueUrl('redis://10.0.0.5:6379'); // { host: '10.0.0.5', port: 6379, db: 0, ... }
 */
export function parseQueueUrl(url: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw bad(url, 'not a URL; write redis://HOST:PORT, e.g. redis://127.0.0.1:6379');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw bad(url, `the scheme must be redis:// or rediss://, not ${u.protocol}//`);
  if (!u.hostname) throw bad(url, 'no host; write redis://HOST:PORT');
  const port = u.port === '' ? 6379 : Number(u.port);
  const path = u.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0) throw bad(url, `"/${path}" is not a database number`);
  if (u.search || u.hash) throw bad(url, 'takes no query or fragment');
  const masked = u.password ? url.replace(`:${u.password}@`, ':***@') : url;
  return {
    url: masked,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    tls: u.protocol === 'rediss:',
  };
}

/** ioredis options for BullMQ: retry for ever (BullMQ's own reconnection), no per-command limit. */
export interface QueueRedisOptions {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls?: Record<string, never>;
  readonly maxRetriesPerRequest: null;
}

export function redisOptions(a: QueueAddress): QueueRedisOptions {
  return {
    host: a.host,
    port: a.port,
    db: a.db,
    ...(a.username ? { username: a.username } : {}),
    ...(a.password ? { password: a.password } : {}),
    ...(a.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Connects once, without retrying, and pings: an unreachable or wrong server is a clear
 * {@link InputError} within `timeoutMs`, before any queue waits for it (BullMQ would retry for ever).
 */
export async function checkRedis(a: QueueAddress, timeoutMs = 5_000): Promise<void> {
  const client = new Redis({
    ...redisOptions(a),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let cause: Error | undefined;
  client.on('error', (e: Error) => {
    cause ??= e; // the socket's own error (ECONNREFUSED, ENOTFOUND) says more than "closed"
  });
  try {
    await client.connect();
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`answered ${pong} to PING`);
  } catch (e) {
    const why = cause?.message ?? (e instanceof Error ? e.message : String(e));
    throw new InputError([
      {
        code: 'queue-unreachable',
        message: `cannot reach Redis at ${a.url} (${why}); is redis-server running there, and is the port open?`,
      },
    ]);
  } finally {
    client.disconnect();
  }
}
