import { describe, expect, it } from 'vitest';
import { AcceptanceBounds } from '../src/analysis/drafts/acceptance-bounds.js';
import { completionBounds } from '../src/analysis/drafts/draft-range.js';
import { type SearchModel, searchModel } from '../src/analysis/search/additive-plan.js';
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

describe('AcceptanceBounds', () => {
  it('gives completionBounds’ acceptance on every draw while reservations, tables and red lines change and repeat (200 random spaces × 40 draws)', () => {
    let differ = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { s, fixed } = randomCase(seed);
      const base = searchModel(prepareProblem(s));
      const rng = createRng(1000 + seed);
      const cache = new AcceptanceBounds(fixed);
      // A few table variants per party, so draws both repeat and change a party's tables.
      const variants = base.tables.map((t) => [
        t,
        t.map((x) => x.map((v) => v * 0.5)),
        t.map((x) => x.map((v, j) => (j === 0 ? v + 0.3 : v))),
      ]);
      for (let draw = 0; draw < 40; draw++) {
        const model: SearchModel = {
          sizes: base.sizes,
          tables: variants.map((v) => v[pick(rng, v.length)] as readonly Float64Array[]),
          // Reservations land on table values too, so exact ties are exercised.
          reservations: base.reservations.map(() => (rng.float() < 0.2 ? 0.5 : rng.float())),
          redLines: base.redLines.filter((r) => r.party < 0 || rng.float() < 0.6),
        };
        for (let p = 0; p < base.tables.length; p++) {
          const want = completionBounds(model, fixed, p);
          const got = cache.of(model, p);
          expect(got).toEqual({ acceptsBest: want.acceptsBest, acceptsWorst: want.acceptsWorst });
          if (want.acceptsBest !== want.acceptsWorst) differ++;
          if (want.acceptsWorst) accepted++;
        }
      }
    }
    // Both ends and their differences were exercised, not only rejections.
    expect(differ).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(200);
  });
});
