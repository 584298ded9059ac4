import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSpace } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';
import { type GeniusDomain, parseGeniusDomain } from './domain.js';
import { parseGeniusProfile } from './profile.js';

const fixture = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/genius/${p}`, import.meta.url)), 'utf8');

function domainOf(p: string): GeniusDomain {
  const d = parseGeniusDomain(fixture(p), p);
  if (!d.ok) throw new Error('fixture domain must parse');
  return d.value;
}
const holiday = domainOf('basic/holiday-domain.xml');
const space = createSpace(holiday.issues);

describe('parseGeniusProfile (additive)', () => {
  it('divides each discrete issue by its largest evaluation and keeps the XML weights as given', () => {
    const r = parseGeniusProfile(fixture('basic/alice.xml'), 'dir/alice.xml', holiday);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p).toMatchObject({
      name: 'alice',
      role: 'principal',
      source: 'dir/alice.xml',
      reservationValue: 0.35,
      discountFactor: 0.9,
      redLines: [],
    });
    expect(p.utility).toEqual({
      kind: 'linear-additive',
      weights: [0.5, 0.3, 0.20005],
      values: [
        { kind: 'table', values: [1, 0.25, 0.5] },
        { kind: 'linear', x0: 2, y0: 0.2, slope: 0.25, clampMin: 0, clampMax: 1 },
        { kind: 'table', values: [1 / 3, 1] },
      ],
    });
    const u = compileUtility(space, p.utility);
    // Beach, 6 nights (0.2 + 0.25 × 4 = 1.2, clamped to 1), Resort: all best → the weight sum.
    expect(u.evaluate([0, 4, 1])).toBeCloseTo(1.00005, 15);
    // Mountains, 3 nights, Hostel.
    expect(u.evaluate([1, 1, 0])).toBeCloseTo(0.5 * 0.25 + 0.3 * 0.45 + 0.20005 / 3, 15);
  });

  it('matches items by value name, whatever their order; defaults reservation 0 and discount 1', () => {
    const r = parseGeniusProfile(fixture('basic/bob.xml'), 'bob.xml', holiday);
    expect(r.ok && r.value.reservationValue).toBe(0);
    expect(r.ok && r.value.discountFactor).toBe(1);
    if (!r.ok || r.value.utility.kind !== 'linear-additive') throw new Error('bob must load');
    expect(r.value.utility.values[2]).toEqual({ kind: 'table', values: [1, 0.5] });
    expect(r.value.utility.values[0]).toEqual({ kind: 'table', values: [0.1, 0.5, 1] });
    const u = compileUtility(space, r.value.utility);
    expect(u.evaluate([2, 0, 0])).toBeCloseTo(0.25 + 0.25 + 0.5, 15);
    expect(u.evaluate([0, 4, 1])).toBeCloseTo(0.025 + 0 + 0.25, 15);
  });

  it('reads the weights of an objective numbered 1 with issues 2 and 4 (skipped index)', () => {
    const fit = domainOf('skipped/fit-domain.xml');
    const r = parseGeniusProfile(fixture('skipped/fit-prof1.xml'), 'fit-prof1.xml', fit);
    expect(r.ok && r.value.utility).toEqual({
      kind: 'linear-additive',
      weights: [0.4, 0.6],
      values: [
        { kind: 'table', values: [0.5, 1] },
        { kind: 'table', values: [1, 2 / 3, 1 / 3] },
      ],
    });
    // the weight index="1" is the objective's own: no warning for it
    expect(r.ok && r.warnings).toBeUndefined();
  });

  it('collects every problem of a damaged profile at once, each at its line:column', () => {
    const r = parseGeniusProfile(fixture('quirks/three-problems.xml'), 'three.xml', holiday);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
      'missing-evaluation 5:5',
      'missing-weight 8:3',
      'bad-number 12:36',
    ]);
    expect(r.problems[0]?.message).toContain('Mountains');
    expect(r.problems.every((p) => p.file === 'three.xml')).toBe(true);
  });

  it('accepts what GENIUS accepts, with located warnings', () => {
    const r = parseGeniusProfile(fixture('quirks/duplicates.xml'), 'dups.xml', holiday);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.utility.kind !== 'linear-additive') return;
    expect(r.warnings?.map((w) => `${w.code} ${w.line}`)).toEqual([
      'duplicate-value 5',
      'unknown-value 8',
      'missing-evaluator 10',
      'zero-evaluations 12',
      'unknown-issue-index 16',
      'unused-weight 20',
      'discount-out-of-range 22',
      'bad-scalar 23',
    ]);
    // last duplicate wins; GENIUS divides by the largest evaluation in its map (100, for "Moon")
    expect(r.value.utility.values[0]).toEqual({ kind: 'table', values: [0.08, 0.02, 0.04] });
    expect(r.value.utility.values[2]).toEqual({ kind: 'table', values: [0, 0] });
    expect(r.value.reservationValue).toBe(0);
    expect(r.value.discountFactor).toBe(1);
  });

  it('accepts a declaration after a comment (warning) and refuses an unknown utility space type', () => {
    const late = parseGeniusProfile(fixture('quirks/late-declaration.xml'), 'late.xml', holiday);
    expect(late.ok && late.warnings?.map((w) => [w.code, w.line])).toEqual([
      ['xml-declaration-not-first', 2],
    ]);
    const odd = parseGeniusProfile(fixture('quirks/unknown-space-type.xml'), 'odd.xml', holiday);
    expect(!odd.ok && odd.problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
      'unknown-utility-space-type 1:16',
    ]);
  });

  it('refuses an issue typed differently from the domain and a domain issue missing from the profile', () => {
    const r = parseGeniusProfile(
      `<utility_space><objective index="0">
