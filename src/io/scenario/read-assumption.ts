import { getParameter, resolveParameter } from '../../model/parameters.js';
import type { Assumption } from '../../record/types.js';
import { isRecord } from './context.js';
import type { Path } from './draft.js';
import { readDistribution, support } from './read-distribution.js';
import type { RecordIds } from './record-ids.js';
import type { AssumptionFile, LeverFile } from './schema.js';
import { suggestion } from './words.js';

/**
 * One assumption: its evidence exists, its parameter names something in the model (or a lever's
 * strength), its distribution is ordered and holds its value. Undefined when it cannot be read.
 */
export function readAssumption(
  item: Record<string, unknown>,
  path: Path,
  levers: readonly { item: Record<string, unknown> }[],
  ids: RecordIds,
): Assumption | undefined {
  const { ctx, scenario, refs, evidenceIds, leverIds } = ids;
  const a = item as unknown as AssumptionFile;
  refs(a.evidence, [...path, 'evidence'], evidenceIds, 'evidence id');
  if (typeof a.parameter !== 'string' || !isRecord(a.distribution)) return undefined;
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
      return undefined;
    }
    current = effect.perUnit;
  } else {
    const target = resolveParameter(scenario, a.parameter);
    if (typeof target === 'string') {
      ctx.error('unknown-parameter', [...path, 'parameter'], `${target}; or levers.<id>.effects.<k>.perUnit`);
      return undefined;
    }
    current = getParameter(scenario, target);
  }
  const dist = readDistribution(a.distribution, [...path, 'distribution'], ctx);
  if (!dist) return undefined;
  const value = a.value ?? current;
  const [lo, hi] = support(dist);
  if (a.value !== undefined && (value < lo || value > hi))
    ctx.error(
      'value-outside-range',
      [...path, 'value'],
      `value ${value} lies outside the distribution's range [${lo}, ${hi}]`,
    );
  return {
    id: a.id,
    parameter: a.parameter,
    value,
    distribution: dist,
    rationale: a.rationale,
    ...(a.evidence ? { evidence: a.evidence } : {}),
  };
}
