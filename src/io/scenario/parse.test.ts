import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem } from '../../core/errors.js';
import { parseScenario } from './parse.js';

const y = (...lines: string[]) => `${lines.join('\n')}\n`;

/** Every problem as `line:column path: message` (the whole list, so nothing extra slips by). */
function problems(text: string, file = 'job.yaml'): string[] {
  const r = parseScenario(text, file);
  if (r.ok) return [];
  return r.problems.map((p) => `${p.line}:${p.column} ${formatPath(p.path ?? [])}: ${p.message}`);
}

const VALID = y(
  'name: Job offer', // 1
  'issues:', // 2
  '  - name: salary', // 3
  '    kind: integer', // 4
  '    min: 50000', // 5
  '    max: 90000', // 6
  '    step: 5000', // 7
  '  - name: location', // 8
  '    options: [remote, hybrid, office]', // 9
  'parties:', // 10
  '  - name: Candidate', // 11
  '    reservation: 0.4', // 12
  '    values:', // 13
  '      salary: { linear: { from: [50000, 0], to: [90000, 1] } }', // 14
  '      location: { remote: 1, hybrid: 0.6, office: 0 }', // 15
  '    weights: { salary: 0.7, location: 0.3 }', // 16
  '  - name: Employer', // 17
  '    values:', // 18
  '      salary: { linear: { from: [50000, 1], to: [90000, 0] } }', // 19
  '      location: { remote: 0, hybrid: 0.5, office: 1 }', // 20
);

