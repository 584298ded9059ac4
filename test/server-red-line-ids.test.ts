/**
 * Red-line ids across parties (on PGlite and PostgreSQL). The scenario format wants red-line ids
 * unique in the whole file, but a party may not learn another party's ids: a party that saves a
 * red line under an id another party already uses privately gets the answer a fresh id gets (no
 * "conflicts with another party's set"), and every view it gets shows its own id. The composition
 * qualifies the later party's id (`<id>~<party>`) for computation, so both red lines bind; the
 * mediator sees the qualified ids, its export reads back, and the other party's views do not move.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenario } from '../src/index.js';
import { type RunningServer, startServer } from '../src/server/index.js';
import { client } from './support/server-client.js';
import { storeKinds, type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
type Json = Record<string, unknown>;
const kinds = await storeKinds();

/** A package the 28-point plan's cap (600,000) stands in: every issue once. */
const pkg = {
  Crimea: 'de facto Russian',
  Luhansk: 'line of contact',
  Donetsk: 'line of contact',
  Kherson: 'line of contact',
  Zaporizhzhia: 'line of contact',
  withdrawal: 'partial',
  NATO: 'deferred',
  'armed forces cap': 600000,
  'security guarantees': 'bilateral assurances',
  sequencing: 'simultaneous',
  'sanctions relief': 'phased',
};
/** A red line the 28-point plan (cap 600,000) and `pkg` cross. */
const floor = (id: string, description: string): Json => ({
  id,
  description,
  forbid: { issue: 'armed forces cap', below: 650000 },
});

