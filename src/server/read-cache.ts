/**
 * In-process caches of what every request reads: session → user, membership, a room's current
 * versions and finished analysis runs. Without them a read costs five queries, which on PGlite's
 * single connection caps the server near 100 requests per second.
 *
 * Every write goes through repo.ts, which calls `changed*` once its transaction has committed and
 * before it returns, so a write this process acknowledged is never followed by a stale read. A read
 * that started before such a write must not store its (older) answer after it: each kind of entry
 * has a generation, bumped by every change, and a read stores its answer only if the generation it
 * saw at its start is still current.
 *
 * Cached values are deep-frozen: a route that mutated one would corrupt every later reply, so it
 * throws instead. Caches are per process: several server processes on one PostgreSQL would not
 * see each other's writes here (docs/server.md says to run one).
 */

/** Entries kept per map before the oldest go (a bound on memory, not an eviction policy). */
const MAX_ENTRIES = 10_000;
/** Finished runs kept (their results are large). */
const MAX_RUNS = 64;

export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function put<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** A map whose reads store their answer only when nothing changed while they ran. */
class Generational<K, V> {
  readonly #map = new Map<K, V>();
  #gen = 0;
  constructor(readonly max: number) {}

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  /** The cached value, or `load()`'s, stored when no change happened meanwhile. */
  async through(key: K, load: () => Promise<V>, keep: (v: V) => boolean = () => true): Promise<V> {
    if (this.#map.has(key)) return this.#map.get(key) as V;
    const gen = this.#gen;
    const value = await load();
    if (gen === this.#gen && keep(value)) put(this.#map, key, deepFreeze(value), this.max);
    return value;
  }

  /** A change: drops the entries `which` selects (all when omitted) and voids reads in flight. */
  change(which?: (key: K, value: V) => boolean): void {
    this.#gen++;
    if (!which) this.#map.clear();
    else for (const [k, v] of this.#map) if (which(k, v)) this.#map.delete(k);
  }
}

export class ReadCache {
  /** Session id (the token's hash) → the session and its user; unknown tokens are not kept. */
  readonly sessions = new Generational<string, unknown>(MAX_ENTRIES);
  /** `room` → the room's current versions. */
  readonly rooms = new Generational<string, unknown>(MAX_ENTRIES);
  /** `room user` → the membership, or null for none (so probing unknown rooms stays cheap). */
  readonly members = new Generational<string, unknown>(MAX_ENTRIES);
  /** `room inputsKey` → the latest finished run with those inputs. */
  readonly runs = new Generational<string, unknown>(MAX_RUNS);

  changedRoom(room: string): void {
    this.rooms.change((k) => k === room);
    this.members.change((k) => k.startsWith(`${room}\u0000`));
  }

  changedMembership(room: string, userId: number): void {
    this.members.change((k) => k === memberKey(room, userId));
  }

  changedSessions(which: { id: string } | { userId: number }): void {
    this.sessions.change((k, v) =>
      'id' in which ? k === which.id : (v as { userId: number }).userId === which.userId,
    );
  }

  changedRuns(room: string): void {
    this.runs.change((k) => k.startsWith(`${room}\u0000`));
  }
}

export const memberKey = (room: string, userId: number): string => `${room}\u0000${userId}`;
export const runKey = (room: string, inputsKey: string): string => `${room}\u0000${inputsKey}`;

const caches = new WeakMap<object, ReadCache>();

/** Gives a top-level database its cache (transactions have none, so they always read the store). */
export function attachReadCache(db: object): ReadCache {
  const c = new ReadCache();
  caches.set(db, c);
  return c;
}

export const readCacheOf = (db: object): ReadCache | undefined => caches.get(db);
