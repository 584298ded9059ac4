import { describe, expect, it } from 'vitest';
import { scenarioProblems, yamlLines } from '../../../test/support/scenario-problems.js';
import { parseScenario } from './parse.js';

const y = yamlLines;

/** Lines 1–13: salary (50000..90000 step 5000), location (remote, hybrid, office), party A up to `redLines:`. */
const HEAD = [
  'name: Job offer',
  'issues:',
  '  - name: salary',
  '    kind: integer',
  '    min: 50000',
  '    max: 90000',
  '    step: 5000',
  '  - name: location',
  '    options: [remote, hybrid, office]',
  'parties:',
  '  - name: A',
  '    values: { location: { remote: 1, hybrid: 0.5, office: 0 } }',
  '    redLines:',
];
const OTHER = ['  - name: B', '    values: { location: { remote: 0, hybrid: 0.5, office: 1 } }'];
/** The test's red lines start on line 14. */
const withRedLines = (...lines: string[]) => y(...HEAD, ...lines, ...OTHER);

const problems = scenarioProblems;

describe('red lines', () => {
  it('builds leaf and combined conditions', () => {
    const r = parseScenario(
      withRedLines(
        '      - id: min-salary',
        '        description: never below 60,000',
        '        forbid: { issue: salary, below: 60000 }',
        '      - id: no-office-cheap',
        '        forbid:',
        '          all:',
        '            - { issue: location, in: [office] }',
        '            - any: [{ issue: salary, atMost: 70000 }, { not: { issue: salary, notIn: [80000, 85000] } }]',
      ),
      't.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parties[0]?.redLines).toEqual([
      { id: 'min-salary', description: 'never below 60,000', forbid: { issue: 'salary', below: 60000 } },
      {
        id: 'no-office-cheap',
        forbid: {
          all: [
            { issue: 'location', in: ['office'] },
            {
              any: [{ issue: 'salary', atMost: 70000 }, { not: { issue: 'salary', notIn: [80000, 85000] } }],
            },
          ],
        },
      },
    ]);
  });

  it('reports an unknown issue, deep inside combinations too', () => {
    expect(
      problems(
        withRedLines(
          '      - id: r1',
          '        forbid: { issue: salry, below: 60000 }',
          '      - id: r2',
          '        forbid: { all: [{ issue: location, in: [office] }, { not: { issue: pay, above: 1 } }] }',
        ),
      ),
    ).toEqual([
      '15:26 parties[0].redLines[0].forbid.issue: unknown issue "salry"; did you mean "salary"?',
      '17:76 parties[0].redLines[1].forbid.all[1].not.issue: unknown issue "pay"; the issues are salary, location',
    ]);
  });

  it('reports options that do not exist in in and notIn', () => {
    expect(
      problems(
        withRedLines(
          '      - id: r1',
          '        forbid: { issue: location, in: [ofice, remote] }',
          '      - id: r2',
          '        forbid: { issue: location, notIn: [home] }',
        ),
      ),
    ).toEqual([
      '15:41 parties[0].redLines[0].forbid.in[0]: unknown option "ofice" of "location"; did you mean "office"?',
      '17:44 parties[0].redLines[1].forbid.notIn[0]: unknown option "home" of "location" (options: remote, hybrid, office)',
    ]);
  });

  it('reports numeric values off the grid and text for a numeric issue', () => {
    expect(
      problems(withRedLines('      - id: r1', '        forbid: { issue: salary, in: [55000, 57500, high] }')),
    ).toEqual([
      '15:46 parties[0].redLines[0].forbid.in[1]: 57500 is not a value of "salary" (50000 to 90000 in steps of 5000)',
      '15:53 parties[0].redLines[0].forbid.in[2]: "salary" is numeric: expected a number, got the text "high"',
    ]);
  });

  it('reports numeric bounds on a discrete issue at each bound', () => {
    expect(
      problems(withRedLines('      - id: r1', '        forbid: { issue: location, below: 2, atLeast: 1 }')),
    ).toEqual([
      '15:36 parties[0].redLines[0].forbid.below: below needs a numeric issue; "location" is discrete: use in or notIn',
      '15:46 parties[0].redLines[0].forbid.atLeast: atLeast needs a numeric issue; "location" is discrete: use in or notIn',
    ]);
  });

  it('reports a condition that says nothing, and an empty all', () => {
    expect(
      problems(
        withRedLines(
          '      - id: r1',
          '        forbid: { issue: salary }',
          '      - id: r2',
          '        forbid: { all: [] }',
        ),
      ),
    ).toEqual([
      '15:17 parties[0].redLines[0].forbid: the condition on "salary" matches every outcome: add in, notIn, below, above, atMost or atLeast',
      '17:24 parties[0].redLines[1].forbid.all: all needs at least one condition',
    ]);
  });

  it('reports a misspelt condition key and a non-numeric bound', () => {
    expect(
      problems(
        withRedLines(
          '      - id: r1',
          '        forbid: { isue: salary, below: 60000 }',
          '      - id: r2',
          '        forbid: { issue: salary, blow: 60000 }',
          '      - id: r3',
          '        forbid: { issue: salary, below: lots }',
        ),
      ),
    ).toEqual([
      '15:19 parties[0].redLines[0].forbid.isue: unknown key "isue"; did you mean "issue"?',
      '17:34 parties[0].redLines[1].forbid.blow: unknown key "blow"; did you mean "below"?',
      '19:41 parties[0].redLines[2].forbid.below: expected a number, got the text "lots"',
    ]);
  });

  it('reports duplicate red-line ids, within a party and across parties', () => {
    const text = withRedLines(
      '      - id: r1',
      '        forbid: { issue: salary, below: 60000 }',
      '      - id: r1',
      '        forbid: { issue: salary, above: 85000 }',
    ).replace(
      '  - name: B\n',
      '  - name: B\n    redLines:\n      - { id: r1, forbid: { issue: location, in: [remote] } }\n',
    );
    expect(problems(text)).toEqual([
      '16:13 parties[0].redLines[1].id: duplicate red-line id "r1"; the first is at 14:13',
      '20:15 parties[1].redLines[0].id: duplicate red-line id "r1"; the first is at 14:13',
    ]);
  });

  it('reports a red line without id or forbid', () => {
    expect(problems(withRedLines('      - description: no id', '      - id: r2'))).toEqual([
      '14:9 parties[0].redLines[0].id: missing required key "id"',
      '14:9 parties[0].redLines[0].forbid: missing required key "forbid"',
      '15:9 parties[0].redLines[1].forbid: missing required key "forbid"',
    ]);
  });
});
