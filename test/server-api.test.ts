/**
 * The server's contract, roles and refusals, on PGlite and PostgreSQL: login (cookie + bearer),
 * CSRF for cookie writes, cross-site refusal, rate limiting, logout everywhere, invitations,
 * preferences ownership, blind offers, and bad input (malformed, oversized, wrong types, unknown
 * fields, YAML alias bombs, XML entity bombs, huge scenarios) refused with a 4xx and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/index.js';
import { client } from './support/server-client.js';
import { storeKinds, type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
type Json = Record<string, unknown>;
const kinds = await storeKinds();

describe.each(kinds)('workbench API on %s', (kind) => {
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
      loginAttempts: 3,
      maxBodyBytes: 512 * 1024,
    });
    api = client(server.url);
    for (const who of ['mediator', 'observer', 'russia', 'ukraine'])
      t[who] = await api.login(`${who}@demo.local`);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  /** Every preference version and room of the store, to prove a refused write stored nothing. */
  const snapshot = async () => {
    const rooms = (await api.call('GET', '/api/rooms', { token: t.mediator })).json;
    const hist = (
      await api.call('GET', `/api/rooms/${ROOM}/parties/russia/preferences/history`, { token: t.mediator })
    ).json;
    const audit = (await api.call('GET', `/api/rooms/${ROOM}/audit`, { token: t.mediator })).json as {
      entries: unknown[];
    };
    return JSON.stringify([rooms, hist, audit.entries.length]);
  };

  it('logs in with a cookie and a bearer token; the contract paths answer', async () => {
    const r = await api.call('POST', '/api/session', {
      body: { email: 'russia@demo.local', password: 'demo' },
    });
    expect(r.status).toBe(200);
    expect(typeof (r.json as Json).token).toBe('string');
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/concord_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const rooms = (await api.call('GET', '/api/rooms', { token: t.russia })).json as { rooms: Json[] };
    expect(rooms.rooms).toEqual([{ id: ROOM, name: expect.any(String), role: 'party', party: 'russia' }]);
    const room = (await api.call('GET', `/api/rooms/${ROOM}`, { token: t.observer })).json as Json;
    expect((room.parties as Json[]).map((p) => p.slug)).toEqual([
      'russia',
      'ukraine',
      'united-states',
      'european-governments',
    ]);
    expect(room.text).not.toHaveProperty('assumptions');
    const prefs = (
      await api.call('GET', `/api/rooms/${ROOM}/parties/russia/preferences`, { token: t.russia })
    ).json as Json;
    expect((prefs.preferences as Json).reservation).toBe(0.65);
    const brief = await api.call('GET', `/api/rooms/${ROOM}/brief`, { token: t.observer });
    expect(brief.status, brief.text).toBe(200);
    expect(Object.keys((brief.json as { brief: Json }).brief).sort()).toEqual(['drafts', 'zoneExists']);
    const doc = (await api.call('GET', '/api/openapi.json')).json as Json;
    expect(doc.openapi).toBe('3.1.0');
  }, 120_000);

  it('a cookie write needs the CSRF token; cross-site writes are refused; bearer needs neither', async () => {
    const r = await api.call('POST', '/api/session', {
      body: { email: 'ukraine@demo.local', password: 'demo' },
    });
    const { csrf } = r.json as { csrf: string };
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const body = { packages: [] };
    const put = (headers: Record<string, string>) =>
      api.call('PUT', `/api/rooms/${ROOM}/parties/ukraine/offers`, { body, headers });
    expect((await put({ cookie })).status).toBe(403);
    expect((await put({ cookie, 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await put({ cookie, 'x-csrf-token': csrf })).status).toBe(200);
    expect((await put({ cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await put({ cookie, 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await api.call('PUT', `/api/rooms/${ROOM}/parties/ukraine/offers`, { body, token: t.ukraine })).status,
    ).toBe(200);
    expect((await api.call('GET', `/api/rooms/${ROOM}`)).status).toBe(401);
    expect((await api.call('GET', `/api/rooms/${ROOM}`, { token: 'forged' })).status).toBe(401);
  });

  it('roles: a party cannot touch another party’s preferences, an observer writes nothing', async () => {
    const theirs = await api.call('PUT', `/api/rooms/${ROOM}/parties/ukraine/preferences`, {
      token: t.russia,
      body: { reservation: 0.1 },
    });
    expect(theirs.status).toBe(403);
    expect(
      (await api.call('GET', `/api/rooms/${ROOM}/parties/ukraine/preferences`, { token: t.russia })).status,
    ).toBe(403);
    expect(
      (await api.call('GET', `/api/rooms/${ROOM}/parties/russia/preferences`, { token: t.observer })).status,
    ).toBe(403);
    expect(
      (
        await api.call('PUT', `/api/rooms/${ROOM}/parties/russia/offers`, {
          token: t.observer,
          body: { packages: [] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call('POST', `/api/rooms/${ROOM}/analyses`, {
          token: t.observer,
          body: { kind: 'concessions' },
        })
      ).status,
    ).toBe(403);
    // The mediator edits a party's set: a new version with history.
    const own = (
      await api.call('GET', `/api/rooms/${ROOM}/parties/ukraine/preferences`, { token: t.mediator })
    ).json as { preferences: Json; version: number };
    const put = await api.call('PUT', `/api/rooms/${ROOM}/parties/ukraine/preferences?message=lower`, {
      token: t.mediator,
      body: { ...own.preferences, reservation: 0.5 },
    });
    expect(put.json).toEqual({ party: 'ukraine', version: own.version + 1 });
    const hist = (
      await api.call('GET', `/api/rooms/${ROOM}/parties/ukraine/preferences/history`, { token: t.ukraine })
    ).json as { versions: Json[] };
    expect(hist.versions.map((v) => [v.version, v.message, v.author])).toContainEqual([
      own.version + 1,
      'lower',
      'mediator@demo.local',
    ]);
  });

  it('invitations are one-time; a room one is not in is 404', async () => {
    await api.call('POST', '/api/users', { body: { email: 'guest@x.local', password: 'guest-password' } });
    const guest = await api.login('guest@x.local', 'guest-password');
    expect((await api.call('GET', `/api/rooms/${ROOM}`, { token: guest })).status).toBe(404);
    expect((await api.call('GET', '/api/rooms/no-such-room', { token: guest })).status).toBe(404);
    const inv = (
      await api.call('POST', `/api/rooms/${ROOM}/invitations`, {
        token: t.mediator,
        body: { role: 'observer' },
      })
    ).json as { token: string };
    expect((await api.call('POST', `/api/invitations/${inv.token}`, { token: guest })).status).toBe(200);
    expect((await api.call('POST', `/api/invitations/${inv.token}`, { token: t.russia })).status).toBe(404);
    expect(((await api.call('GET', `/api/rooms/${ROOM}`, { token: guest })).json as Json).role).toBe(
      'observer',
    );
  });

  it('logout everywhere ends every token; failed logins are rate limited', async () => {
    await api.call('POST', '/api/users', { body: { email: 'many@x.local', password: 'many-password' } });
    const a = await api.login('many@x.local', 'many-password');
    const b = await api.login('many@x.local', 'many-password');
    expect((await api.call('DELETE', '/api/sessions', { token: a })).json).toEqual({ ended: 2 });
    expect((await api.call('GET', '/api/session', { token: b })).status).toBe(401);
    for (let i = 0; i < 3; i++)
      expect(
        (await api.call('POST', '/api/session', { body: { email: 'many@x.local', password: 'wrong' } }))
          .status,
      ).toBe(401);
    const limited = await api.call('POST', '/api/session', {
      body: { email: 'many@x.local', password: 'many-password' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('blind offers reveal only the overlap, once everyone has submitted', async () => {
    const room = 'offers-room';
    const yaml = [
      'name: offers',
      'issues:',
      '  - { name: price, options: [low, mid, high] }',
      'parties:',
      '  - { name: Buyer, values: { price: { low: 1, mid: 0.5, high: 0 } } }',
      '  - { name: Seller, values: { price: { low: 0, mid: 0.5, high: 1 } } }',
    ].join('\n');
    expect(
      (await api.call('POST', '/api/rooms', { token: t.mediator, body: { id: room, source: { yaml } } }))
        .status,
    ).toBe(201);
    const tok: Record<string, string> = {};
    for (const p of ['buyer', 'seller']) {
      const inv = (
        await api.call('POST', `/api/rooms/${room}/invitations`, {
          token: t.mediator,
          body: { role: 'party', party: p },
        })
      ).json as { token: string };
      await api.call('POST', '/api/users', { body: { email: `${p}@x.local`, password: 'party-password' } });
      tok[p] = await api.login(`${p}@x.local`, 'party-password');
      expect((await api.call('POST', `/api/invitations/${inv.token}`, { token: tok[p] })).status).toBe(200);
    }
    const offer = (p: string, prices: string[]) =>
      api.call('PUT', `/api/rooms/${room}/parties/${p}/offers`, {
        token: tok[p],
        body: { packages: prices.map((price) => ({ price })) },
      });
    expect((await offer('buyer', ['low', 'mid'])).status).toBe(200);
    expect((await api.call('GET', `/api/rooms/${room}/offers`, { token: tok.seller })).json).toEqual({
      complete: false,
      overlap: [],
      mine: null,
    });
    expect((await offer('seller', ['high'])).status).toBe(200);
    expect((await api.call('GET', `/api/rooms/${room}/offers`, { token: tok.seller })).json).toEqual({
      complete: true,
      overlap: [],
      mine: [{ price: 'high' }],
    });
    expect((await offer('seller', ['mid', 'high'])).status).toBe(200);
    expect((await api.call('GET', `/api/rooms/${room}/offers`, { token: tok.buyer })).json).toEqual({
      complete: true,
      overlap: [{ price: 'mid' }],
      mine: [{ price: 'low' }, { price: 'mid' }],
    });
    const bad = await api.call('PUT', `/api/rooms/${room}/parties/buyer/offers`, {
      token: tok.buyer,
      body: { packages: [{ price: 'free' }] },
    });
    expect(bad.status).toBe(422);
  }, 60_000);

  it('bad input: 4xx with where, and nothing stored', async () => {
    const before = await snapshot();
    const prefsUrl = `/api/rooms/${ROOM}/parties/russia/preferences`;
    const malformed = await api.call('PUT', prefsUrl, {
      token: t.russia,
      raw: '{\n  "reservation": 0.5,\n  oops\n}',
    });
    expect(malformed.status).toBe(400);
    expect((malformed.json as Json).detail).toMatch(/line 3, column 3/);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const big = await api.call('PUT', prefsUrl, {
      token: t.russia,
      raw: JSON.stringify({ description: 'x'.repeat(600 * 1024) }),
    });
    expect(big.status).toBe(413);
    const types = await api.call('PUT', prefsUrl, {
      token: t.russia,
      body: { reservation: 'high', weights: { NATO: -1 }, colour: 'red' },
    });
    expect(types.status).toBe(422);
    const paths = ((types.json as Json).errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/reservation', 'body/weights/NATO', 'body']));
    expect(types.text).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
    const unknownRef = await api.call('PUT', prefsUrl, {
      token: t.russia,
      body: { weights: { 'no such issue': 1 } },
    });
    expect(unknownRef.status).toBe(422);
    const wrongType = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      body: { id: 'x', source: { builtin: 7 } },
    });
    expect(wrongType.status).toBe(422);
    const extra = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      body: { id: 'x', source: { builtin: ROOM }, admin: true },
    });
    expect(extra.status).toBe(422);
    const notJson = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      raw: 'id=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    // A YAML alias bomb: nine levels of ten aliases.
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      bomb.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const yamlBomb = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      body: { id: 'bomb', source: { yaml: bomb.join('\n') } },
    });
    expect(yamlBomb.status).toBe(422);
    expect(yamlBomb.text).toMatch(/alias/i);
    // An XML entity bomb in a GENIUS domain.
    const ents = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++)
      ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${ents.join('')}]><negotiation_template><utility_space><objective name="&lol9;"/></utility_space></negotiation_template>`;
    const xmlBomb = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      body: { id: 'xbomb', source: { genius: { domain: xml, profiles: [xml, xml] } } },
    });
    expect(xmlBomb.status).toBe(422);
    expect(xmlBomb.text).toMatch(/DTD|entit/i);
    // A huge scenario: over the body limit.
    const issues = Array.from({ length: 15_000 }, (_, i) => `  - { name: issue${i}, options: [a, b] }`).join(
      '\n',
    );
    const huge = await api.call('POST', '/api/rooms', {
      token: t.mediator,
      body: { id: 'huge', source: { yaml: `name: huge\nissues:\n${issues}\nparties: []\n` } },
    });
    expect([413, 422]).toContain(huge.status);
    expect(await snapshot()).toBe(before);
  }, 60_000);
});