describe('parseScenario: a valid file', () => {
  it('builds the scenario with defaults (role principal, reservation 0, equal weights)', () => {
    const r = parseScenario(VALID, 'job.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toBeUndefined();
    const s = r.value;
    expect(s.name).toBe('Job offer');
    expect(s.source).toBe('job.yaml');
    expect(s.issues).toEqual([
      { kind: 'integer', name: 'salary', min: 50000, max: 90000, step: 5000 },
      { kind: 'discrete', name: 'location', values: ['remote', 'hybrid', 'office'] },
    ]);
    expect(s.parties.map((p) => [p.name, p.role, p.reservationValue])).toEqual([
      ['Candidate', 'principal', 0.4],
      ['Employer', 'principal', 0],
    ]);
    expect(s.parties[0]?.utility).toEqual({
      kind: 'linear-additive',
      weights: [0.7, 0.3],
      values: [
        { kind: 'linear', x0: 50000, y0: 0, slope: 1 / 40000 },
        { kind: 'table', values: [1, 0.6, 0] },
      ],
    });
    expect(s.parties[1]?.utility).toMatchObject({ weights: [0.5, 0.5] });
  });

  it('passes YAML warnings on (an unknown tag) and still reads the file', () => {
    const r = parseScenario(`description: !note remember\n${VALID}`, 'job.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.description).toBe('remember');
    expect(r.warnings?.map((w) => `${w.line}:${w.column} ${w.code}: ${w.message}`)).toEqual([
      '1:14 yaml-warning: Unresolved tag: !note',
    ]);
  });

  it('accepts a $schema key for editors', () => {
    expect(problems(`$schema: ../schema/scenario.schema.json\n${VALID}`)).toEqual([]);
  });

  it('reads JSON with the same positions logic', () => {
    const json = [
      '{',
      '  "name": "Job offer",',
      '  "issues": [',
      '    { "name": "salary", "kind": "integer", "min": 50000, "max": 90000, "step": 5000 },',
      '    { "name": "location", "options": ["remote", "hybrid", "office"] }',
      '  ],',
      '  "parties": [',
      '    { "name": "Candidate", "values": { "salary": { "linear": { "from": [50000, 0], "to": [90000, 1] } } } },',
      '    { "name": "Employer", "values": { "locaton": { "remote": 0, "hybrid": 0.5, "office": 1 } } }',
      '  ]',
      '}',
    ].join('\n');
    expect(problems(json, 'job.json')).toEqual([
      '9:39 parties[1].values.locaton: unknown issue "locaton"; did you mean "location"?',
    ]);
    const r = parseScenario(json.replace('locaton', 'location'), 'job.json');
    expect(r.ok).toBe(true);
  });
});

describe('parseScenario: YAML syntax', () => {
  it('reports a syntax error with its position and stops there', () => {
    const text = VALID.replace('options: [remote, hybrid, office]', 'options: [remote, hybrid, office');
    const r = parseScenario(text, 'job.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.code === 'yaml-syntax' && p.file === 'job.yaml')).toBe(true);
    expect(r.problems[0]).toMatchObject({ line: 10, column: 1 });
    expect(r.problems[0]?.message).toMatch(/flow sequence/i);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const text = VALID.replace(
      '    weights: { salary: 0.7, location: 0.3 }',
      '    weights: { salary: 0.7, salary: 0.3 }',
    );
    expect(problems(text)).toEqual(['16:29 : duplicate key "salary"']);
  });

  it('reports tabs used as indentation', () => {
    expect(problems('name: x\nissues:\n\t- name: a\n')).toEqual([
      '3:1 : Tabs are not allowed as indentation',
    ]);
  });

  it('reports several documents in one file', () => {
    expect(problems(`${VALID}---\nname: other\n`)).toEqual([
      '21:1 : Source contains multiple documents; please use YAML.parseAllDocuments()',
    ]);
  });

  it('reports an alias without its anchor at the alias', () => {
    expect(problems(VALID.replace('reservation: 0.4', 'reservation: *low'))).toEqual([
      '12:18 : unknown alias *low: no anchor &low before it',
    ]);
  });

  it('reports an empty file at 1:1', () => {
    expect(problems('')).toEqual(['1:1 : the file is empty; a scenario needs name, issues and parties']);
    expect(problems('# only a comment\n')).toEqual([
      '1:1 : the file is empty; a scenario needs name, issues and parties',
    ]);
  });
});

describe('parseScenario: top level', () => {
  it('reports a file that is not a mapping', () => {
    expect(problems('- a\n- b\n')).toEqual(['1:1 : expected a mapping, got a list']);
  });

  it('reports unknown top-level keys at the key, with a suggestion when one is close', () => {
    expect(problems(`${VALID}descripton: x\nweather: []\n`)).toEqual([
      '21:1 descripton: unknown key "descripton"; did you mean "description"?',
      '22:1 weather: unknown key "weather"; the keys allowed here are $schema, name, description, issues, parties, constraints, sources, evidence, assumptions, drafts, events, levers, …',
    ]);
  });

  it('reports missing required sections at the start of the file', () => {
    expect(problems('description: nothing else\n')).toEqual([
      '1:1 name: missing required key "name"',
      '1:1 issues: missing required key "issues"',
      '1:1 parties: missing required key "parties"',
    ]);
  });

  it('reports fewer than 2 parties', () => {
    const one = VALID.split('\n').slice(0, 16).join('\n');
    expect(problems(`${one}\n`)).toEqual(['11:3 parties: a negotiation needs at least 2 parties, got 1']);
  });

  it('reports a scenario without issues', () => {
    expect(problems('name: x\nissues: []\nparties: []\n')).toEqual([
      '2:9 issues: a scenario needs at least one issue',
      '3:10 parties: a negotiation needs at least 2 parties, got 0',
    ]);
  });

  it('reports an empty value where a section should be, at its key', () => {
    expect(problems('name: x\nissues:\nparties:\n')).toEqual([
      '2:1 issues: expected a list, got an empty value',
      '3:1 parties: expected a list, got an empty value',
    ]);
  });
});

describe('parseScenario: every problem at once', () => {
  it('reports all the mistakes in one file, sorted by position', () => {
    const text = y(
      'name: Job offer', // 1
      'descripton: typo', // 2
      'issues:', // 3
      '  - name: salary', // 4
      '    kind: integer', // 5
      '    min: 90000', // 6
      '    max: 50000', // 7
      '    step: 0', // 8
      '  - name: location', // 9
      '    options: [remote, hybrid, remote]', // 10
      '  - name: location', // 11
      '    options: []', // 12
      '  - name: size', // 13
      '    kind: real', // 14
      '    min: 0', // 15
      '    max: 10', // 16
      'parties:', // 17
      '  - name: Candidate', // 18
      '    role: principl', // 19
      '    reservation: .nan', // 20
      '    weights: { salry: 0.7, location: -1, size: 0.3 }', // 21
      '    values:', // 22
      '      location: { remote: 1, hybrd: 0.6 }', // 23
      '      size: { piecewise: [[0, 0], [3, 1], [2, 0.5]] }', // 24
      '    redLines:', // 25
      '      - id: r1', // 26
      '        forbid: { issue: location, below: 3 }', // 27
      '      - id: r1', // 28
      '        forbid: { issue: size, in: [ofice] }', // 29
      '  - name: Candidate', // 30
      '    values: { size: { linear: { from: [0, 1] } } }', // 31
    );
    expect(problems(text)).toEqual([
      '2:1 descripton: unknown key "descripton"; did you mean "description"?',
      '7:10 issues[0].max: max 50000 is below min 90000',
      '8:11 issues[0].step: must be greater than 0, got 0',
      '10:31 issues[1].options[2]: duplicate option "remote" of "location"; the first is at 10:15',
      '11:11 issues[2].name: duplicate issue name "location"; the first is at 9:11',
      '12:14 issues[2].options: a discrete issue needs at least one option',
      '19:11 parties[0].role: unknown value "principl"; did you mean "principal"?',
      '20:18 parties[0].reservation: expected a number, got .nan (not a number)',
      '21:16 parties[0].weights.salry: unknown issue "salry"; did you mean "salary"?',
      '21:38 parties[0].weights.location: must be at least 0, got -1',
      '23:30 parties[0].values.location.hybrd: unknown option "hybrd" of "location"; did you mean "hybrid"?',
      '24:43 parties[0].values.size.piecewise[2]: points must be sorted by x: 2 comes after 3',
      '27:36 parties[0].redLines[0].forbid.below: below needs a numeric issue; "location" is discrete: use in or notIn',
      '28:13 parties[0].redLines[1].id: duplicate red-line id "r1"; the first is at 26:13',
      '29:37 parties[0].redLines[1].forbid.in[0]: "size" is numeric: expected a number, got the text "ofice"',
      '30:11 parties[1].name: duplicate party name "Candidate"; the first is at 18:11',
      '31:23 parties[1].values.size.linear: linear needs to (a second point) or slope',
    ]);
  });

  it('formats a problem as file:line:column: message (at path)', () => {
    const text = VALID.replace('weights: { salary: 0.7', 'weights: { salry: 0.7');
    const r = parseScenario(text, 'job.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'job.yaml:14:7: no weight for "salary"; add it to weights (0 to ignore it) (at parties[0].values.salary)',
      'job.yaml:16:16: unknown issue "salry"; did you mean "salary"? (at parties[0].weights.salry)',
    ]);
  });
});

describe('parseScenario: never throws', () => {
  it('returns problems for hostile input (alias bombs, odd keys, huge numbers)', () => {
    const bomb = y(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    );
    for (const text of [bomb, '__proto__: {}\n', 'name: 1e400\n', '? [a, b]\n: c\n', '!!binary x: 1\n']) {
      const r = parseScenario(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.some((p) => p.code === 'internal-error')).toBe(false);
      for (const p of r.problems)
        expect([p.line, p.column].every((n) => n !== undefined && Number.isInteger(n) && n > 0)).toBe(true);
    }
  });
});
