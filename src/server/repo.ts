/**
 * Every read and write of the store, as functions over a drizzle database. Writes that belong to a
 * room take the room's row lock first, so versions are numbered without gaps or races and each
 * write lands with its audit entry in one transaction. Reads on every request (session, membership,
 * the room's current versions, finished runs) go through the process's read cache (read-cache.ts),
 * which each write here updates once committed, before it returns.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from './db/open.js';
import {
  analysisRuns,
  auditLog,
  draftVersions,
  invitations,
  memberships,
  offerVersions,
  preferenceVersions,
  rooms,
  scenarioVersions,
  sessions,
  users,
} from './db/schema.js';
import { memberKey, readCacheOf, runKey } from './read-cache.js';
import type { Json, ScenarioParts } from './scenario-parts.js';
import type { Package, Role } from './views.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Versions {
  scenario: number;
  preferences: Record<string, number>;
  drafts: Record<string, number>;
}

export interface RoomState {
  readonly parts: ScenarioParts;
  readonly versions: Versions;
}

export const SESSION_DAYS = 30;

// ── users and sessions ─────────────────────────────────────────────────────────────────────────

export async function createUser(db: Db, email: string, passwordHash: string): Promise<number | null> {
  const rows = await db
    .insert(users)
    .values({ email, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return rows[0]?.id ?? null;
}

export async function userByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email));
  return rows[0];
}

export async function createSession(db: Db, userId: number, id: string, csrf: string): Promise<void> {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ id, userId, csrf, expiresAt });
}

type SessionRow = { id: string; userId: number; csrf: string; email: string; expiresAt: Date };

export async function sessionById(db: Db, id: string): Promise<SessionRow | undefined> {
  const load = async () => {
    const rows = await db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        csrf: sessions.csrf,
        email: users.email,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
    return rows[0];
  };
  const cache = readCacheOf(db);
  const s = (cache ? await cache.sessions.through(id, load, (v) => v !== undefined) : await load()) as
    | SessionRow
    | undefined;
  // A cached session still expires on time.
  return s && s.expiresAt.getTime() > Date.now() ? s : undefined;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  try {
    await db.delete(sessions).where(eq(sessions.id, id));
  } finally {
    readCacheOf(db)?.changedSessions({ id });
  }
}

export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  try {
    const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
    return rows.length;
  } finally {
    readCacheOf(db)?.changedSessions({ userId });
  }
}

// ── rooms and memberships ──────────────────────────────────────────────────────────────────────

export async function audit(
  db: Db | Tx,
  roomId: string | null,
  userId: number | null,
  action: string,
  detail: Json = {},
) {
  await db.insert(auditLog).values({ roomId, userId, action, detail });
}

/** Creates a room from its parts; false when the id is taken. The creator becomes its mediator. */
export async function createRoom(
  db: Db,
  o: { id: string; name: string; parts: ScenarioParts; userId: number | null; message: string },
): Promise<boolean> {
  const created = await changesRoom(db, o.id, async (tx) => {
    const created = await tx
      .insert(rooms)
      .values({ id: o.id, name: o.name, createdBy: o.userId })
      .onConflictDoNothing()
      .returning({ id: rooms.id });
    if (created.length === 0) return false;
    const base = { roomId: o.id, authorId: o.userId, message: o.message, version: 1 };
    await tx.insert(scenarioVersions).values({ ...base, body: o.parts.shared });
    const prefs = Object.entries(o.parts.preferences);
    if (prefs.length > 0)
      await tx.insert(preferenceVersions).values(prefs.map(([party, body]) => ({ ...base, party, body })));
    if (o.parts.drafts.length > 0)
      await tx
        .insert(draftVersions)
        .values(o.parts.drafts.map((body) => ({ ...base, name: String(body.name), body })));
    if (o.userId !== null)
      await tx.insert(memberships).values({ roomId: o.id, userId: o.userId, role: 'mediator' });
    await audit(tx, o.id, o.userId, 'room.create', { message: o.message });
    return true;
  });
  return created;
}

export async function addMember(
  db: Db | Tx,
  roomId: string,
  userId: number,
  role: Role,
  party: string | null,
) {
  await db
    .insert(memberships)
    .values({ roomId, userId, role, party })
    .onConflictDoUpdate({ target: [memberships.roomId, memberships.userId], set: { role, party } });
  // Inside a transaction the caller reports the change once it commits (see acceptInvitation).
  readCacheOf(db)?.changedMembership(roomId, userId);
}

