import { resolveParameter } from '../../model/parameters.js';
import type { Scenario } from '../../model/scenario.js';
import type {
  Assumption,
  Draft,
  Evidence,
  Lever,
  NegotiationRecord,
  Source,
  TimelineEvent,
} from '../../record/types.js';
import { isRecord, type ReadContext } from './context.js';
import type { Path } from './draft.js';
import { readAssumption } from './read-assumption.js';
import { readConflict } from './read-conflict.js';
import { readDistribution } from './read-distribution.js';
import { readDraft } from './read-draft.js';
import { checkAsOf, readEventEffects } from './read-events.js';
import type { RecordIds } from './record-ids.js';
import type { EvidenceFile, LeverFile } from './schema.js';
import { quote, suggestion } from './words.js';

type Raw = Record<string, unknown>;
const SECTIONS = [
  'asOf',
  'sources',
  'evidence',
  'assumptions',
  'drafts',
  'events',
  'levers',
  'conflict',
] as const;

/** Whether the file has any record section. */
export function hasRecord(root: Raw): boolean {
  return SECTIONS.some((s) => root[s] !== undefined);
}

/**
 * Reads the record sections (sources, evidence, assumptions, drafts, events, levers) once the
 * issues and parties are built: every reference between them and into the model is checked
 * (unknown ids with a suggestion, parameter paths that name nothing, values not of their issue).
 */
export function readRecord(root: Raw, scenario: Scenario, ctx: ReadContext): NegotiationRecord | undefined {
  const arr = (k: Exclude<(typeof SECTIONS)[number], 'conflict' | 'asOf'>): { item: Raw; path: Path }[] =>
    ctx.clean([k]) && Array.isArray(root[k])
      ? (root[k] as unknown[]).map((item, i) => ({ item: isRecord(item) ? item : {}, path: [k, i] }))
      : [];
  const sources = arr('sources');
  const evidence = arr('evidence');
  const assumptions = arr('assumptions');
  const drafts = arr('drafts');
  const events = arr('events');
  const levers = arr('levers');

  const unique = (items: { item: Raw; path: Path }[], key: string, what: string): Set<string> => {
    const seen = new Map<string, Path>();
    for (const { item, path } of items) {
      const v = item[key];
      if (typeof v !== 'string') continue;
      const first = seen.get(v);
      if (first)
        ctx.error(
          'duplicate-id',
          [...path, key],
          `duplicate ${what} ${quote(v)}; the first is at ${ctx.where([...first, key])}`,
        );
      else seen.set(v, path);
    }
    return new Set(seen.keys());
  };
  const sourceIds = unique(sources, 'id', 'source id');
  const evidenceIds = unique(evidence, 'id', 'evidence id');
  const assumptionIds = unique(assumptions, 'id', 'assumption id');
  const draftNames = unique(drafts, 'name', 'draft name');
  const eventIds = unique(events, 'id', 'event id');
  const leverIds = unique(levers, 'id', 'lever id');
  const partyNames = scenario.parties.map((p) => p.name);
  const known = new Set<string>([
    ...sourceIds,
    ...evidenceIds,
    ...assumptionIds,
    ...draftNames,
    ...eventIds,
    ...leverIds,
    ...partyNames,
    ...scenario.issues.map((i) => i.name),
    ...scenario.parties.flatMap((p) => p.redLines.map((r) => r.id)),
    ...(scenario.constraints ?? []).map((c) => c.id),
  ]);

  const refs = (list: unknown, path: Path, pool: Set<string>, what: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((r, i) => {
      if (typeof r === 'string' && !pool.has(r))
        ctx.error(
          'unknown-reference',
          [...path, i],
          `unknown ${what} ${quote(r)}${suggestion(r, [...pool], `${what}s`)}`,
        );
    });
  };

  const outSources: Source[] = sources.map(({ item }) => item as unknown as Source);
  const outEvidence: Evidence[] = evidence.map(({ item, path }) => {
    const e = item as unknown as EvidenceFile;
    if (typeof e.source === 'string' && !sourceIds.has(e.source))
      ctx.error(
        'unknown-reference',
        [...path, 'source'],
        `unknown source ${quote(e.source)}${suggestion(e.source, [...sourceIds], 'sources')}`,
      );
    refs(e.supports, [...path, 'supports'], known, 'id');
    return e as Evidence;
  });

  const ids: RecordIds = { ctx, scenario, evidenceIds, draftNames, leverIds, refs };
  const outAssumptions: Assumption[] = assumptions.flatMap(
    ({ item, path }) => readAssumption(item, path, levers, ids) ?? [],
  );
  const outDrafts: Draft[] = drafts.map(({ item, path }) => readDraft(item, path, ids));

  const outEvents: TimelineEvent[] = events.map(({ item, path }) => {
    const e = item as unknown as TimelineEvent;
    refs(e.evidence, [...path, 'evidence'], evidenceIds, 'evidence id');
    refs(e.parties, [...path, 'parties'], new Set(partyNames), 'party');
    return readEventEffects(item, path, ctx, evidenceIds, readDistribution);
  });

  const outLevers: Lever[] = levers.map(({ item, path }) => {
    const l = item as unknown as LeverFile;
    refs(l.evidence, [...path, 'evidence'], evidenceIds, 'evidence id');
    if (isRecord(l.levels) && typeof l.baseline === 'string' && !(l.baseline in l.levels))
      ctx.error(
        'unknown-level',
        [...path, 'baseline'],
        `baseline ${quote(l.baseline)} is not one of the levels${suggestion(l.baseline, Object.keys(l.levels), 'levels')}`,
      );
    (Array.isArray(l.effects) ? l.effects : []).forEach((e, k) => {
      const t = resolveParameter(scenario, e.parameter);
      if (typeof t === 'string') ctx.error('unknown-parameter', [...path, 'effects', k, 'parameter'], t);
      if (e.assumption !== undefined && !assumptionIds.has(e.assumption))
        ctx.error(
          'unknown-reference',
          [...path, 'effects', k, 'assumption'],
          `unknown assumption ${quote(e.assumption)}${suggestion(e.assumption, [...assumptionIds], 'assumptions')}`,
        );
    });
    return l as unknown as Lever;
  });

  const conflict = readConflict(root, scenario, ctx, evidenceIds);
  if (ctx.failed) return undefined;
  const record: NegotiationRecord = {
    sources: outSources,
    evidence: outEvidence,
    assumptions: outAssumptions,
    drafts: outDrafts,
    events: outEvents,
    levers: outLevers,
    ...(typeof root.asOf === 'string' ? { asOf: root.asOf } : {}),
    ...(conflict ? { conflict } : {}),
  };
  checkAsOf({ ...scenario, record }, ctx);
  return ctx.failed ? undefined : record;
}
