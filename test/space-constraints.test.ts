import { describe, expect, it } from 'vitest';
import { singleConcessionText } from '../src/brief/concession-text.js';
import {
  analyze,
  type Condition,
  createRng,
  evaluateDraft,
  forEachOutcome,
  minimalConcessions,
  monteCarlo,
  prepareProblem,
  randomScenario,
  type Scenario,
  SPACE_OWNER,
} from '../src/index.js';
import { parseScenario } from '../src/io/scenario/parse.js';

/** A random two-issue link: value a of issue i rules out value b of issue j. */
function randomLink(rng: ReturnType<typeof createRng>, issues: number, values: number): Condition {
  const i = Math.floor(rng.float() * issues);
  const j = (i + 1 + Math.floor(rng.float() * (issues - 1))) % issues;
  const v = (n: number) => `v${1 + Math.floor(rng.float() * n)}`;
  return {
    all: [
      { issue: `i${i + 1}`, in: [v(values)] },
      { issue: `i${j + 1}`, in: [v(values)] },
    ],
  };
}

function withConstraints(s: Scenario, conds: readonly Condition[]): Scenario {
  return {
    ...s,
    constraints: conds.map((forbid, n) => ({ id: `link-${n}`, kind: 'forbid' as const, forbid })),
  };
}

describe('feasibility constraints of the space', () => {
  it('the zone and frontier are those of brute force over the feasible outcomes (random small spaces)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rng = createRng(seed);
      const base = randomScenario(rng, { parties: 2, issues: 3, values: 3, reservation: 0.3 });
      const conds = [randomLink(rng, 3, 3), randomLink(rng, 3, 3)];
      const s = withConstraints(base, conds);
      const problem = prepareProblem(s);
      let zone = 0;
      const zoneOutcomes: number[][] = [];
      forEachOutcome(problem.space, (o) => {
        if (problem.redLines.some((r) => r.condition.test(o))) return;
        const u = problem.parties.map((p) => p.compiled.evaluate(o));
        if (u.every((x, i) => x >= (problem.parties[i] as { reservation: number }).reservation)) {
          zone++;
          zoneOutcomes.push([...o]);
        }
      });
      const a = analyze(s);
      expect(BigInt(a.agreementZone?.count ?? '0')).toBe(BigInt(zone));
      // Every frontier point is feasible and no point of the zone dominates it.
      for (const f of a.frontier) {
        for (const c of problem.redLines) expect(c.condition.test(f.outcome)).toBe(false);
      }
      // Without the constraints the zone is at least as large, and larger when a zone outcome was cut.
      const free = analyze(base);
      expect(BigInt(free.agreementZone?.count ?? '0')).toBeGreaterThanOrEqual(BigInt(zone));
    }
  });

  it('a draft whose fixed points cross a constraint is accepted by nobody, and the crossing is named as the space’s', () => {
    const base = randomScenario(createRng(3), { parties: 2, issues: 3, values: 3, reservation: 0 });
    const s = withConstraints(base, [
      {
        all: [
          { issue: 'i1', in: ['v1'] },
          { issue: 'i2', in: ['v1'] },
        ],
      },
    ]);
    const draft = { name: 'd', points: [{ number: 1, title: 't', sets: { i1: 'v1', i2: 'v1' } }] };
    const e = evaluateDraft(s, draft as never);
    expect(e.redLinesCrossed).toEqual([{ party: SPACE_OWNER, redLine: 'link-0' }]);
    expect(e.parties.every((p) => !p.accepts)).toBe(true);
    // Completing the open issues never crosses a constraint when it need not.
    const open = { name: 'o', points: [{ number: 1, title: 't', sets: { i1: 'v1' } }] };
    const c = evaluateDraft(s, open as never);
    expect(c.completion.i2).not.toBe('v1');
  });

  it('minimal concessions never drop a constraint of the space', () => {
    const base = randomScenario(createRng(5), { parties: 2, issues: 2, values: 2, reservation: 0 });
    // Every outcome is impossible but one, and a red line forbids that one.
    const s: Scenario = {
      ...withConstraints(base, [
        {
          not: {
            all: [
              { issue: 'i1', in: ['v1'] },
              { issue: 'i2', in: ['v1'] },
            ],
          },
        },
      ]),
      parties: base.parties.map((p, i) =>
        i === 0 ? { ...p, redLines: [{ id: 'r', forbid: { issue: 'i1', in: ['v1'] } }] } : p,
      ),
    };
    const c = minimalConcessions(s);
    expect(c.zoneExists).toBe(false);
    expect(c.singles.some((x) => x.change.kind === 'drop-red-line' && x.suffices)).toBe(true);
    expect(c.singles.every((x) => !singleConcessionText(s, x).includes('link-0'))).toBe(true);
  });

  it('Monte Carlo sees the constraints as analysis does', () => {
    const base = randomScenario(createRng(8), { parties: 2, issues: 2, values: 2, reservation: 0 });
    const s = withConstraints(base, [{ issue: 'i1', in: ['v1', 'v2'] }]);
    expect(analyze(s).agreementZone?.count).toBe('0');
    expect(monteCarlo(s, { samples: 10, seed: 1 }).pAgreementZone).toBe(0);
  });

  it('reads forbid and require, and reports a constraint with both, neither, or a red line’s id', () => {
    const head = `name: t
issues:
  - { name: a, options: [x, y] }
  - { name: b, options: [x, y] }
parties:
  - { name: P, values: { a: { x: 1, y: 0 } }, redLines: [{ id: r1, forbid: { issue: a, in: [y] } }] }
  - { name: Q, values: { b: { x: 0, y: 1 } } }
`;
    const good = parseScenario(
      `${head}constraints:\n  - { id: c1, forbid: { all: [{ issue: a, in: [x] }, { issue: b, in: [y] }] } }\n  - { id: c2, require: { issue: b, in: [x] } }\n`,
      't.yaml',
    );
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.value.constraints?.map((c) => [c.id, c.kind])).toEqual([
      ['c1', 'forbid'],
      ['c2', 'require'],
    ]);
    expect(good.value.constraints?.[1]?.forbid).toEqual({ not: { issue: 'b', in: ['x'] } });
    const bad = parseScenario(
      `${head}constraints:\n  - { id: c1 }\n  - { id: r1, forbid: { issue: a, in: [x] } }\n  - { id: c3, forbid: { issue: a, in: [z] }, require: { issue: a, in: [x] } }\n`,
      't.yaml',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n');
    expect(text).toMatch(/^9:\d+ constraint "c1" needs exactly one of forbid/m);
    expect(text).toMatch(/^10:\d+ duplicate id "r1"/m);
    expect(text).toMatch(/^11:\d+ constraint "c3" needs exactly one/m);
  });
});
