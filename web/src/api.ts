// The server's JSON API from the browser: the session cookie travels by itself; writes carry
// the CSRF token; every failure becomes an ApiError with the problem details' text and field paths.

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(`${title}: ${detail}`);
  }
}

let csrf: string | undefined;
export const setCsrf = (token: string | undefined): void => {
  csrf = token;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let r: Response;
  try {
    r = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new ApiError(0, 'Server unreachable', `the request did not reach the server (${String(e)})`);
  }
  const text = await r.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!r.ok) {
    const p = (data ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(
      r.status,
      p.title ?? `HTTP ${r.status}`,
      p.detail ?? (text.slice(0, 200) || r.statusText),
      p.errors ?? [],
    );
  }
  return data as T;
}

export const roomPath = (room: string, rest = ''): string => `/api/rooms/${encodeURIComponent(room)}${rest}`;

export type Role = 'mediator' | 'party' | 'observer';

export interface RoomSummary {
  id: string;
  name: string;
  role: Role;
  party: string | null;
}

export interface Room extends RoomSummary {
  parties: { slug: string; name: string; role: string }[];
  versions: Record<string, unknown>;
  text: SharedText;
}

export interface Option {
  name: string;
  options?: string[];
  min?: number;
  max?: number;
  step?: number;
  kind?: string;
  description?: string;
}

export interface DraftPoint {
  number: number;
  title: string;
  summary?: string;
  sets?: Record<string, string | number>;
  detailed?: boolean;
  modelled?: boolean;
  evidence?: string[];
}

export interface DraftText {
  name: string;
  description?: string;
  pointCount?: number;
  points: DraftPoint[];
  revises?: string;
  drafters?: string[];
  when?: string;
  evidence?: string[];
}

export interface EvidenceText {
  id: string;
  kind?: string;
  quote?: string;
  fact?: string;
  text?: string;
  speaker?: string;
  locator?: string;
  supports?: string[];
}

export interface EventText {
  id: string;
  date?: string;
  on?: string;
  title: string;
  parties?: string[];
  evidence?: string[];
}

export interface SharedText {
  name?: string;
  description?: string;
  issues?: Option[];
  evidence?: EvidenceText[];
  events?: EventText[];
  drafts?: DraftText[];
  levers?: { id: string; name: string; levels: Record<string, number>; baseline: string }[];
  assumptions?: { id: string; parameter: string; rationale?: string }[];
  [k: string]: unknown;
}
