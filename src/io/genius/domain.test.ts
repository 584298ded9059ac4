import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseName, parseGeniusDomain } from './domain.js';

const fixture = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/genius/${p}`, import.meta.url)), 'utf8');

describe('parseGeniusDomain', () => {
  it('reads discrete and integer issues with their GENIUS indices', () => {
    const r = parseGeniusDomain(fixture('basic/holiday-domain.xml'), 'holiday-domain.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('holiday-domain');
    expect(r.value.format).toBe('genius-xml');
    expect(r.value.indices).toEqual([1, 2, 3]);
    expect(r.value.issues).toEqual([
      { kind: 'discrete', name: 'Destination', values: ['Beach', 'Mountains', 'City & Museums'] },
      { kind: 'integer', name: 'Nights', min: 2, max: 6 },
      { kind: 'discrete', name: 'Hotel', values: ['Hostel', 'Resort'] },
    ]);
    expect(r.warnings).toBeUndefined();
  });

  it('keeps skipped indices, takes the type from vtype when type is absent, tolerates a leading blank line', () => {
    const r = parseGeniusDomain(fixture('skipped/fit-domain.xml'), 'fit-domain.xml');
    expect(r.ok && r.value.indices).toEqual([2, 4]);
    expect(r.ok && r.value.issues.map((i) => i.kind)).toEqual(['discrete', 'discrete']);
  });

  it('reports every problem at once, each located', () => {
    const r = parseGeniusDomain(fixture('quirks/unknown-issue-type.xml'), 'q.xml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unknown-issue-type', 4, 34],
      ['bad-bounds', 7, 3],
    ]);
    expect(r.problems.every((p) => p.file === 'q.xml')).toBe(true);
  });

  it('refuses a profile given as a domain, and duplicates', () => {
    const notDomain = parseGeniusDomain(fixture('basic/alice.xml'), 'alice.xml');
    expect(!notDomain.ok && notDomain.problems[0]?.code).toBe('not-a-genius-domain');
    const dup = parseGeniusDomain(
      `<negotiation_template><utility_space><objective index="0">
<issue index="1" name="a"><item value="x"/><item value="x"/></issue>
<issue index="1" name="a"><item value="y"/></issue>
</objective></utility_space></negotiation_template>`,
      'dup.xml',
    );
    expect(!dup.ok && dup.problems.map((p) => `${p.code}@${p.line}`)).toEqual([
      'duplicate-value@2',
      'duplicate-index@3',
      'duplicate-issue@3',
    ]);
  });

  it('reads GENIUS real issues from their <range> child', () => {
    const r = parseGeniusDomain(
      '<negotiation_template><utility_space><objective index="0"><issue index="1" name="p" type="real"><range lowerbound="0.5" upperbound="2"/></issue></objective></utility_space></negotiation_template>',
      'r.xml',
    );
    expect(r.ok && r.value.issues).toEqual([{ kind: 'real', name: 'p', min: 0.5, max: 2 }]);
  });

  it('orders nested objectives as GENIUS does: sub-objectives first, then own issues', () => {
    const r = parseGeniusDomain(
      `<negotiation_template><utility_space><objective index="0">
<issue index="1" name="top"><item value="a"/></issue>
<objective index="2"><issue index="3" name="inner"><item value="b"/></issue></objective>
</objective></utility_space></negotiation_template>`,
      'n.xml',
    );
    expect(r.ok && r.value.issues.map((i) => i.name)).toEqual(['inner', 'top']);
    expect(r.ok && r.value.indices).toEqual([3, 1]);
  });
});

describe('baseName', () => {
  it('drops folders and the extension', () => {
    expect(baseName('a/b/Laptop-A-prof1.xml')).toBe('Laptop-A-prof1');
    expect(baseName('C:\\x\\y.json')).toBe('y');
    expect(baseName('.hidden')).toBe('.hidden');
  });
});
