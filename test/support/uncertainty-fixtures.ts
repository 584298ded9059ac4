/**
 * Seeded random scenarios with red lines and a record (assumptions, drafts, levers), and
 * brute-force references, for the property tests of draft evaluation, the additive search,
 * Monte Carlo and concessions.
 */
import { type AnalysisProblem, prepareProblem } from '../../src/analysis/index.js';
import { inZone } from '../../src/analysis/zone/zone.js';
import type { Rng } from '../../src/core/rng.js';
import type { Party } from '../../src/model/party.js';
import type { Scenario } from '../../src/model/scenario.js';
import { type Issue, issueNumberAt, issueSize } from '../../src/outcomes/issue.js';
import { forEachOutcome, type Outcome } from '../../src/outcomes/space.js';
import type { Condition, RedLine } from '../../src/preferences/red-line.js';
import type { ValueFunction } from '../../src/preferences/value-function.js';
import type { Assumption, Draft, Lever, NegotiationRecord } from '../../src/record/types.js';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;

export interface FixtureShape {
  readonly parties?: number;
  readonly issues?: number;
  /** Largest number of values per issue; default 4. */
  readonly values?: number;
  /** Red lines per party, at most; default 2. */
  readonly redLines?: number;
}

function randomIssue(rng: Rng, i: number, maxValues: number): Issue {
  if (rng.float() < 0.6)
    return {
      kind: 'discrete',
      name: `d${i}`,
      values: Array.from({ length: rng.int(2, maxValues) }, (_, v) => `v${v}`),
    };
  const step = pick(rng, [1, 10]);
  const min = step * rng.int(0, 3);
  return { kind: 'integer', name: `n${i}`, min, max: min + step * rng.int(1, maxValues - 1), step };
}

function randomValue(rng: Rng, issue: Issue): ValueFunction {
  const size = issueSize(issue);
  if (issue.kind === 'discrete' || rng.float() < 0.3)
    return { kind: 'table', values: Array.from({ length: size }, () => pick(rng, [0, 0.5, 1, rng.float()])) };
  const lo = issueNumberAt(issue, 0);
  const hi = issueNumberAt(issue, size - 1);
  const up = rng.float() < 0.5;
  return { kind: 'linear', x0: lo, y0: up ? 0 : 1, slope: (up ? 1 : -1) / (hi - lo) };
}

function randomLeaf(rng: Rng, issues: readonly Issue[]): Condition {
  const issue = pick(rng, issues);
  const size = issueSize(issue);
  if (issue.kind === 'discrete') {
    const some = issue.values.filter(() => rng.float() < 0.35);
    return { issue: issue.name, in: some.length > 0 ? some : [issue.values[0] as string] };
  }
  const x = issueNumberAt(issue, rng.int(0, size - 1));
  const op = pick(rng, ['below', 'above', 'atMost', 'atLeast'] as const);
  return { issue: issue.name, [op]: x };
}

function randomRedLine(rng: Rng, issues: readonly Issue[], id: string): RedLine {
  const r = rng.float();
  const forbid: Condition =
    r < 0.65 || issues.length < 2
      ? randomLeaf(rng, issues)
      : r < 0.85
        ? { all: [randomLeaf(rng, issues), randomLeaf(rng, issues)] }
        : { any: [randomLeaf(rng, issues), randomLeaf(rng, issues)] };
  return { id, forbid };
}

/** A random additive scenario with red lines (no record). */
export function fixtureScenario(rng: Rng, shape: FixtureShape = {}): Scenario {
  const nIssues = shape.issues ?? rng.int(1, 4);
  const maxValues = shape.values ?? 4;
  const issues = Array.from({ length: nIssues }, (_, i) => randomIssue(rng, i, maxValues));
  const nParties = shape.parties ?? rng.int(2, 4);
  const parties: Party[] = Array.from({ length: nParties }, (_, p) => ({
    name: `P${p}`,
    role: 'principal',
    utility: {
      kind: 'linear-additive',
      weights: issues.map(() => pick(rng, [0.5, rng.float() + 0.05])),
      values: issues.map((issue) => randomValue(rng, issue)),
    },
    reservationValue: pick(rng, [0, 0.2, 0.4, rng.float() * 0.8]),
    redLines: Array.from({ length: rng.int(0, shape.redLines ?? 2) }, (_, r) =>
      randomRedLine(rng, issues, `P${p}-r${r}`),
    ),
  }));
  return { name: 'fixture', issues, parties };
}

