import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/errors.js';
import { createRng, type Rng } from '../../core/rng.js';
import type { Party, PartyRole } from '../../model/party.js';
import type { Scenario } from '../../model/scenario.js';
import { type Issue, issueSize, issueValueAt } from '../../outcomes/issue.js';
import { createSpace, forEachOutcome } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';
import type { Condition, RedLine } from '../../preferences/red-line.js';
import type { UtilityFunction } from '../../preferences/utility.js';
import type { ValueFunction } from '../../preferences/value-function.js';
import { parseScenario } from './parse.js';
import { scenarioToYaml } from './write.js';

// Names that YAML would misread if written bare: the writer must quote them.
const TRICKY = [
  'yes',
  'null',
  '1',
  '0x1F',
  '1e3',
  '.inf',
  'a: b',
  '#x',
  ' lead',
  'x, y',
  '[z]',
  'ü',
  '-',
  'true',
  '~',
  '"q"',
  "'s'",
  '@at',
  'a\nb',
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function names(rng: Rng, n: number, prefix: string): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(rng.float() < 0.3 ? pick(rng, TRICKY) : `${prefix}${out.size + 1}`);
  return [...out];
}

function randomIssue(rng: Rng, name: string): Issue {
  const description = rng.float() < 0.3 ? { description: pick(rng, TRICKY) } : {};
  const k = rng.int(0, 2);
  if (k === 0) return { kind: 'discrete', name, values: names(rng, rng.int(1, 4), 'o'), ...description };
  if (k === 1) {
    const step = rng.int(1, 5);
    const min = rng.int(-100, 100);
    const max = min + step * rng.int(0, 5) + (rng.float() < 0.2 ? rng.int(0, step - 1) : 0);
    return {
      kind: 'integer',
      name,
      min,
      max,
      ...(step !== 1 || rng.float() < 0.5 ? { step } : {}),
      ...description,
    };
  }
  const min = (rng.float() - 0.5) * 1000;
  const max = rng.float() < 0.1 ? min : min + rng.float() * 100;
  return {
    kind: 'real',
    name,
    min,
    max,
    ...(rng.float() < 0.6 ? { resolution: rng.int(2, 6) } : {}),
    ...(rng.float() < 0.3 ? { unit: '%' } : {}),
    ...description,
  };
}

function randomValue(rng: Rng, issue: Issue): ValueFunction {
  const size = issueSize(issue);
  const table = (): ValueFunction => ({
    kind: 'table',
    values: Array.from({ length: rng.float() < 0.2 ? rng.int(0, size) : size }, () => rng.float()),
  });
  if (issue.kind === 'discrete')
    return rng.float() < 0.85 ? table() : { kind: 'linear', x0: 0, y0: 1, slope: -0.25 };
  const lo = issue.min;
  const hi = issue.max;
  switch (rng.int(0, 3)) {
    case 0:
      return table();
    case 1:
      return {
        kind: 'linear',
        x0: rng.float() < 0.5 ? lo : round(lo + rng.float() * (hi - lo + 1)),
        y0: rng.float(),
        slope: (rng.float() - 0.5) / Math.max(1, hi - lo),
        ...(rng.float() < 0.3 ? { clampMin: 0.2 } : {}),
        ...(rng.float() < 0.3 ? { clampMax: 0.8 } : {}),
      };
    case 2: {
      const xs = Array.from({ length: rng.int(1, 4) }, () => lo + rng.float() * (hi - lo + 2) - 1).sort(
        (a, b) => a - b,
      );
      return { kind: 'piecewise', points: xs.map((x) => [x, rng.float()] as const) };
    }
    default:
      return { kind: 'linear', x0: 0, y0: 0, slope: rng.float() };
  }
}

function randomUtility(rng: Rng, issues: readonly Issue[]): UtilityFunction {
  if (rng.float() < 0.2) {
    const rectangles = Array.from({ length: rng.int(0, 4) }, () => ({
      utility: round(rng.float() * 10),
      bounds: issues.flatMap((issue, i) => {
        if (rng.float() < 0.4) return [];
        const a = rng.int(0, issueSize(issue) - 1);
        const b = rng.int(a, issueSize(issue) - 1);
        return [{ issue: i, min: a, max: b }];
      }),
    }));
    return {
      kind: 'hyperrectangle',
      rectangles,
      ...(rng.float() < 0.5 ? { scale: 1 + rng.float() * 9 } : {}),
      ...(rng.float() < 0.3 ? { cap: 1 } : {}),
    };
  }
  const raw = issues.map(() => (rng.float() < 0.15 ? 0 : rng.float()));
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  // Mostly normalised (as GENIUS and the reader make them); sometimes raw (GENIUS files as given).
  const weights = rng.float() < 0.75 ? raw.map((w) => w / sum) : raw;
  return { kind: 'linear-additive', weights, values: issues.map((issue) => randomValue(rng, issue)) };
}

function randomCondition(rng: Rng, issues: readonly Issue[], depth: number): Condition {
  if (depth > 0 && rng.float() < 0.35) {
    const k = rng.int(0, 2);
    if (k === 0) return { not: randomCondition(rng, issues, depth - 1) };
    const parts = Array.from({ length: rng.int(1, 3) }, () => randomCondition(rng, issues, depth - 1));
    return k === 1 ? { all: parts } : { any: parts };
  }
  const issue = pick(rng, issues);
  const values = Array.from({ length: issueSize(issue) }, (_, i) => issueValueAt(issue, i)).filter(
    () => rng.float() < 0.5,
  );
  if (issue.kind === 'discrete' || rng.float() < 0.3)
    return rng.float() < 0.5 ? { issue: issue.name, in: values } : { issue: issue.name, notIn: values };
  const x = round(issue.min + rng.float() * (issue.max - issue.min));
  return pick(rng, [
    { issue: issue.name, below: x },
    { issue: issue.name, above: x },
    { issue: issue.name, atMost: x, atLeast: issue.min },
  ]);
}

