import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/errors.js';
import { parseScenario } from './parse.js';
import { scenarioToYaml } from './write.js';

const MODEL = `name: t
issues:
  - name: cap
    kind: integer
    min: 0
    max: 10
  - name: status
    options: [a, b]
parties:
  - name: East
    weights: { cap: 1, status: 1 }
    values:
      cap: { linear: { from: [0, 1], to: [10, 0] } }
      status: { a: 1, b: 0 }
    redLines:
      - id: east-b
        forbid: { issue: status, in: [b] }
  - name: West
    values:
      cap: { linear: { from: [0, 0], to: [10, 1] } }
      status: { a: 0, b: 1 }
    redLines:
      - id: west-low
        forbid: { issue: cap, below: 4 }
`;

const RECORD = `sources:
  - id: art
    title: An article
evidence:
  - id: q1
    kind: quote
    source: art
    locator: paragraph 2
    quote: We will not.
    speaker: A. Person
    supports: [East, east-b]
  - id: f1
    kind: fact
    source: art
    locator: paragraph 3
    fact: The cap proposed was eight.
    figures: ['8']
    supports: [cap]
assumptions:
  - id: a-res
    parameter: East.reservation
    value: 0.3
    distribution: { uniform: [0.1, 0.5] }
    rationale: a guess
    evidence: [q1]
  - id: a-red
    parameter: West.redLines.west-low.active
    distribution: { bernoulli: 0.7 }
    rationale: may be a bluff
drafts:
  - name: first
    drafters: [East]
    pointCount: 3
    evidence: [f1]
    points:
      - number: 1
        title: cap
        sets: { cap: 8 }
        detailed: true
        evidence: [f1]
  - name: second
    drafters: [East, West]
    revises: first
    pointCount: 2
    evidence: []
    points: []
events:
  - id: e1
    date: 2025-11-23
    title: talks
    parties: [East, West]
    evidence: [f1]
levers:
  - id: pressure
    name: Pressure
    levels: { none: 0, high: 1 }
    baseline: none
    effects:
      - parameter: East.reservation
        perUnit: -0.1
        rationale: pressure lowers the walk-away value
`;

const problems = (text: string) => {
  const r = parseScenario(text, 's.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
};

describe('record sections', () => {
  it('read into scenario.record, with defaults from the model', () => {
    const r = parseScenario(MODEL + RECORD, 's.yaml');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const rec = r.value.record!;
    expect(rec.evidence.map((e) => e.id)).toEqual(['q1', 'f1']);
    expect(rec.assumptions[0]).toMatchObject({
      value: 0.3,
      distribution: { kind: 'uniform', min: 0.1, max: 0.5 },
    });
    // No value given: the model's current value (a red line is active = 1).
    expect(rec.assumptions[1]).toMatchObject({ value: 1, distribution: { kind: 'bernoulli', p: 0.7 } });
    expect(rec.drafts[1]?.revises).toBe('first');
    expect(rec.levers[0]?.effects[0]?.perUnit).toBe(-0.1);
  });

  it('reports every broken reference at once, located', () => {
    const bad = RECORD.replace(
      'source: art\n    locator: paragraph 2',
      'source: artt\n    locator: paragraph 2',
    )
      .replace('supports: [cap]', 'supports: [capp]')
      .replace('parameter: East.reservation\n    value', 'parameter: Eats.reservation\n    value')
      .replace('sets: { cap: 8 }', 'sets: { cap: 11 }')
      .replace('revises: first', 'revises: frist')
      .replace('baseline: none', 'baseline: nil')
      .replace('evidence: [q1]', 'evidence: [q2]')
      .replace('distribution: { bernoulli: 0.7 }', 'distribution: { uniform: [0.9, 0.2] }');
    const p = problems(MODEL + bad);
    const has = (re: RegExp) =>
      expect(
        p.some((x) => re.test(x)),
        `${re} in\n${p.join('\n')}`,
      ).toBe(true);
    has(/^31:13 unknown source "artt"; did you mean "art"\?/);
    has(/unknown id "capp"; did you mean "cap"\?/);
    has(/"Eats.reservation" must start with a party name \(East, West\); or levers/);
    has(/11 is not a value of "cap"/);
    has(/unknown draft "frist"; did you mean "first"\?/);
    has(/baseline "nil" is not one of the levels/);
    has(/unknown evidence id "q2"/);
    has(/uniform \[min, max\] needs min ≤ max/);
    expect(p.length).toBe(8);
  });

  it('a value outside its distribution is an error', () => {
    expect(problems(MODEL + RECORD.replace('value: 0.3', 'value: 0.9'))).toEqual([
      expect.stringMatching(/value 0.9 lies outside the distribution's range \[0.1, 0.5\]/),
    ]);
  });

  it('round-trips through the writer', () => {
    const r = parseScenario(MODEL + RECORD, 's.yaml');
    if (!r.ok) throw new Error('fixture');
    const again = parseScenario(scenarioToYaml(r.value), 'w.yaml');
    if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
    expect(again.value.record).toEqual(r.value.record);
  });
});
