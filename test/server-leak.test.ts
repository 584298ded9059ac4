/**
 * Zero leaks: each party's private preferences carry unique marker numbers and strings; every
 * endpoint of the OpenAPI document × every viewer (each party, the observer, an outsider, no
 * session) × every room state is called, and nothing another party or an observer receives —
 * body, error or event stream — holds a marker, a number derived from a party's preferences in
 * the mediator's results (its utilities, gains, acceptance figures), or a party's private
 * blind-offer package. Every party also holds a red line under one common id (`COMMON_LINE`): the
 * server accepts it from each, and no one but the mediator ever sees it qualified (which would
 * tell that another party uses that id). On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/index.js';
import { client } from './support/server-client.js';
import {
  containsObject,
  derivedNumbers,
  distinctive,
  numbersIn,
  responseValues,
} from './support/server-leaks.js';
import { storeKinds, type TestStore, testStore } from './support/server-stores.js';

const ROOM = 'ukraine-2025';
const PARTIES = ['russia', 'ukraine', 'united-states', 'european-governments'] as const;
const NAMES: Record<string, string> = {
  russia: 'Russia',
  ukraine: 'Ukraine',
  'united-states': 'United States',
  'european-governments': 'European governments',
};
type Json = Record<string, unknown>;
/** A red-line id every party uses privately; the composition qualifies all but the first. */
const COMMON_LINE = 'common-private-line';

const kinds = await storeKinds();
/** Totals over the stores, printed at the end (the closing note quotes them). */
const counts = { endpoints: 0, viewers: 0, states: 0, calls: 0 };

