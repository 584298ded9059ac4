import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import type { Party } from '../../model/party.js';
import type { Scenario } from '../../model/scenario.js';
import { createSpace, forEachOutcome } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';
import { parseGeniusDomain } from './domain.js';
import { exportGeniusXml } from './export.js';
import { parseGeniusProfile } from './profile.js';

/** Exports, re-imports, and returns the largest utility difference over all outcomes. */
function roundTrip(s: Scenario): { diff: number; back: Party[]; warnings: readonly string[] } {
  const out = exportGeniusXml(s);
  const d = parseGeniusDomain(out.domain.text, out.domain.file);
  if (!d.ok) throw new Error(`domain does not read back: ${JSON.stringify(d.problems)}`);
  const back = out.profiles.map((f) => {
    const r = parseGeniusProfile(f.text, f.file, d.value);
    if (!r.ok) throw new Error(`${f.file} does not read back: ${JSON.stringify(r.problems)}`);
    return r.value;
  });
  const a = createSpace(s.issues);
  const b = createSpace(d.value.issues);
  expect(b.sizes).toEqual(a.sizes);
  const ua = s.parties.map((p) => compileUtility(a, p.utility));
  const ub = back.map((p) => compileUtility(b, p.utility));
  let diff = 0;
  forEachOutcome(a, (o) => {
    ua.forEach((u, i) => {
      diff = Math.max(diff, Math.abs(u.evaluate(o) - (ub[i] as typeof u).evaluate(o)));
    });
  });
  return { diff, back, warnings: out.warnings.map((w) => w.code) };
}

const mixed: Scenario = {
  name: 'mixed <test> & "quotes"',
  issues: [
    { kind: 'discrete', name: 'colour', values: ['red', 'green & blue', 'new\nline'] },
    { kind: 'integer', name: 'n', min: 0, max: 4 },
    { kind: 'integer', name: 'm', min: 0, max: 6, step: 2 },
    { kind: 'real', name: 'x', min: 0, max: 1, resolution: 5 },
    { kind: 'integer', name: 'k', min: 1, max: 3 },
  ],
  parties: [
    {
      name: 'A/one',
      role: 'principal',
      reservationValue: 0.3,
      discountFactor: 0.8,
      redLines: [{ id: 'no-red', forbid: { issue: 'colour', in: ['red'] } }],
      utility: {
        kind: 'linear-additive',
        weights: [0.3, 0.2, 0.2, 0.2, 0.1],
        values: [
          { kind: 'table', values: [0.2, 0.4, 0.1] },
          { kind: 'linear', x0: 0, y0: 0.1, slope: 0.2, clampMin: 0, clampMax: 1 },
          { kind: 'table', values: [0, 0.5, 0.7, 1] },
          {
            kind: 'piecewise',
            points: [
              [0, 0],
              [0.5, 1],
              [1, 0.2],
            ],
          },
          { kind: 'linear', x0: 3, y0: 0.9, slope: -0.4 },
        ],
      },
    },
    {
      name: 'B',
      role: 'stakeholder',
      reservationValue: 0,
      redLines: [],
      utility: {
        kind: 'linear-additive',
        weights: [0.25, 0.25, 0.25, 0.25, 0.5],
        values: [
          { kind: 'table', values: [0, 0, 0] },
          { kind: 'linear', x0: 0, y0: 0, slope: 0.5 },
          { kind: 'linear', x0: 0, y0: 1, slope: -0.1 },
          { kind: 'linear', x0: 0, y0: 0, slope: 1 },
          { kind: 'table', values: [1, 0.5, 0.25] },
        ],
      },
    },
  ],
};

describe('exportGeniusXml', () => {
  it('round-trips utilities of every outcome, reservation values and discount factors', () => {
    const { diff, back, warnings } = roundTrip(mixed);
    expect(diff).toBeLessThan(1e-12);
    expect(back.map((p) => [p.reservationValue, p.discountFactor])).toEqual([
      [0.3, 0.8],
      [0, 1],
    ]);
    expect(warnings).toEqual([
      'issue-discretised', // n: B's values exceed 1 unclamped
      'issue-discretised', // m: step 2
      'issue-discretised', // x: real
      'issue-discretised', // k: A's unclamped linear reaches 1.7 at k = 1
      'red-line-dropped',
      'role-dropped',
    ]);
  });

  it('folds a table maximum below 1 into the weight, and keeps expressible integer issues integer', () => {
    const out = exportGeniusXml({
      ...mixed,
      parties: [mixed.parties[0] as Party, mixed.parties[0] as Party],
    });
    const d = parseGeniusDomain(out.domain.text, out.domain.file);
    expect(d.ok && d.value.issues[1]).toEqual({ kind: 'integer', name: 'n', min: 0, max: 4 });
    expect(out.profiles[0]?.text).toContain('evaluation="0.5"'); // 0.2 / 0.4
    expect(out.profiles[0]?.text).toContain('<weight index="1" value="0.12"/>'); // 0.3 × 0.4
    expect(out.profiles.map((p) => p.file)).toEqual(['A_one.xml', 'A_one-2.xml']);
    expect(out.domain.file).toBe('mixed _test_ & _quotes_-domain.xml');
  });

  it('writes hyperrectangle utilities as GENIUS non-linear profiles', () => {
    const s: Scenario = {
      name: 'grid',
      issues: [
        { kind: 'integer', name: 'x', min: 1, max: 4 },
        { kind: 'integer', name: 'y', min: -2, max: 2 },
      ],
      parties: [
        {
          name: 'p',
          role: 'principal',
          reservationValue: 0.1,
          redLines: [],
          utility: {
            kind: 'hyperrectangle',
            scale: 7,
            cap: 1,
            rectangles: [
              { utility: 5, bounds: [{ issue: 0, min: 1, max: 2 }] },
              {
                utility: 4,
                bounds: [
                  { issue: 1, min: 0, max: 4 },
                  { issue: 0, min: 2, max: 3 },
                ],
              },
              { utility: -1, bounds: [] },
            ],
          },
        },
        {
          name: 'q',
          role: 'principal',
          reservationValue: 0,
          redLines: [],
          utility: {
            kind: 'hyperrectangle',
            rectangles: [{ utility: 0.5, bounds: [{ issue: 1, min: 3, max: 3 }] }],
          },
        },
      ],
    };
    const { diff, back, warnings } = roundTrip(s);
    expect(diff).toBeLessThan(1e-12);
    expect(back[0]?.utility.kind).toBe('hyperrectangle');
    expect(warnings).toEqual([]); // q has no cap but cannot exceed 1
  });

  it('refuses with a ConcordError what GENIUS cannot express', () => {
    const neg: Scenario = {
      ...mixed,
      parties: [
        {
          ...(mixed.parties[1] as Party),
          utility: {
            kind: 'linear-additive',
            weights: [1, 0, 0, 0, 0],
            values: [
              { kind: 'table', values: [-1, -0.5, 0] },
              ...(mixed.parties[1]?.utility.kind === 'linear-additive'
                ? mixed.parties[1].utility.values.slice(1)
                : []),
            ],
          },
        },
      ],
    };
    expect(() => exportGeniusXml(neg)).toThrow(ConcordError);
  });
});
