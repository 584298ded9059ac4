import { describe, expect, it } from 'vitest';
import { completionBounds } from '../src/analysis/drafts/draft-range.js';
import { searchModel } from '../src/analysis/search/additive-plan.js';
import {
  type Condition,
  createRng,
  forEachOutcome,
  prepareProblem,
  randomScenario,
  type Scenario,
} from '../src/index.js';

const pick = (rng: ReturnType<typeof createRng>, n: number) => Math.floor(rng.float() * n);

function randomCase(seed: number) {
  const rng = createRng(seed);
  const nIssues = 3 + pick(rng, 2);
  const nValues = 2 + pick(rng, 2);
  const base = randomScenario(rng, {
    parties: 2 + pick(rng, 2),
    issues: nIssues,
    values: nValues,
    reservation: 0.2 + 0.4 * rng.float(),
  });
  const leaf = (): Condition => ({ issue: `i${1 + pick(rng, nIssues)}`, in: [`v${1 + pick(rng, nValues)}`] });
  const parties = base.parties.map((p, i) => ({
    ...p,
    redLines:
      rng.float() < 0.7
        ? [{ id: `r${i}`, forbid: rng.float() < 0.5 ? leaf() : { all: [leaf(), leaf()] } }]
        : [],
  }));
  const s: Scenario = {
    ...base,
    parties,
    constraints: [{ id: 'c', kind: 'forbid', forbid: { all: [leaf(), leaf()] } }],
  };
  const fixed = Array.from({ length: nIssues }, () => (rng.float() < 0.4 ? pick(rng, nValues) : -1));
  return { s, fixed };
}

describe('completionBounds', () => {
  it('the reported range and best/worst acceptance are those of every completion (brute force, 300 random small spaces)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { s, fixed } = randomCase(seed);
      const problem = prepareProblem(s);
      const model = searchModel(problem);
      const constraints = problem.redLines.filter((r) => r.party < 0);
      problem.parties.forEach((p, i) => {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        let any = false;
        let all = true;
        let feasible = false;
        forEachOutcome(problem.space, (o) => {
          if (o.some((v, j) => (fixed[j] as number) >= 0 && v !== fixed[j])) return;
          if (constraints.some((c) => c.condition.test(o))) return;
          feasible = true;
          const u = p.compiled.evaluate(o);
          lo = Math.min(lo, u);
          hi = Math.max(hi, u);
          const ok = u >= p.reservation && !p.redLines.some((r) => r.condition.test(o));
          any ||= ok;
          all &&= ok;
        });
        const b = completionBounds(model, fixed, i);
        if (!feasible) {
          expect(b).toEqual({ utility: undefined, acceptsBest: false, acceptsWorst: false });
          return;
        }
        checked++;
        expect(b.utility?.[0]).toBe(lo);
        expect(b.utility?.[1]).toBe(hi);
        expect(b.acceptsBest).toBe(any);
        expect(b.acceptsWorst).toBe(all);
      });
    }
    expect(checked).toBeGreaterThan(500);
  });
});
