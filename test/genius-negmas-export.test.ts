/**
 * GENIUS XML as NegMAS's exporter writes it (our own fixture in that style,
 * test/fixtures/genius/negmas-export): read as the additive profiles they are, with a located
 * warning naming each non-standard attribute, and the same parties as the plain GENIUS spelling.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileUtility,
  createSpace,
  formatProblem,
  type GeniusDomain,
  parseGeniusDomain,
  parseGeniusProfile,
} from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';

const dir = 'test/fixtures/genius/negmas-export';
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');
const domainResult = parseGeniusDomain(read('bike-domain.xml'), 'bike-domain.xml');
if (!domainResult.ok) throw new Error('the fixture domain must parse');
const domain: GeniusDomain = domainResult.value;

/** The same profile spelled as GENIUS writes it: no type, objective 0, no cost/description. */
const plainGenius = (text: string) =>
  text
    .replace(' type="any" number_of_issues="3"', '')
    .replace(
      'index="1" etype="objective" type="objective" description="" name="any"',
      'index="0" type="objective"',
    )
    .replace(/ {2}cost="0" {2}/g, ' ')
    .replace(/ description="[^"]*">\s*<\/item>/g, '/>');

describe('GENIUS files written by NegMAS', () => {
  it('the folder loads, every NegMAS-specific attribute named in a located warning', () => {
    const r = loadGeniusFolder(dir);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const warnings = (r.warnings ?? []).map(formatProblem).map((w) => w.slice(w.indexOf(dir)));
    expect(warnings).toContain(
      `${dir}/shop.xml:1:16: type="any" on <utility_space> is not a GENIUS type (NegMAS's exporter writes it); read as the additive profile it holds`,
    );
    expect(warnings.filter((w) => w.includes('type="any"'))).toHaveLength(2);
    expect(warnings.some((w) => w.startsWith(`${dir}/buyer.xml:27:14: reservation value="-inf"`))).toBe(true);
    expect(r.value.parties.map((p) => [p.name, p.reservationValue])).toEqual([
      ['buyer', Number.NEGATIVE_INFINITY],
      ['shop', 0.3],
    ]);
    expect(r.value.parties[1]?.discountFactor).toBe(0.95);
  });

  it('the shop profile is the additive utility written (weights as given, items by value name)', () => {
    const r = parseGeniusProfile(read('shop.xml'), 'shop.xml', domain);
    if (!r.ok) throw new Error('shop.xml must load');
    expect(r.value.utility).toEqual({
      kind: 'linear-additive',
      weights: [0.6, 0.1, 0.3],
      values: [
        { kind: 'table', values: [0.2, 0.6, 1] },
        { kind: 'table', values: [0.5, 1] },
        { kind: 'linear', x0: 0, y0: 1, slope: -0.5, clampMin: 0, clampMax: 1 },
      ],
    });
    const space = createSpace(domain.issues);
    const u = compileUtility(space, r.value.utility);
    // Price 400, red, warranty 0 (first grid point): all best.
    expect(u.evaluate([2, 1, 0])).toBeCloseTo(1, 15);
    // Price 300, black, warranty 2 (last grid point): 0.6×0.2 + 0.1×0.5 + 0.3×0.
    expect(u.evaluate([0, 0, 10])).toBeCloseTo(0.17, 15);
  });

  it('each profile equals its plain GENIUS spelling, and that spelling has no NegMAS warning', () => {
    for (const f of ['shop.xml', 'buyer.xml']) {
      const negmas = parseGeniusProfile(read(f), f, domain);
      const plain = parseGeniusProfile(plainGenius(read(f)), f, domain);
      if (!negmas.ok || !plain.ok) throw new Error(`${f} must load both ways`);
      expect(plainGenius(read(f))).not.toMatch(/type="any"|cost=|description=/);
      expect(plain.value.utility).toEqual(negmas.value.utility);
      expect((plain.warnings ?? []).filter((w) => w.message.includes('type="any"'))).toEqual([]);
    }
  });

  it('a real issue with an offset/slope evaluator and no bounds (older NegMAS) takes the domain bounds', () => {
    const text = read('shop.xml').replace(
      '<evaluator ftype="linear" parameter0="1.0" parameter1="-0.5"></evaluator>',
      '<evaluator ftype="linear" offset="0.25" slope="0.5"></evaluator>',
    );
    const r = parseGeniusProfile(text, 'shop.xml', domain);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.value.utility.kind === 'linear-additive' && r.value.utility.values[2]).toEqual({
      kind: 'linear',
      x0: 0,
      y0: 0.25,
      slope: 0.5,
      clampMin: 0,
      clampMax: 1,
    });
    expect(r.warnings?.map((w) => w.code)).toContain('missing-bounds');
  });

  it('a utility-space type that is neither GENIUS nor NegMAS is still refused, located', () => {
    const r = parseGeniusProfile(read('shop.xml').replace('type="any"', 'type="fuzzy"'), 'shop.xml', domain);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'shop.xml:1:16: <utility_space type="fuzzy"> is not a GENIUS utility space type (none, nonlinear or UNCERTAIN)',
    ]);
  });
});
