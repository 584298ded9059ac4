import type { Party } from '../../model/party.js';
import type { RedLine } from '../../preferences/red-line.js';
import type { UtilityFunction } from '../../preferences/utility.js';
import type { ValueFunction } from '../../preferences/value-function.js';
import { isRecord, type ReadContext } from './context.js';
import type { Path } from './draft.js';
import { readRedLines } from './read-conditions.js';
import { type IssueTable, unknownIssue } from './read-issues.js';
import { readUtility, readValueSpec } from './read-values.js';
import type { PartyFile, UtilityFile, ValueSpecFile } from './schema.js';
import { quote } from './words.js';

/** Weights within this distance of summing to 1 are kept as written (so files round-trip exactly). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** Reads the `parties` section. Returns the parties, or undefined where a party has problems. */
export function readParties(raw: unknown, issues: IssueTable, ctx: ReadContext): (Party | undefined)[] {
  if (!Array.isArray(raw)) return [];
  const names = new Map<string, number>();
  const redLineIds = new Map<string, Path>();
  return raw.map((item: unknown, j) => {
    const path = ['parties', j];
    if (!isRecord(item)) return undefined;
    let ok = true;
    if (typeof item.name === 'string') {
      const first = names.get(item.name);
      if (first !== undefined) {
        ctx.error(
          'duplicate-party',
          [...path, 'name'],
          `duplicate party name ${quote(item.name)}; the first is at ${ctx.where(['parties', first, 'name'])}`,
        );
        ok = false;
      } else names.set(item.name, j);
    }
    const utility = readPartyUtility(item, issues, path, ctx);
    const redLines = Array.isArray(item.redLines)
      ? readRedLines(item.redLines, issues, [...path, 'redLines'], redLineIds, ctx)
      : [];
    // Fields checked by the schema alone: usable when clean.
    const scalarsOk = ['name', 'role', 'description', 'reservation', 'discount'].every((k) =>
      ctx.clean([...path, k]),
    );
    if (!ok || !utility || !redLines || !scalarsOk) return undefined;
    const p = item as PartyFile;
    return {
      name: p.name,
      role: p.role ?? 'principal',
      utility,
      reservationValue: p.reservation ?? 0,
      ...(p.discount !== undefined ? { discountFactor: p.discount } : {}),
      redLines: redLines as RedLine[],
      ...(p.description !== undefined ? { description: p.description } : {}),
    };
  });
}

function readPartyUtility(
  item: Record<string, unknown>,
  issues: IssueTable,
  path: Path,
  ctx: ReadContext,
): UtilityFunction | undefined {
  const hasAdditive = item.values !== undefined || item.weights !== undefined;
  if (item.utility !== undefined) {
    if (hasAdditive) {
      ctx.error(
        'utility-conflict',
        [...path, 'utility'],
        'give either values and weights or utility, not both',
        'key',
      );
      return undefined;
    }
    if (!ctx.clean([...path, 'utility'])) return undefined;
    return readUtility(item.utility as UtilityFile, issues, [...path, 'utility'], ctx);
  }
  if (!hasAdditive && (item.role === undefined || item.role === 'principal') && typeof item.name === 'string')
    ctx.warn(
      'no-preferences',
      [...path, 'name'],
      `${quote(item.name)} has no values or utility: every outcome is worth 0 to it`,
    );
  return readAdditive(item, issues, path, ctx);
}

/** `values` and `weights` → a linear-additive utility over all issues, by position. */
function readAdditive(
  item: Record<string, unknown>,
  issues: IssueTable,
  path: Path,
  ctx: ReadContext,
): UtilityFunction | undefined {
  let ok = true;
  const fns = new Map<number, ValueFunction>();
  const valueKeys = isRecord(item.values) ? Object.keys(item.values) : [];
  const weightKeys = isRecord(item.weights) ? Object.keys(item.weights) : [];
  if (item.values !== undefined && !isRecord(item.values)) ok = false;
  if (item.weights !== undefined && !isRecord(item.weights)) ok = false;

  for (const name of valueKeys) {
    const at = [...path, 'values', name];
    const entry = issues.byName.get(name);
    if (!entry) {
      ctx.error('unknown-issue', at, unknownIssue(name, issues), 'key');
      ok = false;
      continue;
    }
    if (!entry.issue || !ctx.clean(at)) {
      ok = false;
      continue;
    }
    const spec = (item.values as Record<string, ValueSpecFile>)[name] as ValueSpecFile;
    const fn = readValueSpec(spec, entry.issue, at, ctx);
    if (fn) fns.set(entry.index, fn);
    else ok = false;
  }

  const weights = new Map<number, number>();
  let weightsClean = true;
  for (const name of weightKeys) {
    const at = [...path, 'weights', name];
    const entry = issues.byName.get(name);
    if (!entry) {
      ctx.error('unknown-issue', at, unknownIssue(name, issues), 'key');
      ok = false;
      continue;
    }
    if (!ctx.clean(at)) {
      ok = weightsClean = false;
      continue;
    }
    const w = (item.weights as Record<string, number>)[name] as number;
    weights.set(entry.index, w);
    if (w > 0 && !valueKeys.includes(name)) {
      ctx.error(
        'missing-values',
        at,
        `${quote(name)} has weight ${w} but no values; add it to values (or give it weight 0)`,
        'key',
      );
      ok = false;
    }
  }
  if (item.weights !== undefined && isRecord(item.weights)) {
    for (const name of valueKeys) {
      if (weightKeys.includes(name) || !issues.byName.has(name)) continue;
      ctx.error(
        'missing-weight',
        [...path, 'values', name],
        `no weight for ${quote(name)}; add it to weights (0 to ignore it)`,
        'key',
      );
      ok = false;
    }
    const sum = [...weights.values()].reduce((a, b) => a + b, 0);
    const allKnown = weightKeys.every((k) => issues.byName.has(k));
    if (weightsClean && allKnown && weightKeys.length > 0 && sum === 0) {
      ctx.error(
        'zero-weights',
        [...path, 'weights'],
        'the weights sum to 0; give at least one issue a positive weight',
        'key',
      );
      ok = false;
    }
  } else {
    // No weights: equal over the issues the party scores.
    for (const index of fns.keys()) weights.set(index, 1);
  }
  if (!ok) return undefined;

  const n = issues.issues.length;
  let sum = 0;
  for (const w of weights.values()) sum += w;
  const normalize = item.normalizeWeights !== false;
  const scale = normalize && sum > 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE ? sum : 1;
  const w: number[] = [];
  const values: ValueFunction[] = [];
  for (let i = 0; i < n; i++) {
    w.push((weights.get(i) ?? 0) / scale);
    values.push(fns.get(i) ?? { kind: 'table', values: [] });
  }
  return { kind: 'linear-additive', weights: w, values };
}
