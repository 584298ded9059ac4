/** A small HTTP client for the server tests: log in, call, parse. */
export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly headers: Headers;
}

export interface CallOptions {
  readonly token?: string | undefined;
  readonly body?: unknown;
  /** A raw body (sent as is). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export function client(base: string) {
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const r = await fetch(new URL(path, base), { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await r.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, text, json, headers: r.headers };
  };
  const login = async (email: string, password = 'demo'): Promise<string> => {
    const r = await call('POST', '/api/session', { body: { email, password } });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.text}`);
    return (r.json as { token: string }).token;
  };
  return { call, login };
}