/** A random draft fixing about half of the issues. */
export function fixtureDraft(rng: Rng, scenario: Scenario, name = 'draft'): Draft {
  const sets: Record<string, string | number> = {};
  for (const issue of scenario.issues)
    if (rng.float() < 0.5) {
      const v = rng.int(0, issueSize(issue) - 1);
      sets[issue.name] = issue.kind === 'discrete' ? (issue.values[v] as string) : issueNumberAt(issue, v);
    }
  const entries = Object.entries(sets);
  const half = Math.ceil(entries.length / 2);
  return {
    name,
    drafters: [],
    pointCount: 3,
    evidence: [],
    points: [
      {
        number: 1,
        title: 'first',
        sets: Object.fromEntries(entries.slice(0, half)),
        detailed: true,
        evidence: [],
      },
      {
        number: 2,
        title: 'second',
        sets: Object.fromEntries(entries.slice(half)),
        detailed: true,
        evidence: [],
      },
      { number: 3, title: 'unknown', detailed: false, evidence: [] },
    ],
  };
}

/** A scenario with a record: uncertain reservations, red-line activity, a lever and two drafts. */
export function fixtureWithRecord(rng: Rng, shape: FixtureShape = {}): Scenario {
  const s = fixtureScenario(rng, shape);
  const assumptions: Assumption[] = [];
  for (const p of s.parties) {
    const r = p.reservationValue;
    assumptions.push({
      id: `${p.name}-res`,
      parameter: `${p.name}.reservation`,
      value: r,
      distribution:
        rng.float() < 0.5
          ? { kind: 'uniform', min: Math.max(0, r - 0.2), max: r + 0.2 }
          : { kind: 'triangular', min: Math.max(0, r - 0.2), mode: r, max: r + 0.1 },
      rationale: 'test',
    });
    const u = p.utility as { weights: readonly number[]; values: readonly ValueFunction[] };
    const i = rng.int(0, s.issues.length - 1);
    const issue = s.issues[i] as Issue;
    const w = u.weights[i] as number;
    assumptions.push({
      id: `${p.name}-w`,
      parameter: `${p.name}.weights.${issue.name}`,
      value: w,
      distribution: { kind: 'uniform', min: w / 2, max: w * 1.5 },
      rationale: 'test',
    });
    if (issue.kind === 'discrete' && u.values[i]?.kind === 'table')
      assumptions.push({
        id: `${p.name}-v`,
        parameter: `${p.name}.values.${issue.name}.${issue.values[0]}`,
        value: 0.5,
        distribution: { kind: 'uniform', min: 0, max: 1 },
        rationale: 'test',
      });
    for (const red of p.redLines) {
      const f = red.forbid;
      const numeric = 'issue' in f ? s.issues.find((x) => x.name === f.issue) : undefined;
      if ('issue' in f && numeric && numeric.kind !== 'discrete')
        for (const bound of ['below', 'above', 'atMost', 'atLeast'] as const) {
          const b = f[bound];
          if (b === undefined) continue;
          assumptions.push({
            id: `${red.id}-${bound}`,
            parameter: `${p.name}.redLines.${red.id}.${bound}`,
            value: b,
            distribution: { kind: 'uniform', min: numeric.min, max: numeric.max },
            rationale: 'test',
          });
        }
      assumptions.push({
        id: `${red.id}-active`,
        parameter: `${p.name}.redLines.${red.id}.active`,
        value: 1,
        distribution: { kind: 'bernoulli', p: 0.6 },
        rationale: 'test',
      });
    }
  }
  const first = s.parties[0] as Party;
  assumptions.push({
    id: 'pressure-size',
    parameter: 'levers.pressure.effects.0.perUnit',
    value: -0.1,
    distribution: { kind: 'uniform', min: -0.15, max: -0.05 },
    rationale: 'effect size of pressure',
  });
  const levers: Lever[] = [
    {
      id: 'pressure',
      name: 'Pressure',
      levels: { none: 0, some: 1, high: 2 },
      baseline: 'none',
      effects: [
        {
          parameter: `${first.name}.reservation`,
          perUnit: -0.1,
          assumption: 'pressure-size',
          rationale: 't',
        },
        { parameter: `${(s.parties[1] as Party).name}.reservation`, perUnit: 0.05, rationale: 't' },
      ],
    },
  ];
  const record: NegotiationRecord = {
    sources: [],
    evidence: [],
    assumptions,
    drafts: [fixtureDraft(rng, s, 'first'), fixtureDraft(rng, s, 'second')],
    events: [],
    levers,
  };
  return { ...s, record };
}

