// A party's private preference set: read and written by that party and the mediator only.
import { createRoute, z } from '@hono/zod-openapi';
import { type App, accessRoom, type ServerContext, userOf } from '../context.js';
import { checkPreferences } from '../preference-check.js';
import { forbidden, invalid, notFound } from '../problem.js';
import * as repo from '../repo.js';
import { type Json, partiesOf } from '../scenario-parts.js';
import { json, Message, PartyParam, preferencesSchema, problems, registerJsonSchema } from '../schemas.js';

const Version = z.object({
  version: z.number().int(),
  message: z.string(),
  createdAt: z.unknown(),
  author: z.string().nullable(),
});

export function registerPreferenceRoutes(app: App, ctx: ServerContext): void {
  const { db } = ctx.store;
  const ref = registerJsonSchema(app, 'Preferences', preferencesSchema);

  /** The room, the party (404 when unknown) and whether the caller may touch its preferences. */
  const enter = async (c: Parameters<typeof userOf>[0], room: string, party: string) => {
    userOf(c);
    const state = await repo.roomState(db, room);
    const a = await accessRoom(ctx, c, room, state.parts);
    const index = partiesOf(state.parts.shared).findIndex((p) => p.slug === party);
    if (index < 0) throw notFound('no such party');
    const own = a.viewer.role === 'mediator' || (a.viewer.role === 'party' && a.viewer.party?.slug === party);
    if (!own) throw forbidden("a party's preferences are private to it and the mediator");
    return { a, state, index };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/parties/{party}/preferences',
      operationId: 'getPreferences',
      summary: "A party's private preference set (that party and the mediator only)",
      request: { params: PartyParam },
      responses: {
        200: json(
          z.object({
            party: z.string(),
            version: z.number().int(),
            preferences: z.record(z.string(), z.unknown()).openapi(ref as never),
          }),
          'the set',
        ),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { room, party } = c.req.valid('param');
      const { state } = await enter(c, room, party);
      return c.json(
        {
          party,
          version: state.versions.preferences[party] ?? 0,
          preferences: state.parts.preferences[party] ?? {},
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rooms/{room}/parties/{party}/preferences',
      operationId: 'putPreferences',
      summary:
        "A new version of a party's preference set: the scenario format's party fields (reservation, weights, values, redLines, …)",
      request: {
        params: PartyParam,
        query: z.object({ message: Message }),
        body: { required: true, content: { 'application/json': { schema: ref as never } } },
      },
      responses: {
        200: json(z.object({ party: z.string(), version: z.number().int() }), 'stored'),
        ...problems(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { room, party } = c.req.valid('param');
      const { message } = c.req.valid('query');
      const { a, state, index } = await enter(c, room, party);
      const raw: unknown = await c.req.json();
      const shape = preferencesSchema.safeParse(raw);
      if (!shape.success)
        throw invalid(
          'the preference set has problems',
          shape.error.issues.map((i) => ({
            path: ['body', ...i.path.map(String)].join('/'),
            message: i.message,
          })),
        );
      const prefs = raw as Json;
      // The answer reads the shared text and this party's own sets only: a red-line id another
      // party also uses is accepted (the composition qualifies it), so no answer tells of it.
      const checked = checkPreferences(state.parts, room, party, index, prefs, 'body');
      if (!checked.ok) throw invalid('the preference set does not fit the scenario', checked.errors);
      const version = await repo.putPreferences(db, room, party, prefs, {
        userId: a.user.id,
        message: message ?? '',
      });
      return c.json({ party, version }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/parties/{party}/preferences/history',
      operationId: 'preferenceHistory',
      summary: "Versions of a party's preference set (that party and the mediator only)",
      request: { params: PartyParam },
      responses: {
        200: json(z.object({ versions: z.array(Version) }), 'history'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { room, party } = c.req.valid('param');
      await enter(c, room, party);
      return c.json({ versions: await repo.history(db, room, { party }) }, 200);
    },
  );
}
