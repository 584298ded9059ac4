/**
 * Errors as problem details (RFC 9457): `type`, `title`, `status`, `detail`, and for bad input
 * `errors`, every problem at once with its field path. Never a stack trace.
 */
import type { Context } from 'hono';

export interface FieldError {
  /** JSON-pointer-like path into the request, e.g. `body/weights/NATO` or `query/seed`. */
  readonly path: string;
  readonly message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail ?? title);
  }
}

const TYPES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'invalid',
  429: 'too-many-requests',
  500: 'internal',
};

export function problemResponse(c: Context, e: ProblemError): Response {
  const body = {
    type: `https://concord.dev/problems/${TYPES[e.status] ?? 'error'}`,
    title: e.title,
    status: e.status,
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.errors && e.errors.length > 0 ? { errors: e.errors } : {}),
    instance: new URL(c.req.url).pathname,
  };
  return new Response(JSON.stringify(body), {
    status: e.status,
    headers: { 'content-type': 'application/problem+json', ...(e.headers ?? {}) },
  });
}

/** Joins a path as `a/0/b`, with a prefix such as `body`. */
export const fieldPath = (prefix: string, path: readonly PropertyKey[]): string =>
  [prefix, ...path.map(String)].filter(Boolean).join('/');

export const notFound = (what = 'no such room') => new ProblemError(404, 'Not found', what);
export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);
export const invalid = (detail: string, errors: readonly FieldError[] = []) =>
  new ProblemError(422, 'Invalid request', detail, errors);

/** `line:column` of a character offset in a text, both 1-based. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, from its message (Node reports `position N`), as line and column. */
export function jsonErrorDetail(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  const offset = m ? Number(m[1]) : text.length;
  const { line, column } = lineColumn(text, offset);
  const what = msg
    .replace(/^Unexpected/, 'unexpected')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return `malformed JSON at line ${line}, column ${column}: ${what}`;
}
