import { asOfProblems } from '../../model/as-of.js';
import type { Scenario } from '../../model/scenario.js';
import type { Distribution, EventEffect, TimelineEvent } from '../../record/types.js';
import { isRecord, type ReadContext } from './context.js';
import type { Path } from './draft.js';
import type { DistributionFile } from './schema.js';
import { quote, suggestion } from './words.js';

type Raw = Record<string, unknown>;
type ReadDistribution = (d: DistributionFile, path: Path, ctx: ReadContext) => Distribution | undefined;

/** An event as read: its effects' distributions converted, their evidence ids checked. */
export function readEventEffects(
  item: Raw,
  path: Path,
  ctx: ReadContext,
  evidenceIds: Set<string>,
  readDistribution: ReadDistribution,
): TimelineEvent {
  const e = item as unknown as TimelineEvent;
  if (!Array.isArray(item.effects)) return e;
  const effects = (item.effects as Raw[]).map((f, k): EventEffect => {
    const fp = [...path, 'effects', k];
    (Array.isArray(f.evidence) ? (f.evidence as unknown[]) : []).forEach((id, i) => {
      if (typeof id === 'string' && !evidenceIds.has(id))
        ctx.error(
          'unknown-reference',
          [...fp, 'evidence', i],
          `unknown evidence id ${quote(id)}${suggestion(id, [...evidenceIds], 'evidence ids')}`,
        );
    });
    if (f.kind === 'assumption' && isRecord(f.distribution)) {
      const distribution = readDistribution(f.distribution as DistributionFile, [...fp, 'distribution'], ctx);
      return { ...(f as unknown as EventEffect & { kind: 'assumption' }), distribution } as EventEffect;
    }
    return f as unknown as EventEffect;
  });
  return { ...e, effects };
}

/** `events[2].effects[0].draft` → `['events', 2, 'effects', 0, 'draft']`. */
function toPath(s: string): Path {
  return s
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
}

/** The problems `scenarioAsOf` would meet (bad days, unknown targets), at their file positions. */
export function checkAsOf(scenario: Scenario, ctx: ReadContext): void {
  for (const p of asOfProblems(scenario)) ctx.error('bad-event-effect', toPath(p.path), p.message);
}
