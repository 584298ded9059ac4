/**
 * The Hono application: middleware (problem details, cross-site refusal, body limits, JSON with
 * located errors, sessions and CSRF) and the routes of each resource. Pure of the network: `serve.ts`
 * binds it to a port.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { RateLimiter, sha256 } from './auth.js';
import { type App, type AppEnv, type AppOptions, SESSION_COOKIE, type ServerContext } from './context.js';
import type { Store } from './db/open.js';
import { fieldPath, forbidden, jsonErrorDetail, ProblemError, problemResponse } from './problem.js';
import { QueuedDraws } from './queued-draws.js';
import { sessionById } from './repo.js';
import { registerAnalysisRoutes } from './routes/analyses.js';
import { registerPreferenceRoutes } from './routes/preferences.js';
import { registerRoomRoutes } from './routes/rooms.js';
import { registerSessionRoutes } from './routes/session.js';
import { registerWorkbenchRoutes } from './routes/workbench.js';
import { Runner } from './runner.js';
import { registerWebRoutes, type WebOptions } from './static.js';

/** Methods that write: with a session cookie they need the CSRF token. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The application on a store, and the context its routes share. */
export function createApp(
  store: Store,
  options: AppOptions & WebOptions = {},
): { app: App; ctx: ServerContext } {
  const opts: Required<AppOptions> = {
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    samples: options.samples ?? 2000,
    whatIfSamples: options.whatIfSamples ?? 200,
    secureCookies: options.secureCookies ?? false,
    loginAttempts: options.loginAttempts ?? 10,
    queue: options.queue ?? '',
  };
  const ctx: ServerContext = {
    store,
    runner: new Runner({
      warm: true,
      ...(opts.queue ? { queue: new QueuedDraws(opts.queue, (m) => console.error(`queue: ${m}`)) } : {}),
    }),
    limiter: new RateLimiter({ max: opts.loginAttempts }),
    options: opts,
  };
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = (result as { target?: string }).target ?? 'body';
        throw new ProblemError(
          target === 'json' ? 422 : 400,
          'Invalid request',
          'the request does not match the API (see errors)',
          result.error.issues.map((i) => ({
            path: fieldPath(target === 'json' ? 'body' : target, i.path),
            message: i.message,
          })),
        );
      }
    },
  });

  app.onError((e, c) => {
    if (e instanceof ProblemError) return problemResponse(c, e);
    // Hono's own HTTP errors (e.g. a body it could not read) keep their status.
    const status = (e as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500)
      return problemResponse(c, new ProblemError(status, 'Bad request', e.message));
    console.error(
      `concord serve: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${e.message}`,
    );
    return problemResponse(
      c,
      new ProblemError(500, 'Internal error', 'a bug in Concord; the request was not completed'),
    );
  });
  app.notFound((c) => problemResponse(c, new ProblemError(404, 'Not found', 'no such resource')));

  // Cross-site requests are refused before anything else: a browser sends Origin (and
  // Sec-Fetch-Site) with every unsafe request, so a foreign page cannot write through the cookie.
  app.use('/api/*', async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      const site = c.req.header('sec-fetch-site');
      let foreign = site === 'cross-site' || site === 'same-site';
      if (origin !== undefined) {
        try {
          foreign ||= origin === 'null' || new URL(origin).host !== host;
        } catch {
          foreign = true;
        }
      }
      if (foreign) throw forbidden('cross-site request refused');
    }
    await next();
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: opts.maxBodyBytes,
      onError: (c) =>
        problemResponse(
          c,
          // Connection: close, as the rest of the body is left unread on the socket.
          new ProblemError(413, 'Request too large', `the body is over ${opts.maxBodyBytes} bytes`, [], {
            connection: 'close',
          }),
        ),
    }),
  );

  // JSON bodies: the wrong media type is 415; malformed JSON is a 400 that says where.
  app.use('/api/*', async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const text = await c.req.text();
      if (text.length > 0) {
        const type = c.req.header('content-type') ?? '';
        if (!/^application\/([\w.+-]+\+)?json\b/i.test(type))
          throw new ProblemError(415, 'Unsupported media type', 'send the body as application/json');
        try {
          JSON.parse(text);
        } catch (e) {
          throw new ProblemError(400, 'Malformed JSON', jsonErrorDetail(text, e));
        }
      }
    }
    await next();
  });

  // Sessions: a bearer token (scripts) or the HttpOnly cookie (browsers); cookie writes need CSRF.
  app.use('/api/*', async (c, next) => {
    const auth = c.req.header('authorization');
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    if (token) {
      const s = await sessionById(store.db, sha256(token));
      if (s) {
        const via = bearer ? 'bearer' : 'cookie';
        if (via === 'cookie' && UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== s.csrf)
          throw forbidden('missing or wrong X-CSRF-Token header (GET /api/session gives it)');
        c.set('user', { id: s.userId, email: s.email, sessionId: s.id, csrf: s.csrf, via });
      } else if (bearer) {
        throw new ProblemError(401, 'Not signed in', 'the token is unknown, expired or signed out');
      }
    }
    await next();
  });

  registerSessionRoutes(app, ctx);
  registerRoomRoutes(app, ctx);
  registerPreferenceRoutes(app, ctx);
  registerAnalysisRoutes(app, ctx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Concord workbench',
      version: '1',
      description: 'Shared negotiation rooms with per-party privacy. See docs/server.md and docs/privacy.md.',
    },
    security: [{ bearer: [] }, { cookie: [] }],
  });
  registerWorkbenchRoutes(app, ctx);
  registerWebRoutes(app, options.webDir);
  return { app, ctx };
}
