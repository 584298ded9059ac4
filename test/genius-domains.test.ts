import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/core/errors.js';
import { createRng } from '../src/core/rng.js';
import { parseGeniusDomain } from '../src/io/genius/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { type Issue, issueIndexOf } from '../src/outcomes/issue.js';
import { createSpace, forEachOutcome } from '../src/outcomes/space.js';
import { compileUtility } from '../src/preferences/compile.js';
import type { HyperRectangleUtility } from '../src/preferences/utility.js';
import { domainsDir, hasShared, referenceDir } from './support/shared.js';

const shared = hasShared('GENIUS domain conformance (test/genius-domains.test.ts)');

interface Row {
  id: string;
  issues: number;
  outcomes: string;
  profiles: number;
}

function indexRows(): Row[] {
  const lines = readFileSync(join(domainsDir, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [id, issues, outcomes, profiles] = l.split('\t') as [string, string, string, string];
    return { id, issues: Number(issues), outcomes, profiles: Number(profiles) };
  });
}

/** GENIUS `index` values of a folder's XML domain (undefined for GeniusWeb folders). */
function domainIndices(dir: string): number[] | undefined {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (!/^\s*<negotiation_template/.test(text)) continue;
    const d = parseGeniusDomain(text, f);
    return d.ok ? [...d.value.indices] : undefined;
  }
  return undefined;
}

function located(p: Problem): boolean {
  return (
    typeof p.file === 'string' && p.file !== '' && Number.isInteger(p.line) && Number.isInteger(p.column)
  );
}

/** Folders expected to be refused (none today: every community folder loads). */
const EXPECTED_REFUSALS: readonly string[] = [];

