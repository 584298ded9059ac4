/**
 * The read cache under concurrency, on PGlite and PostgreSQL: many concurrent reads of every role
 * never get a 5xx and agree with each other; a write acknowledged by the server is seen by the very
 * next read of every role, also while other readers keep refilling the cache; logout and
 * invitations take effect at once; closing the server under load logs no internal error.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../src/server/index.js';
import { client } from './support/server-client.js';
import { storeKinds, type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
const PARTIES = ['russia', 'ukraine', 'united-states', 'european-governments'] as const;
const ROLES = ['mediator', 'observer', ...PARTIES] as const;
type Json = Record<string, unknown>;
const kinds = await storeKinds();

/** A small deterministic generator (the test's own randomness, seeded). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.each(kinds)('read cache on %s', (kind) => {
  let store: TestStore;
  let server: RunningServer;
  let api: ReturnType<typeof client>;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    store = await testStore(kind);
    server = await startServer({
      ...store.options,
      port: 0,
      demo: true,
      warm: false,
      samples: 40,
      whatIfSamples: 8,
    });
    api = client(server.url);
    for (const who of ROLES) t[who] = await api.login(`${who}@demo.local`);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  const get = (who: string, path: string) => api.call('GET', path, { token: t[who] as string });

  it('many concurrent reads of every role: no 5xx, one answer per role', async () => {
    const paths = [`/api/rooms/${ROOM}`, `/api/rooms/${ROOM}/brief`, '/api/rooms', '/api/session'];
    const calls = Array.from({ length: 480 }, (_, i) => {
      const who = ROLES[i % ROLES.length] as string;
      const path = paths[Math.floor(i / ROLES.length) % paths.length] as string;
      return get(who, path).then((r) => ({ who, path, r }));
    });
    const replies = await Promise.all(calls);
    const bad = replies
      .filter((x) => x.r.status !== 200)
      .map((x) => `${x.who} ${x.path} → ${x.r.status} ${x.r.text}`);
    expect(bad).toEqual([]);
    const answers = new Map<string, Set<string>>();
    for (const x of replies) {
      const k = `${x.who} ${x.path}`;
      answers.set(k, (answers.get(k) ?? new Set()).add(x.r.text));
    }
    for (const [k, texts] of answers) expect(texts.size, k).toBe(1);
  }, 120_000);

  it('an acknowledged write is seen by the next read of every role, while readers refill the cache', async () => {
    const random = rng(kind === 'pglite' ? 11 : 12);
    let stop = false;
    const failures: string[] = [];
    // Readers of every role keep reading what the writes change, so cache fills race the writes.
    const reader = async (who: string) => {
      while (!stop) {
        for (const path of [`/api/rooms/${ROOM}`, `/api/rooms/${ROOM}/parties/${PARTIES[0]}/preferences`]) {
          const r = await get(who, path);
          if (r.status >= 500) failures.push(`${who} ${path} → ${r.status}`);
        }
      }
    };
    const room0 = (await get('mediator', `/api/rooms/${ROOM}`)).json as { text: { drafts: Json[] } };
    const { name: _, ...base } = room0.text.drafts[0] as Json;
    const readers = ROLES.flatMap((who) => [reader(who), reader(who)]);
    try {
      for (let i = 0; i < 24; i++) {
        const party = PARTIES[Math.floor(random() * PARTIES.length)] as string;
        if (random() < 0.7) {
          const before = (await get(party, `/api/rooms/${ROOM}/parties/${party}/preferences`)).json as {
            preferences: Json;
          };
          const reservation = Math.round((0.3 + random() * 0.5) * 1e6) / 1e6;
          const put = await api.call('PUT', `/api/rooms/${ROOM}/parties/${party}/preferences?message=c${i}`, {
            token: t[party],
            body: { ...before.preferences, reservation },
          });
          expect(put.status, put.text).toBe(200);
          const version = (put.json as { version: number }).version;
          for (const who of [party, 'mediator']) {
            const now = (await get(who, `/api/rooms/${ROOM}/parties/${party}/preferences`)).json as {
              version: number;
              preferences: { reservation: number };
            };
            expect(now.version, `${who} reads ${party}'s version after write ${i}`).toBe(version);
            expect(now.preferences.reservation).toBe(reservation);
          }
          const room = (await get('mediator', `/api/rooms/${ROOM}`)).json as {
            versions: { preferences: Record<string, number> };
          };
          expect(room.versions.preferences[party]).toBe(version);
        } else {
          const title = `cache check ${i} ${random().toString(36).slice(2)}`;
          const put = await api.call(
            'PUT',
            `/api/rooms/${ROOM}/drafts/${encodeURIComponent('cache draft')}`,
            {
              token: t.mediator,
              body: {
                draft: {
                  ...base,
                  points: (base.points as Json[]).map((p, j) => (j === 0 ? { ...p, title } : p)),
                },
                message: `d${i}`,
              },
            },
          );
          expect(put.status, put.text).toBe(200);
          const version = (put.json as { version: number }).version;
          for (const who of ROLES) {
            const room = (await get(who, `/api/rooms/${ROOM}`)).json as {
              versions: { drafts: Record<string, number> };
              text: { drafts: Json[] };
            };
            expect(room.versions.drafts['cache draft'], `${who} sees draft version ${version}`).toBe(version);
            expect(JSON.stringify(room.text.drafts)).toContain(title);
          }
        }
      }
    } finally {
      stop = true;
      await Promise.all(readers);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('logout and invitations take effect on the next request', async () => {
    const token = await api.login('observer@demo.local');
    expect((await api.call('GET', `/api/rooms/${ROOM}`, { token })).status).toBe(200);
    expect((await api.call('DELETE', '/api/session', { token })).status).toBeLessThan(300);
    expect((await api.call('GET', `/api/rooms/${ROOM}`, { token })).status).toBe(401);

    // Everywhere: every token of the user, cached a moment ago, is refused at once.
    const a = await api.login('ukraine@demo.local');
    const b = await api.login('ukraine@demo.local');
    for (const x of [a, b])
      expect((await api.call('GET', `/api/rooms/${ROOM}`, { token: x })).status).toBe(200);
    const out = await api.call('DELETE', '/api/sessions', { token: a });
    expect(out.status, out.text).toBeLessThan(300);
    for (const x of [a, b])
      expect((await api.call('GET', `/api/rooms/${ROOM}`, { token: x })).status).toBe(401);
    t.ukraine = await api.login('ukraine@demo.local');

    // A newcomer probes the room (404, remembered), then accepts an invitation: in at once.
    const email = `newcomer-${kind}@x.local`;
    expect((await api.call('POST', '/api/users', { body: { email, password: 'newcomer-pw' } })).status).toBe(
      201,
    );
    const n = await api.login(email, 'newcomer-pw');
    expect((await api.call('GET', `/api/rooms/${ROOM}`, { token: n })).status).toBe(404);
    const inv = await api.call('POST', `/api/rooms/${ROOM}/invitations`, {
      token: t.mediator,
      body: { role: 'observer' },
    });
    expect(inv.status, inv.text).toBe(201);
    const link = (inv.json as { token: string }).token;
    const acc = await api.call('POST', `/api/invitations/${link}`, { token: n });
    expect(acc.status, acc.text).toBe(200);
    const room = await api.call('GET', `/api/rooms/${ROOM}`, { token: n });
    expect(room.status).toBe(200);
    expect((room.json as Json).role).toBe('observer');
  }, 120_000);
});

describe.each(kinds)('closing the server under load on %s', (kind) => {
  it('lets the requests in flight finish on the open store: no internal error', async () => {
    const store = await testStore(kind);
    const errors = vi.spyOn(console, 'error');
    try {
      const server = await startServer({
        ...store.options,
        port: 0,
        demo: true,
        warm: false,
        samples: 40,
        whatIfSamples: 8,
      });
      const api = client(server.url);
      const token = await api.login('russia@demo.local');
      const calls = Array.from({ length: 200 }, (_, i) =>
        api
          .call(
            'GET',
            i % 2 ? `/api/rooms/${ROOM}` : `/api/rooms/${ROOM}/parties/russia/preferences/history`,
            { token },
          )
          .then(
            (r) => r.status,
            () => 0, // the connection closed before an answer: allowed
          ),
      );
      await new Promise((r) => setTimeout(r, 30));
      await server.close();
      const statuses = await Promise.all(calls);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('internal error'))).toEqual(
        [],
      );
    } finally {
      errors.mockRestore();
      await store.cleanup();
    }
  }, 120_000);
});
