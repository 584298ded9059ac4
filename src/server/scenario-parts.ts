/**
 * A room keeps a scenario in parts, so each part can have its own owner and history: the shared
 * text (issues, the parties' public fields, sources, evidence, events, and the mediator's model —
 * assumptions, levers, the conflict lens), one private preference set per party (the scenario
 * format's party fields: reservation, weights, values, red lines, …) and the drafts.
 */
import { type Problem, parseScenario, type Scenario } from '../index.js';

export type Json = Record<string, unknown>;

/** `European governments` → `european-governments`: the party's id in paths and demo logins. */
export const slugOf = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, '-');

/** Party fields everyone in the room may read; every other party field is private. */
export const PUBLIC_PARTY_FIELDS = ['name', 'role', 'description'] as const;
/** Sections of the shared text only the mediator reads: they carry numbers about each party. */
export const MEDIATOR_SECTIONS = ['assumptions', 'levers', 'conflict'] as const;

export interface ScenarioParts {
  readonly shared: Json;
  /** Party slug → private preference set. */
  readonly preferences: Readonly<Record<string, Json>>;
  readonly drafts: readonly Json[];
}

const pick = (o: Json, keys: readonly string[]): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
const omit = (o: Json, keys: readonly string[]): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Splits a scenario file (YAML/JSON as data) into shared text, preference sets and drafts. */
export function splitScenario(file: Json): ScenarioParts {
  const parties = (file.parties ?? []) as Json[];
  const shared = omit(file, ['drafts', '$schema']);
  shared.parties = parties.map((p) => pick(p, PUBLIC_PARTY_FIELDS));
  const preferences: Record<string, Json> = {};
  for (const p of parties) preferences[slugOf(String(p.name))] = omit(p, PUBLIC_PARTY_FIELDS);
  return { shared, preferences, drafts: (file.drafts ?? []) as Json[] };
}

/** The whole scenario file again, from the parts (party order and field order as shared). */
export function composeScenario(parts: ScenarioParts): Json {
  const parties = ((parts.shared.parties ?? []) as Json[]).map((p) => ({
    ...p,
    ...(parts.preferences[slugOf(String(p.name))] ?? {}),
  }));
  const { parties: _, ...rest } = parts.shared;
  const out: Json = { name: rest.name, ...rest, parties };
  if (parts.drafts.length > 0) out.drafts = parts.drafts;
  return out;
}

/** The shared text as a party or an observer reads it: without the mediator's model. */
export function publicText(shared: Json, drafts: readonly Json[]): Json {
  const out = omit(shared, MEDIATOR_SECTIONS);
  if (drafts.length > 0) out.drafts = drafts;
  return out;
}

/** The party slugs of a shared text, in order, with the names they stand for. */
export function partiesOf(shared: Json): { slug: string; name: string; role: string }[] {
  return ((shared.parties ?? []) as Json[]).map((p) => ({
    slug: slugOf(String(p.name)),
    name: String(p.name),
    role: String(p.role ?? 'principal'),
  }));
}

/** Parses the composed scenario; problems keep their field paths. */
export function readComposed(parts: ScenarioParts, roomId: string): ReturnType<typeof parseScenario> {
  return parseScenario(JSON.stringify(composeScenario(parts)), `room ${roomId}`);
}

export type { Problem, Scenario };
