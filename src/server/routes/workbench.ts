// What the web workbench needs beyond the core API: a draft's versions with their text (the
// editor's history and diff), a version's verdict for the caller (the drafts history of a party),
// and a party's private "check a package" on its own numbers (computed here, since a party may
// not hold the inputs of a joint computation).
import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { ConcordError, type Draft, evaluateDraft } from '../../index.js';
import { type App, accessRoom, type ServerContext, userOf } from '../context.js';
import { draftVersions, users } from '../db/schema.js';
import { checkPreferences } from '../preference-check.js';
import { forbidden, invalid, notFound, ProblemError } from '../problem.js';
import * as repo from '../repo.js';
import { type Json, partiesOf, readComposed } from '../scenario-parts.js';
import { body, DraftParam, json, PartyParam, preferencesSchema, problems } from '../schemas.js';
import { viewDraftEvaluation } from '../views.js';

const VersionParam = DraftParam.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

const PackageBody = z
  .strictObject({
    package: z.record(z.string(), z.union([z.string(), z.number()])).openapi({
      description: 'Issue name → option (or number): every issue once',
    }),
    preferences: z.record(z.string(), z.unknown()).optional().openapi({
      description: 'Check against this unsaved preference set instead of the stored one (a preview)',
    }),
  })
  .openapi('CheckPackage');

const CheckResult = z
  .object({
    party: z.string(),
    preview: z.boolean(),
    utility: z.number(),
    reservation: z.number(),
    gain: z.number(),
    acceptable: z.boolean(),
    redLinesCrossed: z.array(z.object({ id: z.string(), description: z.string() })),
  })
  .openapi('PackageCheck');

/** Every issue once, each with one of its values: all problems, with their paths. */
export function packageProblems(issues: readonly Json[], p: Readonly<Record<string, string | number>>) {
  const errors: { path: string; message: string }[] = [];
  for (const k of Object.keys(p))
    if (!issues.some((is) => is.name === k))
      errors.push({ path: `body/package/${k}`, message: 'not an issue of the scenario' });
  for (const is of issues) {
    const name = String(is.name);
    const v = p[name];
    const at = `body/package/${name}`;
    if (v === undefined) errors.push({ path: at, message: 'missing: a package settles every issue' });
    else if (Array.isArray(is.options)) {
      if (!(is.options as unknown[]).includes(v))
        errors.push({ path: at, message: `not an option (${(is.options as string[]).join(', ')})` });
    } else if (typeof v !== 'number' || v < Number(is.min) || v > Number(is.max))
      errors.push({ path: at, message: `a number from ${is.min} to ${is.max}` });
  }
  return errors;
}

