import { getParameter, resolveParameter } from '../../model/parameters.js';
import type { Scenario } from '../../model/scenario.js';
import type {
  Assumption,
  ConflictLens,
  Distribution,
  Draft,
  DraftPoint,
  Estimate,
  Evidence,
  Lever,
  NegotiationRecord,
  Source,
  TimelineEvent,
} from '../../record/types.js';
import { isRecord, type ReadContext } from './context.js';
import type { Path } from './draft.js';
import { checkAsOf, readEventEffects } from './read-events.js';
import { valueIndex } from './read-issues.js';
import type {
  AssumptionFile,
  ConflictFile,
  DistributionFile,
  DraftFile,
  EvidenceFile,
  LeverFile,
} from './schema.js';
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

/** Reads a distribution written as `{ uniform: [a, b] }` etc.; checks its order. */
export function readDistribution(
  d: DistributionFile,
  path: Path,
  ctx: ReadContext,
): Distribution | undefined {
  if ('fixed' in d) return { kind: 'fixed', value: d.fixed };
  if ('bernoulli' in d) return { kind: 'bernoulli', p: d.bernoulli };
  if ('uniform' in d) {
    const [min, max] = d.uniform;
    if (!(min <= max))
      return void ctx.error(
        'bad-range',
        [...path, 'uniform'],
        `uniform [min, max] needs min ≤ max, got [${min}, ${max}]`,
      );
    return { kind: 'uniform', min, max };
  }
  const [min, mode, max] = d.triangular;
  if (!(min <= mode && mode <= max))
    return void ctx.error(
      'bad-range',
      [...path, 'triangular'],
      `triangular [min, mode, max] needs min ≤ mode ≤ max, got [${min}, ${mode}, ${max}]`,
    );
  return { kind: 'triangular', min, mode, max };
}

export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'bernoulli':
      return d.p;
  }
}

function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
      return [d.min, d.max];
    case 'triangular':
      return [d.min, d.max];
    case 'bernoulli':
      return [0, 1];
  }
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

  const outAssumptions: Assumption[] = [];
  for (const { item, path } of assumptions) {
    const a = item as unknown as AssumptionFile;
    refs(a.evidence, [...path, 'evidence'], evidenceIds, 'evidence id');
    if (typeof a.parameter !== 'string' || !isRecord(a.distribution)) continue;
    // A lever's strength is a parameter too: `levers.<id>.effects.<k>.perUnit`.
    const leverMatch = /^levers\.(.+)\.effects\.(\d+)\.perUnit$/.exec(a.parameter);
    let current: number | undefined;
    if (leverMatch) {
      const lever = levers.find(({ item }) => item.id === leverMatch[1])?.item as LeverFile | undefined;
      const effect = lever?.effects?.[Number(leverMatch[2])];
      if (!effect) {
        ctx.error(
          'unknown-parameter',
          [...path, 'parameter'],
          `"${a.parameter}": no such lever effect${suggestion(leverMatch[1] as string, [...leverIds], 'levers')}`,
        );
        continue;
      }
      current = effect.perUnit;
    } else {
      const target = resolveParameter(scenario, a.parameter);
      if (typeof target === 'string') {
        ctx.error(
          'unknown-parameter',
          [...path, 'parameter'],
          `${target}; or levers.<id>.effects.<k>.perUnit`,
        );
        continue;
      }
      current = getParameter(scenario, target);
    }
    const dist = readDistribution(a.distribution, [...path, 'distribution'], ctx);
    if (!dist) continue;
    const value = a.value ?? current;
    const [lo, hi] = support(dist);
    if (a.value !== undefined && (value < lo || value > hi))
      ctx.error(
        'value-outside-range',
        [...path, 'value'],
        `value ${value} lies outside the distribution's range [${lo}, ${hi}]`,
      );
    outAssumptions.push({
      id: a.id,
      parameter: a.parameter,
      value,
      distribution: dist,
      rationale: a.rationale,
      ...(a.evidence ? { evidence: a.evidence } : {}),
    });
  }

  const outDrafts: Draft[] = drafts.map(({ item, path }) => {
    const d = item as unknown as DraftFile;
    refs(d.evidence, [...path, 'evidence'], evidenceIds, 'evidence id');
    if (d.revises !== undefined && !draftNames.has(d.revises))
      ctx.error(
        'unknown-reference',
        [...path, 'revises'],
        `unknown draft ${quote(d.revises)}${suggestion(d.revises, [...draftNames], 'drafts')}`,
      );
    const numbers = new Map<number, number>();
    const points: DraftPoint[] = (Array.isArray(d.points) ? d.points : []).map((pt, k) => {
      const pp = [...path, 'points', k];
      refs(pt.evidence, [...pp, 'evidence'], evidenceIds, 'evidence id');
      if (typeof pt.number === 'number') {
        if (numbers.has(pt.number))
          ctx.error(
            'duplicate-id',
            [...pp, 'number'],
            `point ${pt.number} appears twice in ${quote(d.name)}`,
          );
        numbers.set(pt.number, k);
        if (typeof d.pointCount === 'number' && pt.number > d.pointCount)
          ctx.error(
            'bad-point',
            [...pp, 'number'],
            `point ${pt.number} is beyond the draft's ${d.pointCount} points`,
          );
      }
      for (const [issueName, v] of Object.entries(pt.sets ?? {})) {
        const issue = scenario.issues.find((i) => i.name === issueName);
        if (!issue) {
          ctx.error(
            'unknown-issue',
            [...pp, 'sets', issueName],
            `unknown issue ${quote(issueName)}${suggestion(
              issueName,
              scenario.issues.map((i) => i.name),
              'issues',
            )}`,
            'key',
          );
          continue;
        }
        const idx = valueIndex(issue, v);
        if (typeof idx === 'string') ctx.error('unknown-value', [...pp, 'sets', issueName], idx);
      }
      return pt as DraftPoint;
    });
    return { ...(d as unknown as Draft), points };
  });

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

