import type { Analysis } from '../../analysis/analyze.js';
import type { SolutionPoint, Solutions } from '../../analysis/solutions/solutions.js';
import type { Scenario } from '../../model/scenario.js';
import type { IssueValue } from '../../outcomes/issue.js';
import { createSpace, nameOutcome } from '../../outcomes/space.js';

/** A frontier point for machines: the outcome spelled out by issue name. */
export interface JsonPoint {
  readonly outcome: Readonly<Record<string, IssueValue>>;
  readonly utilities: readonly number[];
  readonly frontierIndex?: number;
}

/** The `--json` shape of `concord analyze` (stable; extend, don't change). */
export interface AnalysisJson {
  readonly scenario: string;
  readonly parties: readonly {
    name: string;
    role: string;
    reservationValue: number | null;
    utility: string;
    redLines: readonly string[];
    best: number;
    worst: number;
  }[];
  readonly issues: readonly { name: string; kind: string; values: number }[];
  /** Number of outcomes: a number when it is a safe integer, else a decimal string. */
  readonly outcomeCount: number | string;
  readonly method: string;
  readonly exact: boolean;
  readonly inexact: readonly string[];
  readonly notes: readonly string[];
  readonly frontier: readonly JsonPoint[];
  readonly solutions: Readonly<Record<keyof Solutions, readonly JsonPoint[]>>;
  readonly disagreement: readonly number[];
  /**
   * NegMAS's opposition level: distance from the nearest rational outcome (utilities as shares
   * of each party's best) to (1, …, 1); null when no outcome is rational (NegMAS's `inf`).
   */
  readonly opposition: number | null;
  readonly agreementZone: Analysis['agreementZone'] | null;
  readonly issueZones: readonly unknown[] | null;
  /** Analysis time in ms, without process start-up or file reading. */
  readonly elapsedMs: number;
}

/** JSON cannot hold ±Infinity; a reservation of −∞ (no walk-away) becomes null. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function analysisToJson(scenario: Scenario, a: Analysis, elapsedMs: number): AnalysisJson {
  const space = createSpace(scenario.issues);
  const point = (p: { outcome: readonly number[]; utilities: readonly number[] }): JsonPoint => ({
    outcome: nameOutcome(space, p.outcome),
    utilities: [...p.utilities],
  });
  const solution = (s: readonly SolutionPoint[]): JsonPoint[] =>
    s.map((p) => ({ ...point(p), frontierIndex: p.frontierIndex }));
  const solutions = Object.fromEntries(
    Object.entries(a.solutions).map(([k, v]) => [k, solution(v as SolutionPoint[])]),
  ) as Record<keyof Solutions, JsonPoint[]>;
  const count = BigInt(a.outcomeCount);
  return {
    scenario: scenario.name,
    parties: scenario.parties.map((p, i) => ({
      name: p.name,
      role: p.role,
      reservationValue: finiteOrNull(p.reservationValue),
      utility: p.utility.kind,
      redLines: p.redLines.map((r) => r.id),
      worst: a.utilityRanges[i]?.[0] ?? Number.NaN,
      best: a.utilityRanges[i]?.[1] ?? Number.NaN,
    })),
    issues: a.issues.map((i) => ({ name: i.name, kind: i.kind, values: i.size })),
    outcomeCount: count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : a.outcomeCount,
    method: a.method,
    exact: a.exact,
    inexact: a.inexact ?? [],
    notes: a.notes ?? [],
    frontier: a.frontier.map(point),
    solutions,
    disagreement: [...a.disagreement],
    opposition: finiteOrNull(a.opposition),
    agreementZone: a.agreementZone ?? null,
    issueZones: a.issueZones ? [...a.issueZones.issues] : null,
    elapsedMs,
  };
}