type MembershipRow = { role: Role; party: string | null; name: string };

export async function membership(db: Db, roomId: string, userId: number): Promise<MembershipRow | undefined> {
  const load = async () => {
    const rows = await db
      .select({ role: memberships.role, party: memberships.party, name: rooms.name })
      .from(memberships)
      .innerJoin(rooms, eq(rooms.id, memberships.roomId))
      .where(and(eq(memberships.roomId, roomId), eq(memberships.userId, userId)));
    return (rows[0] as MembershipRow | undefined) ?? null;
  };
  const cache = readCacheOf(db);
  const m = (
    cache ? await cache.members.through(memberKey(roomId, userId), load) : await load()
  ) as MembershipRow | null;
  return m ?? undefined;
}

export async function roomsOf(db: Db, userId: number) {
  return db
    .select({ id: rooms.id, name: rooms.name, role: memberships.role, party: memberships.party })
    .from(memberships)
    .innerJoin(rooms, eq(rooms.id, memberships.roomId))
    .where(eq(memberships.userId, userId))
    .orderBy(rooms.id);
}

export async function roomExists(db: Db, roomId: string): Promise<boolean> {
  const rows = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId));
  return rows.length > 0;
}

// ── the room's current versions ───────────────────────────────────────────────────────────────

/** The room's current versions: from the read cache when `db` has one (never inside a transaction). */
export async function roomState(db: Db | Tx, roomId: string): Promise<RoomState> {
  const cache = readCacheOf(db);
  if (cache) return (await cache.rooms.through(roomId, () => loadRoomState(db, roomId))) as RoomState;
  return loadRoomState(db, roomId);
}

async function loadRoomState(db: Db | Tx, roomId: string): Promise<RoomState> {
  const [shared] = await db
    .select()
    .from(scenarioVersions)
    .where(eq(scenarioVersions.roomId, roomId))
    .orderBy(desc(scenarioVersions.version))
    .limit(1);
  const prefs = await db
    .selectDistinctOn([preferenceVersions.party])
    .from(preferenceVersions)
    .where(eq(preferenceVersions.roomId, roomId))
    .orderBy(preferenceVersions.party, desc(preferenceVersions.version));
  const drafts = await db
    .select()
    .from(draftVersions)
    .where(eq(draftVersions.roomId, roomId))
    .orderBy(draftVersions.id);
  // Drafts keep the order of their first version; the latest version of each counts.
  const latest = new Map<string, (typeof drafts)[number]>();
  for (const d of drafts) if ((latest.get(d.name)?.version ?? 0) < d.version) latest.set(d.name, d);
  const order = [...new Set(drafts.map((d) => d.name))];
  const current = order.map((n) => latest.get(n) as (typeof drafts)[number]).filter((d) => !d.deleted);
  return {
    parts: {
      shared: (shared?.body ?? {}) as Json,
      preferences: Object.fromEntries(prefs.map((p) => [p.party, p.body as Json])),
      drafts: current.map((d) => d.body as Json),
    },
    versions: {
      scenario: shared?.version ?? 0,
      preferences: Object.fromEntries(prefs.map((p) => [p.party, p.version])),
      drafts: Object.fromEntries(current.map((d) => [d.name, d.version])),
    },
  };
}

/** Takes the room's row lock for the rest of the transaction. */
async function lockRoom(tx: Tx, roomId: string): Promise<void> {
  await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId)).for('update');
}

async function nextVersion(
  tx: Tx,
  table: 'preference' | 'draft' | 'offer' | 'scenario',
  roomId: string,
  key?: string,
) {
  const t = {
    preference: preferenceVersions,
    draft: draftVersions,
    offer: offerVersions,
    scenario: scenarioVersions,
  }[table];
  const keyCol =
    table === 'preference'
      ? preferenceVersions.party
      : table === 'offer'
        ? offerVersions.party
        : table === 'draft'
          ? draftVersions.name
          : undefined;
  const where =
    keyCol && key !== undefined ? and(eq(t.roomId, roomId), eq(keyCol, key)) : eq(t.roomId, roomId);
  const rows = await tx
    .select({ v: sql<number>`coalesce(max(${t.version}), 0)::int` })
    .from(t)
    .where(where);
  return (rows[0]?.v ?? 0) + 1;
}