/** Every outcome with the given issues fixed (-1 = open). */
export function forEachCompletion(
  problem: AnalysisProblem,
  fixed: readonly number[],
  fn: (o: Outcome) => void,
): void {
  forEachOutcome(problem.space, (o) => {
    for (let i = 0; i < o.length; i++) if ((fixed[i] as number) >= 0 && o[i] !== fixed[i]) return;
    fn(o);
  });
}

/** Whether the agreement zone is non-empty, by enumeration. */
export function zoneExistsBrute(scenario: Scenario | AnalysisProblem, fixed?: readonly number[]): boolean {
  const problem = prepareProblem(scenario);
  let found = false;
  forEachCompletion(problem, fixed ?? problem.space.sizes.map(() => -1), (o) => {
    if (!found && inZone(problem, o)) found = true;
  });
  return found;
}

/** Largest Nash product Π(u_i − r_i) over the zone, by enumeration (undefined: empty zone). */
export function nashBrute(scenario: Scenario): number | undefined {
  const problem = prepareProblem(scenario);
  let best: number | undefined;
  forEachOutcome(problem.space, (o) => {
    if (!inZone(problem, o)) return;
    let v = 1;
    for (const p of problem.parties) v *= p.compiled.evaluate(o) - p.reservation;
    if (best === undefined || v > best) best = v;
  });
  return best;
}

/** Largest min gain over completions crossing no red line (undefined: none). */
export function maxMinBrute(scenario: Scenario, fixed: readonly number[]): number | undefined {
  return maxMinTotalBrute(scenario, fixed)?.[0];
}

/** Largest min gain, and the largest total gain among completions within 1e-12 of it. */
export function maxMinTotalBrute(scenario: Scenario, fixed: readonly number[]): [number, number] | undefined {
  const problem = prepareProblem(scenario);
  const rows: [number, number][] = [];
  forEachCompletion(problem, fixed, (o) => {
    if (problem.redLines.some((r) => r.condition.test(o))) return;
    const gains = problem.parties.map((p) => p.compiled.evaluate(o) - p.reservation);
    rows.push([Math.min(...gains), gains.reduce((a, b) => a + b, 0)]);
  });
  if (rows.length === 0) return undefined;
  const best = Math.max(...rows.map((r) => r[0]));
  return [best, Math.max(...rows.filter((r) => r[0] >= best - 1e-12).map((r) => r[1]))];
}

/** Fewest red lines any completion crosses. */
export function fewestCrossedBrute(scenario: Scenario, fixed: readonly number[]): number {
  const problem = prepareProblem(scenario);
  let best = Number.POSITIVE_INFINITY;
  forEachCompletion(problem, fixed, (o) => {
    best = Math.min(best, problem.redLines.filter((r) => r.condition.test(o)).length);
  });
  return best;
}

/** Largest utility of `party` over outcomes crossing no red line where every other party reaches its reservation. */
export function maxUtilityBrute(scenario: Scenario, party: number): number | undefined {
  const problem = prepareProblem(scenario);
  let best: number | undefined;
  forEachOutcome(problem.space, (o) => {
    if (problem.redLines.some((r) => r.condition.test(o))) return;
    if (problem.parties.some((p, i) => i !== party && !(p.compiled.evaluate(o) >= p.reservation))) return;
    const v = (problem.parties[party] as { compiled: { evaluate(o: Outcome): number } }).compiled.evaluate(o);
    if (best === undefined || v > best) best = v;
  });
  return best;
}
