import { Document, isCollection, isMap, isPair, isSeq } from 'yaml';
import type { Party } from '../../model/party.js';
import type { Scenario } from '../../model/scenario.js';
import { type Issue, issueNumberAt, issueSize, issueValueAt } from '../../outcomes/issue.js';
import { constraintCondition } from '../../preferences/constraint.js';
import type { Condition } from '../../preferences/red-line.js';
import type { HyperRectangleUtility, LinearAdditiveUtility } from '../../preferences/utility.js';
import { evaluateValue, type ValueFunction } from '../../preferences/value-function.js';
import type { Distribution, NegotiationRecord } from '../../record/types.js';
import { WEIGHT_SUM_TOLERANCE } from './read-parties.js';

/**
 * Writes a scenario in the native format. `parseScenario(scenarioToYaml(s))` gives back the same
 * issues, utilities (bit for bit on every outcome), reservation values and red lines. Weights
 * that do not sum to 1 are written with `normalizeWeights: false`. What the format cannot say
 * directly is written as an equivalent: a value function on a discrete issue becomes a score
 * table, an issue nobody scores is left out.
 *
 * The record sections (sources, evidence, assumptions, drafts, events, levers) are written as read.
 */
export function scenarioToYaml(scenario: Scenario): string {
  const doc = new Document(scenarioFile(scenario));
  doc.commentBefore = ' Concord scenario (format: docs/scenario-format.md)';
  flowSmallCollections(doc);
  return doc.toString({ lineWidth: 100, flowCollectionPadding: false });
}

type Out = Record<string, unknown>;

function scenarioFile(s: Scenario): Out {
  return {
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    issues: s.issues.map(issueFile),
    parties: s.parties.map((p) => partyFile(p, s.issues)),
    ...(s.constraints && s.constraints.length > 0
      ? {
          constraints: s.constraints.map((c) => ({
            id: c.id,
            ...(c.description !== undefined ? { description: c.description } : {}),
            [c.kind]: conditionFile(constraintCondition(c)),
          })),
        }
      : {}),
    ...(s.record ? recordFile(s.record) : {}),
  };
}

function distributionFile(d: Distribution): Out {
  switch (d.kind) {
    case 'fixed':
      return { fixed: d.value };
    case 'uniform':
      return { uniform: [d.min, d.max] };
    case 'triangular':
      return { triangular: [d.min, d.mode, d.max] };
    case 'bernoulli':
      return { bernoulli: d.p };
  }
}

/** The record sections, written as read (assumptions with their distribution in file form). */
function recordFile(r: NegotiationRecord): Out {
  const clean = <T extends object>(x: T): Out => JSON.parse(JSON.stringify(x)) as Out;
  return {
    ...(r.asOf !== undefined ? { asOf: r.asOf } : {}),
    sources: r.sources.map(clean),
    evidence: r.evidence.map(clean),
    assumptions: r.assumptions.map((a) => ({ ...clean(a), distribution: distributionFile(a.distribution) })),
    drafts: r.drafts.map(clean),
    events: r.events.map((e) =>
      e.effects
        ? {
            ...clean(e),
            effects: e.effects.map((f) =>
              f.kind === 'assumption'
                ? { ...clean(f), distribution: distributionFile(f.distribution) }
                : clean(f),
            ),
          }
        : clean(e),
    ),
    levers: r.levers.map(clean),
    ...(r.conflict
      ? {
          conflict: {
            ...clean(r.conflict),
            divisible: r.conflict.divisible.map((d) => ({
              ...clean(d),
              warOutcome: {
                ...clean(d.warOutcome),
                distribution: distributionFile(d.warOutcome.distribution),
              },
              costs: Object.fromEntries(
                Object.entries(d.costs).map(([p, e]) => [
                  p,
                  { ...clean(e), distribution: distributionFile(e.distribution) },
                ]),
              ),
            })),
          },
        }
      : {}),
  };
}

function issueFile(issue: Issue): Out {
  const name = issue.name;
  const description = issue.description !== undefined ? { description: issue.description } : {};
  switch (issue.kind) {
    case 'discrete':
      return { name, ...description, options: [...issue.values] };
    case 'integer':
      return {
        name,
        kind: 'integer',
        ...description,
        min: issue.min,
        max: issue.max,
        ...(issue.step !== undefined ? { step: issue.step } : {}),
        ...(issue.unit !== undefined ? { unit: issue.unit } : {}),
      };
    case 'real':
      return {
        name,
        kind: 'real',
        ...description,
        min: issue.min,
        max: issue.max,
        ...(issue.resolution !== undefined ? { resolution: issue.resolution } : {}),
        ...(issue.unit !== undefined ? { unit: issue.unit } : {}),
      };
  }
}

function partyFile(p: Party, issues: readonly Issue[]): Out {
  const utility =
    p.utility.kind === 'linear-additive'
      ? additiveFile(p.utility, issues)
      : rectanglesFile(p.utility, issues);
  return {
    name: p.name,
    role: p.role,
    ...(p.description !== undefined ? { description: p.description } : {}),
    reservation: p.reservationValue,
    ...(p.discountFactor !== undefined ? { discount: p.discountFactor } : {}),
    ...utility,
    ...(p.redLines.length > 0
      ? {
          redLines: p.redLines.map((r) => ({
            id: r.id,
            ...(r.description !== undefined ? { description: r.description } : {}),
            forbid: conditionFile(r.forbid),
          })),
        }
      : {}),
  };
}

const isZeroTable = (fn: ValueFunction | undefined) =>
  fn === undefined || (fn.kind === 'table' && fn.values.every((v) => v === 0));

