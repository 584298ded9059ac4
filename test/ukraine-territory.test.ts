/**
 * The flagship's territory and withdrawal encoding read against the article: each combination
 * the issues' meaning rules out is infeasible (no outcome containing it crosses no constraint of
 * the space), and the combinations the article's own drafts and demands need stay feasible.
 */
import { describe, expect, it } from 'vitest';
import { oneParty } from '../src/analysis/drafts/draft-range.js';
import { makePlan, searchModel } from '../src/analysis/search/additive-plan.js';
import { search } from '../src/analysis/search/additive-search.js';
import { indexOutcome, prepareProblem } from '../src/index.js';
import { loadScenario } from '../src/node.js';

const loaded = loadScenario('ukraine-2025');
if (!loaded.ok) throw new Error('ukraine-2025 does not load');
const scenario = loaded.value;
const problem = prepareProblem(scenario);
const model = searchModel(problem);

/** Whether some outcome with these values crosses no constraint of the space (red lines ignored). */
const feasible = (values: Record<string, string>): boolean =>
  search(
    makePlan(oneParty(model, 0, Number.NEGATIVE_INFINITY, 1, []), {
      fixed: indexOutcome(problem.space, values),
    }),
    {
      kind: 'exists',
    },
  ) !== undefined;

const REGIONS = ['Luhansk', 'Donetsk', 'Kherson', 'Zaporizhzhia'] as const;
const all = (status: string) => Object.fromEntries(REGIONS.map((r) => [r, status]));

describe('ukraine-2025: combinations the encoding must rule out', () => {
  for (const region of REGIONS)
    for (const status of ['de facto Russian', 'recognised Russian'])
      it(`${region} ${status} with no withdrawal (Ukrainian forces would stay in a Russian region)`, () => {
        expect(feasible({ [region]: status, withdrawal: 'none' })).toBe(false);
      });

  for (const region of REGIONS)
    for (const status of ['line of contact', 'Ukrainian'])
      it(`a full withdrawal with ${region} at ${status} (a full withdrawal leaves all four)`, () => {
        expect(feasible({ [region]: status, withdrawal: 'full' })).toBe(false);
      });

  it('a partial withdrawal with all four regions de facto Russian (that is a full one)', () => {
    expect(feasible({ ...all('de facto Russian'), withdrawal: 'partial' })).toBe(false);
  });

  it('a partial withdrawal with all four regions Ukrainian (no front line left to pull back from)', () => {
    expect(feasible({ ...all('Ukrainian'), withdrawal: 'partial' })).toBe(false);
  });

  for (const sequencing of ['withdrawal first', 'simultaneous'])
    it(`sequencing "${sequencing}" with no withdrawal`, () => {
      expect(feasible({ sequencing, withdrawal: 'none' })).toBe(false);
    });
});

describe('ukraine-2025: combinations the article needs stay possible', () => {
  it('the earlier draft (Crimea and the four regions effectively Russian) with a full withdrawal, withdrawal first', () => {
    expect(
      feasible({
        Crimea: 'de facto Russian',
        ...all('de facto Russian'),
        withdrawal: 'full',
        sequencing: 'withdrawal first',
      }),
    ).toBe(true);
  });
  it('Kherson de facto Russian with a partial withdrawal, the other regions at the line of contact (a pull-back from some regions)', () => {
    expect(feasible({ ...all('line of contact'), Kherson: 'de facto Russian', withdrawal: 'partial' })).toBe(
      true,
    );
  });
  it('a ceasefire first along the line of contact with no withdrawal (Ukraine’s position)', () => {
    expect(feasible({ ...all('line of contact'), withdrawal: 'none', sequencing: 'ceasefire first' })).toBe(
      true,
    );
  });
  it('every constraint says it is a modelling choice (the article states none of them)', () => {
    for (const c of scenario.constraints ?? []) expect(c.description, c.id).toMatch(/modelling choice/);
  });
});