export function registerWorkbenchRoutes(app: App, ctx: ServerContext): void {
  const { db } = ctx.store;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/drafts/{draft}/versions',
      operationId: 'draftVersions',
      summary: 'Every version of a draft with its text (shared text: every member); null when withdrawn',
      request: { params: DraftParam },
      responses: {
        200: json(
          z.object({
            draft: z.string(),
            versions: z.array(
              z.object({
                version: z.number().int(),
                message: z.string(),
                createdAt: z.unknown(),
                author: z.string().nullable(),
                body: z.record(z.string(), z.unknown()).nullable(),
              }),
            ),
          }),
          'versions, oldest first',
        ),
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { room, draft } = c.req.valid('param');
      userOf(c);
      const state = await repo.roomState(db, room);
      await accessRoom(ctx, c, room, state.parts);
      const rows = await db
        .select({
          version: draftVersions.version,
          message: draftVersions.message,
          createdAt: draftVersions.createdAt,
          author: users.email,
          body: draftVersions.body,
          deleted: draftVersions.deleted,
        })
        .from(draftVersions)
        .leftJoin(users, eq(users.id, draftVersions.authorId))
        .where(and(eq(draftVersions.roomId, room), eq(draftVersions.name, draft)))
        .orderBy(draftVersions.version);
      if (rows.length === 0) throw notFound('no such draft');
      return c.json(
        {
          draft,
          // A withdrawal is stored with an empty body and `deleted`: it has no text.
          versions: rows.map(({ deleted, ...r }) => ({
            ...r,
            body: deleted ? null : ((r.body as Json | null) ?? null),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/drafts/{draft}/versions/{version}/verdict',
      operationId: 'draftVersionVerdict',
      summary:
        "One version of a draft evaluated on the room's current preferences, as the caller may see it: a party gets whether it accepts, its own red lines crossed and whether all accept; the mediator the whole evaluation; an observer nothing (403: it reads the text only)",
      request: { params: VersionParam },
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('DraftVersionVerdict'), 'the verdict'),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { room, draft, version } = c.req.valid('param');
      userOf(c);
      const state = await repo.roomState(db, room);
      const a = await accessRoom(ctx, c, room, state.parts);
      if (a.viewer.role === 'observer')
        throw forbidden("an observer reads the drafts' text only, not their acceptance");
      const [row] = await db
        .select({ body: draftVersions.body, deleted: draftVersions.deleted })
        .from(draftVersions)
        .where(
          and(
            eq(draftVersions.roomId, room),
            eq(draftVersions.name, draft),
            eq(draftVersions.version, version),
          ),
        );
      if (!row) throw notFound('no such version of that draft');
      if (row.deleted || row.body === null)
        throw notFound('that version withdrew the draft: there is no text to evaluate');
      // The version in place of the draft's current text (or beside the others if withdrawn since).
      const text = { ...(row.body as Json), name: draft };
      const drafts = state.parts.drafts.some((d) => d.name === draft)
        ? state.parts.drafts.map((d) => (d.name === draft ? text : d))
        : [...state.parts.drafts, text];
      const index = drafts.findIndex((d) => d.name === draft);
      const r = readComposed({ ...state.parts, drafts }, room);
      if (!r.ok)
        // The draft is shared text: its own problems are told; anything else is not the caller's.
        throw new ProblemError(
          409,
          'Version does not fit',
          `version ${version} of "${draft}" no longer reads against the room's current scenario`,
          r.problems.map((p) => {
            const path = p.path ?? [];
            return path[0] === 'drafts' && path[1] === index
              ? { path: ['draft', ...path.slice(2).map(String)].join('/'), message: p.message }
              : { path: 'draft', message: 'conflicts with the rest of the scenario' };
          }),
        );
      const parsed = r.value.record?.drafts.find((d) => d.name === draft);
      if (!parsed) throw notFound('no such draft');
      let evaluation: ReturnType<typeof evaluateDraft>;
      try {
        evaluation = evaluateDraft(r.value, parsed);
      } catch (e) {
        if (e instanceof ConcordError) throw new ProblemError(409, 'Version cannot be evaluated', e.message);
        throw e;
      }
      return c.json({ version, ...viewDraftEvaluation(evaluation, a.viewer) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{room}/parties/{party}/check',
      operationId: 'checkPackage',
      summary:
        'How good a package is for a party and which of its red lines it crosses (that party and the mediator only); optionally on an unsaved preference set',
      request: { params: PartyParam, body: body(PackageBody) },
      responses: { 200: json(CheckResult, 'the check'), ...problems(401, 403, 404, 422) },
    }),
    async (c) => {
      const { room, party } = c.req.valid('param');
      const req = c.req.valid('json');
      userOf(c);
      const state = await repo.roomState(db, room);
      const a = await accessRoom(ctx, c, room, state.parts);
      const parties = partiesOf(state.parts.shared);
      const index = parties.findIndex((p) => p.slug === party);
      if (index < 0) throw notFound('no such party');
      const own =
        a.viewer.role === 'mediator' || (a.viewer.role === 'party' && a.viewer.party?.slug === party);
      if (!own) throw forbidden("a party's check is private to it and the mediator");
      const errors = packageProblems((state.parts.shared.issues ?? []) as Json[], req.package);
      if (req.preferences !== undefined) {
        const shape = preferencesSchema.safeParse(req.preferences);
        if (!shape.success)
          for (const i of shape.error.issues)
            errors.push({
              path: ['body', 'preferences', ...i.path.map(String)].join('/'),
              message: i.message,
            });
      }
      if (errors.length > 0) throw invalid('the check has problems', errors);
      // A preview is checked as a save would be (the same problems, in the same words).
      const prefs = (req.preferences as Json | undefined) ?? state.parts.preferences[party] ?? {};
      const r = checkPreferences(state.parts, room, party, index, prefs, 'body/preferences');
      if (!r.ok) throw invalid('the preference set does not fit the scenario', r.errors);
      const s = r.scenario;
      const draft: Draft = {
        name: 'package',
        drafters: [],
        pointCount: 1,
        evidence: [],
        points: [{ number: 1, title: 'package', sets: req.package, detailed: true, evidence: [] }],
      };
      const e = evaluateDraft(s, draft);
      const name = parties[index]?.name as string;
      const me = e.parties.find((p) => p.party === name);
      const spec = s.parties.find((p) => p.name === name);
      if (!me || !spec) throw notFound('no such party');
      // The party's own ids: a later party's id another party also uses is qualified in `s`.
      const ownId = new Map(
        ((r.parts.preferences[party]?.redLines ?? []) as Json[]).flatMap((l) =>
          typeof l?.id === 'string' ? [[r.composedId(l.id), l.id] as const] : [],
        ),
      );
      const lines = new Map(spec.redLines.map((l) => [l.id, l.description ?? ownId.get(l.id) ?? l.id]));
      return c.json(
        {
          party,
          preview: req.preferences !== undefined,
          utility: me.utility,
          reservation: spec.reservationValue,
          gain: me.gain,
          acceptable: me.accepts,
          redLinesCrossed: me.redLinesCrossed.map((id) => ({
            id: ownId.get(id) ?? id,
            description: lines.get(id) ?? ownId.get(id) ?? id,
          })),
        },
        200,
      );
    },
  );
}
