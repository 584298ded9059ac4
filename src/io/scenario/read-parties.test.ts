import { describe, expect, it } from 'vitest';
import { formatLocated, scenarioProblems, yamlLines } from '../../../test/support/scenario-problems.js';
import type { Party } from '../../model/party.js';
import type { UtilityFunction } from '../../preferences/utility.js';
import { parseScenario } from './parse.js';

const y = yamlLines;

/** Lines 1–10 declare salary (50000..90000 step 5000), location (remote, hybrid, office) and `parties:`. */
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
];
const OTHER = ['  - name: Employer', '    values: { location: { remote: 0, hybrid: 0.5, office: 1 } }'];
/** The test's party starts on line 11; a valid second party follows it. */
const withParty = (...lines: string[]) => y(...HEAD, ...lines, ...OTHER);

const problems = scenarioProblems;
const valuesOf = (u: UtilityFunction) => (u.kind === 'linear-additive' ? u.values : []);
function party(text: string): { party: Party; warnings: string[] } {
  const r = parseScenario(text, 't.yaml');
  if (!r.ok) throw new Error(`expected a valid file, got:\n${r.problems.map(formatLocated).join('\n')}`);
  return { party: r.value.parties[0] as Party, warnings: (r.warnings ?? []).map(formatLocated) };
}

describe('parties: weights', () => {
  it('reports an unknown issue at the key, suggesting a close name or listing the issues', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values: { location: { remote: 1 } }',
          '    weights: { location: 1, salry: 0, pay: 0 }',
        ),
      ),
    ).toEqual([
      '13:29 parties[0].weights.salry: unknown issue "salry"; did you mean "salary"?',
      '13:39 parties[0].weights.pay: unknown issue "pay"; the issues are salary, location',
    ]);
  });

  it('reports negative, NaN and non-numeric weights', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values:',
          '      salary: { linear: { from: [50000, 0], slope: 0.0001 } }',
          '      location: { remote: 1 }',
          '    weights:',
          '      salary: -0.5',
          '      location: .nan',
        ),
      ),
    ).toEqual([
      '16:15 parties[0].weights.salary: must be at least 0, got -0.5',
      '17:17 parties[0].weights.location: expected a number, got .nan (not a number)',
    ]);
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values: { location: { remote: 1 } }',
          '    weights: { location: high }',
        ),
      ),
    ).toEqual(['13:26 parties[0].weights.location: expected a number, got the text "high"']);
  });

  it('reports weights that sum to 0', () => {
    expect(
      problems(
        withParty('  - name: A', '    values: { location: { remote: 1 } }', '    weights: { location: 0 }'),
      ),
    ).toEqual(['13:5 parties[0].weights: the weights sum to 0; give at least one issue a positive weight']);
  });

  it('reports a weight without values, and values without a weight', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values: { location: { remote: 1 } }',
          '    weights: { salary: 0.5, location: 0 }',
        ),
      ),
    ).toEqual([
      '13:16 parties[0].weights.salary: "salary" has weight 0.5 but no values; add it to values (or give it weight 0)',
    ]);
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values:',
          '      salary: { linear: { from: [50000, 0], to: [90000, 1] } }',
          '      location: { remote: 1 }',
          '    weights: { salary: 1 }',
        ),
      ),
    ).toEqual([
      '14:7 parties[0].values.location: no weight for "location"; add it to weights (0 to ignore it)',
    ]);
  });

  it('divides weights by their sum, and keeps them as written with normalizeWeights: false', () => {
    const scored = [
      '    values:',
      '      salary: { linear: { from: [50000, 0], to: [90000, 1] } }',
      '      location: { remote: 1, hybrid: 0.5, office: 0 }',
    ];
    expect(
      party(withParty('  - name: A', ...scored, '    weights: { salary: 7, location: 3 }')).party.utility,
    ).toMatchObject({
      weights: [0.7, 0.3],
    });
    expect(
      party(
        withParty(
          '  - name: A',
          ...scored,
          '    weights: { salary: 7, location: 3 }',
          '    normalizeWeights: false',
        ),
      ).party.utility,
    ).toMatchObject({ weights: [7, 3] });
  });

  it('defaults to equal weights over the issues in values; issues not listed weigh 0', () => {
    expect(
      party(withParty('  - name: A', '    values: { location: { remote: 1, hybrid: 0.5, office: 0 } }')).party
        .utility,
    ).toEqual({
      kind: 'linear-additive',
      weights: [0, 1],
      values: [
        { kind: 'table', values: [] },
        { kind: 'table', values: [1, 0.5, 0] },
      ],
    });
  });
});

