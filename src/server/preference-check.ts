/**
 * Whether a party's (new or previewed) preference set fits the room, with problems a party may
 * read: the answer depends only on the shared text, the mediator's model and the party's own sets
 * (the stored one and the new one), never on another party's preferences (docs/privacy.md). Red-line
 * ids another party also uses are accepted: the composition qualifies them (scenario-parts.ts).
 */
import {
  bareRedLineReferences,
  type Json,
  MEDIATOR_SECTIONS,
  ownIds,
  readComposed,
  redLineRenames,
  type Scenario,
  type ScenarioParts,
} from './scenario-parts.js';

export interface FieldProblem {
  path: string;
  message: string;
}

export type PreferenceCheck =
  | { ok: true; scenario: Scenario; parts: ScenarioParts; composedId: (own: string) => string }
  | { ok: false; errors: FieldProblem[] };

const quote = (s: string): string => JSON.stringify(s);

/** A path of the shared text where a red line is named without its party (events, evidence). */
const isBareReference = (path: readonly (string | number)[]): boolean =>
  (path[0] === 'events' && path[2] === 'effects' && path[4] === 'redLine') ||
  (path[0] === 'evidence' && path[2] === 'supports');

/**
 * Checks `prefs` as party `party` (at `index` in the party order) of the room; `at` is where the
 * set is in the request (`body`, `body/preferences`).
 */
export function checkPreferences(
  parts: ScenarioParts,
  roomId: string,
  party: string,
  index: number,
  prefs: Json,
  at: string,
): PreferenceCheck {
  const errors: FieldProblem[] = [];
  // The shared text names some red lines without naming their party (an event adds or drops
  // one, evidence supports one). Those ids are public; they stay with the red lines they name: a
  // party keeps the ones it holds and does not take up one it did not hold. Both rules read only
  // the shared text and this party's own sets.
  const before = new Set(ownIds(parts.preferences[party]));
  const after = ownIds(prefs);
  const refs = bareRedLineReferences(parts.shared);
  const named = new Map<string, string[]>();
  for (const r of refs) named.set(r.id, [...(named.get(r.id) ?? []), r.path]);
  for (const [id, paths] of named) {
    if (before.has(id) && !after.includes(id))
      errors.push({
        path: `${at}/redLines`,
        message: `red line ${quote(id)} is named by the shared text (${paths.join(', ')}): keep it, or ask the mediator to change the text first`,
      });
    if (!before.has(id) && after.includes(id)) {
      const k = ((prefs.redLines ?? []) as Json[]).findIndex((r) => r?.id === id);
      errors.push({
        path: `${at}/redLines/${k}/id`,
        message: `${quote(id)} is named by the shared text (${paths.join(', ')}) for a red line that is not yours: choose another id`,
      });
    }
  }

  const next: ScenarioParts = { ...parts, preferences: { ...parts.preferences, [party]: prefs } };
  const renamed = redLineRenames(next)[party] ?? {};
  const composedId = (own: string): string => renamed[own] ?? own;
  /** A message about this party's fields, in its own ids and without positions in the composed text. */
  const own = (message: string): string => {
    let m = message.replace(/; the first is at \d+:\d+/g, '');
    for (const [id, q] of Object.entries(renamed)) m = m.split(quote(q)).join(quote(id));
    return m;
  };
  const r = readComposed(next, roomId);
  if (r.ok && errors.length === 0) return { ok: true, scenario: r.value, parts: next, composedId };
  if (!r.ok)
    for (const p of r.problems) {
      const path = p.path ?? [];
      if (path[0] === 'parties' && path[1] === index)
        errors.push({ path: [at, ...path.slice(2).map(String)].join('/'), message: own(p.message) });
      else if (isBareReference(path)) {
        // Only a red line this party dropped leaves such a reference without its red line: told
        // above, in words that do not depend on whether another party holds that id.
      } else if (path[0] === 'parties')
        // Another party's set did not change; it cannot be the cause. Said without its content.
        errors.push({ path: at, message: 'conflicts with the rest of the scenario' });
      else if ((MEDIATOR_SECTIONS as readonly string[]).includes(String(path[0])))
        errors.push({
          path: at,
          message: "conflicts with the mediator's model (assumptions, levers); ask the mediator",
        });
      else
        errors.push({
          path: at,
          message: `conflicts with the shared text at ${path.join('/')}: ${p.message}`,
        });
    }
  if (errors.length === 0) errors.push({ path: at, message: 'conflicts with the rest of the scenario' });
  // One problem once (a red line named twice, a message repeated), in a stable order.
  const seen = new Set<string>();
  return {
    ok: false,
    errors: errors.filter((e) => {
      const k = `${e.path}\u0000${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
  };
}
