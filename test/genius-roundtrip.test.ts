import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../src/core/rng.js';
import { exportGeniusXml } from '../src/io/genius/index.js';
import type { Party } from '../src/model/party.js';
import type { Scenario } from '../src/model/scenario.js';
import { loadGeniusFolder } from '../src/node.js';
import type { Issue } from '../src/outcomes/issue.js';
import { createSpace, forEachOutcome, type Outcome } from '../src/outcomes/space.js';
import { compileUtility } from '../src/preferences/compile.js';
import type { HyperRectangle, UtilityFunction } from '../src/preferences/utility.js';
import type { ValueFunction } from '../src/preferences/value-function.js';
import { domainsDir, hasShared } from './support/shared.js';

const scratch = mkdtempSync(join(tmpdir(), 'concord-genius-rt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the export to a fresh folder and loads it back with the folder loader. */
function exportAndLoad(s: Scenario, tag: string): Scenario {
  const out = exportGeniusXml(s);
  const dir = join(scratch, tag);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, out.domain.file), out.domain.text);
  for (const p of out.profiles) writeFileSync(join(dir, p.file), p.text);
  const r = loadGeniusFolder(dir, { profiles: out.profiles.map((p) => p.file) });
  if (!r.ok) assert.fail(`${tag}: export does not load back: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.value;
}

/** Largest utility difference between two scenarios over all outcomes (or `samples` random ones). */
function maxDiff(a: Scenario, b: Scenario, rng: Rng, samples = 3000): number {
  const sa = createSpace(a.issues);
  const sb = createSpace(b.issues);
  assert.deepEqual(sb.sizes, sa.sizes);
  const ua = a.parties.map((p) => compileUtility(sa, p.utility));
  const ub = b.parties.map((p) => compileUtility(sb, p.utility));
  let diff = 0;
  const visit = (o: Outcome) => {
    for (let i = 0; i < ua.length; i++) {
      const x = (ua[i] as (typeof ua)[number]).evaluate(o);
      const y = (ub[i] as (typeof ub)[number]).evaluate(o);
      diff = Math.max(diff, Math.abs(x - y));
    }
  };
  if (sa.count <= 20_000n) forEachOutcome(sa, visit);
  else for (let k = 0; k < samples; k++) visit(sa.sizes.map((n) => rng.int(0, n - 1)));
  return diff;
}

function sameParties(a: Scenario, b: Scenario, tag: string): void {
  assert.equal(b.parties.length, a.parties.length, tag);
  a.parties.forEach((p, i) => {
    const q = b.parties[i] as Party;
    assert.equal(q.reservationValue, p.reservationValue, `${tag}: reservation of ${p.name}`);
    const d = p.discountFactor ?? 1;
    assert.equal(q.discountFactor, d > 0 && d <= 1 ? d : 1, `${tag}: discount of ${p.name}`);
  });
}

describe.runIf(hasShared('GENIUS export round trip on the community domains'))(
  'exportGeniusXml on ../shared',
  () => {
    it('every community folder round-trips (utilities to 1e-12, reservation values, discounts)', () => {
      const rng = createRng(7);
      const rows = readFileSync(join(domainsDir, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
      let n = 0;
      for (const row of rows) {
        const id = row.split('\t')[0] as string;
        const r = loadGeniusFolder(join(domainsDir, id));
        if (!r.ok) continue;
        const back = exportAndLoad(r.value, id);
        sameParties(r.value, back, id);
        assert.ok(maxDiff(r.value, back, rng, 500) <= 1e-12, `${id}: utilities differ`);
        n++;
      }
      expect(n).toBe(176);
    });
  },
);

// ---------- random scenarios with every kind of issue and value function ----------

function randomName(rng: Rng, k: number): string {
  const alphabet = ['a', 'b', 'Z', ' ', '&', '<', '"', "'", 'é', '9', '-', '>'];
  let s = `v${k}`;
  for (let i = rng.int(0, 4); i > 0; i--) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

function randomIssue(rng: Rng, i: number): Issue {
  const kind = rng.int(0, 2);
  if (kind === 0) {
    return {
      kind: 'discrete',
      name: `d${i}`,
      values: Array.from({ length: rng.int(1, 5) }, (_, k) => randomName(rng, k)),
    };
  }
  const min = rng.int(-5, 5);
  if (kind === 1) {
    const step = rng.int(0, 3) === 0 ? 2 : 1;
    const size = rng.int(1, 6);
    return step === 1
      ? { kind: 'integer', name: `n${i}`, min, max: min + size - 1 }
      : { kind: 'integer', name: `n${i}`, min, max: min + (size - 1) * step, step };
  }
  return { kind: 'real', name: `x${i}`, min, max: min + rng.float() * 10, resolution: rng.int(2, 6) };
}

function randomValue(rng: Rng, issue: Issue, geniusLinear: boolean): ValueFunction {
  const size = issue.kind === 'discrete' ? issue.values.length : 6;
  if (geniusLinear && issue.kind === 'integer') {
    return {
      kind: 'linear',
      x0: issue.min,
      y0: rng.float(),
      slope: rng.float() - 0.5,
      clampMin: 0,
      clampMax: 1,
    };
  }
  if (issue.kind === 'discrete' || rng.int(0, 3) === 0) {
    if (rng.int(0, 9) === 0) return { kind: 'table', values: Array.from({ length: size }, () => 0) };
    return { kind: 'table', values: Array.from({ length: size }, () => rng.float() * 2) };
  }
  if (rng.int(0, 1) === 0) {
    const clamp = rng.int(0, 1) === 0;
    return {
      kind: 'linear',
      x0: issue.min,
      y0: rng.float(),
      slope: rng.float() - 0.5,
      ...(clamp ? { clampMin: 0, clampMax: 1 } : {}),
    };
  }
  const xs = [issue.min, (issue.min + issue.max) / 2, issue.max].sort((p, q) => p - q);
  return { kind: 'piecewise', points: xs.map((x) => [x, rng.float()] as const) };
}

function randomScenario(rng: Rng, s: number): Scenario {
  const issues = Array.from({ length: rng.int(1, 4) }, (_, i) => randomIssue(rng, i));
  const boundable = issues.flatMap((x, i) => (x.kind === 'integer' && (x.step ?? 1) === 1 ? [i] : []));
  const nonlinear = boundable.length > 0 && rng.int(0, 2) === 0;
  const parties: Party[] = Array.from({ length: rng.int(2, 3) }, (_, p) => {
    let utility: UtilityFunction;
    if (nonlinear && p === 0) {
      const rectangles: HyperRectangle[] = Array.from({ length: rng.int(1, 5) }, () => ({
        utility: rng.int(-3, 10),
        bounds: boundable
          .filter(() => rng.int(0, 1) === 0)
          .map((i) => {
            const issue = issues[i] as Extract<Issue, { kind: 'integer' }>;
            const size = issue.max - issue.min + 1;
            const a = rng.int(0, size - 1);
            return { issue: i, min: a, max: rng.int(a, size - 1) };
          }),
      }));
      utility = { kind: 'hyperrectangle', rectangles, scale: 5 + rng.int(0, 20), cap: 1 };
    } else {
      utility = {
        kind: 'linear-additive',
        weights: issues.map(() => rng.float()),
        values: issues.map((x, i) => randomValue(rng, x, nonlinear && boundable.includes(i))),
      };
    }
    const discount = [undefined, 1, 0.5, rng.float(), 0, 1.5][rng.int(0, 5)];
    return {
      name: `party ${p}${rng.int(0, 1) ? '/x' : ''}`,
      role: 'principal',
      utility,
      reservationValue: rng.float(),
      ...(discount === undefined ? {} : { discountFactor: discount }),
      redLines:
        rng.int(0, 2) === 0 ? [{ id: `rl${p}`, forbid: { issue: issues[0]?.name ?? '', in: [] } }] : [],
    };
  });
  return { name: `random ${s}`, issues, parties };
}

describe('exportGeniusXml on random scenarios', () => {
  it('round-trips 200 seeded random scenarios with mixed issues, tables, linear and piecewise values, hyperrectangles', () => {
    const rng = createRng(99);
    let redLineWarnings = 0;
    let nonlinear = 0;
    let discretised = 0;
    for (let s = 0; s < 200; s++) {
      const scenario = randomScenario(rng, s);
      if (scenario.parties.some((p) => p.utility.kind === 'hyperrectangle')) nonlinear++;
      const out = exportGeniusXml(scenario);
      redLineWarnings += out.warnings.filter((w) => w.code === 'red-line-dropped').length;
      discretised += out.warnings.filter((w) => w.code === 'issue-discretised').length;
      const expectedRedLines = scenario.parties.reduce((a, p) => a + p.redLines.length, 0);
      assert.equal(out.warnings.filter((w) => w.code === 'red-line-dropped').length, expectedRedLines);
      const back = exportAndLoad(scenario, `random-${s}`);
      sameParties(scenario, back, `random ${s}`);
      assert.ok(maxDiff(scenario, back, rng) <= 1e-12, `random ${s}: utilities differ`);
    }
    expect(redLineWarnings).toBeGreaterThan(0);
    expect(nonlinear).toBeGreaterThan(10);
    expect(discretised).toBeGreaterThan(10);
  });
});