describe('parties: values', () => {
  it('reports an unknown issue in values', () => {
    expect(problems(withParty('  - name: A', '    values: { locaton: { remote: 1 } }'))).toEqual([
      '12:15 parties[0].values.locaton: unknown issue "locaton"; did you mean "location"?',
    ]);
  });

  it('reports an unknown option with a suggestion, or the list of options', () => {
    expect(
      problems(
        withParty('  - name: A', '    values: { location: { remote: 1, hybrd: 0.5, home: 0, office: 0 } }'),
      ),
    ).toEqual([
      '12:38 parties[0].values.location.hybrd: unknown option "hybrd" of "location"; did you mean "hybrid"?',
      '12:50 parties[0].values.location.home: unknown option "home" of "location" (options: remote, hybrid, office)',
    ]);
  });

  it('warns about options without a score and scores them 0', () => {
    const { party: p, warnings } = party(withParty('  - name: A', '    values: { location: { hybrid: 1 } }'));
    expect(warnings).toEqual([
      '12:15 parties[0].values.location: no score for 2 options of "location" (remote, office); they score 0',
    ]);
    expect(p.utility).toMatchObject({ values: [{}, { kind: 'table', values: [0, 1, 0] }] });
  });

  it('reads a score per value of a numeric issue, and reports values off the grid', () => {
    const table = party(
      withParty('  - name: A', '    values: { salary: { 50000: 0, 70000: 0.5, 90000: 1 } }'),
    );
    expect(table.party.utility).toMatchObject({
      values: [{ kind: 'table', values: [0, 0, 0, 0, 0.5, 0, 0, 0, 1] }, {}],
    });
    expect(table.warnings).toEqual([
      '12:15 parties[0].values.salary: no score for 6 values of "salary" (55000, 60000, 65000, 75000, 80000, 85000); they score 0',
    ]);
    expect(
      problems(withParty('  - name: A', '    values: { salary: { 52000: 1, high: 1, "5e4": 0, 50000: 0 } }')),
    ).toEqual([
      '12:25 parties[0].values.salary.52000: 52000 is not a value of "salary" (50000 to 90000 in steps of 5000)',
      '12:35 parties[0].values.salary.high: "salary" is numeric: expected a number, got the text "high"',
      '12:44 parties[0].values.salary.5e4: 5e4 is the same value as 50000, scored twice',
    ]);
    // The same key written twice is a YAML error, found first.
    expect(problems(withParty('  - name: A', '    values: { salary: { 5e4: 0, 50000: 0 } }'))).toEqual([
      '12:33 : duplicate key "50000"',
    ]);
  });

  it('reports linear and piecewise on a discrete issue', () => {
    expect(
      problems(
        withParty('  - name: A', '    values: { location: { linear: { from: [0, 0], to: [2, 1] } } }'),
      ),
    ).toEqual([
      '12:27 parties[0].values.location.linear: linear needs a numeric issue; "location" is discrete: give a score per option',
    ]);
  });

  it('reads linear from two points, or a point and a slope, with an optional clamp', () => {
    const two = party(
      withParty('  - name: A', '    values: { salary: { linear: { from: [50000, 0], to: [90000, 1] } } }'),
    );
    expect(valuesOf(two.party.utility)[0]).toEqual({
      kind: 'linear',
      x0: 50000,
      y0: 0,
      slope: 1 / 40000,
    });
    const slope = party(
      withParty(
        '  - name: A',
        '    values: { salary: { linear: { from: [50000, 0], slope: 0.0001, clamp: [null, 1] } } }',
      ),
    );
    expect(valuesOf(slope.party.utility)[0]).toEqual({
      kind: 'linear',
      x0: 50000,
      y0: 0,
      slope: 0.0001,
      clampMax: 1,
    });
  });

  it('reports an incomplete, overdetermined or vertical line and a reversed clamp', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values:',
          '      salary: { linear: { from: [50000, 0] } }',
          '  - name: B',
          '    values:',
          '      salary: { linear: { from: [50000, 0], to: [90000, 1], slope: 1 } }',
          '  - name: C',
          '    values:',
          '      salary: { linear: { from: [50000, 0], to: [50000, 1] } }',
          '  - name: D',
          '    values:',
          '      salary: { linear: { from: [50000, 0], slope: 1, clamp: [1, 0] } }',
        ),
      ),
    ).toEqual([
      '13:17 parties[0].values.salary.linear: linear needs to (a second point) or slope',
      '16:61 parties[1].values.salary.linear.slope: give to or slope, not both',
      "19:49 parties[2].values.salary.linear.to: to needs an x different from from's (both are 50000)",
      '22:62 parties[3].values.salary.linear.clamp: clamp lowest 1 is above highest 0',
    ]);
  });

  it('reports piecewise points out of order and malformed points', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values: { salary: { piecewise: [[50000, 0], [90000, 1], [70000, 0.5]] } }',
          '  - name: B',
          '    values: { salary: { piecewise: [[50000], [90000, 1, 2], [x, 1]] } }',
        ),
      ),
    ).toEqual([
      '12:61 parties[0].values.salary.piecewise[2]: points must be sorted by x: 70000 comes after 90000',
      '14:37 parties[1].values.salary.piecewise[0]: a point is [x, y], two numbers',
      '14:46 parties[1].values.salary.piecewise[1]: a point is [x, y], two numbers',
      '14:62 parties[1].values.salary.piecewise[2][0]: expected a number, got the text "x"',
    ]);
  });

  it('suggests linear or piecewise for a misspelt function name', () => {
    expect(
      problems(
        withParty('  - name: A', '    values: { salary: { lienar: { from: [50000, 0], to: [90000, 1] } } }'),
      ),
    ).toEqual(['12:25 parties[0].values.salary.lienar: unknown key "lienar"; did you mean "linear"?']);
  });

  it('refuses a score table on an issue with too many values', () => {
    const text = withParty('  - name: A', '    values: { cap: { 0: 1 } }').replace(
      'parties:',
      '  - { name: cap, kind: integer, min: 0, max: 1000000 }\nparties:',
    );
    expect(problems(text)).toEqual([
      '13:15 parties[0].values.cap: "cap" has 1000001 values, too many to score one by one (at most 100000); use linear or piecewise',
    ]);
  });

  it('reports a score that is not a number', () => {
    expect(problems(withParty('  - name: A', '    values: { location: { remote: high } }'))).toEqual([
      '12:35 parties[0].values.location.remote: expected a number, got the text "high"',
    ]);
  });
});

