/**
 * The endpoints the web workbench added (on PGlite and PostgreSQL): a draft's versions with their
 * text, a version's verdict for the caller (a party: its own yes/no and red lines, and whether
 * all accept — the library's evaluation of that version; an observer: refused), and a party's
 * private package check — equal to the library's own evaluation of the room's
 * scenario, on the stored or an unsaved preference set, refused to anyone but that party and the
 * mediator, bad packages refused with every problem's path. And the static serving of the app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDraft, parseScenario } from '../src/index.js';
import { type RunningServer, startServer } from '../src/server/index.js';
import { registerWebRoutes } from '../src/server/static.js';
import { client } from './support/server-client.js';
import { storeKinds, type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
type Json = Record<string, unknown>;
const kinds = await storeKinds();

const pkg = {
  Crimea: 'de facto Russian',
  Luhansk: 'line of contact',
  Donetsk: 'line of contact',
  Kherson: 'line of contact',
  Zaporizhzhia: 'line of contact',
  withdrawal: 'partial',
  NATO: 'path open',
  'armed forces cap': 600000,
  'security guarantees': 'bilateral assurances',
  sequencing: 'simultaneous',
  'sanctions relief': 'phased',
};

describe.each(kinds)('workbench endpoints on %s', (kind) => {
  let store: TestStore;
  let server: RunningServer;
  let api: ReturnType<typeof client>;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    store = await testStore(kind);
    server = await startServer({ ...store.options, port: 0, demo: true, warm: false, samples: 40 });
    api = client(server.url);
    for (const who of ['mediator', 'observer', 'russia', 'ukraine'])
      t[who] = await api.login(`${who}@demo.local`);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  /** The library's evaluation of `pkg` for a party, on the room's whole scenario. */
  const libraryCheck = async (party: string, prefs?: Json) => {
    const yaml = ((await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token: t.mediator })).json as Json)
      .yaml as string;
    let text = yaml;
    if (prefs) {
      const { parse, stringify } = await import('yaml');
      const file = parse(yaml) as { parties: Json[] };
      file.parties = file.parties.map((p) => (p.name === party ? { ...p, ...prefs } : p));
      text = stringify(file);
    }
    const r = parseScenario(text, 'room');
    if (!r.ok) throw new Error('does not read');
    const e = evaluateDraft(r.value, {
      name: 'p',
      drafters: [],
      pointCount: 1,
      evidence: [],
      points: [{ number: 1, title: 'p', sets: pkg, detailed: true, evidence: [] }],
    });
    return e.parties.find((p) => p.party === party);
  };

  it("a party's check is the library's evaluation, stored or previewed, and private", async () => {
    const r = await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, {
      token: t.ukraine,
      body: { package: pkg },
    });
    expect(r.status, r.text).toBe(200);
    const got = r.json as Json;
    const want = await libraryCheck('Ukraine');
    expect(got.utility).toBe(want?.utility);
    expect(got.acceptable).toBe(want?.accepts);
    expect((got.redLinesCrossed as Json[]).map((x) => x.id)).toEqual(want?.redLinesCrossed);
    expect(got.preview).toBe(false);

    const prefs = (
      (await api.call('GET', `/api/rooms/${ROOM}/parties/ukraine/preferences`, { token: t.ukraine }))
        .json as Json
    ).preferences as Json;
    const changed = { ...prefs, weights: { ...(prefs.weights as Json), Crimea: 40 }, reservation: 0.3 };
    const p = await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, {
      token: t.mediator,
      body: { package: pkg, preferences: changed },
    });
    expect(p.status, p.text).toBe(200);
    const preview = await libraryCheck('Ukraine', changed);
    expect((p.json as Json).utility).toBe(preview?.utility);
    expect((p.json as Json).utility).not.toBe(got.utility);
    expect((p.json as Json).reservation).toBe(0.3);
    // The preview stored nothing.
    const again = await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, {
      token: t.ukraine,
      body: { package: pkg },
    });
    expect((again.json as Json).utility).toBe(got.utility);

    for (const who of ['russia', 'observer'])
      expect(
        (
          await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, {
            token: t[who],
            body: { package: pkg },
          })
        ).status,
      ).toBe(403);
    expect(
      (await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, { body: { package: pkg } })).status,
    ).toBe(401);
  });

  it('a bad package is refused with every problem and its path', async () => {
    const { NATO: _, ...missing } = pkg;
    const r = await api.call('POST', `/api/rooms/${ROOM}/parties/russia/check`, {
      token: t.russia,
      body: { package: { ...missing, Crimea: 'Atlantis', Mars: 'x', 'armed forces cap': 5 } },
    });
    expect(r.status).toBe(422);
    const paths = ((r.json as Json).errors as Json[]).map((e) => e.path).sort();
    expect(paths).toEqual([
      'body/package/Crimea',
      'body/package/Mars',
      'body/package/NATO',
      'body/package/armed forces cap',
    ]);
  });

  it("a draft's versions carry their text; every member reads them; none for a non-member", async () => {
    const room = (await api.call('GET', `/api/rooms/${ROOM}`, { token: t.mediator })).json as {
      text: { drafts: Json[] };
    };
    const { name: _, ...draft } = room.text.drafts.find((d) => d.name === '19-point plan') as Json;
    const put = await api.call('PUT', `/api/rooms/${ROOM}/drafts/${encodeURIComponent('19-point plan')}`, {
      token: t.mediator,
      body: { draft: { ...draft, description: 'revised by the test' }, message: 'test revision' },
    });
    expect(put.status, put.text).toBe(200);
    for (const who of ['observer', 'russia']) {
      const r = await api.call(
        'GET',
        `/api/rooms/${ROOM}/drafts/${encodeURIComponent('19-point plan')}/versions`,
        {
          token: t[who],
        },
      );
      expect(r.status, r.text).toBe(200);
      const versions = (r.json as { versions: { version: number; message: string; body: Json }[] }).versions;
      expect(versions.length).toBeGreaterThanOrEqual(2);
      const last = versions.at(-1);
      expect(last?.message).toBe('test revision');
      expect(last?.body.description).toBe('revised by the test');
      expect(versions.at(-2)?.body.description).not.toBe('revised by the test');
    }
    expect(
      (await api.call('GET', `/api/rooms/${ROOM}/drafts/no-such-draft/versions`, { token: t.observer }))
        .status,
    ).toBe(404);
    const outsider = await api.call('POST', '/api/users', {
      body: { email: 'out@x.local', password: 'outsider-pw' },
    });
    expect(outsider.status).toBeLessThan(300);
    const o = await api.login('out@x.local', 'outsider-pw');
    expect(
      (
        await api.call('GET', `/api/rooms/${ROOM}/drafts/${encodeURIComponent('19-point plan')}/versions`, {
          token: o,
        })
      ).status,
    ).toBe(404);
  });

  it("a draft version's verdict: the library's evaluation of that version, as the caller may see it", async () => {
    const name = '19-point plan';
    const path = `/api/rooms/${ROOM}/drafts/${encodeURIComponent(name)}`;
    const room = (await api.call('GET', `/api/rooms/${ROOM}`, { token: t.mediator })).json as {
      text: { drafts: Json[] };
    };
    const { name: _, ...draft } = room.text.drafts.find((d) => d.name === name) as Json;
    const points = (draft.points as Json[]).map((p) =>
      (p.sets as Json | undefined)?.['armed forces cap'] !== undefined
        ? { ...p, sets: { 'armed forces cap': 680000 } }
        : p,
    );
    const put = await api.call('PUT', path, {
      token: t.mediator,
      body: { draft: { ...draft, points }, message: 'a lower cap' },
    });
    expect(put.status, put.text).toBe(200);
    const versions = (
      (await api.call('GET', `${path}/versions`, { token: t.russia })).json as {
        versions: { version: number; body: Json }[];
      }
    ).versions;
    const first = versions[0] as { version: number; body: Json };
    const last = versions.at(-1) as { version: number; body: Json };
    // The library on the room's scenario with the draft's text replaced by that version's.
    const yaml = ((await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token: t.mediator })).json as Json)
      .yaml as string;
    const { parse, stringify } = await import('yaml');
    const library = (body: Json) => {
      const file = parse(yaml) as { drafts: Json[] };
      file.drafts = file.drafts.map((d) => (d.name === name ? { ...body, name } : d));
      const r = parseScenario(stringify(file), 'room');
      if (!r.ok) throw new Error('does not read');
      return evaluateDraft(r.value, r.value.record?.drafts.find((d) => d.name === name) as never);
    };
    const verdicts: Json[] = [];
    for (const v of [first, last]) {
      const want = library(v.body);
      const ru = want.parties.find((p) => p.party === 'Russia');
      const r = await api.call('GET', `${path}/versions/${v.version}/verdict`, { token: t.russia });
      expect(r.status, r.text).toBe(200);
      // Exactly these fields: no utility, gain or other party's anything.
      expect(r.json).toEqual({
        version: v.version,
        draft: name,
        acceptableToAll: want.acceptedByAll,
        acceptableToMe: ru?.accepts,
        myRedLinesCrossed: ru?.redLinesCrossed,
      });
      verdicts.push(r.json as Json);
      const m = await api.call('GET', `${path}/versions/${v.version}/verdict`, { token: t.mediator });
      expect(m.status, m.text).toBe(200);
      expect((m.json as { parties: unknown[] }).parties).toEqual(JSON.parse(JSON.stringify(want.parties)));
    }
    // The first version's 800,000 crosses Russia's cap of 760,000; the lower cap does not.
    expect(verdicts[0]?.myRedLinesCrossed).toContain('ru-cap');
    expect(verdicts[1]?.myRedLinesCrossed).not.toContain('ru-cap');

    const observer = await api.call('GET', `${path}/versions/${last.version}/verdict`, { token: t.observer });
    expect(observer.status).toBe(403);
    expect(observer.text).not.toContain('acceptable');
    expect((await api.call('GET', `${path}/versions/${last.version}/verdict`)).status).toBe(401);
    const missing = await api.call('GET', `${path}/versions/${last.version + 50}/verdict`, {
      token: t.russia,
    });
    expect(missing.status).toBe(404);
    const zero = await api.call('GET', `${path}/versions/0/verdict`, { token: t.russia });
    expect(zero.status).toBe(400);
    expect(((zero.json as Json).errors as Json[]).map((e) => e.path)).toEqual(['param/version']);
    expect(
      (await api.call('GET', `/api/rooms/${ROOM}/drafts/nothing/versions/1/verdict`, { token: t.ukraine }))
        .status,
    ).toBe(404);
    // A withdrawn draft's withdrawal has no text; its earlier versions are still evaluated.
    const gone = await api.call('DELETE', path, { token: t.mediator });
    expect(gone.status, gone.text).toBeLessThan(300);
    const after = (
      (await api.call('GET', `${path}/versions`, { token: t.ukraine })).json as {
        versions: { version: number; body: Json | null }[];
      }
    ).versions;
    const withdrawn = after.at(-1) as { version: number; body: Json | null };
    expect(withdrawn.body).toBeNull();
    const w = await api.call('GET', `${path}/versions/${withdrawn.version}/verdict`, { token: t.ukraine });
    expect(w.status).toBe(404);
    expect(w.text).toContain('withdrew');
    const old = await api.call('GET', `${path}/versions/${last.version}/verdict`, { token: t.ukraine });
    expect(old.status, old.text).toBe(200);
    const ua = library(last.body).parties.find((p) => p.party === 'Ukraine');
    expect((old.json as Json).acceptableToMe).toBe(ua?.accepts);
    // Back as it was, for any test after this one.
    expect(
      (await api.call('PUT', path, { token: t.mediator, body: { draft, message: 'back' } })).status,
    ).toBe(200);
  });
});

describe('the web app served at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-web-static-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'concord-secret.txt'), { force: true });
  });
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'concord-secret.txt'), 'secret');
  const app = new OpenAPIHono();
  app.get('/api/ping', (c) => c.json({ ok: true }));
  registerWebRoutes(app as never, dir);

  it('files with their types, hashed assets immutable, the app for client routes, the API untouched', async () => {
    const js = await app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/assets/index-abc123.css')).headers.get('content-type')).toContain('text/css');
    for (const path of ['/', '/rooms/ukraine-2025', '/rooms/x/drafts', '/login']) {
      const r = await app.request(path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(await r.text()).toContain('<title>app</title>');
    }
    expect((await app.request('/assets/missing-1.js')).status).toBe(404);
    expect((await app.request('/api/ping')).status).toBe(200);
    expect((await app.request('/api/nothing')).status).toBe(404);
    const up = await app.request('/..%2Fconcord-secret.txt');
    expect(await up.text()).not.toContain('secret');
  });

  it('without a build, a plain page says how to make it', async () => {
    const bare = new OpenAPIHono();
    registerWebRoutes(bare as never, join(dir, 'nothing-here'));
    const r = await bare.request('/rooms/x');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('npm run build:web');
  });
});