/** A write of the room's versions: one transaction, then the read cache learns of it. */
async function changesRoom<T>(db: Db, roomId: string, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(write);
  } finally {
    // Also after a failure: whether a COMMIT whose reply was lost took effect is unknown.
    readCacheOf(db)?.changedRoom(roomId);
  }
}

export interface WriteMeta {
  readonly userId: number;
  readonly message: string;
}

export async function putPreferences(db: Db, roomId: string, party: string, body: Json, m: WriteMeta) {
  return changesRoom(db, roomId, async (tx) => {
    await lockRoom(tx, roomId);
    const version = await nextVersion(tx, 'preference', roomId, party);
    await tx
      .insert(preferenceVersions)
      .values({ roomId, party, version, body, authorId: m.userId, message: m.message });
    await audit(tx, roomId, m.userId, 'preferences.put', { party, version });
    return version;
  });
}

/** A new version of everything that changed in a whole scenario (the mediator's edit). */
export async function putScenario(db: Db, roomId: string, parts: ScenarioParts, m: WriteMeta) {
  return changesRoom(db, roomId, async (tx) => {
    await lockRoom(tx, roomId);
    const now = await roomState(tx, roomId);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const base = { roomId, authorId: m.userId, message: m.message };
    const scenario = await nextVersion(tx, 'scenario', roomId);
    await tx.insert(scenarioVersions).values({ ...base, version: scenario, body: parts.shared });
    for (const [party, body] of Object.entries(parts.preferences)) {
      if (same(now.parts.preferences[party], body)) continue;
      const version = await nextVersion(tx, 'preference', roomId, party);
      await tx.insert(preferenceVersions).values({ ...base, party, version, body });
    }
    const names = new Set(parts.drafts.map((d) => String(d.name)));
    for (const body of parts.drafts) {
      const name = String(body.name);
      if (
        same(
          now.parts.drafts.find((d) => d.name === name),
          body,
        )
      )
        continue;
      const version = await nextVersion(tx, 'draft', roomId, name);
      await tx.insert(draftVersions).values({ ...base, name, version, body });
    }
    for (const d of now.parts.drafts)
      if (!names.has(String(d.name))) {
        const name = String(d.name);
        const version = await nextVersion(tx, 'draft', roomId, name);
        await tx.insert(draftVersions).values({ ...base, name, version, body: d, deleted: true });
      }
    await audit(tx, roomId, m.userId, 'scenario.put', { version: scenario });
    return scenario;
  });
}

export async function putDraft(db: Db, roomId: string, name: string, body: Json | null, m: WriteMeta) {
  return changesRoom(db, roomId, async (tx) => {
    await lockRoom(tx, roomId);
    const version = await nextVersion(tx, 'draft', roomId, name);
    await tx.insert(draftVersions).values({
      roomId,
      name,
      version,
      body: body ?? {},
      deleted: body === null,
      authorId: m.userId,
      message: m.message,
    });
    await audit(tx, roomId, m.userId, body === null ? 'draft.delete' : 'draft.put', { name, version });
    return version;
  });
}

export async function history(
  db: Db,
  roomId: string,
  what: 'scenario' | { party: string } | { draft: string },
) {
  const cols = (t: typeof scenarioVersions | typeof preferenceVersions | typeof draftVersions) => ({
    version: t.version,
    message: t.message,
    createdAt: t.createdAt,
    author: users.email,
  });
  if (what === 'scenario')
    return db
      .select(cols(scenarioVersions))
      .from(scenarioVersions)
      .leftJoin(users, eq(users.id, scenarioVersions.authorId))
      .where(eq(scenarioVersions.roomId, roomId))
      .orderBy(scenarioVersions.version);
  if ('party' in what)
    return db
      .select(cols(preferenceVersions))
      .from(preferenceVersions)
      .leftJoin(users, eq(users.id, preferenceVersions.authorId))
      .where(and(eq(preferenceVersions.roomId, roomId), eq(preferenceVersions.party, what.party)))
      .orderBy(preferenceVersions.version);
  return db
    .select(cols(draftVersions))
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.authorId))
    .where(and(eq(draftVersions.roomId, roomId), eq(draftVersions.name, what.draft)))
    .orderBy(draftVersions.version);
}

// ── blind offers ───────────────────────────────────────────────────────────────────────────────

export async function putOffers(
  db: Db,
  roomId: string,
  party: string,
  packages: readonly Package[],
  userId: number,
) {
  return db.transaction(async (tx) => {
    await lockRoom(tx, roomId);
    const version = await nextVersion(tx, 'offer', roomId, party);
    await tx.insert(offerVersions).values({ roomId, party, version, packages, authorId: userId });
    await audit(tx, roomId, userId, 'offers.put', { party, version });
    return version;
  });
}

