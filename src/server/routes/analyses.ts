// Joint analyses: the cached brief, runs started by the mediator (brief, what-if, draft evaluation,
// diff, minimal concessions), their progress as server-sent events, cancellation. Every result
// goes out through views.ts.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sha256 } from '../auth.js';
import type { AnalysisRequest } from '../compute.js';
import {
  type App,
  type AppEnv,
  accessRoom,
  requireMediator,
  type ServerContext,
  userOf,
} from '../context.js';
import { invalid, notFound, ProblemError } from '../problem.js';
import * as repo from '../repo.js';
import { composeScenario, readComposed } from '../scenario-parts.js';
import { json, problems, RoomParam, RunParam } from '../schemas.js';
import { viewResult, viewRun } from '../views.js';

const StartAnalysis = z
  .strictObject({
    kind: z.enum(['brief', 'whatif', 'evaluate', 'diff', 'concessions']),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    samples: z.number().int().min(10).max(100_000).optional(),
    levers: z.record(z.string(), z.string()).optional(),
    draft: z.string().optional(),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .openapi('StartAnalysis');
const Run = z.record(z.string(), z.unknown()).openapi('AnalysisRun');

/** Stable JSON: keys sorted, so equal inputs hash equal. */
const stable = (x: unknown): string =>
  JSON.stringify(x, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export function registerAnalysisRoutes(app: App, ctx: ServerContext): void {
  const { db } = ctx.store;
  /** In-flight runs by inputs key, so simultaneous requests for one brief share one run. */
  const inflight = new Map<string, Promise<number>>();

  const enter = async (c: Context<AppEnv>, room: string) => {
    userOf(c);
    const state = await repo.roomState(db, room);
    return { a: await accessRoom(ctx, c, room, state.parts), state };
  };

  /** Starts (or joins) the run for these inputs; resolves with its id once stored. */
  async function start(
    room: string,
    state: repo.RoomState,
    request: AnalysisRequest,
    userId: number | null,
  ): Promise<{ id: number; done: Promise<void> }> {
    const inputs = { versions: state.versions, request };
    const key = sha256(stable(inputs));
    const id = await repo.insertRun(db, {
      roomId: room,
      kind: request.kind,
      inputsKey: key,
      inputs,
      seed: request.seed,
      userId,
    });
    const text = JSON.stringify(composeScenario(state.parts));
    const done = ctx.runner
      .start(id, text, request)
      .then(async (e) => {
        if (e.type === 'done') await repo.finishRun(db, id, 'done', e.result, null);
        else if (e.type === 'failed') await repo.finishRun(db, id, 'failed', null, e.error);
        else await repo.finishRun(db, id, 'cancelled', null, null);
      })
      .catch(() => {}); // the store closed during shutdown: the run stays `running`, abandoned on restart
    return { id, done };
  }

  /** The brief of the room's current versions: from the store, or computed once and stored. */
  async function currentBrief(room: string, state: repo.RoomState, userId: number | null) {
    const request: AnalysisRequest = {
      kind: 'brief',
      seed: 1,
      samples: ctx.options.samples,
      whatIfSamples: ctx.options.whatIfSamples,
    };
    const key = sha256(stable({ versions: state.versions, request }));
    const cached = await repo.doneRunByKey(db, room, key);
    if (cached) return cached;
    let pending = inflight.get(key);
    if (!pending) {
      pending = start(room, state, request, userId).then(async ({ id, done }) => {
        await done;
        return id;
      });
      inflight.set(key, pending);
      pending.finally(() => inflight.delete(key)).catch(() => {});
    }
    const id = await pending;
    const run = await repo.findRun(db, room, id);
    if (run?.status !== 'done')
      throw new ProblemError(409, 'Brief not available', 'the brief run did not finish; try again');
    return run;
  }
  ctx.warmBrief = async (room: string) => {
    await currentBrief(room, await repo.roomState(db, room), null);
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/brief',
      operationId: 'getBrief',
      summary: "The brief on the room's current versions (cached), as my role may see it",
      request: { params: RoomParam },
      responses: {
        200: json(z.record(z.string(), z.unknown()).openapi('BriefView'), 'the brief'),
        ...problems(401, 404, 409),
      },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const { a, state } = await enter(c, room);
      const run = await currentBrief(room, state, a.user.id);
      return c.json(
        {
          run: run.id,
          seed: run.seed,
          versions: { scenario: state.versions.scenario },
          brief: viewResult('brief', run.result, a.viewer),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rooms/{room}/analyses',
      operationId: 'startAnalysis',
      summary: "Start a joint analysis on the room's current versions (mediator)",
      request: {
        params: RoomParam,
        body: { required: true, content: { 'application/json': { schema: StartAnalysis } } },
      },
      responses: { 202: json(Run, 'started'), ...problems(401, 403, 404, 422) },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const req = c.req.valid('json');
      const { a, state } = await enter(c, room);
      requireMediator(a);
      const parsed = readComposed(state.parts, room);
      if (!parsed.ok)
        throw invalid(
          'the room scenario does not read',
          parsed.problems.map((p) => ({ path: (p.path ?? []).join('/'), message: p.message })),
        );
      const s = parsed.value;
      const errors: { path: string; message: string }[] = [];
      const drafts = s.record?.drafts.map((d) => d.name) ?? [];
      const needs = { evaluate: ['draft'], diff: ['before', 'after'] }[req.kind as 'evaluate' | 'diff'] ?? [];
      for (const k of needs)
        if (req[k as 'draft'] === undefined)
          errors.push({ path: `body/${k}`, message: `required for ${req.kind}` });
      for (const k of ['draft', 'before', 'after'] as const)
        if (req[k] !== undefined && !drafts.includes(req[k] as string))
          errors.push({ path: `body/${k}`, message: `no draft "${req[k]}" (drafts: ${drafts.join(', ')})` });
      for (const [id, level] of Object.entries(req.levers ?? {})) {
        const lever = s.record?.levers.find((l) => l.id === id);
        if (!lever) errors.push({ path: `body/levers/${id}`, message: 'no such lever' });
        else if (!(level in lever.levels))
          errors.push({
            path: `body/levers/${id}`,
            message: `levels: ${Object.keys(lever.levels).join(', ')}`,
          });
      }
      if (errors.length > 0) throw invalid('the analysis request has problems', errors);
      const request: AnalysisRequest = {
        kind: req.kind,
        seed: req.seed ?? 1,
        samples: req.samples ?? ctx.options.samples,
        whatIfSamples: ctx.options.whatIfSamples,
        ...(req.levers ? { levers: req.levers } : {}),
        ...(req.draft !== undefined ? { draft: req.draft } : {}),
        ...(req.before !== undefined ? { before: req.before } : {}),
        ...(req.after !== undefined ? { after: req.after } : {}),
      };
      const { id } = await start(room, state, request, a.user.id);
      const run = await repo.findRun(db, room, id);
      return c.json(viewRun(run as never, a.viewer), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/analyses',
      operationId: 'listAnalyses',
      summary: 'The latest analyses of the room, as my role may see them',
      request: { params: RoomParam },
      responses: { 200: json(z.object({ runs: z.array(Run) }), 'runs'), ...problems(401, 404) },
    }),
    async (c) => {
      const { room } = c.req.valid('param');
      const { a } = await enter(c, room);
      const runs = await repo.listRuns(db, room);
      return c.json({ runs: runs.map((r) => viewRun(r as never, a.viewer)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/analyses/{run}',
      operationId: 'getAnalysis',
      summary: 'One analysis, as my role may see it',
      request: { params: RunParam },
      responses: { 200: json(Run, 'the run'), ...problems(401, 404) },
    }),
    async (c) => {
      const { room, run } = c.req.valid('param');
      const { a } = await enter(c, room);
      const r = await repo.findRun(db, room, run);
      if (!r) throw notFound('no such analysis');
      return c.json(viewRun(r as never, a.viewer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rooms/{room}/analyses/{run}/events',
      operationId: 'analysisEvents',
      summary: 'Progress of a run as server-sent events (`progress`, then `done`, `failed` or `cancelled`)',
      request: { params: RunParam },
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...problems(401, 404),
      },
    }),
    async (c) => {
      const { room, run } = c.req.valid('param');
      const { a } = await enter(c, room);
      const r = await repo.findRun(db, room, run);
      if (!r) throw notFound('no such analysis');
      return streamSSE(c, async (stream) => {
        // Progress carries counts of draws only; the final event is the run as this role sees it.
        const final = async () => {
          const row = await repo.findRun(db, room, run);
          await stream.writeSSE({
            event: row?.status ?? 'failed',
            data: JSON.stringify(viewRun(row as never, a.viewer)),
          });
        };
        const queue: { done: number; total: number }[] = [];
        let wake: (() => void) | undefined;
        const sub = ctx.runner.listen(run, (e) => {
          if (e.type === 'progress') queue.push({ done: e.done, total: e.total });
          wake?.();
        });
        if (!sub) return final();
        const finished = ctx.runner.finished(run);
        let over = false;
        void finished?.then(() => {
          over = true;
          wake?.();
        });
        if (sub.last?.type === 'progress') queue.push({ done: sub.last.done, total: sub.last.total });
        while (!over || queue.length > 0) {
          const p = queue.shift();
          if (p) await stream.writeSSE({ event: 'progress', data: JSON.stringify(p) });
          else
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
        }
        sub.stop();
        // The run's row is written just after the worker's last message.
        for (let i = 0; i < 50 && (await repo.findRun(db, room, run))?.status === 'running'; i++)
          await new Promise((res) => setTimeout(res, 20));
        await final();
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/rooms/{room}/analyses/{run}',
      operationId: 'cancelAnalysis',
      summary: 'Cancel a running analysis (mediator)',
      request: { params: RunParam },
      responses: {
        200: json(z.object({ cancelled: z.boolean() }), 'cancelled or already over'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { room, run } = c.req.valid('param');
      const { a } = await enter(c, room);
      requireMediator(a);
      const r = await repo.findRun(db, room, run);
      if (!r) throw notFound('no such analysis');
      const cancelled = await ctx.runner.cancel(run);
      if (cancelled) await repo.audit(db, room, a.user.id, 'analysis.cancel', { id: run });
      return c.json({ cancelled }, 200);
    },
  );
}