describe('parties: reservation, discount, role, name', () => {
  it('reports a reservation value that is not a finite number', () => {
    expect(
      problems(withParty('  - name: A', '    reservation: .inf', '  - name: B', '    reservation: "0.4"')),
    ).toEqual([
      '12:18 parties[0].reservation: expected a number, got .inf (infinity)',
      '14:18 parties[1].reservation: expected a number, got the text "0.4"',
    ]);
  });

  it('reads reservation, discount, role and description, with defaults', () => {
    const { party: p } = party(
      withParty(
        '  - name: A',
        '    role: mediator',
        '    description: Chair',
        '    reservation: 0.25',
        '    discount: 0.9',
      ),
    );
    expect(p).toEqual({
      name: 'A',
      role: 'mediator',
      description: 'Chair',
      reservationValue: 0.25,
      discountFactor: 0.9,
      redLines: [],
      utility: {
        kind: 'linear-additive',
        weights: [0, 0],
        values: [
          { kind: 'table', values: [] },
          { kind: 'table', values: [] },
        ],
      },
    });
  });

  it('reports a discount outside (0, 1] and an unknown role', () => {
    expect(
      problems(
        withParty('  - name: A', '    discount: 0', '    role: arbiter', '  - name: B', '    discount: 1.2'),
      ),
    ).toEqual([
      '12:15 parties[0].discount: must be greater than 0, got 0',
      '13:11 parties[0].role: unknown value "arbiter"; the choices are principal, mediator, stakeholder',
      '15:15 parties[1].discount: must be at most 1, got 1.2',
    ]);
  });

  it('reports duplicate party names', () => {
    expect(problems(withParty('  - name: Employer'))).toEqual([
      '12:11 parties[1].name: duplicate party name "Employer"; the first is at 11:11',
    ]);
  });

  it('warns when a principal has no preferences', () => {
    expect(party(withParty('  - name: A')).warnings).toEqual([
      '11:11 parties[0].name: "A" has no values or utility: every outcome is worth 0 to it',
    ]);
  });

  it('reports misspelt party keys', () => {
    expect(problems(withParty('  - name: A', '    wieghts: { location: 1 }', '    redlines: []'))).toEqual([
      '12:5 parties[0].wieghts: unknown key "wieghts"; did you mean "weights"?',
      '13:5 parties[0].redlines: unknown key "redlines"; did you mean "redLines"?',
    ]);
  });
});