export async function currentOffers(db: Db, roomId: string): Promise<Record<string, Package[]>> {
  const rows = await db
    .selectDistinctOn([offerVersions.party])
    .from(offerVersions)
    .where(eq(offerVersions.roomId, roomId))
    .orderBy(offerVersions.party, desc(offerVersions.version));
  return Object.fromEntries(rows.map((r) => [r.party, r.packages as Package[]]));
}

// ── analysis runs ──────────────────────────────────────────────────────────────────────────────

export async function insertRun(
  db: Db,
  o: { roomId: string; kind: string; inputsKey: string; inputs: Json; seed: number; userId: number | null },
) {
  const [row] = await db
    .insert(analysisRuns)
    .values({ ...o, createdBy: o.userId, status: 'running' })
    .returning({ id: analysisRuns.id });
  await audit(db, o.roomId, o.userId, 'analysis.start', { kind: o.kind, id: row?.id ?? null });
  return row?.id as number;
}

export async function finishRun(
  db: Db,
  id: number,
  status: 'done' | 'failed' | 'cancelled',
  result: unknown,
  error: string | null,
) {
  await db
    .update(analysisRuns)
    .set({ status, result: result ?? null, error, finishedAt: new Date() })
    .where(and(eq(analysisRuns.id, id), eq(analysisRuns.status, 'running')));
  // A newer finished run of the same inputs is the one `doneRunByKey` answers.
  if (status === 'done') readCacheOf(db)?.runs.change();
}

/** Runs left `running` by a process that died: they will never finish. */
export async function abandonRuns(db: Db) {
  await db
    .update(analysisRuns)
    .set({ status: 'failed', error: 'the server stopped during the run', finishedAt: new Date() })
    .where(eq(analysisRuns.status, 'running'));
}

export async function findRun(db: Db, roomId: string, id: number) {
  const rows = await db
    .select()
    .from(analysisRuns)
    .where(and(eq(analysisRuns.roomId, roomId), eq(analysisRuns.id, id)));
  return rows[0];
}

export async function doneRunByKey(db: Db, roomId: string, key: string) {
  const load = async () => {
    const rows = await db
      .select()
      .from(analysisRuns)
      .where(
        and(
          eq(analysisRuns.roomId, roomId),
          eq(analysisRuns.inputsKey, key),
          eq(analysisRuns.status, 'done'),
        ),
      )
      .orderBy(desc(analysisRuns.id))
      .limit(1);
    return rows[0];
  };
  const cache = readCacheOf(db);
  if (!cache) return load();
  return (await cache.runs.through(runKey(roomId, key), load, (r) => r !== undefined)) as Awaited<
    ReturnType<typeof load>
  >;
}

export async function listRuns(db: Db, roomId: string) {
  return db
    .select()
    .from(analysisRuns)
    .where(eq(analysisRuns.roomId, roomId))
    .orderBy(desc(analysisRuns.id))
    .limit(100);
}

// ── invitations and the audit log ─────────────────────────────────────────────────────────────

export async function createInvitation(
  db: Db,
  o: { tokenHash: string; roomId: string; role: Role; party: string | null; userId: number },
) {
  await db
    .insert(invitations)
    .values({ tokenHash: o.tokenHash, roomId: o.roomId, role: o.role, party: o.party, createdBy: o.userId });
  await audit(db, o.roomId, o.userId, 'invitation.create', { role: o.role, party: o.party });
}

/** Uses a one-time invitation: the room it opens, or undefined when unknown or already used. */
export async function acceptInvitation(db: Db, tokenHash: string, userId: number) {
  const accepted = await db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ usedBy: userId, usedAt: new Date() })
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedBy)))
      .returning();
    if (!inv) return undefined;
    await addMember(tx, inv.roomId, userId, inv.role, inv.party);
    await audit(tx, inv.roomId, userId, 'invitation.accept', { role: inv.role, party: inv.party });
    return { roomId: inv.roomId, role: inv.role, party: inv.party };
  });
  if (accepted) readCacheOf(db)?.changedMembership(accepted.roomId, userId);
  return accepted;
}

export async function auditEntries(db: Db, roomId: string) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      detail: auditLog.detail,
      at: auditLog.createdAt,
      user: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.roomId, roomId))
    .orderBy(auditLog.id);
}
