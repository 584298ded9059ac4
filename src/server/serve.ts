/**
 * Starts the workbench: opens the store (migrations applied), builds the app, listens on loopback.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { checkRedis, parseQueueUrl } from '../node.js';
import { createApp } from './app.js';
import type { AppOptions } from './context.js';
import { openStore, type StoreOptions } from './db/open.js';
import { type DemoAccount, setUpDemo } from './demo.js';
import { abandonRuns } from './repo.js';
import type { WebOptions } from './static.js';

export interface ServeOptions extends StoreOptions, AppOptions, WebOptions {
  /** 0 picks a free port; default 4400. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Create the demo room and accounts (kept when they exist). */
  readonly demo?: boolean;
  /** Compute the demo room's brief in the background once listening; default true with demo. */
  readonly warm?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: 'pglite' | 'postgres';
  /** The queue's Redis URL when analyses' Monte Carlo goes to `concord worker` processes. */
  readonly queue?: string;
  readonly where: string;
  readonly demo?: { readonly created: boolean; readonly accounts: readonly DemoAccount[] };
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  // An unreachable queue is the user's mistake, said at once rather than at the first brief.
  if (options.queue) await checkRedis(parseQueueUrl(options.queue));
  const store = await openStore(options);
  await abandonRuns(store.db);
  const demo = options.demo ? await setUpDemo(store.db) : undefined;
  const { app, ctx } = createApp(store, options);
  const host = options.host ?? '127.0.0.1';
  // Requests being handled: close() waits for them before closing the store, or their queries
  // would fail on a closed pool ("Failed query", a 500) at the end of every load test.
  const inflight = new Set<Promise<unknown>>();
  const fetch: typeof app.fetch = (...args) => {
    const p = Promise.resolve(app.fetch(...args));
    inflight.add(p);
    const forget = () => inflight.delete(p);
    p.then(forget, forget);
    return p;
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 4400, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  if (demo && options.warm !== false) ctx.warmBrief?.('ukraine-2025').catch(() => {});
  let closed = false;
  return {
    url: `http://${host}:${port}/`,
    port,
    store: store.kind,
    where: store.where,
    ...(options.queue ? { queue: options.queue } : {}),
    ...(demo ? { demo } : {}),
    async close() {
      if (closed) return;
      closed = true;
      await ctx.runner.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      // Handlers still running (their clients gone) finish on the open store; a stream that
      // never ends (server-sent events) does not hold the shutdown for more than a few seconds.
      await Promise.race([
        Promise.allSettled([...inflight]),
        new Promise((r) => setTimeout(r, 5_000).unref()),
      ]);
      await store.close();
    },
  };
}
