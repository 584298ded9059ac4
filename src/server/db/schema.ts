/**
 * The workbench store: one schema for the embedded PGlite and a real PostgreSQL (drizzle-kit
 * generates the migrations in ./migrations from this file). Where history matters nothing is
 * updated in place: a change is a new row with a version, an author, a time and a message.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  /** `scrypt$N$r$p$salt$hash`, base64 parts. */
  passwordHash: text('password_hash').notNull(),
  createdAt: at(),
});

/** Server-side sessions; the id is the SHA-256 of the token, so a leaked table opens nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrf: text('csrf').notNull(),
    createdAt: at(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const rooms = pgTable('rooms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: at(),
});

export const memberships = pgTable(
  'memberships',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['mediator', 'party', 'observer'] }).notNull(),
    /** The party slug for role `party`. */
    party: text('party'),
    createdAt: at(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);

export const invitations = pgTable('invitations', {
  tokenHash: text('token_hash').primaryKey(),
  roomId: text('room_id')
    .notNull()
    .references(() => rooms.id),
  role: text('role', { enum: ['mediator', 'party', 'observer'] }).notNull(),
  party: text('party'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: at(),
  usedBy: integer('used_by').references(() => users.id),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** The shared text (issues, parties' public fields, record) of a room, one row per version. */
export const scenarioVersions = pgTable(
  'scenario_versions',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    message: text('message').notNull(),
    createdAt: at(),
  },
  (t) => [uniqueIndex('scenario_versions_room_version').on(t.roomId, t.version)],
);

/** A party's private preference set (the scenario format's party fields), one row per version. */
export const preferenceVersions = pgTable(
  'preference_versions',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    party: text('party').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    message: text('message').notNull(),
    createdAt: at(),
  },
  (t) => [uniqueIndex('preference_versions_room_party_version').on(t.roomId, t.party, t.version)],
);

/** Drafts of the negotiating text; `deleted` versions withdraw a draft without losing history. */
export const draftVersions = pgTable(
  'draft_versions',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    authorId: integer('author_id').references(() => users.id),
    message: text('message').notNull(),
    createdAt: at(),
  },
  (t) => [uniqueIndex('draft_versions_room_name_version').on(t.roomId, t.name, t.version)],
);

/** Blind offers: the packages a party would accept, one row per submission. */
export const offerVersions = pgTable(
  'offer_versions',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    party: text('party').notNull(),
    version: integer('version').notNull(),
    packages: jsonb('packages').notNull(),
    authorId: integer('author_id').references(() => users.id),
    createdAt: at(),
  },
  (t) => [uniqueIndex('offer_versions_room_party_version').on(t.roomId, t.party, t.version)],
);

/** Joint analyses with everything needed to re-run them: inputs (versions, options) and seed. */
export const analysisRuns = pgTable(
  'analysis_runs',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    kind: text('kind').notNull(),
    /** SHA-256 of the canonical inputs: equal inputs, equal result (the brief cache). */
    inputsKey: text('inputs_key').notNull(),
    inputs: jsonb('inputs').notNull(),
    seed: integer('seed').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed', 'cancelled'] }).notNull(),
    result: jsonb('result'),
    error: text('error'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: at(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('analysis_runs_room_key').on(t.roomId, t.inputsKey)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    roomId: text('room_id'),
    userId: integer('user_id'),
    action: text('action').notNull(),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    createdAt: at(),
  },
  (t) => [index('audit_log_room').on(t.roomId)],
);
