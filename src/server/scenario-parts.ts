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

/**
 * Splits a scenario file (YAML/JSON as data) into shared text, preference sets and drafts. Ids
 * qualified by an export (`<id>~<party>`) go back to their party's own id first (`unqualify`).
 */
export function splitScenario(whole: Json): ScenarioParts {
  const file = unqualify(whole);
  const parties = (file.parties ?? []) as Json[];
  const shared = omit(file, ['drafts', '$schema']);
  shared.parties = parties.map((p) => pick(p, PUBLIC_PARTY_FIELDS));
  const preferences: Record<string, Json> = {};
  for (const p of parties) preferences[slugOf(String(p.name))] = omit(p, PUBLIC_PARTY_FIELDS);
  return { shared, preferences, drafts: (file.drafts ?? []) as Json[] };
}

/**
 * The whole scenario file again, from the parts (party order and field order as shared), with
 * red-line ids made unique across parties (see "Red-line ids across parties" below): a valid
 * scenario for computation and for the mediator's export.
 */
export function composeScenario(parts: ScenarioParts): Json {
  const renames = redLineRenames(parts);
  const shared = Object.keys(renames).length > 0 ? qualifyReferences(parts, renames) : parts.shared;
  const parties = ((parts.shared.parties ?? []) as Json[]).map((p) => {
    const slug = slugOf(String(p.name));
    const prefs = parts.preferences[slug] ?? {};
    const mine = renames[slug];
    if (!mine || !Array.isArray(prefs.redLines)) return { ...p, ...prefs };
    const redLines = (prefs.redLines as unknown[]).map((r) =>
      isObject(r) && typeof r.id === 'string' && mine[r.id] !== undefined ? { ...r, id: mine[r.id] } : r,
    );
    return { ...p, ...prefs, redLines };
  });
  const { parties: _, ...rest } = shared;
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

// ── Red-line ids across parties ─────────────────────────────────────────────────────────────────
//
// The scenario format wants red-line ids unique in the whole file, but each party writes its set
// alone and may not learn the others' ids: a party may use an id another party already holds. The
// composition for computation makes ids unique deterministically: walking the parties in the
// scenario's order, the first holder of an id (or a constraint of the shared text, which is
// public) keeps it; every later holder gets `<id>~<party>` (and `~2`, `~3`, … should that be taken
// too). References that name the party (`<party>.redLines.<id>.…` in assumptions and levers)
// follow their party's red line; references that do not (`add-red-line`/`drop-red-line` effects,
// evidence `supports`) name every red line with that id, so they mean the same to every party
// whatever the others hold. Views give each party its own ids back (see `ownRedLineIds`).

/** Separates a red-line id from its owner's tag in a qualified id: `ru-floor~ukraine`. */
export const QUALIFIER = '~';

/** The tag of a party in qualified ids: its slug, letters, digits and dashes only. */
export const partyTag = (slug: string): string => slug.replace(/[^a-z0-9-]+/g, '-');

const redLinesOf = (prefs: Json | undefined): Json[] =>
  Array.isArray(prefs?.redLines) ? (prefs.redLines as unknown[]).filter(isObject) : [];
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A party's own red-line ids, in order, each once. */
export const ownIds = (prefs: Json | undefined): string[] => [
  ...new Set(
    redLinesOf(prefs)
      .map((r) => r.id)
      .filter((id): id is string => typeof id === 'string'),
  ),
];

/** Party slug → own red-line id → id in the composed scenario, for the ids that change only. */
export type RedLineRenames = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Which red-line ids the composition qualifies (deterministic: party order, then id order). */
export function redLineRenames(parts: Pick<ScenarioParts, 'shared' | 'preferences'>): RedLineRenames {
  const constraints = Array.isArray(parts.shared.constraints) ? (parts.shared.constraints as unknown[]) : [];
  const kept = new Set(constraints.filter(isObject).flatMap((c) => (typeof c.id === 'string' ? [c.id] : [])));
  const later: { slug: string; id: string }[] = [];
  for (const { slug } of partiesOf(parts.shared)) {
    const mine = ownIds(parts.preferences[slug]);
    for (const id of mine) if (kept.has(id)) later.push({ slug, id });
    for (const id of mine) kept.add(id);
  }
  const taken = new Set(kept);
  const out: Record<string, Record<string, string>> = {};
  for (const { slug, id } of later) {
    const base = `${id}${QUALIFIER}${partyTag(slug)}`;
    let q = base;
    for (let n = 2; taken.has(q); n++) q = `${base}${QUALIFIER}${n}`;
    taken.add(q);
    out[slug] = { ...(out[slug] ?? {}), [id]: q };
  }
  return out;
}

/** A party's view of ids: composed id → its own id (identity for ids that were not qualified). */
export function ownRedLineIds(parts: Pick<ScenarioParts, 'shared' | 'preferences'>, slug: string) {
  // Built on the first id read: every request of a party gets this reader, few read an id.
  let back: Map<string, string> | undefined;
  let mine: Set<string> | undefined;
  let pattern: RegExp | undefined;
  return (id: string): string => {
    back ??= new Map(Object.entries(redLineRenames(parts)[slug] ?? {}).map(([own, q]) => [q, own]));
    mine ??= new Set(ownIds(parts.preferences[slug]));
    pattern ??= new RegExp(`^(.+)${QUALIFIER}${partyTag(slug)}(?:${QUALIFIER}\\d+)?$`);
    const own = back.get(id);
    if (own !== undefined) return own;
    if (mine.has(id)) return id;
    // A result computed before the party's set changed: its qualified id, read by the pattern.
    return pattern.exec(id)?.[1] ?? id;
  };
}

/** `<party>.redLines.<id>.…` with the party's red line renamed; other paths as they are. */
function renameParameter(
  parameter: unknown,
  parties: readonly { slug: string; name: string }[],
  preferences: Readonly<Record<string, Json>>,
  renames: RedLineRenames,
): unknown {
  if (typeof parameter !== 'string') return parameter;
  // The longest party name first, then the longest own id: names and ids may contain dots.
  const byName = [...parties].sort((a, b) => b.name.length - a.name.length);
  for (const p of byName) {
    const prefix = `${p.name}.redLines.`;
    if (!parameter.startsWith(prefix)) continue;
    const rest = parameter.slice(prefix.length);
    const ids = ownIds(preferences[p.slug]).sort((a, b) => b.length - a.length);
    const id = ids.find((i) => rest === i || rest.startsWith(`${i}.`));
    const q = id === undefined ? undefined : renames[p.slug]?.[id];
    return q === undefined || id === undefined ? parameter : `${prefix}${q}${rest.slice(id.length)}`;
  }
  return parameter;
}

/**
 * The text's assumptions and lever effects with each `parameter` passed through `param` (the two
 * places that name a party's red line by path); only the keys that exist.
 */
function withParameters(text: Json, param: (p: unknown) => unknown): Json {
  const out: Json = {};
  if (Array.isArray(text.assumptions))
    out.assumptions = (text.assumptions as unknown[]).map((a) =>
      isObject(a) ? { ...a, parameter: param(a.parameter) } : a,
    );
  if (Array.isArray(text.levers))
    out.levers = (text.levers as unknown[]).map((l) =>
      isObject(l) && Array.isArray(l.effects)
        ? {
            ...l,
            effects: (l.effects as unknown[]).map((e) =>
              isObject(e) ? { ...e, parameter: param(e.parameter) } : e,
            ),
          }
        : l,
    );
  return out;
}

/**
 * Every composed id of the red lines whose own id is `id`, in party order; the bare id first when
 * a party keeps it.
 */
function holders(
  id: string,
  parties: readonly { slug: string }[],
  parts: ScenarioParts,
  renames: RedLineRenames,
) {
  return parties.flatMap(({ slug }) =>
    ownIds(parts.preferences[slug]).includes(id) ? [renames[slug]?.[id] ?? id] : [],
  );
}

/** The shared text with its references to red lines following the qualified ids. */
function qualifyReferences(parts: ScenarioParts, renames: RedLineRenames): Json {
  const parties = partiesOf(parts.shared);
  const shared: Json = { ...parts.shared };
  const param = (x: unknown) => renameParameter(x, parties, parts.preferences, renames);
  /**
   * `list` with each id's other holders added at the end; when no red line keeps the bare id (a
   * constraint does), in its place unless `keep` (evidence may support the constraint).
   */
  const expand = <T>(
    list: readonly T[],
    idOf: (x: T) => unknown,
    withId: (x: T, id: string) => T,
    keep = false,
  ): T[] => {
    const out = [...list];
    const tail: T[] = [];
    list.forEach((x, i) => {
      const id = idOf(x);
      if (typeof id !== 'string') return;
      const all = holders(id, parties, parts, renames);
      if (all.length === 0 || (all.length === 1 && all[0] === id)) return;
      const others = all.filter((h) => h !== id);
      if (!all.includes(id) && !keep) out[i] = withId(x, others.shift() as string);
      for (const h of others) tail.push(withId(x, h));
    });
    return [...out, ...tail];
  };
  Object.assign(shared, withParameters(shared, param));
  if (Array.isArray(shared.events))
    shared.events = (shared.events as unknown[]).map((e) =>
      isObject(e) && Array.isArray(e.effects)
        ? {
            ...e,
            effects: expand(
              e.effects as unknown[],
              (f) =>
                isObject(f) && (f.kind === 'add-red-line' || f.kind === 'drop-red-line')
                  ? f.redLine
                  : undefined,
              (f, id) => ({ ...(f as Json), redLine: id }),
            ),
          }
        : e,
    );
  if (Array.isArray(shared.evidence))
    shared.evidence = (shared.evidence as unknown[]).map((e) =>
      isObject(e) && Array.isArray(e.supports)
        ? {
            ...e,
            supports: expand(
              e.supports as unknown[],
              (s) => s,
              (_, id) => id,
              true,
            ),
          }
        : e,
    );
  return shared;
}

/** Where the shared text names red lines without naming their party: path and id. */
export function bareRedLineReferences(shared: Json): { path: string; id: string }[] {
  const out: { path: string; id: string }[] = [];
  ((Array.isArray(shared.events) ? shared.events : []) as unknown[]).forEach((e, i) => {
    if (!isObject(e) || !Array.isArray(e.effects)) return;
    (e.effects as unknown[]).forEach((f, k) => {
      if (
        isObject(f) &&
        (f.kind === 'add-red-line' || f.kind === 'drop-red-line') &&
        typeof f.redLine === 'string'
      )
        out.push({ path: `events/${i}/effects/${k}/redLine`, id: f.redLine });
    });
  });
  ((Array.isArray(shared.evidence) ? shared.evidence : []) as unknown[]).forEach((e, i) => {
    if (!isObject(e) || !Array.isArray(e.supports)) return;
    (e.supports as unknown[]).forEach((s, k) => {
      if (typeof s === 'string') out.push({ path: `evidence/${i}/supports/${k}`, id: s });
    });
  });
  return out;
}

/**
 * The inverse of the qualification, for a whole file the mediator writes back (an export holds
 * qualified ids): a later party's `<id>~<party>` becomes `<id>` again when an earlier party or a
 * constraint holds `<id>`, its references with it, and the copies of bare references the export
 * added are dropped. A file without qualified ids comes back unchanged.
 */
export function unqualify(file: Json): Json {
  const parties = Array.isArray(file.parties) ? (file.parties as unknown[]).filter(isObject) : [];
  const constraints = Array.isArray(file.constraints) ? (file.constraints as unknown[]).filter(isObject) : [];
  const kept = new Set(constraints.flatMap((c) => (typeof c.id === 'string' ? [c.id] : [])));
  /** Qualified id → own id, per party name; and every qualified id. */
  const back = new Map<string, Map<string, string>>();
  const all = new Map<string, string>();
  for (const p of parties) {
    const name = String(p.name);
    const pattern = new RegExp(`^(.+)${QUALIFIER}${partyTag(slugOf(name))}(?:${QUALIFIER}\\d+)?$`);
    const mine = new Map<string, string>();
    for (const id of ownIds(p)) {
      const base = pattern.exec(id)?.[1];
      if (base !== undefined && kept.has(base)) {
        mine.set(id, base);
        all.set(id, base);
      }
    }
    for (const id of ownIds(p)) if (!mine.has(id)) kept.add(id);
    back.set(name, mine);
  }
  if (all.size === 0) return file;
  const out: Json = { ...file };
  out.parties = (file.parties as unknown[]).map((p) => {
    const mine = isObject(p) ? back.get(String(p.name)) : undefined;
    if (!isObject(p) || !mine || mine.size === 0) return p;
    return {
      ...p,
      redLines: (p.redLines as unknown[]).map((r) =>
        isObject(r) && typeof r.id === 'string' && mine.has(r.id) ? { ...r, id: mine.get(r.id) } : r,
      ),
    };
  });
  const param = (x: unknown): unknown => {
    if (typeof x !== 'string') return x;
    for (const [name, mine] of back)
      for (const [q, own] of mine) {
        const prefix = `${name}.redLines.${q}`;
        if (x === prefix || x.startsWith(`${prefix}.`))
          return `${name}.redLines.${own}${x.slice(prefix.length)}`;
      }
    return x;
  };
  /** `list` without the copies the export added (a qualified id whose own id is there too). */
  const dedupe = <T>(
    list: readonly T[],
    idOf: (x: T) => string | undefined,
    key: (x: T, id: string) => string,
    withId: (x: T, id: string) => T,
  ): T[] => {
    const present = new Set(
      list.flatMap((x) => {
        const id = idOf(x);
        return id !== undefined && !all.has(id) ? [key(x, id)] : [];
      }),
    );
    const out: T[] = [];
    for (const x of list) {
      const id = idOf(x);
      const own = id === undefined ? undefined : all.get(id);
      if (own === undefined) out.push(x);
      else if (!present.has(key(x, own))) {
        present.add(key(x, own));
        out.push(withId(x, own));
      }
    }
    return out;
  };
  Object.assign(out, withParameters(file, param));
  if (Array.isArray(file.events))
    out.events = (file.events as unknown[]).map((e) =>
      isObject(e) && Array.isArray(e.effects)
        ? {
            ...e,
            effects: dedupe(
              e.effects as unknown[],
              (f) =>
                isObject(f) &&
                (f.kind === 'add-red-line' || f.kind === 'drop-red-line') &&
                typeof f.redLine === 'string'
                  ? f.redLine
                  : undefined,
              (f, id) => `${String((f as Json).kind)} ${id}`,
              (f, id) => ({ ...(f as Json), redLine: id }),
            ),
          }
        : e,
    );
  if (Array.isArray(file.evidence))
    out.evidence = (file.evidence as unknown[]).map((e) =>
      isObject(e) && Array.isArray(e.supports)
        ? {
            ...e,
            supports: dedupe(
              e.supports as unknown[],
              (x) => (typeof x === 'string' ? x : undefined),
              (_, id) => id,
              (_, id) => id,
            ),
          }
        : e,
    );
  return out;
}

export type { Problem, Scenario };
