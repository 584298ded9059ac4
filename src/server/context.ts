/**
 * What every route shares: the session cookie's name, the server's context, the signed-in user
 * and a viewer's access to a room. Routes import this, and `app.ts` imports the routes.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RateLimiter } from './auth.js';
import type { Store } from './db/open.js';
import { forbidden, ProblemError } from './problem.js';
import { membership } from './repo.js';
import type { Runner } from './runner.js';
import { ownRedLineIds, partiesOf } from './scenario-parts.js';
import type { Role, Viewer } from './views.js';

export const SESSION_COOKIE = 'concord_session';

export interface AppOptions {
  /** Largest request body in bytes; default 2 MiB. */
  readonly maxBodyBytes?: number;
  /** Monte Carlo draws of the brief and what-ifs; default 2,000. */
  readonly samples?: number;
  /** Draws of each tornado bar end; default 200. */
  readonly whatIfSamples?: number;
  /** Set the cookie's Secure flag (behind HTTPS); default false (loopback). */
  readonly secureCookies?: boolean;
  /** Failed logins allowed per email and address in 5 minutes; default 10. */
  readonly loginAttempts?: number;
  /**
   * A Redis URL: briefs' and what-ifs' Monte Carlo go to `concord worker` processes through the
   * queue there; default '' (in-process threads).
   */
  readonly queue?: string;
}

export interface ServerContext {
  readonly store: Store;
  readonly runner: Runner;
  readonly limiter: RateLimiter;
  readonly options: Required<AppOptions>;
  /** Computes and stores a room's brief ahead of the first request (set by the analysis routes). */
  warmBrief?: (room: string) => Promise<void>;
}

export interface SessionUser {
  readonly id: number;
  readonly email: string;
  readonly sessionId: string;
  readonly csrf: string;
  readonly via: 'cookie' | 'bearer';
}

export type AppEnv = { Variables: { user?: SessionUser } };
export type App = OpenAPIHono<AppEnv>;

/** The signed-in user, or a 401. */
export function userOf(c: Context<AppEnv>): SessionUser {
  const u = c.get('user');
  if (!u)
    throw new ProblemError(
      401,
      'Not signed in',
      'sign in with POST /api/session, then send the cookie or `Authorization: Bearer <token>`',
    );
  return u;
}

export interface Access {
  readonly roomId: string;
  readonly viewer: Viewer;
  readonly user: SessionUser;
}

/** The caller's role in a room; 404 (not 403) for a room one is not in, so rooms cannot be probed. */
export async function accessRoom(
  ctx: ServerContext,
  c: Context<AppEnv>,
  roomId: string,
  state?: {
    shared: Record<string, unknown>;
    preferences?: Readonly<Record<string, Record<string, unknown>>>;
  },
): Promise<Access> {
  const user = userOf(c);
  const m = await membership(ctx.store.db, roomId, user.id);
  if (!m) throw new ProblemError(404, 'Not found', 'no such room');
  let party: Viewer['party'];
  if (m.role === 'party' && m.party) {
    const name = state ? partiesOf(state.shared).find((p) => p.slug === m.party)?.name : undefined;
    const redLineId = state?.preferences
      ? ownRedLineIds({ shared: state.shared, preferences: state.preferences }, m.party)
      : undefined;
    party = { slug: m.party, name: name ?? m.party, ...(redLineId ? { redLineId } : {}) };
  }
  return { roomId, user, viewer: { role: m.role as Role, ...(party ? { party } : {}) } };
}

export function requireMediator(a: Access): void {
  if (a.viewer.role !== 'mediator') throw forbidden('only the mediator may do this');
}