describe.runIf(shared)('GENIUS/GeniusWeb folders of ../shared/domains', () => {
  it('every folder loads with INDEX.tsv counts, or is refused with located problems', () => {
    const rows = indexRows();
    expect(rows.length).toBe(176);
    const refused: string[] = [];
    for (const row of rows) {
      const dir = join(domainsDir, row.id);
      const r = loadGeniusFolder(dir);
      if (!r.ok) {
        refused.push(row.id);
        assert.ok(r.problems.length > 0, row.id);
        for (const p of r.problems)
          assert.ok(located(p), `${row.id}: unlocated problem ${JSON.stringify(p)}`);
        continue;
      }
      for (const w of r.warnings ?? [])
        assert.ok(located(w), `${row.id}: unlocated warning ${JSON.stringify(w)}`);
      const space = createSpace(r.value.issues);
      assert.equal(String(space.count), row.outcomes, `${row.id}: outcome count`);
      assert.equal(r.value.parties.length, row.profiles, `${row.id}: profile count`);
      if (r.value.issues.length !== row.issues) {
        // NegMAS adds a dummy issue per index the domain skips: its count is the largest index.
        const idx = domainIndices(dir) ?? [];
        const skips = idx.some((x, i) => x !== i + 1);
        assert.ok(
          skips && Math.max(...idx) === row.issues,
          `${row.id}: ${r.value.issues.length} issues vs ${row.issues}`,
        );
      }
    }
    expect(refused).toEqual(EXPECTED_REFUSALS);
  });

  it('reproduces the reference utilities (genius_normalized; GeniusWeb: negmas_default) of all 103 reference files', () => {
    const files = readdirSync(referenceDir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(103);
    let checked = 0;
    for (const f of files) {
      const ref = JSON.parse(readFileSync(join(referenceDir, f), 'utf8'));
      const variant = ref.variants.genius_normalized ?? ref.variants.negmas_default;
      const r = loadGeniusFolder(join(domainsDir, '..', ref.scenario.folder), {
        profiles: ref.scenario.profile_files,
      });
      assert.ok(r.ok, `${f} must load`);
      const space = createSpace(r.value.issues);
      const us = r.value.parties.map((p) => compileUtility(space, p.utility));
      variant.pareto.outcomes.forEach((named: (string | number)[], k: number) => {
        const o = named.map((v, i) => issueIndexOf(space.issues[i] as Issue, v));
        assert.ok(
          o.every((x) => x >= 0),
          `${f}: outcome ${named}`,
        );
        us.forEach((u, p) => {
          const want = variant.pareto.utils[k][p] as number;
          assert.ok(Math.abs(u.evaluate(o) - want) <= 1e-9, `${f}: party ${p} at ${named}`);
        });
        checked++;
      });
      r.value.parties.forEach((p, i) => {
        const rv = variant.reserved_values[i];
        assert.ok(
          Math.abs(p.reservationValue - (rv === '-inf' ? 0 : rv)) <= 1e-9,
          `${f}: reservation of ${p.name}`,
        );
      });
      // Every outcome, through the utility ranges (small spaces only, to stay fast).
      if (space.countNumber <= 400_000) {
        const lo = us.map(() => Number.POSITIVE_INFINITY);
        const hi = us.map(() => Number.NEGATIVE_INFINITY);
        forEachOutcome(space, (o) => {
          for (let p = 0; p < us.length; p++) {
            const x = (us[p] as (typeof us)[number]).evaluate(o);
            if (x < (lo[p] as number)) lo[p] = x;
            if (x > (hi[p] as number)) hi[p] = x;
          }
        });
        us.forEach((_, p) => {
          const [min, max] = variant.utility_ranges[p] as [number, number];
          assert.ok(
            Math.abs((lo[p] as number) - min) <= 1e-9 && Math.abs((hi[p] as number) - max) <= 1e-9,
            `${f}: range ${p}`,
          );
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('ANAC 2014 non-linear profiles: maxutility is the scale of pareto.xml, and GENIUS’s cap at 1 is needed', () => {
    const folders = readdirSync(domainsDir).filter((d) => d.startsWith('anac-y2014-'));
    expect(folders.length).toBe(12);
    let exceeded = 0;
    for (const id of folders) {
      const r = loadGeniusFolder(join(domainsDir, id));
      assert.ok(r.ok, id);
      const pareto = readFileSync(join(domainsDir, id, 'pareto.xml'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',').map(Number));
      const space = createSpace(r.value.issues);
      r.value.parties.forEach((party, p) => {
        const u = party.utility as HyperRectangleUtility;
        assert.equal(u.kind, 'hyperrectangle');
        assert.equal(u.cap, 1);
        // Rectangle utilities are whole numbers, so every published utility × maxutility is too.
        for (const pt of pareto) {
          const raw = (pt[p] as number) * (u.scale as number);
          assert.ok(Math.abs(raw - Math.round(raw)) < 5e-4, `${id}: ${pt[p]} × ${u.scale}`);
        }
        assert.equal(Math.max(...pareto.map((pt) => pt[p] as number)), 1, `${id}: best published utility`);
        // Seeded hill climbing on the UNCAPPED sum: finds outcomes above maxutility in some profiles.
        const raw = compileUtility(space, { ...u, cap: Number.POSITIVE_INFINITY });
        const capped = compileUtility(space, u);
        const rng = createRng(2014 + p);
        let best = 0;
        for (let start = 0; start < 6; start++) {
          const o = space.sizes.map((n) => rng.int(0, n - 1));
          for (let pass = 0; pass < 4; pass++) {
            for (let i = 0; i < o.length; i++) {
              let bv = o[i] as number;
              let bx = raw.evaluate(o);
              for (let v = 0; v < (space.sizes[i] as number); v++) {
                o[i] = v;
                const x = raw.evaluate(o);
                if (x > bx) [bx, bv] = [x, v];
              }
              o[i] = bv;
            }
          }
          best = Math.max(best, raw.evaluate(o));
          assert.equal(capped.evaluate(o), Math.min(1, raw.evaluate(o)));
        }
        if (best > 1) exceeded++;
      });
    }
    expect(exceeded).toBeGreaterThan(0);
  });
});
