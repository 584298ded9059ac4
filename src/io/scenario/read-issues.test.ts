import { describe, expect, it } from 'vitest';
import { formatPath } from '../../core/errors.js';
import { parseScenario } from './parse.js';

const y = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Lines 1–2 are `name` and `issues:`; the test's issues start on line 3. */
const withIssues = (...issues: string[]) =>
  y(
    'name: Test',
    'issues:',
    ...issues,
    'parties:',
    '  - { name: A, role: mediator }',
    '  - { name: B, role: mediator }',
  );

function problems(text: string): string[] {
  const r = parseScenario(text, 't.yaml');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${formatPath(p.path ?? [])}: ${p.message}`);
}
function warnings(text: string): string[] {
  const r = parseScenario(text, 't.yaml');
  if (!r.ok) throw new Error(`expected a valid file, got ${r.problems.map((p) => p.message).join('; ')}`);
  return (r.warnings ?? []).map((p) => `${p.line}:${p.column} ${formatPath(p.path ?? [])}: ${p.message}`);
}

describe('issues: discrete', () => {
  it('implies kind discrete from options and keeps the option order', () => {
    const r = parseScenario(
      withIssues('  - name: location', '    options: [remote, hybrid, office]'),
      't.yaml',
    );
    expect(r.ok && r.value.issues).toEqual([
      { kind: 'discrete', name: 'location', values: ['remote', 'hybrid', 'office'] },
    ]);
  });

  it('reports an issue with no options', () => {
    expect(problems(withIssues('  - name: location', '    options: []'))).toEqual([
      '4:14 issues[0].options: a discrete issue needs at least one option',
    ]);
  });

  it('reports a duplicate option at the duplicate, naming the first', () => {
    expect(problems(withIssues('  - name: location', '    options: [remote, hybrid, remote]'))).toEqual([
      '4:31 issues[0].options[2]: duplicate option "remote" of "location"; the first is at 4:15',
    ]);
  });

  it('reports an option that is not text, and an empty option name', () => {
    expect(problems(withIssues('  - name: year', '    options: [2025, ""]'))).toEqual([
      '4:15 issues[0].options[0]: expected text, got 2025',
      '4:21 issues[0].options[1]: an option name must not be empty',
    ]);
  });

  it('reports a misspelt key as a typo of the key it lacks', () => {
    expect(problems(withIssues('  - name: location', '    optons: [a, b]'))).toEqual([
      '4:5 issues[0].optons: unknown key "optons"; did you mean "options"?',
    ]);
  });
});

describe('issues: names', () => {
  it('reports a duplicate issue name at the second, naming the first', () => {
    expect(
      problems(
        withIssues('  - name: location', '    options: [a]', '  - name: location', '    options: [b]'),
      ),
    ).toEqual(['5:11 issues[1].name: duplicate issue name "location"; the first is at 3:11']);
  });

  it('reports a missing or empty name', () => {
    expect(problems(withIssues('  - options: [a]', '  - name: ""', '    options: [b]'))).toEqual([
      '3:5 issues[0].name: missing required key "name"',
      '4:11 issues[1].name: must not be empty',
    ]);
  });
});

describe('issues: integer', () => {
  it('builds an integer range with its step and unit', () => {
    const r = parseScenario(
      withIssues(
        '  - name: salary',
        '    kind: integer',
        '    min: 50000',
        '    max: 90000',
        '    step: 5000',
        '    unit: EUR',
      ),
      't.yaml',
    );
    expect(r.ok && r.value.issues).toEqual([
      { kind: 'integer', name: 'salary', min: 50000, max: 90000, step: 5000, unit: 'EUR' },
    ]);
  });

  it('reports min > max at max', () => {
    expect(problems(withIssues('  - name: n', '    kind: integer', '    min: 10', '    max: 5'))).toEqual([
      '6:10 issues[0].max: max 5 is below min 10',
    ]);
  });

  it('reports a step of 0 or less', () => {
    expect(
      problems(withIssues('  - name: n', '    kind: integer', '    min: 1', '    max: 5', '    step: 0')),
    ).toEqual(['7:11 issues[0].step: must be greater than 0, got 0']);
    expect(
      problems(withIssues('  - name: n', '    kind: integer', '    min: 1', '    max: 5', '    step: -2')),
    ).toEqual(['7:11 issues[0].step: must be greater than 0, got -2']);
  });

  it('reports non-integer bounds and steps', () => {
    expect(
      problems(withIssues('  - name: n', '    kind: integer', '    min: 1.5', '    max: 5', '    step: 0.5')),
    ).toEqual([
      '5:10 issues[0].min: expected a whole number, got 1.5',
      '7:11 issues[0].step: expected a whole number, got 0.5',
    ]);
  });

  it('checks min > max even when another field is wrong', () => {
    expect(
      problems(withIssues('  - name: n', '    kind: integer', '    min: 9', '    max: 5', '    step: x')),
    ).toEqual([
      '6:10 issues[0].max: max 5 is below min 9',
      '7:11 issues[0].step: expected a number, got the text "x"',
    ]);
  });

  it('warns when max is not a whole number of steps from min', () => {
    expect(
      warnings(withIssues('  - name: n', '    kind: integer', '    min: 0', '    max: 10', '    step: 3')),
    ).toEqual([
      '6:10 issues[0].max: max 10 is not a whole number of steps of 3 from min 0; the largest value is 9',
    ]);
  });

  it('explains a range written without kind', () => {
    expect(problems(withIssues('  - name: n', '    min: 0', '    max: 10'))).toEqual([
      '3:5 issues[0].kind: missing required key "kind": a range needs kind: integer or kind: real (a discrete issue lists options)',
    ]);
  });

  it('reports an unknown kind with a suggestion', () => {
    expect(problems(withIssues('  - name: n', '    kind: integr', '    min: 0', '    max: 10'))).toEqual([
      '4:11 issues[0].kind: unknown kind "integr"; did you mean "integer"?',
    ]);
    expect(problems(withIssues('  - name: n', '    kind: 7', '    min: 0', '    max: 10'))).toEqual([
      '4:11 issues[0].kind: kind must be one of discrete, integer, real, got 7',
    ]);
  });
});

describe('issues: real', () => {
  it('builds a real range with its resolution', () => {
    const r = parseScenario(
      withIssues(
        '  - name: x',
        '    kind: real',
        '    min: 0',
        '    max: 1',
        '    resolution: 5',
        '    unit: "%"',
      ),
      't.yaml',
    );
    expect(r.ok && r.value.issues).toEqual([
      { kind: 'real', name: 'x', min: 0, max: 1, resolution: 5, unit: '%' },
    ]);
  });

  it('reports min > max', () => {
    expect(problems(withIssues('  - name: x', '    kind: real', '    min: 1', '    max: 0.5'))).toEqual([
      '6:10 issues[0].max: max 0.5 is below min 1',
    ]);
  });

  it('reports a resolution below 2 and keys that belong to other kinds', () => {
    expect(
      problems(
        withIssues(
          '  - name: x',
          '    kind: real',
          '    min: 0',
          '    max: 1',
          '    resolution: 1',
          '    step: 1',
        ),
      ),
    ).toEqual([
      '7:17 issues[0].resolution: must be at least 2, got 1',
      '8:5 issues[0].step: unknown key "step"; the keys allowed here are name, kind, description, min, max, resolution, unit',
    ]);
  });

  it('reports an infinite bound', () => {
    expect(problems(withIssues('  - name: x', '    kind: real', '    min: 0', '    max: .inf'))).toEqual([
      '6:10 issues[0].max: expected a number, got .inf (infinity)',
    ]);
  });
});
