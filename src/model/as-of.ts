import type { Distribution, EventEffect, NegotiationRecord, TimelineEvent } from '../record/types.js';
import type { Scenario } from './scenario.js';

/**
 * News moves the model: the scenario as it stood on a given day, with the effects of every event
 * up to that day applied in date order (file order within a day). The file's model is the state
 * before any event, except that a draft tabled or a red line added by an event exists only from
 * that event on. Pure: no clock, the day is always given.
 */

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A problem with where it is (`--as-of`, `events[2].on`, …). */
export interface AsOfProblem {
  readonly path: string;
  readonly message: string;
}

export interface AsOfState {
  readonly scenario: Scenario;
  /** Lever levels set by events (lever id → level name), to pass to the analysis. */
  readonly levers: Readonly<Record<string, string>>;
  /** The events whose effects were applied, in the order applied. */
  readonly applied: readonly TimelineEvent[];
  /** The day the state is for (undefined: every event applied). */
  readonly asOf?: string;
}

export type AsOfResult =
  | ({ readonly ok: true } & AsOfState)
  | { readonly ok: false; readonly problems: readonly AsOfProblem[] };

/** The events with a day, sorted by it (stable: file order within a day). */
export function datedEvents(record: NegotiationRecord): TimelineEvent[] {
  return record.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.on !== undefined)
    .sort((a, b) => ((a.e.on as string) < (b.e.on as string) ? -1 : a.e.on === b.e.on ? a.i - b.i : 1))
    .map(({ e }) => e);
}

/** The point value a moved range implies when the effect gives none: its mode or midpoint. */
function centre(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return d.mode;
    case 'bernoulli':
      return d.p;
  }
}

/** Every problem of the events' days and effects' targets (the reader reports them with file positions). */
export function asOfProblems(scenario: Scenario): AsOfProblem[] {
  const record = scenario.record;
  if (!record) return [];
  const problems: AsOfProblem[] = [];
  const drafts = new Set(record.drafts.map((d) => d.name));
  const redLines = new Set(scenario.parties.flatMap((p) => p.redLines.map((r) => r.id)));
  const levers = new Map(record.levers.map((l) => [l.id, l]));
  const assumptions = new Set(record.assumptions.map((a) => a.id));
  if (record.asOf !== undefined && !isIsoDay(record.asOf))
    problems.push({ path: 'asOf', message: `"${record.asOf}" is not a day written YYYY-MM-DD` });
  record.events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (e.on !== undefined && !isIsoDay(e.on))
      problems.push({ path: `${at}.on`, message: `"${e.on}" is not a day written YYYY-MM-DD` });
    if ((e.effects ?? []).length > 0 && e.on === undefined)
      problems.push({ path: `${at}.on`, message: `event "${e.id}" has effects but no day (on: YYYY-MM-DD)` });
    (e.effects ?? []).forEach((f, k) => {
      const fp = `${at}.effects[${k}]`;
      if ((f.evidence ?? []).length === 0 && !f.rationale)
        problems.push({
          path: fp,
          message: 'an effect needs evidence (a fact) or a rationale (a labelled assumption)',
        });
      const miss = (what: string, v: string, key: string) =>
        problems.push({ path: `${fp}.${key}`, message: `unknown ${what} "${v}"` });
      if (f.kind === 'draft' && !drafts.has(f.draft)) miss('draft', f.draft, 'draft');
      if ((f.kind === 'add-red-line' || f.kind === 'drop-red-line') && !redLines.has(f.redLine))
        miss('red line', f.redLine, 'redLine');
      if (f.kind === 'assumption' && !assumptions.has(f.assumption))
        miss('assumption', f.assumption, 'assumption');
      if (f.kind === 'lever') {
        const lever = levers.get(f.lever);
        if (!lever) miss('lever', f.lever, 'lever');
        else if (!(f.level in lever.levels))
          problems.push({
            path: `${fp}.level`,
            message: `"${f.level}" is not a level of lever "${f.lever}" (${Object.keys(lever.levels).join(', ')})`,
          });
      }
    });
  });
  return problems;
}

/**
 * The scenario as of `date` (YYYY-MM-DD; default the record's `asOf`; neither: every event).
 *
 * @example
 * const r = scenarioAsOf(scenario, '2025-11-25');
 * if (r.ok) r.scenario.record?.drafts.map((d) => d.name); // ['28-point plan']
 */