function randomScenario(rng: Rng): Scenario {
  const issueNames = names(rng, rng.int(1, 4), 'issue ');
  const issues = issueNames.map((n) => randomIssue(rng, n));
  let ids = 0;
  const parties: Party[] = names(rng, rng.int(2, 3), 'P').map((name) => {
    const redLines: RedLine[] = Array.from({ length: rng.int(0, 2) }, () => ({
      id: `r${++ids}`,
      ...(rng.float() < 0.5 ? { description: pick(rng, TRICKY) } : {}),
      forbid: randomCondition(rng, issues, 2),
    }));
    return {
      name,
      role: pick<PartyRole>(rng, ['principal', 'mediator', 'stakeholder']),
      utility: randomUtility(rng, issues),
      reservationValue: rng.float() < 0.2 ? 0 : rng.float(),
      ...(rng.float() < 0.3 ? { discountFactor: 0.5 + rng.float() / 2 } : {}),
      ...(rng.float() < 0.3 ? { description: pick(rng, TRICKY) } : {}),
      redLines,
    };
  });
  return { name: pick(rng, [...TRICKY, 'Random']), issues, parties };
}

describe('scenarioToYaml', () => {
  it('round-trips random scenarios: same issues, utilities on every outcome, reservations and red lines', () => {
    const rng = createRng(20250611);
    let outcomes = 0;
    for (let n = 0; n < 300; n++) {
      const s = randomScenario(rng.split());
      const text = scenarioToYaml(s);
      const r = parseScenario(text, 'written.yaml');
      if (!r.ok)
        assert.fail(`scenario ${n} did not read back:\n${r.problems.map(formatProblem).join('\n')}\n${text}`);
      const back = r.value;
      assert.deepEqual(back.issues, s.issues);
      assert.equal(back.name, s.name);
      const space = createSpace(s.issues);
      s.parties.forEach((p, j) => {
        const q = back.parties[j] as Party;
        assert.equal(q.name, p.name);
        assert.equal(q.role, p.role);
        assert.equal(q.reservationValue, p.reservationValue);
        assert.equal(q.discountFactor, p.discountFactor);
        assert.equal(q.description, p.description);
        assert.deepEqual(q.redLines, p.redLines);
        const a = compileUtility(space, p.utility);
        const b = compileUtility(space, q.utility);
        forEachOutcome(space, (o) => {
          outcomes++;
          const ua = a.evaluate(o);
          const ub = b.evaluate(o);
          if (ua !== ub)
            assert.fail(`scenario ${n}, ${p.name}, outcome ${o.join(',')}: ${ua} ≠ ${ub}\n${text}`);
        });
      });
    }
    expect(outcomes).toBeGreaterThan(10_000);
  });

  it('writes a readable file: flow lists, implied discrete kind, two-point lines', () => {
    const s: Scenario = {
      name: 'Job offer',
      issues: [
        { kind: 'integer', name: 'salary', min: 50000, max: 90000, step: 5000 },
        { kind: 'discrete', name: 'location', values: ['remote', 'office'] },
      ],
      parties: ['A', 'B'].map((name, i) => ({
        name,
        role: 'principal' as const,
        reservationValue: 0.4,
        redLines: i === 0 ? [{ id: 'min', forbid: { issue: 'salary', below: 60000 } }] : [],
        utility: {
          kind: 'linear-additive' as const,
          weights: [0.5, 0.5],
          values: [
            { kind: 'linear' as const, x0: 50000, y0: i, slope: (i === 0 ? 1 : -1) / 40000 },
            { kind: 'table' as const, values: [1 - i, i] },
          ],
        },
      })),
    };
    expect(scenarioToYaml(s)).toBe(
      [
        '# Concord scenario (format: docs/scenario-format.md)',
        '',
        'name: Job offer',
        'issues:',
        '  - name: salary',
        '    kind: integer',
        '    min: 50000',
        '    max: 90000',
        '    step: 5000',
        '  - name: location',
        '    options: [remote, office]',
        'parties:',
        '  - name: A',
        '    role: principal',
        '    reservation: 0.4',
        '    values:',
        '      salary: {linear: {from: [50000, 0], to: [90000, 1]}}',
        '      location: {remote: 1, office: 0}',
        '    weights: {salary: 0.5, location: 0.5}',
        '    redLines:',
        '      - id: min',
        '        forbid: {issue: salary, below: 60000}',
        '  - name: B',
        '    role: principal',
        '    reservation: 0.4',
        '    values:',
        '      salary: {linear: {from: [50000, 1], to: [90000, 0]}}',
        '      location: {remote: 0, office: 1}',
        '    weights: {salary: 0.5, location: 0.5}',
        '',
      ].join('\n'),
    );
  });

  it('marks weights that do not sum to 1 with normalizeWeights: false, and leaves out indifference', () => {
    const issues: Issue[] = [{ kind: 'discrete', name: 'x', values: ['a', 'b'] }];
    const party = (name: string, weights: number[]): Party => ({
      name,
      role: 'principal',
      reservationValue: 0,
      redLines: [],
      utility: { kind: 'linear-additive', weights, values: [{ kind: 'table', values: [0, 1] }] },
    });
    const text = scenarioToYaml({ name: 's', issues, parties: [party('A', [0.8]), party('B', [0])] });
    expect(text).toContain('    weights: {x: 0.8}\n    normalizeWeights: false\n');
    expect(text).toContain('  - name: B\n    role: principal\n    reservation: 0\n');
    expect(text).not.toContain('weights: {x: 0}');
  });
});
