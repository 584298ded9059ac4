/**
 * The privacy rules, in one place: what each role may learn from each kind of result. Every
 * response that carries a joint result passes through one of these pure functions (see
 * docs/privacy.md). The mediator sees everything; a party sees the shared text, its own numbers,
 * and yes/no answers about everyone; an observer sees only the shared text and yes/no answers
 * about everyone. No view for a party or observer holds another party's weights, scores,
 * reservation, red lines, utilities or acceptance probabilities, nor any number computed from them.
 */
import type { Json } from './scenario-parts.js';

export type Role = 'mediator' | 'party' | 'observer';

/**
 * Who is looking: the role, and for a party its slug, its name in the scenario and how to read
 * red-line ids of the composed scenario as its own (a later party's id that another party also
 * uses is qualified for computation, `<id>~<party>`: the party gets its own id back, so it never
 * learns of the collision). Without `redLineId`, ids are shown as computed.
 */
export interface Viewer {
  readonly role: Role;
  readonly party?: {
    readonly slug: string;
    readonly name: string;
    readonly redLineId?: (composedId: string) => string;
  };
}

/** A red-line id of the composed scenario as the viewing party wrote it. */
const own = (v: Viewer, id: string): string => v.party?.redLineId?.(id) ?? id;

interface RedLineRef {
  party: string;
  redLine: string;
}
interface DraftEval {
  readonly draft: string;
  readonly acceptedByAll: boolean;
  readonly parties: readonly {
    readonly party: string;
    readonly accepts: boolean;
    readonly redLinesCrossed: readonly string[];
  }[];
  readonly fixed?: unknown;
}

/** A draft evaluation: a party learns whether it accepts and which of its red lines the draft crosses. */
export function viewDraftEvaluation(e: DraftEval, v: Viewer): Json {
  if (v.role === 'mediator') return e as unknown as Json;
  const out: Json = { draft: e.draft, acceptableToAll: e.acceptedByAll };
  if (v.role === 'party') {
    const me = e.parties.find((p) => p.party === v.party?.name);
    out.acceptableToMe = me?.accepts ?? false;
    out.myRedLinesCrossed = (me?.redLinesCrossed ?? []).map((id) => own(v, id));
  }
  return out;
}

/** Own red lines among the sets that close the zone. */
const myBlocking = (blocking: RedLineRef[][], v: Viewer): string[] =>
  [
    ...new Set(
      blocking
        .flat()
        .filter((r) => r.party === v.party?.name)
        .map((r) => own(v, r.redLine)),
    ),
  ].sort();

interface ConcessionsResult {
  zoneExists: boolean;
  blocking: RedLineRef[][];
}

export function viewConcessions(c: ConcessionsResult, v: Viewer): Json {
  if (v.role === 'mediator') return c as unknown as Json;
  return v.role === 'party'
    ? { zoneExists: c.zoneExists, myBindingRedLines: myBlocking(c.blocking, v) }
    : { zoneExists: c.zoneExists };
}

interface BriefResult {
  brief: { concessions: ConcessionsResult; drafts: { name: string; central: DraftEval }[] };
  answers: unknown;
}

/** The brief (and a what-if, which is a brief with levers moved). */
export function viewBrief(r: BriefResult, v: Viewer): Json {
  if (v.role === 'mediator') return r as unknown as Json;
  return {
    ...viewConcessions(r.brief.concessions, v),
    drafts: r.brief.drafts.map((d) => viewDraftEvaluation(d.central, v)),
  };
}

/** Diff of two drafts: the text changes are shared; the evaluations go through their own rule. */
export function viewDiff(r: { diff: unknown; before: DraftEval; after: DraftEval }, v: Viewer): Json {
  if (v.role === 'mediator') return r as unknown as Json;
  return { diff: r.diff, before: viewDraftEvaluation(r.before, v), after: viewDraftEvaluation(r.after, v) };
}

/** One stored analysis result, by kind. */
export function viewResult(kind: string, result: unknown, v: Viewer): Json | null {
  if (result === null || result === undefined) return null;
  switch (kind) {
    case 'brief':
    case 'whatif':
      return viewBrief(result as BriefResult, v);
    case 'evaluate':
      return { evaluation: viewDraftEvaluation((result as { evaluation: DraftEval }).evaluation, v) };
    case 'diff':
      return viewDiff(result as Parameters<typeof viewDiff>[0], v);
    case 'concessions':
      return { concessions: viewConcessions((result as { concessions: ConcessionsResult }).concessions, v) };
    default:
      return v.role === 'mediator' ? (result as Json) : null;
  }
}

export interface RunRow {
  id: number;
  kind: string;
  status: string;
  seed: number;
  inputs: Json;
  result: unknown;
  error: string | null;
  createdAt: Date | string;
  finishedAt: Date | string | null;
}

/** A run as listed: others' version counters, lever settings and error texts are the mediator's. */
export function viewRun(r: RunRow, v: Viewer): Json {
  const request = (r.inputs.request ?? {}) as Json;
  const base: Json = {
    id: r.id,
    kind: r.kind,
    status: r.status,
    seed: r.seed,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
  if (v.role === 'mediator') return { ...base, inputs: r.inputs, error: r.error, result: r.result ?? null };
  const shared: Json = {};
  for (const k of ['draft', 'before', 'after'] as const) if (request[k] !== undefined) shared[k] = request[k];
  return { ...base, request: shared, result: viewResult(r.kind, r.result, v) };
}

/** A package: issue name → option (or number). */
export type Package = Readonly<Record<string, string | number>>;

/** Canonical key of a package, so equal packages compare equal whatever the key order. */
export const packageKey = (p: Package): string =>
  JSON.stringify(
    Object.keys(p)
      .sort()
      .map((k) => [k, p[k]]),
  );

/**
 * Blind offers: the packages in every party's submission. Computed only once every party has
 * submitted; before that the overlap of the submitters would reveal what they offered.
 */
export function offerOverlap(
  submissions: Readonly<Record<string, readonly Package[]>>,
  parties: readonly string[],
) {
  const complete = parties.every((p) => submissions[p] !== undefined);
  if (!complete || parties.length === 0) return { complete, overlap: [] as Package[] };
  const [first, ...rest] = parties.map((p) => submissions[p] as readonly Package[]);
  const sets = rest.map((s) => new Set(s.map(packageKey)));
  const seen = new Set<string>();
  const overlap = (first ?? []).filter((p) => {
    const k = packageKey(p);
    if (seen.has(k) || !sets.every((s) => s.has(k))) return false;
    seen.add(k);
    return true;
  });
  return { complete, overlap };
}

export function viewOffers(
  submissions: Readonly<Record<string, readonly Package[]>>,
  parties: readonly string[],
  v: Viewer,
): Json {
  const { complete, overlap } = offerOverlap(submissions, parties);
  if (v.role === 'mediator') return { complete, overlap, submissions };
  if (v.role === 'party') return { complete, overlap, mine: (v.party && submissions[v.party.slug]) ?? null };
  return { complete, overlap };
}
