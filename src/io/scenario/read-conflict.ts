import type { Scenario } from '../../model/scenario.js';
import type { ConflictLens, Distribution, Estimate } from '../../record/types.js';
import type { ReadContext } from './context.js';
import type { Path } from './draft.js';
import { readDistribution } from './read-distribution.js';
import type { ConflictFile } from './schema.js';
import { quote, suggestion } from './words.js';

/** The bargaining-of-war lens: sides are parties, issues exist, each side has a cost, ranges are ordered. */
export function readConflict(
  root: Record<string, unknown>,
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