function additiveFile(u: LinearAdditiveUtility, issues: readonly Issue[]): Out {
  const values = new Map<string, unknown>();
  const weights = new Map<string, number>();
  let sum = 0;
  issues.forEach((issue, i) => {
    const w = u.weights[i] ?? 0;
    const fn = u.values[i];
    sum += w;
    if (w === 0 && isZeroTable(fn)) return;
    values.set(issue.name, valueFile(fn ?? { kind: 'table', values: [] }, issue));
    weights.set(issue.name, w);
  });
  // All weights 0: the party is indifferent, which is what leaving both out says.
  if (sum === 0 || values.size === 0) return {};
  // The reader divides weights by their sum unless told not to.
  const raw = Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE ? { normalizeWeights: false } : {};
  return { values, weights, ...raw };
}

function valueFile(fn: ValueFunction, issue: Issue): unknown {
  const size = issueSize(issue);
  const asTable = () => {
    const t = new Map<string | number, number>();
    for (let v = 0; v < size; v++)
      t.set(issueValueAt(issue, v), evaluateValue(fn, issueNumberAt(issue, v), v));
    return t;
  };
  if (issue.kind === 'discrete' || fn.kind === 'table') return asTable();
  if (fn.kind === 'piecewise') {
    return fn.points.length === 0 ? asTable() : { piecewise: fn.points.map(([x, y]) => [x, y]) };
  }
  const line: Out = { from: [fn.x0, fn.y0] };
  // Prefer two points (easier to read) when they give back exactly the same slope.
  const x1 = issue.max !== fn.x0 ? issue.max : issue.min;
  const y1 = fn.y0 + fn.slope * (x1 - fn.x0);
  if (x1 !== fn.x0 && Number.isFinite(y1) && (y1 - fn.y0) / (x1 - fn.x0) === fn.slope) line.to = [x1, y1];
  else line.slope = fn.slope;
  if (fn.clampMin !== undefined || fn.clampMax !== undefined)
    line.clamp = [fn.clampMin ?? null, fn.clampMax ?? null];
  return { linear: line };
}

function rectanglesFile(u: HyperRectangleUtility, issues: readonly Issue[]): Out {
  const rectangles: Out[] = [];
  for (const r of u.rectangles) {
    // Several bounds on one issue all hold: intersect them. Bounds past the ends are clamped;
    // a rectangle that can hold no outcome adds nothing, so it is left out.
    const ranges = new Map<number, [number, number]>();
    let empty = false;
    for (const b of r.bounds) {
      const issue = issues[b.issue];
      if (!issue) continue;
      const prev = ranges.get(b.issue) ?? [0, issueSize(issue) - 1];
      const lo = Math.max(prev[0], b.min);
      const hi = Math.min(prev[1], b.max);
      if (lo > hi) empty = true;
      ranges.set(b.issue, [lo, hi]);
    }
    if (empty) continue;
    const where = new Map<string, unknown>();
    for (const [i, [lo, hi]] of ranges) {
      const issue = issues[i] as Issue;
      const from = issueValueAt(issue, lo);
      where.set(issue.name, lo === hi ? from : { from, to: issueValueAt(issue, hi) });
    }
    rectangles.push({ utility: r.utility, where });
  }
  return {
    utility: {
      hyperrectangle: {
        ...(u.scale !== undefined ? { scale: u.scale } : {}),
        ...(u.cap !== undefined ? { cap: u.cap } : {}),
        rectangles,
      },
    },
  };
}

function conditionFile(c: Condition): Out {
  if ('issue' in c) {
    const out: Out = { issue: c.issue };
    for (const k of ['in', 'notIn', 'below', 'above', 'atMost', 'atLeast'] as const) {
      const v = c[k];
      if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
    }
    return out;
  }
  if ('not' in c) return { not: conditionFile(c.not) };
  if ('all' in c) return { all: c.all.map(conditionFile) };
  return { any: c.any.map(conditionFile) };
}

/** One line for what reads best on one line: options, weights, each issue's values, short conditions. */
function flowSmallCollections(doc: Document): void {
  const flow = (node: unknown, deep: boolean): void => {
    if (!isCollection(node)) return;
    node.flow = true;
    if (deep) for (const item of node.items) flow(isPair(item) ? item.value : item, true);
  };
  // A condition goes on one line when short; otherwise its parts do.
  const flowCondition = (node: unknown): void => {
    if (!isCollection(node)) return;
    if (JSON.stringify(node.toJSON()).length <= 80) flow(node, true);
    else for (const item of node.items) flowCondition(isPair(item) ? item.value : item);
  };
  const root = doc.contents;
  if (!isMap(root)) return;
  const issues = root.get('issues');
  if (isSeq(issues)) for (const issue of issues.items) if (isMap(issue)) flow(issue.get('options'), false);
  const constraints = root.get('constraints');
  if (isSeq(constraints))
    for (const c of constraints.items) if (isMap(c)) flowCondition(c.get('forbid') ?? c.get('require'));
  const parties = root.get('parties');
  if (!isSeq(parties)) return;
  for (const party of parties.items) {
    if (!isMap(party)) continue;
    flow(party.get('weights'), false);
    const values = party.get('values');
    if (isMap(values)) for (const pair of values.items) flow(pair.value, true);
    const redLines = party.get('redLines');
    if (isSeq(redLines)) for (const r of redLines.items) if (isMap(r)) flowCondition(r.get('forbid'));
    const rects = party.getIn(['utility', 'hyperrectangle', 'rectangles']);
    if (isSeq(rects)) for (const r of rects.items) if (isMap(r)) flow(r.get('where'), true);
  }
}