<issue index="1" name="Destination" type="integer" lowerbound="0" upperbound="2"><evaluator slope="1" offset="0"/></issue>
<issue index="3" name="Hotel"><item value="Hostel" evaluation="1"/><item value="Resort" evaluation="1"/></issue>
<weight index="1" value="0.5"/><weight index="3" value="0.5"/>
</objective></utility_space>`,
      'p.xml',
      holiday,
    );
    expect(!r.ok && r.problems.map((p) => `${p.code} ${p.line}`)).toEqual([
      'missing-issue 1',
      'issue-type-mismatch 2',
    ]);
  });

  it('reads GENIUS real evaluators (linear on the value, constant, triangular)', () => {
    const domain: GeniusDomain = {
      name: 'd',
      file: 'd.xml',
      format: 'genius-xml',
      issues: [
        { kind: 'real', name: 'a', min: 0, max: 10 },
        { kind: 'real', name: 'b', min: 0, max: 10 },
        { kind: 'real', name: 'c', min: 0, max: 10 },
      ],
      indices: [1, 2, 3],
    };
    const r = parseGeniusProfile(
      `<utility_space><objective index="0">
<issue index="1" name="a" type="real"><range lowerbound="0" upperbound="10"/><evaluator ftype="linear" parameter0="0.5" parameter1="0.1"/></issue>
<issue index="2" name="b" type="real"><evaluator ftype="constant" parameter0="0.3"/></issue>
<issue index="3" name="c" type="real"><evaluator ftype="triangular" parameter0="2" parameter1="8" parameter2="4"/></issue>
<weight index="1" value="0.2"/><weight index="2" value="0.3"/><weight index="3" value="0.5"/>
</objective></utility_space>`,
      'r.xml',
      domain,
    );
    if (!r.ok || r.value.utility.kind !== 'linear-additive') throw new Error('must load');
    const u = compileUtility(createSpace(domain.issues), r.value.utility);
    // grid of 11 points 0..10: value 4 is index 4; value 6 is index 6
    expect(u.evaluate([4, 0, 4])).toBeCloseTo(0.2 * 0.9 + 0.3 * 0.3 + 0.5 * 1, 15);
    expect(u.evaluate([10, 0, 6])).toBeCloseTo(0.2 * 1 + 0.3 * 0.3 + 0.5 * (1 - 2 / 4), 15);
  });
});

describe('parseGeniusProfile (non-linear)', () => {
  const grid = domainOf('nonlinear/grid-domain.xml');
  const gspace = createSpace(grid.issues);

  it('turns INCLUDES values into value indices, folds weights in, scales by maxutility and caps at 1', () => {
    const r = parseGeniusProfile(fixture('nonlinear/profile-1.xml'), 'profile-1.xml', grid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.reservationValue).toBe(0.25);
    expect(r.value.utility).toEqual({
      kind: 'hyperrectangle',
      scale: 10,
      cap: 1,
      rectangles: [
        { utility: 6, bounds: [{ issue: 0, min: 0, max: 1 }] },
        {
          utility: 6,
          bounds: [
            { issue: 1, min: 2, max: 3 },
            { issue: 2, min: 1, max: 3 },
          ],
        },
        { utility: 1, bounds: [] },
      ],
    });
    const u = compileUtility(gspace, r.value.utility);
    expect(u.evaluate([3, 0, 0])).toBeCloseTo(0.1, 15); // only the everywhere rectangle
    expect(u.evaluate([0, 0, 0])).toBeCloseTo(0.7, 15);
    expect(u.evaluate([0, 3, 3])).toBe(1); // 13 / 10, capped as GENIUS does
  });

  it('refuses EXCLUDES, nested ufuns and bounds on unknown issues, all at once', () => {
    const r = parseGeniusProfile(
      `<utility_space type="nonlinear"><objective index="0">
<utility maxutility="5"><ufun aggregation="sum">
<hyperRectangle utility="1"><EXCLUDES index="1" min="1" max="2"/></hyperRectangle>
<hyperRectangle utility="1"><INCLUDES index="9" min="1" max="2"/></hyperRectangle>
<ufun aggregation="sum"/>
</ufun></utility></objective></utility_space>`,
      'bad.xml',
      grid,
    );
    expect(!r.ok && r.problems.map((p) => `${p.code} ${p.line}`)).toEqual([
      'unsupported-excludes 3',
      'unknown-issue-index 4',
      'unsupported-nested-ufun 5',
    ]);
  });
});
