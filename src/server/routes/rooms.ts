// Rooms: list, create (built-in / YAML / GENIUS), read, export and edit the scenario, drafts,
// history, invitations, blind offers and the audit log.
import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'yaml';
import { newToken, sha256 } from '../auth.js';
import {
  type Access,
  type App,
  accessRoom,
  requireMediator,
  type ServerContext,
  userOf,
} from '../context.js';
import { forbidden, invalid, notFound, ProblemError } from '../problem.js';
import * as repo from '../repo.js';
import {
  composeScenario,
  type Json,
  partiesOf,
  publicText,
  readComposed,
  splitScenario,
} from '../scenario-parts.js';
import {
  body,
  DraftParam,
  draftBodySchema,
  json,
  Message,
  PartyParam,
  problems,
  RoomParam,
} from '../schemas.js';
import { fileFromSource, fileFromText } from '../source.js';
import { type Package, type Viewer, viewOffers } from '../views.js';

const Source = z
  .union([
    z.strictObject({ builtin: z.string().openapi({ example: 'ukraine-2025' }) }),
    z.strictObject({
      yaml: z.string().max(1_000_000).openapi({ description: 'A scenario file, YAML or JSON' }),
    }),
    z.strictObject({
      genius: z.strictObject({
        domain: z.string().max(1_000_000),
        profiles: z.array(z.string().max(1_000_000)).min(2).max(20),
      }),
    }),
  ])
  .openapi('ScenarioSource');
const NewRoom = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'lower-case letters, digits and hyphens' }),
    name: z.string().min(1).max(200).optional(),
    source: Source,
  })
  .openapi('NewRoom');
const RoomSummary = z
  .object({ id: z.string(), name: z.string(), role: z.string(), party: z.string().nullable() })
  .openapi('RoomSummary');
const Room = RoomSummary.extend({
  parties: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string() })),
  versions: z.record(z.string(), z.unknown()),
  text: z.record(z.string(), z.unknown()).openapi({
    description: 'The shared text (the mediator also sees its model: assumptions, levers, conflict lens)',
  }),
}).openapi('Room');
const Version = z.object({
  version: z.number().int(),
  message: z.string(),
  createdAt: z.unknown(),
  author: z.string().nullable(),
});
const Packages = z
  .strictObject({ packages: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).max(1000) })
  .openapi('BlindOffer');

/**
 * The JSON of each room view served, per state: a room's state object is replaced whenever
 * anything in it changes (see read-cache.ts), so a view serialised for one state stays right for
 * as long as that state is current. Keyed by everything the view depends on (name, role, party).
 */
const servedViews = new WeakMap<repo.RoomState, Map<string, string>>();

/** {@link roomView} as JSON text, serialised once per state and viewer. */
function roomViewJson(id: string, name: string, state: repo.RoomState, v: Viewer): string {
  let views = servedViews.get(state);
  if (!views) {
    views = new Map();
    servedViews.set(state, views);
  }
  const key = JSON.stringify([id, name, v.role, v.party?.slug ?? null]);
  let json = views.get(key);
  if (json === undefined) {
    json = JSON.stringify(roomView(id, name, state, v));
    views.set(key, json);
  }
  return json;
}

/** The room as a viewer may read it. */
function roomView(id: string, name: string, state: repo.RoomState, v: Viewer) {
  const mediator = v.role === 'mediator';
  return {
    id,
    name,
    role: v.role,
    party: v.party?.slug ?? null,
    parties: partiesOf(state.parts.shared),
    versions: mediator
      ? state.versions
      : { scenario: state.versions.scenario, drafts: state.versions.drafts },
    text: mediator
      ? { ...state.parts.shared, drafts: state.parts.drafts }
      : publicText(state.parts.shared, state.parts.drafts),
  };
}

/** Checks a package against the issues: every issue once, with one of its values. */
function packageErrors(issues: Json[], packages: readonly Package[]) {
  const errors: { path: string; message: string }[] = [];
  packages.forEach((p, i) => {
    for (const k of Object.keys(p))
      if (!issues.some((is) => is.name === k))
        errors.push({ path: `body/packages/${i}/${k}`, message: 'not an issue of the scenario' });
    for (const is of issues) {
      const name = String(is.name);
      const v = p[name];
      const at = `body/packages/${i}/${name}`;
      if (v === undefined) errors.push({ path: at, message: 'missing: a package settles every issue' });
      else if (Array.isArray(is.options)) {
        if (!(is.options as unknown[]).includes(v))
          errors.push({ path: at, message: `not an option (${(is.options as string[]).join(', ')})` });
      } else if (typeof v !== 'number' || v < Number(is.min) || v > Number(is.max))
        errors.push({ path: at, message: `a number from ${is.min} to ${is.max}` });
    }
  });
  return errors;
}

