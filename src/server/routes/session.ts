// Accounts and sessions: sign up, log in (cookie + bearer token), who am I, log out, log out everywhere.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { DUMMY_HASH, hashPassword, newToken, sha256, verifyPassword } from '../auth.js';
import { type App, SESSION_COOKIE, type ServerContext, userOf } from '../context.js';
import { ProblemError } from '../problem.js';
import {
  audit,
  createSession,
  createUser,
  deleteSession,
  deleteUserSessions,
  SESSION_DAYS,
  userByEmail,
} from '../repo.js';
import { body, json, problems } from '../schemas.js';

const Credentials = z
  .strictObject({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(1024),
  })
  .openapi('Credentials');
const NewUser = z
  .strictObject({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(8, { error: 'at least 8 characters' }).max(1024),
  })
  .openapi('NewUser');
const Session = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for scripts: `Authorization: Bearer <token>`' }),
    csrf: z.string().openapi({ description: 'Send as X-CSRF-Token with cookie-authenticated writes' }),
    email: z.string(),
  })
  .openapi('Session');

export function registerSessionRoutes(app: App, ctx: ServerContext): void {
  const { db } = ctx.store;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      operationId: 'signUp',
      summary: 'Create an account',
      request: { body: body(NewUser) },
      responses: { 201: json(z.object({ email: z.string() }), 'created'), ...problems(409, 422) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const id = await createUser(db, email, await hashPassword(password));
      if (id === null) throw new ProblemError(409, 'Conflict', 'an account with this email exists');
      await audit(db, null, id, 'user.create');
      return c.json({ email }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      operationId: 'logIn',
      summary: 'Log in: sets the session cookie and returns a bearer token',
      request: { body: body(Credentials) },
      responses: { 200: json(Session, 'signed in'), ...problems(401, 422, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const addr = c.req.header('x-forwarded-for') ?? 'local';
      const key = `${email}|${addr}`;
      const wait = ctx.limiter.retryAfter(key);
      if (wait > 0)
        throw new ProblemError(429, 'Too many attempts', `try again in ${wait} s`, [], {
          'retry-after': String(wait),
        });
      const user = await userByEmail(db, email);
      const good = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !good) {
        ctx.limiter.fail(key);
        throw new ProblemError(401, 'Not signed in', 'wrong email or password');
      }
      ctx.limiter.clear(key);
      const token = newToken();
      const csrf = newToken();
      await createSession(db, user.id, sha256(token), csrf);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: ctx.options.secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      return c.json({ token, csrf, email: user.email }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      operationId: 'whoAmI',
      summary: 'The signed-in account and its CSRF token',
      responses: {
        200: json(z.object({ email: z.string(), csrf: z.string() }), 'signed in'),
        ...problems(401),
      },
    }),
    (c) => {
      const u = userOf(c);
      return c.json({ email: u.email, csrf: u.csrf }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      operationId: 'logOut',
      summary: 'End this session',
      responses: { 204: { description: 'signed out' }, ...problems(401) },
    }),
    async (c) => {
      const u = userOf(c);
      await deleteSession(db, u.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/sessions',
      operationId: 'logOutEverywhere',
      summary: 'End every session of this account (every browser and token)',
      responses: {
        200: json(z.object({ ended: z.number().int() }), 'signed out everywhere'),
        ...problems(401),
      },
    }),
    async (c) => {
      const u = userOf(c);
      const ended = await deleteUserSessions(db, u.id);
      await audit(db, null, u.id, 'sessions.end-all', { ended });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ended }, 200);
    },
  );
}
