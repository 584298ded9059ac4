import assert from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import {
  fixtureScenario,
  maxMinTotalBrute,
  maxUtilityBrute,
  nashBrute,
  zoneExistsBrute,
} from '../../../test/support/uncertainty-fixtures.js';
import { createRng } from '../../core/rng.js';
import { forEachOutcome } from '../../outcomes/space.js';
import { prepareProblem } from '../../preferences/problem.js';
import { inZone } from '../zone/zone.js';
import { makePlan, searchModel } from './additive-plan.js';
import { search } from './additive-search.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

describe('search (additive branch and bound) against enumeration', () => {
  it('exists finds a zone outcome exactly when enumeration does (400 random cases)', () => {
    const rng = createRng(11);
    let found = 0;
    for (let t = 0; t < 400; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5) });
      const problem = prepareProblem(s);
      const r = search(makePlan(searchModel(problem)), { kind: 'exists' });
      assert.equal(r !== undefined, zoneExistsBrute(problem), `case ${t}`);
      if (r) {
        assert.ok(inZone(problem, r.outcome), `case ${t}: returned outcome not in zone`);
        found++;
      }
    }
    // Both answers occur, so the comparison means something.
    expect(found).toBeGreaterThan(40);
    expect(found).toBeLessThan(360);
  });

  it('nash reaches the enumerated maximum of Π(u − r) over the zone', () => {
    const rng = createRng(12);
    for (let t = 0; t < 300; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5) });
      const problem = prepareProblem(s);
      const d = problem.parties.map((p) => p.reservation);
      const r = search(makePlan(searchModel(problem)), { kind: 'nash', disagreement: d });
      const want = nashBrute(s);
      assert.equal(r?.value === undefined, want === undefined, `case ${t}`);
      if (r && want !== undefined) assert.ok(close(r.value, want), `case ${t}: ${r.value} vs ${want}`);
    }
  });

  it('maxmin reaches the enumerated best minimum gain, then the best total among ties, fixed issues respected', () => {
    const rng = createRng(13);
    for (let t = 0; t < 300; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5) });
      const problem = prepareProblem(s);
      const fixed = problem.space.sizes.map((n) => (rng.float() < 0.3 ? rng.int(0, n - 1) : -1));
      const r = search(makePlan(searchModel(problem), { fixed }), { kind: 'maxmin' });
      const want = maxMinTotalBrute(s, fixed);
      assert.equal(r === undefined, want === undefined, `case ${t}`);
      if (r && want !== undefined) {
        assert.ok(close(r.value, want[0]), `case ${t}: ${r.value} vs ${want[0]}`);
        const total = r.utilities.reduce((a, u, i) => a + u - (s.parties[i]?.reservationValue ?? 0), 0);
        assert.ok(close(total, want[1]), `case ${t}: total ${total} vs ${want[1]}`);
        fixed.forEach((v, i) => {
          if (v >= 0) assert.equal(r.outcome[i], v);
        });
      }
    }
  });

  it('utility reaches the enumerated best of one party with the others at their reservations', () => {
    const rng = createRng(14);
    for (let t = 0; t < 300; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 5) });
      const problem = prepareProblem(s);
      const party = rng.int(0, s.parties.length - 1);
      const r = search(makePlan(searchModel(problem)), { kind: 'utility', party });
      const want = maxUtilityBrute(s, party);
      assert.equal(r === undefined, want === undefined, `case ${t}`);
      if (r && want !== undefined) assert.equal(r.value, want, `case ${t}`);
    }
  });

  it('shortfall finds the cheapest joint lowering of two reservations that enumeration finds', () => {
    const rng = createRng(15);
    for (let t = 0; t < 200; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 4), parties: 3 });
      const problem = prepareProblem(s);
      const scale = [1, 2, 0];
      const r = search(makePlan(searchModel(problem)), { kind: 'shortfall', scale });
      let want: number | undefined;
      forEachOutcome(problem.space, (o) => {
        if (problem.redLines.some((x) => x.condition.test(o))) return;
        const u = problem.parties.map((p) => p.compiled.evaluate(o));
        const res = problem.parties.map((p) => p.reservation);
        if (!((u[2] as number) >= (res[2] as number))) return;
        const v =
          Math.min(0, (u[0] as number) - (res[0] as number)) +
          2 * Math.min(0, (u[1] as number) - (res[1] as number));
        if (want === undefined || v > want) want = v;
      });
      assert.equal(r === undefined, want === undefined, `case ${t}`);
      if (r && want !== undefined) assert.ok(close(r.value, want), `case ${t}: ${r.value} vs ${want}`);
    }
  });
});