export function registerRoomRoutes(app: App, ctx: ServerContext): void {
  const { db } = ctx.store;
  const state = (roomId: string) => repo.roomState(db, roomId);
  const enter = async (
    c: Parameters<typeof userOf>[0],
    roomId: string,
  ): Promise<Access & { state: repo.RoomState }> => {
    userOf(c);
    const s = await state(roomId);
    const a = await accessRoom(ctx, c, roomId, s.parts);
    return { ...a, state: s };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms',
      operationId: 'listRooms',
      summary: 'The rooms I am in, with my role',
      responses: { 200: json(z.object({ rooms: z.array(RoomSummary) }), 'rooms'), ...problems(401) },
    }),
    async (c) => c.json({ rooms: await repo.roomsOf(db, userOf(c).id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms',
      operationId: 'createRoom',
      summary:
        'Create a room from a built-in scenario, a scenario file or a GENIUS folder; I become its mediator',
      request: { body: body(NewRoom) },
      responses: { 201: json(Room, 'created'), ...problems(401, 409, 422) },
    }),
    async (c) => {
      const u = userOf(c);
      const req = c.req.valid('json');
      const name = req.name ?? req.id;
      const r = fileFromSource(req.source as Parameters<typeof fileFromSource>[0], name);
      if (!r.ok) throw invalid('the scenario has problems', r.errors);
      const ok = await repo.createRoom(db, {
        id: req.id,
        name,
        parts: splitScenario(r.file),
        userId: u.id,
        message: 'created',
      });
      if (!ok) throw new ProblemError(409, 'Conflict', `a room "${req.id}" exists`);
      const s = await state(req.id);
      return c.json(roomView(req.id, name, s, { role: 'mediator' }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}',
      operationId: 'getRoom',
      summary: 'A room: my role, the parties, the shared text and its versions',
      request: { params: RoomParam },
      responses: { 200: json(Room, 'the room'), ...problems(401, 404) },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const a = await enter(c, room);
      const m = await repo.membership(db, room, a.user.id);
      // Same body as c.json would send, serialised once per room state and viewer.
      return c.body(roomViewJson(room, m?.name ?? room, a.state, a.viewer), 200, {
        'content-type': 'application/json',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/scenario',
      operationId: 'exportScenario',
      summary: 'The scenario as YAML: the whole file for the mediator, the shared text for others',
      request: { params: RoomParam },
      responses: {
        200: json(z.object({ yaml: z.string(), complete: z.boolean() }), 'YAML'),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const a = await enter(c, room);
      const mediator = a.viewer.role === 'mediator';
      const data = mediator
        ? composeScenario(a.state.parts)
        : publicText(a.state.parts.shared, a.state.parts.drafts);
      return c.json({ yaml: stringify(data, { lineWidth: 100 }), complete: mediator }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rooms/{room}/scenario',
      operationId: 'putScenario',
      summary: 'A new version of the whole scenario (mediator): every changed part gets a new version',
      request: {
        params: RoomParam,
        body: body(z.strictObject({ yaml: z.string().max(1_000_000), message: Message })),
      },
      responses: {
        200: json(z.object({ version: z.number().int() }), 'new version'),
        ...problems(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const req = c.req.valid('json');
      const a = await enter(c, room);
      requireMediator(a);
      const r = fileFromText(req.yaml, 'body/yaml');
      if (!r.ok) throw invalid('the scenario has problems', r.errors);
      const parts = splitScenario(r.file);
      const before = partiesOf(a.state.parts.shared)
        .map((p) => p.slug)
        .join(',');
      if (
        partiesOf(parts.shared)
          .map((p) => p.slug)
          .join(',') !== before
      )
        throw invalid('the parties of a room are fixed (memberships are bound to them)', [
          { path: 'body/yaml', message: `parties must stay ${before}` },
        ]);
      const version = await repo.putScenario(db, room, parts, {
        userId: a.user.id,
        message: req.message ?? '',
      });
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/history',
      operationId: 'scenarioHistory',
      summary: 'Versions of the shared text: who, when, why',
      request: { params: RoomParam },
      responses: { 200: json(z.object({ versions: z.array(Version) }), 'history'), ...problems(401, 404) },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      await enter(c, room);
      return c.json({ versions: await repo.history(db, room, 'scenario') }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rooms/{room}/drafts/{draft}',
      operationId: 'putDraft',
      summary: 'A new version of a draft of the negotiating text (mediator)',
      request: {
        params: DraftParam,
        body: body(z.strictObject({ draft: z.record(z.string(), z.unknown()), message: Message })),
      },
      responses: {
        200: json(z.object({ version: z.number().int() }), 'new version'),
        ...problems(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { room, draft } = c.req.valid('param');
      const req = c.req.valid('json');
      const a = await enter(c, room);
      requireMediator(a);
      const shape = draftBodySchema.safeParse(req.draft);
      if (!shape.success)
        throw invalid(
          'the draft has problems',
          shape.error.issues.map((i) => ({
            path: ['body', 'draft', ...i.path].join('/'),
            message: i.message,
          })),
        );
      const body = { name: draft, ...(req.draft as Json) };
      const drafts = a.state.parts.drafts.some((d) => d.name === draft)
        ? a.state.parts.drafts.map((d) => (d.name === draft ? body : d))
        : [...a.state.parts.drafts, body];
      const r = readComposed({ ...a.state.parts, drafts }, room);
      if (!r.ok)
        throw invalid(
          'the draft does not fit the scenario',
          r.problems.map((p) => ({ path: 'body/draft', message: p.message })),
        );
      const version = await repo.putDraft(db, room, draft, body, {
        userId: a.user.id,
        message: req.message ?? '',
      });
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/rooms/{room}/drafts/{draft}',
      operationId: 'withdrawDraft',
      summary: 'Withdraw a draft (mediator); its history stays',
      request: { params: DraftParam },
      responses: {
        200: json(z.object({ version: z.number().int() }), 'withdrawn'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { room, draft } = c.req.valid('param');
      const a = await enter(c, room);
      requireMediator(a);
      if (!a.state.parts.drafts.some((d) => d.name === draft)) throw notFound('no such draft');
      const version = await repo.putDraft(db, room, draft, null, { userId: a.user.id, message: 'withdrawn' });
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{room}/invitations',
      operationId: 'invite',
      summary: 'A one-time invitation link for a role (mediator)',
      request: {
        params: RoomParam,
        body: body(
          z.strictObject({ role: z.enum(['mediator', 'party', 'observer']), party: z.string().optional() }),
        ),
      },
      responses: {
        201: json(z.object({ token: z.string(), path: z.string() }), 'invitation'),
        ...problems(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const req = c.req.valid('json');
      const a = await enter(c, room);
      requireMediator(a);
      const slugs = partiesOf(a.state.parts.shared).map((p) => p.slug);
      if (req.role === 'party' && (!req.party || !slugs.includes(req.party)))
        throw invalid('a party invitation names one party', [
          { path: 'body/party', message: `one of ${slugs.join(', ')}` },
        ]);
      const token = newToken();
      await repo.createInvitation(db, {
        tokenHash: sha256(token),
        roomId: room,
        role: req.role,
        party: req.role === 'party' ? (req.party ?? null) : null,
        userId: a.user.id,
      });
      return c.json({ token, path: `/api/invitations/${token}` }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/invitations/{token}',
      operationId: 'acceptInvitation',
      summary: 'Join a room with a one-time invitation',
      request: {
        params: z.object({
          token: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'token', in: 'path' } }),
        }),
      },
      responses: { 200: json(RoomSummary.omit({ name: true }), 'joined'), ...problems(401, 404) },
    }),
    async (c) => {
      const u = userOf(c);
      const { token } = c.req.valid('param');
      const r = await repo.acceptInvitation(db, sha256(token), u.id);
      if (!r) throw notFound('no such invitation, or it was used');
      return c.json({ id: r.roomId, role: r.role, party: r.party }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/offers',
      operationId: 'getOffers',
      summary: 'Blind offers: the packages acceptable to all, once every party has submitted',
      request: { params: RoomParam },
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('OffersView'), 'offers as I may see them'),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const a = await enter(c, room);
      const slugs = partiesOf(a.state.parts.shared).map((p) => p.slug);
      return c.json(viewOffers(await repo.currentOffers(db, room), slugs, a.viewer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rooms/{room}/parties/{party}/offers',
      operationId: 'putOffers',
      summary: 'Submit the packages my party would accept (only that party)',
      request: { params: PartyParam, body: body(Packages) },
      responses: {
        200: json(z.object({ version: z.number().int() }), 'submitted'),
        ...problems(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { room, party } = c.req.valid('param');
      const req = c.req.valid('json');
      const a = await enter(c, room);
      if (!partiesOf(a.state.parts.shared).some((p) => p.slug === party)) throw notFound('no such party');
      if (a.viewer.role !== 'party' || a.viewer.party?.slug !== party)
        throw forbidden('only the party itself submits its offers');
      const errors = packageErrors((a.state.parts.shared.issues ?? []) as Json[], req.packages);
      if (errors.length > 0) throw invalid('the packages have problems', errors);
      const version = await repo.putOffers(db, room, party, req.packages, a.user.id);
      return c.json({ version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/audit',
      operationId: 'auditLog',
      summary: 'Who did what in the room (mediator)',
      request: { params: RoomParam },
      responses: {
        200: json(z.object({ entries: z.array(z.record(z.string(), z.unknown())) }), 'audit log'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const a = await enter(c, room);
      requireMediator(a);
      return c.json({ entries: await repo.auditEntries(db, room) }, 200);
    },
  );
}
