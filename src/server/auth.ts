/** Passwords (scrypt), session tokens and login rate limiting. */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

const scryptAsync = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash nobody's password matches, so an unknown email costs the same time as a wrong password. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;

export const newToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface RateLimiterOptions {
  /** Failed attempts allowed per key within the window; default 10. */
  readonly max?: number;
  /** Window in milliseconds; default 5 minutes. */
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Failed logins per key (email and client address) in a sliding window, in memory. */
export class RateLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  constructor(o: RateLimiterOptions = {}) {
    this.#max = o.max ?? 10;
    this.#windowMs = o.windowMs ?? 5 * 60_000;
    this.#now = o.now ?? Date.now;
  }
  #recent(key: string): number[] {
    const since = this.#now() - this.#windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (list.length > 0) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }
  /** Seconds to wait before trying again, or 0 when allowed. */
  retryAfter(key: string): number {
    const list = this.#recent(key);
    if (list.length < this.#max) return 0;
    return Math.max(1, Math.ceil(((list[0] as number) + this.#windowMs - this.#now()) / 1000));
  }
  fail(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.#now()]);
  }
  clear(key: string): void {
    this.#failures.delete(key);
  }
}
