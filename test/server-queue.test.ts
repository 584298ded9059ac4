/**
 * `concord serve --queue`: a room's brief and what-if draw their Monte Carlo on a real `concord
 * worker` process through a real redis-server, with progress over server-sent events; the stored
 * result equals (deep equality of the whole result: brief, answers, tornado, draft figures) the
 * in-process run with the same seed; cancel stops a queued run; an unreachable queue is refused
 * at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/index.js';
import {
  freePort,
  hasRedis,
  startRedis,
  startWorker,
  type TestRedis,
  type TestWorker,
} from './support/redis.js';
import { client } from './support/server-client.js';
import { type ServeProcess, serveProcess } from './support/server-process.js';
import { type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
type Json = Record<string, unknown>;
const SAMPLES = ['--samples', '300', '--what-if-samples', '20'];

describe.skipIf(!hasRedis('workbench analyses on the queue'))('workbench analyses on the queue', () => {
  let redis: TestRedis;
  let worker: TestWorker;
  const stores: TestStore[] = [];
  let queued: ServeProcess;
  let local: RunningServer;
  let q: ReturnType<typeof client>;
  let l: ReturnType<typeof client>;
  let qm = '';
  let lm = '';

  beforeAll(async () => {
    redis = await startRedis();
    worker = await startWorker(redis.url, ['--concurrency', '1', '--verbose']);
    stores.push(await testStore('pglite'), await testStore('pglite'));
    // The queued server as the user starts it (CONCORD_QUEUE); the reference in this process.
    queued = await serveProcess(stores[0] as TestStore, ['--demo', ...SAMPLES], { CONCORD_QUEUE: redis.url });
    local = await startServer({
      ...(stores[1] as TestStore).options,
      port: 0,
      demo: true,
      warm: false,
      samples: 300,
      whatIfSamples: 20,
    });
    q = client(queued.url);
    l = client(local.url);
    qm = await q.login('mediator@demo.local');
    lm = await l.login('mediator@demo.local');
  }, 180_000);
  afterAll(async () => {
    await queued?.stop();
    await local?.close();
    await worker?.stop();
    await redis?.close();
    for (const s of stores) await s.cleanup();
  });

  /** Waits for a run to end, reading its event stream; returns the events seen. */
  async function follow(api: ReturnType<typeof client>, token: string, id: number) {
    const r = await api.call('GET', `/api/rooms/${ROOM}/analyses/${id}/events`, { token });
    return [...r.text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1] as string);
  }
  const run = async (api: ReturnType<typeof client>, token: string, id: number) =>
    (await api.call('GET', `/api/rooms/${ROOM}/analyses/${id}`, { token })).json as Json;

  it('the brief and a what-if equal the in-process runs with the same seed', async () => {
    // The cached brief (warmed by --demo, or computed now) is the same on both.
    const [bq, bl] = await Promise.all([
      q.call('GET', `/api/rooms/${ROOM}/brief`, { token: qm }),
      l.call('GET', `/api/rooms/${ROOM}/brief`, { token: lm }),
    ]);
    expect(bq.status, bq.text).toBe(200);
    expect((bq.json as Json).brief).toEqual((bl.json as Json).brief);
    // The draws went through the worker process (a line per job with --verbose).
    expect(worker.log()).toMatch(/draws \d+–\d+ of room/);
    expect(worker.log()).not.toContain('failed');

    const body = { kind: 'whatif', seed: 7, samples: 400, levers: { sanctions: 'intensified' } };
    const [sq, sl] = await Promise.all([
      q.call('POST', `/api/rooms/${ROOM}/analyses`, { token: qm, body }),
      l.call('POST', `/api/rooms/${ROOM}/analyses`, { token: lm, body }),
    ]);
    expect(sq.status, sq.text).toBe(202);
    const idq = (sq.json as { id: number }).id;
    const idl = (sl.json as { id: number }).id;
    const events = await follow(q, qm, idq);
    expect(events.at(-1)).toBe('done');
    expect(events).toContain('progress');
    await follow(l, lm, idl);
    const [rq, rl] = [await run(q, qm, idq), await run(l, lm, idl)];
    expect(rq.status).toBe('done');
    expect(rq.result).toEqual(rl.result);
    expect(rq.seed).toBe(7);
    // What a party sees of it is the same too.
    const pq = await q.login('russia@demo.local');
    const pl = await l.login('russia@demo.local');
    expect((await run(q, pq, idq)).result).toEqual((await run(l, pl, idl)).result);
  }, 300_000);

  it('cancel stops a queued run', async () => {
    const r = await q.call('POST', `/api/rooms/${ROOM}/analyses`, {
      token: qm,
      body: { kind: 'whatif', seed: 3, samples: 100_000 },
    });
    expect(r.status, r.text).toBe(202);
    const id = (r.json as { id: number }).id;
    // Once the first chunk is back (progress), cancel.
    for (let i = 0; i < 600; i++) {
      const e = await fetch(new URL(`/api/rooms/${ROOM}/analyses/${id}/events`, queued.url), {
        headers: { authorization: `Bearer ${qm}` },
      });
      const reader = e.body?.getReader();
      const first = await reader?.read();
      await reader?.cancel();
      if (new TextDecoder().decode(first?.value).includes('event: progress')) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const c = await q.call('DELETE', `/api/rooms/${ROOM}/analyses/${id}`, { token: qm });
    expect(c.json).toEqual({ cancelled: true });
    for (let i = 0; i < 100 && (await run(q, qm, id)).status === 'running'; i++)
      await new Promise((res) => setTimeout(res, 100));
    expect((await run(q, qm, id)).status).toBe('cancelled');
  }, 300_000);

  it('an unreachable queue is refused at start with the URL in the message', async () => {
    const port = await freePort();
    const store = await testStore('pglite');
    try {
      await expect(
        startServer({ ...store.options, port: 0, queue: `redis://127.0.0.1:${port}` }),
      ).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${port}`));
    } finally {
      await store.cleanup();
    }
  }, 60_000);
});
