import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/core/errors.js';
import { parseScenario, scenarioToYaml } from '../src/io/scenario/index.js';
import type { Scenario } from '../src/model/scenario.js';
import { loadScenarioFile } from '../src/node.js';
import { type Issue, issueValueAt } from '../src/outcomes/issue.js';
import { createSpace, forEachOutcome } from '../src/outcomes/space.js';
import { compileCondition, compileUtility } from '../src/preferences/compile.js';
import { repoRoot } from './support/shared.js';

const examplesDir = join(repoRoot, 'examples');
const examples = readdirSync(examplesDir).filter((f) => /\.(ya?ml|json)$/.test(f));

function load(file: string): Scenario {
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  expect(r.warnings ?? []).toEqual([]);
  return r.value;
}

/** Outcomes a party's red lines forbid, by enumeration. */
function forbidden(s: Scenario, partyName: string): number {
  const space = createSpace(s.issues);
  const party = s.parties.find((p) => p.name === partyName);
  const tests = (party?.redLines ?? []).map((r) => compileCondition(space, r.forbid));
  let n = 0;
  forEachOutcome(space, (o) => {
    if (tests.some((t) => t.test(o))) n++;
  });
  return n;
}

describe('examples/', () => {
  it('has the three documented examples', () => {
    expect(examples.sort()).toEqual(['job-offer.yaml', 'labour-contract.yaml', 'trade-deal.yaml']);
  });

  for (const name of examples) {
    it(`${name} loads without problems or warnings and survives a write/read round trip`, () => {
      const s = load(join(examplesDir, name));
      expect(s.parties.length).toBeGreaterThanOrEqual(2);
      const back = parseScenario(scenarioToYaml(s), name);
      expect(back.ok).toBe(true);
      if (!back.ok) return;
      const space = createSpace(s.issues);
      s.parties.forEach((p, j) => {
        const a = compileUtility(space, p.utility);
        const b = compileUtility(space, back.value.parties[j]?.utility ?? p.utility);
        let same = 0;
        forEachOutcome(space, (o) => {
          if (a.evaluate(o) === b.evaluate(o)) same++;
        });
        expect(same).toBe(space.countNumber);
        expect(back.value.parties[j]?.redLines).toEqual(p.redLines);
      });
    });
  }

  it('job offer: utilities and red lines mean what the file says', () => {
    const s = load(join(examplesDir, 'job-offer.yaml'));
    const space = createSpace(s.issues);
    const candidate = compileUtility(
      space,
      s.parties[0]?.utility ?? { kind: 'hyperrectangle', rectangles: [] },
    );
    // Best package for the candidate: 90,000, remote, in 1 month, 10,000 bonus, 30 days → 1.
    expect(candidate.evaluate([8, 0, 1, 4, 5])).toBeCloseTo(1, 12);
    // Worst: 50,000, office, immediately, no bonus, 25 days → 0.05 × 0.2.
    expect(candidate.evaluate([0, 2, 0, 0, 0])).toBeCloseTo(0.01, 12);
    // Salary below 60,000 (2 of 9 salary values) is forbidden for the candidate.
    expect(forbidden(s, 'Candidate')).toBe((space.countNumber * 2) / 9);
    expect(issueValueAt(s.issues[3] as Issue, 1)).toBe(2500);
  });

  it('labour contract: four roles; weights written as points are divided by their sum', () => {
    const s = load(join(examplesDir, 'labour-contract.yaml'));
    expect(s.parties.map((p) => p.role)).toEqual(['principal', 'principal', 'mediator', 'stakeholder']);
    expect(s.parties[0]?.utility).toMatchObject({ weights: [0.4, 0.05, 0.2, 0.15, 0.2] });
    expect(s.parties[2]?.utility).toMatchObject({ kind: 'hyperrectangle', scale: 100 });
    expect(s.parties[3]?.utility).toMatchObject({ weights: [0.5, 0.5, 0, 0, 0] });
  });

  it('trade deal: nested red lines (all / not any) read as written', () => {
    const s = load(join(examplesDir, 'trade-deal.yaml'));
    expect(s.parties[1]?.redLines[1]?.forbid).toEqual({
      not: {
        any: [
          { issue: 'food names', notIn: ['none'] },
          { issue: 'beef quota', atLeast: 40000 },
        ],
      },
    });
    // Southmark forbids: investor arbitration (1/3 of outcomes), plus no food names and quota < 40,000
    // (1/3 × 2/6) outside those: 1/3 + 2/3 × 1/9.
    expect(forbidden(s, 'Southmark')).toBe(1458 / 3 + ((1458 * 2) / 3) * (1 / 9));
  });

  it('the complete scenarios in docs/scenario-format.md are valid', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'scenario-format.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    const complete = blocks.filter((b) => b.startsWith('name:'));
    expect(complete.length).toBeGreaterThan(0);
    for (const b of complete) {
      const r = parseScenario(b, 'docs.yaml');
      expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    }
  });

  it('the JSON fixture reads to the same scenario as its YAML original', () => {
    const yaml = load(join(examplesDir, 'job-offer.yaml'));
    const json = load(join(repoRoot, 'test', 'fixtures', 'scenario', 'job-offer.json'));
    expect({ ...json, source: '' }).toEqual({ ...yaml, source: '' });
  });
});
