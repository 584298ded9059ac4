import type { Draft, DraftPoint } from '../../record/types.js';
import type { Path } from './draft.js';
import { valueIndex } from './read-issues.js';
import type { RecordIds } from './record-ids.js';
import type { DraftFile } from './schema.js';
import { quote, suggestion } from './words.js';

/**
 * One draft: its evidence and the draft it revises exist; its points are numbered once each
 * within the draft's count and set values of existing issues.
 */
export function readDraft(item: Record<string, unknown>, path: Path, ids: RecordIds): Draft {
  const { ctx, scenario, refs, evidenceIds, draftNames } = ids;
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
        ctx.error('duplicate-id', [...pp, 'number'], `point ${pt.number} appears twice in ${quote(d.name)}`);
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
}