describe.each(kinds)('red-line ids across parties on %s', (kind) => {
  let store: TestStore;
  let server: RunningServer;
  let api: ReturnType<typeof client>;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    store = await testStore(kind);
    server = await startServer({ ...store.options, port: 0, demo: true, warm: false, samples: 40 });
    api = client(server.url);
    for (const who of ['mediator', 'russia', 'ukraine']) t[who] = await api.login(`${who}@demo.local`);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  const path = (party: string, rest = 'preferences') => `/api/rooms/${ROOM}/parties/${party}/${rest}`;
  const prefs = async (party: string, token = t[party]) => {
    const r = await api.call('GET', path(party), { token });
    expect(r.status, r.text).toBe(200);
    return (r.json as { preferences: Json }).preferences;
  };
  const put = (party: string, body: Json) => api.call('PUT', path(party), { token: t[party], body });
  const check = async (party: string, token = t[party], preferences?: Json) => {
    const r = await api.call('POST', path(party, 'check'), {
      token,
      body: { package: pkg, ...(preferences ? { preferences } : {}) },
    });
    expect(r.status, r.text).toBe(200);
    return r.json as Json & { redLinesCrossed: { id: string; description: string }[] };
  };
  const idsOf = (p: Json) => ((p.redLines ?? []) as Json[]).map((r) => r.id as string);
  const crossed = (c: { redLinesCrossed: { id: string }[] }) => c.redLinesCrossed.map((r) => r.id);
  const exported = async () => {
    const r = await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token: t.mediator });
    expect(r.status, r.text).toBe(200);
    return (r.json as { yaml: string }).yaml;
  };
  /** The mediator evaluates the 28-point plan; the run as the mediator and as each party sees it. */
  const evaluate = async () => {
    const r = await api.call('POST', `/api/rooms/${ROOM}/analyses`, {
      token: t.mediator,
      body: { kind: 'evaluate', draft: '28-point plan' },
    });
    expect(r.status, r.text).toBe(202);
    const id = (r.json as { id: number }).id;
    const seen: Record<string, Json> = {};
    for (;;) {
      const run = (await api.call('GET', `/api/rooms/${ROOM}/analyses/${id}`, { token: t.mediator }))
        .json as Json;
      if (run.status !== 'running') {
        expect(run.status, JSON.stringify(run.error)).toBe('done');
        seen.mediator = (run.result as { evaluation: Json }).evaluation;
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    for (const p of ['russia', 'ukraine']) {
      const run = (await api.call('GET', `/api/rooms/${ROOM}/analyses/${id}`, { token: t[p] })).json as Json;
      seen[p] = (run.result as { evaluation: Json }).evaluation;
    }
    const byParty = (name: string) =>
      ((seen.mediator?.parties ?? []) as { party: string; redLinesCrossed: string[] }[]).find(
        (x) => x.party === name,
      )?.redLinesCrossed ?? [];
    return { ...seen, russiaCrossed: byParty('Russia'), ukraineCrossed: byParty('Ukraine') } as Record<
      string,
      Json
    > & { russiaCrossed: string[]; ukraineCrossed: string[] };
  };
  /** What a party sees of an evaluation that only its own and others' preferences decide. */
  const mine = (e: Json) => ({ acceptableToMe: e.acceptableToMe, myRedLinesCrossed: e.myRedLinesCrossed });

  it('an id another party uses privately is answered like a fresh one, binds for both, and reads back', async () => {
    // Russia holds a red line under an id no shared text names.
    const ru = await prefs('russia');
    const ruSet = {
      ...ru,
      redLines: [...(ru.redLines as Json[]), floor('ru-secret-floor', 'Russia: no cap')],
    };
    expect((await put('russia', ruSet)).status).toBe(200);
    const ruCheck = await check('russia');
    expect(crossed(ruCheck)).toContain('ru-secret-floor');
    const before = await evaluate();
    expect(before.russiaCrossed).toContain('ru-secret-floor');
    const ruPrefs = await prefs('russia');

    // Ukraine, with the same set but for one id: Russia's, or a fresh one.
    const ua = await prefs('ukraine');
    const withId = (id: string, extra: Json[] = []) => ({
      ...ua,
      redLines: [...(ua.redLines as Json[]), floor(id, 'Ukraine: no cap below 650,000'), ...extra],
    });
    // Rejected sets: the same problems in the same words (a duplicate of its own, an unknown issue).
    const bad = (id: string) => withId(id, [{ id, forbid: { issue: 'NATOO', in: ['barred'] } }]);
    const badFresh = await put('ukraine', bad('ua-fresh-floor'));
    const badTaken = await put('ukraine', bad('ru-secret-floor'));
    expect(badFresh.status).toBe(422);
    expect(badTaken.status).toBe(422);
    expect(badTaken.text.replaceAll('ru-secret-floor', 'ID')).toBe(
      badFresh.text.replaceAll('ua-fresh-floor', 'ID'),
    );
    const messages = ((badTaken.json as Json).errors as { path: string; message: string }[]).map(
      (e) => `${e.path}: ${e.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^body\/redLines\/4\/id: duplicate red-line id "ru-secret-floor"$/),
        expect.stringMatching(/^body\/redLines\/4\/forbid\/issue: unknown issue "NATOO"/),
      ]),
    );
    // Saved sets: the same answer but for the version.
    const fresh = await put('ukraine', withId('ua-fresh-floor'));
    const taken = await put('ukraine', withId('ru-secret-floor'));
    expect(fresh.status, fresh.text).toBe(200);
    expect(taken.status, taken.text).toBe(200);
    const { version: v1, ...restFresh } = fresh.json as Json;
    const { version: v2, ...restTaken } = taken.json as Json;
    expect(restTaken).toEqual(restFresh);
    expect(v2).toBe((v1 as number) + 1);
    expect(taken.headers.get('content-type')).toBe(fresh.headers.get('content-type'));

    // Ukraine reads its own id everywhere.
    expect(idsOf(await prefs('ukraine'))).toContain('ru-secret-floor');
    const uaCheck = await check('ukraine');
    expect(crossed(uaCheck)).toContain('ru-secret-floor');
    expect(crossed(uaCheck).join(' ')).not.toContain('~');
    expect(uaCheck.redLinesCrossed).toContainEqual({
      id: 'ru-secret-floor',
      description: 'Ukraine: no cap below 650,000',
    });
    expect(crossed(await check('ukraine', t.ukraine, withId('ru-secret-floor')))).toEqual(crossed(uaCheck));
    // The mediator checks Ukraine's set as Ukraine wrote it too.
    expect(crossed(await check('ukraine', t.mediator))).toEqual(crossed(uaCheck));

    // Both red lines bind in the joint analysis: the mediator sees the qualified id.
    const after = await evaluate();
    expect(after.russiaCrossed).toContain('ru-secret-floor');
    expect(after.ukraineCrossed).toContain('ru-secret-floor~ukraine');
    expect(after.ukraine?.myRedLinesCrossed).toContain('ru-secret-floor');
    expect(JSON.stringify(after.ukraine)).not.toContain('~');
    // And in the drafts history's verdict on a version of the plan.
    const verdict = await api.call(
      'GET',
      `/api/rooms/${ROOM}/drafts/${encodeURIComponent('28-point plan')}/versions/1/verdict`,
      { token: t.ukraine },
    );
    expect(verdict.status, verdict.text).toBe(200);
    expect((verdict.json as Json).myRedLinesCrossed).toContain('ru-secret-floor');
    expect(verdict.text).not.toContain('~');
    // Russia's views did not move.
    expect(await check('russia')).toEqual(ruCheck);
    expect(mine(after.russia as Json)).toEqual(mine(before.russia as Json));
    expect(JSON.stringify(after.russia)).not.toContain('~ukraine');
    expect(await prefs('russia')).toEqual(ruPrefs);

    // The mediator's export is a valid scenario (ids unique) and reads back unchanged.
    const yaml = await exported();
    const read = parseScenario(yaml, 'export');
    expect(read.ok, read.ok ? '' : JSON.stringify(read.problems.slice(0, 3))).toBe(true);
    const file = parse(yaml) as { parties: Json[] };
    const ids = file.parties.flatMap(idsOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect(idsOf(file.parties.find((p) => p.name === 'Russia') as Json)).toContain('ru-secret-floor');
    expect(idsOf(file.parties.find((p) => p.name === 'Ukraine') as Json)).toContain(
      'ru-secret-floor~ukraine',
    );
    const uaPrefs = await prefs('ukraine');
    const back = await api.call('PUT', `/api/rooms/${ROOM}/scenario`, {
      token: t.mediator,
      body: { yaml, message: 'export, written back' },
    });
    expect(back.status, back.text).toBe(200);
    expect(await prefs('ukraine')).toEqual(uaPrefs);
    expect(await prefs('russia')).toEqual(ruPrefs);
    expect(parse(await exported())).toEqual(parse(yaml));
  }, 300_000);

  it("an earlier party taking up a later party's private id leaves the later party's views as they were", async () => {
    const ua = await prefs('ukraine');
    const uaSet = {
      ...ua,
      redLines: [...(ua.redLines as Json[]), floor('ua-secret-line', 'Ukraine: secret')],
    };
    expect((await put('ukraine', uaSet)).status).toBe(200);
    const uaCheck = await check('ukraine');
    expect(crossed(uaCheck)).toContain('ua-secret-line');
    const before = await evaluate();
    expect(before.ukraineCrossed).toContain('ua-secret-line');

    // Russia comes first in the party order: it keeps the id, Ukraine's is qualified.
    const ru = await prefs('russia');
    const ruSet = {
      ...ru,
      redLines: [...(ru.redLines as Json[]), floor('ua-secret-line', 'Russia: same id')],
    };
    const saved = await put('russia', ruSet);
    expect(saved.status, saved.text).toBe(200);
    expect(crossed(await check('russia'))).toContain('ua-secret-line');
    const after = await evaluate();
    expect(after.russiaCrossed).toContain('ua-secret-line');
    expect(after.ukraineCrossed).toContain('ua-secret-line~ukraine');
    // Ukraine sees what it saw.
    expect(await check('ukraine')).toEqual(uaCheck);
    expect(mine(after.ukraine as Json)).toEqual(mine(before.ukraine as Json));
    expect(await prefs('ukraine')).toEqual(uaSet);
    // The run from before the collision still reads in Ukraine's own ids.
    const runs = (await api.call('GET', `/api/rooms/${ROOM}/analyses`, { token: t.ukraine })).json as {
      runs: Json[];
    };
    expect(JSON.stringify(runs)).not.toContain('~ukraine');
  }, 300_000);

  it("a refused set's answer does not move when another party's private set changes", async () => {
    const ua = await prefs('ukraine');
    const bad = {
      ...ua,
      redLines: [...(ua.redLines as Json[]), floor('ua-twice', 'one'), floor('ua-twice', 'two')],
    };
    const first = await put('ukraine', bad);
    expect(first.status).toBe(422);
    expect(first.text).toContain('duplicate red-line id \\"ua-twice\\"');
    // Russia (before Ukraine in the composed scenario) saves a longer set.
    const ru = await prefs('russia');
    const longer = (ru.redLines as Json[]).map((r) => ({
      ...r,
      description: `${String(r.description)} ${'·'.repeat(97)}`,
    }));
    expect((await put('russia', { ...ru, redLines: longer })).status).toBe(200);
    const second = await put('ukraine', bad);
    expect(second.text).toBe(first.text);
    // The same for a preview.
    const preview = (token: string) =>
      api.call('POST', path('ukraine', 'check'), { token, body: { package: pkg, preferences: bad } });
    const p1 = await preview(t.ukraine as string);
    expect(p1.status).toBe(422);
    expect((await put('russia', ru)).status).toBe(200);
    expect((await preview(t.ukraine as string)).text).toBe(p1.text);
  }, 120_000);

  it('ids the shared text names stay with the red lines they name', async () => {
    // ru-cap is named by an event (add-red-line) and by evidence: public, and Russia's.
    const ua = await prefs('ukraine');
    const takeUp = await put('ukraine', {
      ...ua,
      redLines: [...(ua.redLines as Json[]), floor('ru-cap', 'Ukraine: mine')],
    });
    expect(takeUp.status).toBe(422);
    const k = (ua.redLines as Json[]).length;
    expect((takeUp.json as Json).errors).toEqual([
      {
        path: `body/redLines/${k}/id`,
        message: expect.stringMatching(
          /^"ru-cap" is named by the shared text \(events\/.*\) for a red line that is not yours: choose another id$/,
        ),
      },
    ]);
    const ru = await prefs('russia');
    const drop = await put('russia', {
      ...ru,
      redLines: (ru.redLines as Json[]).filter((r) => r.id !== 'ru-cap'),
    });
    expect(drop.status).toBe(422);
    expect(((drop.json as Json).errors as { path: string; message: string }[])[0]).toEqual({
      path: 'body/redLines',
      message: expect.stringMatching(/^red line "ru-cap" is named by the shared text .*keep it/),
    });
  }, 120_000);
});
