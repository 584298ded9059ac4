/**
 * Server load: requests per second and p50/p99 latency at 50 concurrent clients on loopback
 * (autocannon), for reading a room and for the cached brief, on PGlite and on PostgreSQL (the
 * throwaway cluster of the server tests, or CONCORD_TEST_DATABASE_URL). Goal: p99 under 50 ms.
 * The server runs as its own process (`concord serve`), so the load generator here does not take
 * its CPU; on a 2-core machine the two still share the cores.
 */
import autocannon from 'autocannon';
import { client } from '../test/support/server-client.js';
import { serveProcess } from '../test/support/server-process.js';
import { storeKinds, testStore } from '../test/support/server-stores.js';
import { printTable, type Row } from './harness.js';

async function load(url: string, token: string, seconds: number) {
  const r = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchServer(): Promise<void> {
  const rows: Row[] = [];
  for (const kind of await storeKinds()) {
    const store = await testStore(kind);
    const server = await serveProcess(store, ['--demo', '--samples', '200', '--what-if-samples', '20']);
    try {
      const api = client(server.url);
      const token = await api.login('russia@demo.local');
      await api.call('GET', '/api/rooms/ukraine-2025/brief', { token }); // computed once, then cached
      for (const [what, path] of [
        ['read a room', 'api/rooms/ukraine-2025'],
        ['cached brief', 'api/rooms/ukraine-2025/brief'],
      ] as const) {
        const r = await load(`${server.url}${path}`, token, 5);
        rows.push({
          case: `${what} (${kind}, server process)`,
          size: '50 clients',
          ours: `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors ? `, ${r.errors} errors` : ''}`,
          reference: '—',
          goal: 'p99 < 50 ms',
          result: r.p99 < 50 && r.errors === 0 ? 'met' : 'missed',
        });
      }
      const internal = server.stderr().match(/internal error/g)?.length ?? 0;
      if (internal > 0)
        console.error(`server (${kind}) logged ${internal} internal errors:\n${server.stderr()}`);
    } finally {
      await server.stop();
      await store.cleanup();
    }
  }
  printTable('Workbench server: loopback load (autocannon)', rows);
}
