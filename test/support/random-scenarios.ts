/**
 * Random small scenarios for the property and conformance suites of the analysis: 2–4 parties;
 * discrete, integer and real issues; table, linear and piecewise value functions; random
 * reservations; red lines on one issue and on several; hyper-rectangle utilities on request.
 * Scores come from a coarse grid half the time, so identical vectors and ties are common.
 */
import type { AnalysisProblem } from '../../src/analysis/index.js';
import type { Rng } from '../../src/core/rng.js';
import type { Party } from '../../src/model/party.js';
import type { Scenario } from '../../src/model/scenario.js';
import { type Issue, issueNumberAt, issueSize } from '../../src/outcomes/issue.js';
import { forEachOutcome } from '../../src/outcomes/space.js';
import type { Condition, RedLine } from '../../src/preferences/red-line.js';
import type { UtilityFunction } from '../../src/preferences/utility.js';
import type { ValueFunction } from '../../src/preferences/value-function.js';

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
/** Scores from a coarse grid half the time, so identical utility vectors and ties are common. */
export const score = (rng: Rng): number => (rng.float() < 0.5 ? pick(rng, [0, 0.25, 0.5, 1]) : rng.float());

/** Equal weights half the time (more identical vectors), random otherwise. */
export function weight(rng: Rng): number {
  if (rng.float() < 0.5) return 0.5;
  return rng.float();
}

export function randomIssue(rng: Rng, i: number): Issue {
  const kind = pick(rng, ['discrete', 'discrete', 'integer', 'real'] as const);
  if (kind === 'discrete')
    return { kind, name: `d${i}`, values: Array.from({ length: rng.int(1, 4) }, (_, v) => `v${v}`) };
  if (kind === 'integer') {
    const min = rng.int(-3, 3);
    const step = pick(rng, [1, 2]);
    return { kind, name: `n${i}`, min, max: min + step * rng.int(1, 4), step };
  }
  const min = rng.int(0, 10);
  return { kind, name: `r${i}`, min, max: min + rng.int(1, 5), resolution: rng.int(2, 4) };
}

export function randomValue(rng: Rng, issue: Issue): ValueFunction {
  const size = issueSize(issue);
  if (issue.kind === 'discrete' || rng.float() < 0.2)
    return { kind: 'table', values: Array.from({ length: size }, () => score(rng)) };
  const lo = issueNumberAt(issue, 0);
  const hi = issueNumberAt(issue, size - 1);
  if (rng.float() < 0.5) {
    const slope = (rng.float() * 2 - 1) / Math.max(1, hi - lo);
    return {
      kind: 'linear',
      x0: lo,
      y0: rng.float(),
      slope,
      ...(rng.float() < 0.5 ? { clampMin: 0, clampMax: 1 } : {}),
    };
  }
  const mid = lo + (hi - lo) * rng.float();
  return {
    kind: 'piecewise',
    points: [
      [lo, score(rng)],
      [mid, score(rng)],
      [hi, score(rng)],
    ],
  };
}

export function randomLeaf(rng: Rng, issues: readonly Issue[]): Condition {
  const issue = pick(rng, issues);
  const size = issueSize(issue);
  const values = Array.from({ length: size }, (_, v) =>
    issue.kind === 'discrete' ? (issue.values[v] as string) : issueNumberAt(issue, v),
  );
  const some = values.filter(() => rng.float() < 0.4);
  if (issue.kind === 'discrete' || rng.float() < 0.3)
    return rng.float() < 0.7 ? { issue: issue.name, in: some } : { issue: issue.name, notIn: some };
  const x = issueNumberAt(issue, rng.int(0, size - 1));
  const op = pick(rng, ['below', 'above', 'atMost', 'atLeast'] as const);
  return { issue: issue.name, [op]: x };
}

export function randomCondition(rng: Rng, issues: readonly Issue[], depth = 0): Condition {
  const r = rng.float();
  if (depth > 1 || r < 0.5) return randomLeaf(rng, issues);
  if (r < 0.7)
    return { all: [randomCondition(rng, issues, depth + 1), randomCondition(rng, issues, depth + 1)] };
  if (r < 0.9)
    return { any: [randomCondition(rng, issues, depth + 1), randomCondition(rng, issues, depth + 1)] };
  return { not: randomCondition(rng, issues, depth + 1) };
}

export function randomRectangles(rng: Rng, issues: readonly Issue[]): UtilityFunction {
  const rectangles = Array.from({ length: rng.int(1, 5) }, () => ({
    utility: pick(rng, [1, 2, 3, -1, 0.5]),
    bounds: issues.flatMap((issue, i) => {
      if (rng.float() < 0.5) return [];
      const size = issueSize(issue);
      const a = rng.int(0, size - 1);
      const b = rng.int(a, size - 1);
      return [{ issue: i, min: a, max: b }];
    }),
  }));
  return { kind: 'hyperrectangle', rectangles, scale: pick(rng, [1, 3]) };
}

export interface Shape {
  readonly parties?: number;
  readonly issues?: number;
  readonly nonAdditive?: boolean;
}

export function randomScenario(rng: Rng, shape: Shape = {}): Scenario {
  const nIssues = shape.issues ?? rng.int(1, 4);
  const issues = Array.from({ length: nIssues }, (_, i) => randomIssue(rng, i));
  const nParties = shape.parties ?? rng.int(2, 4);
  const parties: Party[] = Array.from({ length: nParties }, (_, p) => {
    const rect = shape.nonAdditive && rng.float() < 0.7;
    const utility: UtilityFunction = rect
      ? randomRectangles(rng, issues)
      : {
          kind: 'linear-additive',
          weights: issues.map(() => weight(rng)),
          values: issues.map((issue) => randomValue(rng, issue)),
        };
    const redLines: RedLine[] = Array.from({ length: rng.float() < 0.5 ? 0 : rng.int(1, 2) }, (_, r) => ({
      id: `p${p}r${r}`,
      forbid: randomCondition(rng, issues),
    }));
    const reservation = pick(rng, [Number.NEGATIVE_INFINITY, 0, rng.float() * 0.6, rng.float()]);
    return { name: `p${p}`, role: 'principal', utility, reservationValue: reservation, redLines };
  });
  return { name: 'random', issues, parties };
}

/** Every outcome in the zone, by plain enumeration, with utilities. */
export function zoneOutcomes(problem: AnalysisProblem): { outcome: number[]; utilities: number[] }[] {
  const out: { outcome: number[]; utilities: number[] }[] = [];
  forEachOutcome(problem.space, (o) => {
    const u = problem.parties.map((p) => p.compiled.evaluate(o));
    if (u.some((x, i) => !(x >= (problem.parties[i]?.reservation as number)))) return;
    if (problem.redLines.some((r) => r.condition.test(o))) return;
    out.push({ outcome: [...o], utilities: u });
  });
  return out;
}