/** The bargaining-of-war lens: sides are parties, issues exist, each side has a cost, ranges are ordered. */
function readConflict(
  root: Raw,
  scenario: Scenario,
  ctx: ReadContext,
  evidenceIds: Set<string>,
): ConflictLens | undefined {
  if (root.conflict === undefined || !ctx.clean(['conflict'])) return undefined;
  const c = root.conflict as ConflictFile;
  const partyNames = scenario.parties.map((p) => p.name);
  const issueNames = scenario.issues.map((i) => i.name);
  c.sides.forEach((s, i) => {
    if (!partyNames.includes(s))
      ctx.error(
        'unknown-party',
        ['conflict', 'sides', i],
        `unknown party ${quote(s)}${suggestion(s, partyNames, 'parties')}`,
      );
  });
  const checkEvidence = (list: readonly string[] | undefined, path: Path) =>
    (list ?? []).forEach((r, i) => {
      if (!evidenceIds.has(r))
        ctx.error(
          'unknown-reference',
          [...path, i],
          `unknown evidence id ${quote(r)}${suggestion(r, [...evidenceIds], 'evidence ids')}`,
        );
    });
  c.divisible.forEach((d, k) => {
    const path: Path = ['conflict', 'divisible', k];
    if (!(d.min < d.max)) ctx.error('bad-range', [...path, 'max'], `max must be above min (${d.min})`);
    if (d.issue !== undefined) {
      const issue = scenario.issues.find((i) => i.name === d.issue);
      if (!issue)
        ctx.error(
          'unknown-issue',
          [...path, 'issue'],
          `unknown issue ${quote(d.issue)}${suggestion(d.issue, issueNames, 'issues')}`,
        );
      else if (issue.kind === 'discrete')
        ctx.error(
          'not-numeric',
          [...path, 'issue'],
          `${quote(d.issue)} is discrete; a divisible good needs a numeric issue`,
        );
    }
    for (const s of c.sides)
      if (!(s in d.costs)) ctx.error('missing-cost', [...path, 'costs'], `no cost of war for ${quote(s)}`);
    for (const p of Object.keys(d.costs))
      if (!c.sides.includes(p))
        ctx.error(
          'unknown-party',
          [...path, 'costs', p],
          `${quote(p)} is not one of the sides (${c.sides.join(', ')})`,
          'key',
        );
    checkEvidence(d.warOutcome.evidence, [...path, 'warOutcome', 'evidence']);
    readDistribution(d.warOutcome.distribution, [...path, 'warOutcome', 'distribution'], ctx);
    (d.leverEffects ?? []).forEach((e, j) => {
      const lp: Path = [...path, 'leverEffects', j];
      const leverIds = ((root.levers as { id?: unknown }[] | undefined) ?? []).map((l) => String(l.id));
      if (!leverIds.includes(e.lever))
        ctx.error(
          'unknown-reference',
          [...lp, 'lever'],
          `unknown lever ${quote(e.lever)}${suggestion(e.lever, leverIds, 'levers')}`,
        );
      const ok = e.parameter === 'warOutcome' || c.sides.some((side) => e.parameter === `costs.${side}`);
      if (!ok)
        ctx.error(
          'unknown-parameter',
          [...lp, 'parameter'],
          `${quote(e.parameter)}: expected warOutcome or ${c.sides.map((x) => `costs.${x}`).join(' or ')}`,
        );
    });
    for (const [p, e] of Object.entries(d.costs)) {
      checkEvidence(e.evidence, [...path, 'costs', p, 'evidence']);
      readDistribution(e.distribution, [...path, 'costs', p, 'distribution'], ctx);
    }
  });
  c.indivisible.forEach((x, k) => {
    if (!issueNames.includes(x.issue))
      ctx.error(
        'unknown-issue',
        ['conflict', 'indivisible', k, 'issue'],
        `unknown issue ${quote(x.issue)}${suggestion(x.issue, issueNames, 'issues')}`,
      );
    checkEvidence(x.evidence, ['conflict', 'indivisible', k, 'evidence']);
  });
  if (ctx.failed) return undefined;
  const estimate = (e: ConflictFile['divisible'][number]['warOutcome'], path: Path): Estimate => ({
    value: e.value,
    distribution: readDistribution(e.distribution, path, ctx) as Distribution,
    rationale: e.rationale,
    ...(e.evidence ? { evidence: e.evidence } : {}),
  });
  return {
    sides: [c.sides[0], c.sides[1]],
    divisible: c.divisible.map((d, k) => ({
      name: d.name,
      ...(d.issue !== undefined ? { issue: d.issue } : {}),
      ...(d.unit !== undefined ? { unit: d.unit } : {}),
      min: d.min,
      max: d.max,
      sideAWants: d.sideAWants,
      warOutcome: estimate(d.warOutcome, ['conflict', 'divisible', k, 'warOutcome', 'distribution']),
      costs: Object.fromEntries(
        Object.entries(d.costs).map(([p, e]) => [
          p,
          estimate(e, ['conflict', 'divisible', k, 'costs', p, 'distribution']),
        ]),
      ),
      ...(d.leverEffects ? { leverEffects: d.leverEffects } : {}),
    })),
    indivisible: c.indivisible.map((x) => ({
      issue: x.issue,
      rationale: x.rationale,
      ...(x.evidence ? { evidence: x.evidence } : {}),
    })),
  };
}