describe('parties: hyperrectangle utility', () => {
  const rect = (...where: string[]) =>
    withParty(
      '  - name: A',
      '    utility:',
      '      hyperrectangle:',
      '        scale: 10',
      '        cap: 1',
      '        rectangles:',
      ...where.map((w, i) => `          - { utility: ${i + 1}, where: ${w} }`),
    );

  it('reads rectangles as index bounds, values or { from, to } ranges', () => {
    const { party: p } = party(rect('{ salary: { from: 60000, to: 80000 }, location: hybrid }', '{}'));
    expect(p.utility).toEqual({
      kind: 'hyperrectangle',
      scale: 10,
      cap: 1,
      rectangles: [
        {
          utility: 1,
          bounds: [
            { issue: 0, min: 2, max: 6 },
            { issue: 1, min: 1, max: 1 },
          ],
        },
        { utility: 2, bounds: [] },
      ],
    });
  });

  it('reports unknown issues and values, and ranges that run backwards', () => {
    expect(
      problems(
        rect(
          '{ salry: 60000 }',
          '{ location: home, salary: 61000 }',
          '{ salary: { from: 80000, to: 60000 } }',
        ),
      ),
    ).toEqual([
      '17:36 parties[0].utility.hyperrectangle.rectangles[0].where.salry: unknown issue "salry"; did you mean "salary"?',
      '18:46 parties[0].utility.hyperrectangle.rectangles[1].where.location: unknown option "home" of "location" (options: remote, hybrid, office)',
      '18:60 parties[0].utility.hyperrectangle.rectangles[1].where.salary: 61000 is not a value of "salary" (50000 to 90000 in steps of 5000)',
      '19:63 parties[0].utility.hyperrectangle.rectangles[2].where.salary.to: to 60000 comes before from 80000',
    ]);
  });

  it('reports utility given together with values', () => {
    expect(
      problems(
        withParty(
          '  - name: A',
          '    values: { location: { remote: 1 } }',
          '    utility: { hyperrectangle: { rectangles: [] } }',
        ),
      ),
    ).toEqual(['13:5 parties[0].utility: give either values and weights or utility, not both']);
  });
});