describe.each(kinds)('zero leaks on %s', (kind) => {
  let store: TestStore;
  let server: RunningServer;
  let api: ReturnType<typeof client>;
  const tokens: Record<string, string> = {};
  /** Per party: marker strings, marker numbers and numbers derived from them. */
  const secrets: Record<string, { strings: string[]; numbers: number[]; packages: Json[] }> = {};
  const common = {
    Crimea: 'line of contact',
    Luhansk: 'line of contact',
    Donetsk: 'line of contact',
    Kherson: 'line of contact',
    Zaporizhzhia: 'line of contact',
    withdrawal: 'partial',
    NATO: 'deferred',
    'armed forces cap': 800000,
    'security guarantees': 'bilateral assurances',
    sequencing: 'simultaneous',
    'sanctions relief': 'phased',
  };
  const runIds: number[] = [];
  let otherRoom = '';

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
    for (const who of ['mediator', 'observer', ...PARTIES])
      tokens[who] = await api.login(`${who}@demo.local`);
    // An outsider with a room of their own.
    await api.call('POST', '/api/users', { body: { email: 'outsider@x.local', password: 'outsider-pw' } });
    tokens.outsider = await api.login('outsider@x.local', 'outsider-pw');
    otherRoom = 'outsider-room';
    const made = await api.call('POST', '/api/rooms', {
      token: tokens.outsider,
      body: { id: otherRoom, source: { builtin: ROOM } },
    });
    expect(made.status).toBe(201);
    // Each party writes its marker preferences through the API.
    for (const [i, p] of PARTIES.entries()) {
      const own = (await api.call('GET', `/api/rooms/${ROOM}/parties/${p}/preferences`, { token: tokens[p] }))
        .json as Json;
      const prefs = structuredClone(own.preferences) as Json;
      const tag = `MARK${i}x${Math.random().toString(36).slice(2, 10)}`;
      const reservation = 0.5 + (i + 1) * 0.0111 + 0.0000137 * (i + 3);
      const weights = prefs.weights as Record<string, number>;
      const firstIssue = Object.keys(weights)[0] as string;
      weights[firstIssue] = 9.876543 + i * 0.101;
      const values = prefs.values as Record<string, Record<string, number>>;
      const table = Object.values(values).find((v) => typeof v === 'object' && !('linear' in v)) as Record<
        string,
        number
      >;
      const option =
        Object.keys(table).find((k) => (table[k] as number) > 0 && (table[k] as number) < 1) ??
        (Object.keys(table)[0] as string);
      table[option] = 0.4242 + i * 0.011 + 0.0000271;
      prefs.reservation = reservation;
      const redLines: Json[] = ((prefs.redLines ?? []) as Json[]).map((r) => ({
        ...r,
        description: `${tag} ${String(r.description ?? '')}`,
      }));
      redLines.push({
        id: `${tag.toLowerCase()}-line`,
        description: `${tag} never`,
        forbid: {
          all: [
            { issue: 'NATO', in: ['path open'] },
            { issue: 'NATO', in: ['barred'] },
          ],
        },
      });
      // Crossed by every party's checked package (caps of 240,000 to 360,000).
      redLines.push({
        id: COMMON_LINE,
        description: 'no army under 400,000',
        forbid: { issue: 'armed forces cap', below: 400000 },
      });
      prefs.redLines = redLines;
      const put = await api.call('PUT', `/api/rooms/${ROOM}/parties/${p}/preferences?message=${tag}`, {
        token: tokens[p],
        body: prefs,
      });
      expect(put.status, put.text).toBe(200);
      const sum = Object.values(weights).reduce((a, b) => a + b, 0);
      secrets[p] = {
        strings: [tag, tag.toLowerCase()],
        numbers: [
          reservation,
          weights[firstIssue] as number,
          table[option] as number,
          ...Object.values(weights).map((w) => w / sum),
        ],
        packages: [
          {
            ...common,
            NATO: i % 2 ? 'barred' : 'path open',
            sequencing: ['ceasefire first', 'withdrawal first'][i % 2] as string,
            'armed forces cap': 200000 + 40000 * (i + 1),
          },
        ],
      };
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  /** Runs analyses as the mediator and waits; adds what follows from each party's numbers. */
  async function analyse(): Promise<void> {
    const m = tokens.mediator as string;
    const brief = await api.call('GET', `/api/rooms/${ROOM}/brief`, { token: m });
    expect(brief.status, brief.text).toBe(200);
    runIds.push((brief.json as { run: number }).run);
    for (const body of [
      { kind: 'whatif', levers: { sanctions: 'intensified' } },
      { kind: 'evaluate', draft: '19-point plan' },
      { kind: 'diff', before: '28-point plan', after: '19-point plan' },
      { kind: 'concessions' },
    ]) {
      const r = await api.call('POST', `/api/rooms/${ROOM}/analyses`, { token: m, body });
      expect(r.status, r.text).toBe(202);
      runIds.push((r.json as { id: number }).id);
    }
    for (const id of runIds) {
      for (;;) {
        const r = await api.call('GET', `/api/rooms/${ROOM}/analyses/${id}`, { token: m });
        const run = r.json as Json;
        if (run.status !== 'running') {
          expect(run.status, JSON.stringify(run.error)).toBe('done');
          for (const [i, p] of PARTIES.entries()) {
            for (const n of derivedNumbers(run.result, NAMES[p] as string, i, PARTIES.length))
              secrets[p]?.numbers.push(n);
          }
          break;
        }
        await new Promise((res) => setTimeout(res, 100));
      }
    }
  }

  const states: [string, () => Promise<void>][] = [
    ['preferences set', async () => {}],
    [
      'analysed, offers in part',
      async () => {
        await analyse();
        for (const p of ['russia', 'ukraine'])
          expect(
            (
              await api.call('PUT', `/api/rooms/${ROOM}/parties/${p}/offers`, {
                token: tokens[p],
                body: { packages: [common, ...(secrets[p]?.packages ?? [])] },
              })
            ).status,
          ).toBe(200);
      },
    ],
    [
      'offers complete, new draft version',
      async () => {
        for (const p of ['united-states', 'european-governments'])
          expect(
            (
              await api.call('PUT', `/api/rooms/${ROOM}/parties/${p}/offers`, {
                token: tokens[p],
                body: { packages: [...(secrets[p]?.packages ?? []), common] },
              })
            ).status,
          ).toBe(200);
        const room = (await api.call('GET', `/api/rooms/${ROOM}`, { token: tokens.mediator })).json as {
          text: { drafts: Json[] };
        };
        const { name: _, ...draft } = room.text.drafts.find((d) => d.name === '19-point plan') as Json;
        const points = draft.points as Json[];
        points[0] = { ...points[0], title: `${String(points[0]?.title)} (revised)` };
        const d = await api.call('PUT', `/api/rooms/${ROOM}/drafts/${encodeURIComponent('19-point plan')}`, {
          token: tokens.mediator,
          body: { draft, message: 'revised' },
        });
        expect(d.status, d.text).toBe(200);
        await analyse();
      },
    ],
  ];

  it('no viewer other than the mediator ever receives another party’s secrets', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).json as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        id: op.operationId,
      })),
    );
    let walkN = 0;
    const plans: Record<
      string,
      (viewer: string) => { body?: unknown; relogin?: boolean; noToken?: boolean }
    > = {
      signUp: () => ({ body: { email: `walk${walkN++}@x.local`, password: 'walk-password' }, noToken: true }),
      logIn: (v) => ({
        body: {
          email: v === 'outsider' ? 'outsider@x.local' : `${v}@demo.local`,
          password: v === 'outsider' ? 'outsider-pw' : 'demo',
        },
        noToken: true,
      }),
      whoAmI: () => ({}),
      logOut: () => ({ relogin: true }),
      logOutEverywhere: () => ({ relogin: true }),
      listRooms: () => ({}),
      createRoom: () => ({ body: { id: `walk-${walkN++}`, source: { builtin: ROOM } } }),
      getRoom: () => ({}),
      exportScenario: () => ({}),
      putScenario: () => ({ body: { yaml: 'name: x\n', message: 'walk' } }),
      scenarioHistory: () => ({}),
      putDraft: () => ({ body: { draft: { points: [] } } }),
      withdrawDraft: () => ({}),
      invite: () => ({ body: { role: 'observer' } }),
      acceptInvitation: () => ({}),
      getOffers: () => ({}),
      putOffers: (v) => ({ body: { packages: [common, ...(secrets[v]?.packages ?? [])] } }),
      auditLog: () => ({}),
      getPreferences: () => ({}),
      putPreferences: () => ({ body: { reservation: 'not a number' } }),
      preferenceHistory: () => ({}),
      getBrief: () => ({}),
      startAnalysis: () => ({ body: { kind: 'concessions' } }),
      listAnalyses: () => ({}),
      getAnalysis: () => ({}),
      analysisEvents: () => ({}),
      cancelAnalysis: () => ({}),
      draftVersions: () => ({}),
      draftVersionVerdict: () => ({}),
      checkPackage: (v) => ({ body: { package: secrets[v]?.packages[0] ?? common } }),
    };
    const unplanned = ops.filter((o) => !plans[o.id] && o.path !== '/api/openapi.json').map((o) => o.id);
    expect(unplanned, 'every operation of the OpenAPI document needs a plan here').toEqual([]);

    const viewers = [...PARTIES, 'observer', 'outsider', 'anonymous'];
    const checked = new Set<string>();
    for (const [state, enter] of states) {
      await enter();
      // Viewers walk at once (each with its own session); within one, eight requests at a time.
      const walk = async (viewer: string) => {
        // Requests of one viewer go out eight at a time; the ones that end the session go last.
        const calls: (() => Promise<void>)[] = [];
        const last: (() => Promise<void>)[] = [];
        for (const op of ops) {
          const plan = plans[op.id]?.(viewer) ?? {};
          const rooms = op.path.includes('{room}') ? [ROOM, otherRoom] : [''];
          const partiesHere = op.path.includes('{party}') ? PARTIES : [''];
          const runs = op.path.includes('{run}') ? [...new Set(runIds)].slice(-3).concat([999999]) : [0];
          for (const room of rooms)
            for (const party of partiesHere)
              for (const run of runs)
                (plan.relogin ? last : calls).push(async () => {
                  const url = op.path
                    .replace('{room}', room)
                    .replace('{party}', party)
                    .replace('{draft}', encodeURIComponent('19-point plan'))
                    .replace('{run}', String(run))
                    .replace('{version}', '1')
                    .replace('{token}', 'not-a-real-invitation');
                  const token = viewer === 'anonymous' || plan.noToken ? undefined : tokens[viewer];
                  const r = await api.call(op.method, url, {
                    ...(token ? { token } : {}),
                    ...(plan.body !== undefined ? { body: plan.body } : {}),
                  });
                  counts.calls++;
                  checked.add(`${op.method} ${op.path}|${viewer}|${state}`);
                  if (plan.relogin && viewer !== 'anonymous')
                    tokens[viewer] = await api.login(
                      viewer === 'outsider' ? 'outsider@x.local' : `${viewer}@demo.local`,
                      viewer === 'outsider' ? 'outsider-pw' : 'demo',
                    );
                  const where = `${state}: ${viewer} ${op.method} ${url} → ${r.status}`;
                  expect(r.status, where).toBeLessThan(500);
                  // Rooms one is not in do not exist (404, never 403); without a session, 401.
                  if (room && viewer === 'anonymous') expect(r.status, where).toBe(401);
                  else if (
                    (room === otherRoom && viewer !== 'outsider') ||
                    (room === ROOM && viewer === 'outsider')
                  ) {
                    if (r.status !== 422) expect(r.status, where).toBe(404);
                  }
                  const member = viewer !== 'anonymous' && viewer !== 'outsider';
                  // Nobody but the mediator writes the shared text or runs analyses.
                  if (
                    member &&
                    [
                      'putScenario',
                      'putDraft',
                      'withdrawDraft',
                      'invite',
                      'startAnalysis',
                      'cancelAnalysis',
                      'auditLog',
                    ].includes(op.id) &&
                    room === ROOM
                  )
                    expect([403, 422], where).toContain(r.status);
                  if (op.id === 'putPreferences' && room === ROOM && member)
                    expect(r.status, where).toBe(party === viewer ? 422 : 403);
                  // A draft version's verdict is for the parties and the mediator: the observer reads text.
                  if (op.id === 'draftVersionVerdict' && room === ROOM && member)
                    expect(r.status, where).toBe(viewer === 'observer' ? 403 : 200);
                  if (op.id === 'putOffers' && room === ROOM && member)
                    expect(r.status, where).toBe(party === viewer ? 200 : 403);
                  // The scan.
                  // (Found in plain loops, asserted once: an expect per number pair cost most of the walk.)
                  const values = responseValues(r.text);
                  const nums = numbersIn(values).filter(distinctive);
                  const leaks: string[] = [];
                  for (const [p, s] of Object.entries(secrets)) {
                    if (p === viewer) continue;
                    for (const m of s.strings) if (r.text.includes(m)) leaks.push(`${p}'s marker "${m}"`);
                    const secretNums = s.numbers.filter(distinctive);
                    for (const n of nums)
                      for (const secret of secretNums)
                        if (Math.abs(n - secret) <= 1e-12 * Math.max(1, Math.abs(secret)))
                          leaks.push(`${n} follows from ${p}'s preferences`);
                    for (const pkg of s.packages)
                      if (containsObject(values, pkg)) leaks.push(`${p}'s private package`);
                  }
                  if (r.text.includes(`${COMMON_LINE}~`))
                    leaks.push(`${COMMON_LINE} qualified: others use it`);
                  expect(leaks, where).toEqual([]);
                });
        }
        for (let i = 0; i < calls.length; i += 8) await Promise.all(calls.slice(i, i + 8).map((f) => f()));
        for (const f of last) await f();
      };
      await Promise.all(viewers.map(walk));
    }
    const endpoints = new Set([...checked].map((k) => k.split('|')[0]));
    counts.endpoints = endpoints.size;
    counts.viewers = viewers.length;
    counts.states = states.length;
    expect(checked.size).toBe(endpoints.size * viewers.length * states.length);
    console.log(
      `zero-leak walk on ${kind}: ${endpoints.size} endpoints × ${viewers.length} viewers × ${states.length} states = ${checked.size} combinations, ${counts.calls} requests`,
    );
    // The party itself does see its own numbers (the check above would be empty otherwise).
    const own = await api.call('GET', `/api/rooms/${ROOM}/parties/russia/preferences`, {
      token: tokens.russia,
    });
    expect(own.text).toContain(secrets.russia?.strings[0] as string);
    // The common id is really shared: the mediator's export qualifies all but Russia's (the first),
    // and a later party's own check shows it crossed under its own id.
    const yaml = (
      (await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token: tokens.mediator })).json as Json
    ).yaml as string;
    expect(yaml).toContain(`id: ${COMMON_LINE}\n`);
    expect(yaml).toContain(`id: ${COMMON_LINE}~ukraine\n`);
    const check = await api.call('POST', `/api/rooms/${ROOM}/parties/ukraine/check`, {
      token: tokens.ukraine,
      body: { package: secrets.ukraine?.packages[0] },
    });
    expect(check.text).toContain(`"id":"${COMMON_LINE}"`);
    // And the overlap of blind offers is the common package only.
    const offers = (await api.call('GET', `/api/rooms/${ROOM}/offers`, { token: tokens.observer }))
      .json as Json;
    expect(offers).toEqual({ complete: true, overlap: [common] });
  }, 900_000);
});