export function scenarioAsOf(scenario: Scenario, date?: string): AsOfResult {
  const record = scenario.record;
  const day = date ?? record?.asOf;
  const problems: AsOfProblem[] = [];
  if (date !== undefined && !isIsoDay(date))
    problems.push({ path: '--as-of', message: `"${date}" is not a day written YYYY-MM-DD` });
  problems.push(...asOfProblems(scenario));
  if (problems.length > 0) return { ok: false, problems };
  if (!record) return { ok: true, scenario, levers: {}, applied: [], ...(day ? { asOf: day } : {}) };
  const events = datedEvents(record).filter((e) => day === undefined || (e.on as string) <= day);
  return { ok: true, ...applyEvents(scenario, events, day) };
}

/**
 * The scenario after `events` (already chosen and ordered; see {@link datedEvents}): the base
 * state, then each event's effects in turn. `scenarioAsOf` checks the input first.
 */
export function applyEvents(scenario: Scenario, events: readonly TimelineEvent[], day?: string): AsOfState {
  const record = scenario.record;
  if (!record) return { scenario, levers: {}, applied: [], ...(day ? { asOf: day } : {}) };

  const effects = record.events.flatMap((e) => e.effects ?? []);
  // Introduced by an event: absent until that event.
  const tabled = new Set(effects.flatMap((f) => (f.kind === 'draft' ? [f.draft] : [])));
  const added = new Set(effects.flatMap((f) => (f.kind === 'add-red-line' ? [f.redLine] : [])));
  const draftsOn = new Set(record.drafts.map((d) => d.name).filter((n) => !tabled.has(n)));
  const redLinesOn = new Set(
    scenario.parties.flatMap((p) => p.redLines.map((r) => r.id)).filter((id) => !added.has(id)),
  );
  const levers: Record<string, string> = {};
  const assumptions = new Map(record.assumptions.map((a) => [a.id, a]));

  const applied = [...events];
  for (const e of applied)
    for (const f of e.effects ?? []) apply(f, { draftsOn, redLinesOn, levers, assumptions });

  // A red line not in force whose reality is sampled stays, with that assumption fixed at 0 (not
  // real): dropping the assumption would shift every later draw of the Monte Carlo (one uniform
  // per assumption, in order), and steps of the timeline would differ by more than the news.
  const redLineOf = (parameter: string): string | undefined =>
    /\.redLines\.([^.]+)\.active$/.exec(parameter)?.[1];
  const sampled = new Set(record.assumptions.flatMap((a) => redLineOf(a.parameter) ?? []));
  const out: Scenario = {
    ...scenario,
    parties: scenario.parties.map((p) => ({
      ...p,
      redLines: p.redLines.filter((r) => redLinesOn.has(r.id) || sampled.has(r.id)),
    })),
    record: {
      ...record,
      drafts: record.drafts.filter((d) => draftsOn.has(d.name)),
      assumptions: record.assumptions.map((a0) => {
        const a = assumptions.get(a0.id) ?? a0;
        const line = redLineOf(a.parameter);
        return line !== undefined && !redLinesOn.has(line)
          ? { ...a, value: 0, distribution: { kind: 'fixed' as const, value: 0 } }
          : a;
      }),
      ...(day ? { asOf: day } : {}),
    },
  };
  return { scenario: out, levers, applied, ...(day ? { asOf: day } : {}) };
}

interface State {
  readonly draftsOn: Set<string>;
  readonly redLinesOn: Set<string>;
  readonly levers: Record<string, string>;
  readonly assumptions: Map<string, NegotiationRecord['assumptions'][number]>;
}

function apply(f: EventEffect, s: State): void {
  switch (f.kind) {
    case 'draft':
      s.draftsOn.add(f.draft);
      return;
    case 'add-red-line':
      s.redLinesOn.add(f.redLine);
      return;
    case 'drop-red-line':
      s.redLinesOn.delete(f.redLine);
      return;
    case 'lever':
      s.levers[f.lever] = f.level;
      return;
    case 'assumption': {
      const a = s.assumptions.get(f.assumption);
      if (a)
        s.assumptions.set(f.assumption, {
          ...a,
          value: f.value ?? centre(f.distribution),
          distribution: f.distribution,
        });
      return;
    }
  }
}
