import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSpace } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';
import type { GeniusDomain } from './domain.js';
import { parseGeniusWebDomain, parseGeniusWebProfile } from './geniusweb.js';

const fixture = (p: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../test/fixtures/genius/geniusweb/${p}`, import.meta.url)),
    'utf8',
  );

const domainResult = parseGeniusWebDomain(fixture('trip.json'), 'trip.json');
const domain = domainResult.ok ? domainResult.value : (undefined as unknown as GeniusDomain);

describe('parseGeniusWebDomain', () => {
  it('reads discrete values and number ranges, in file order', () => {
    expect(domainResult.ok).toBe(true);
    expect(domain.issues).toEqual([
      { kind: 'discrete', name: 'city', values: ['Kyoto', 'Osaka', 'Tokyo'] },
      { kind: 'integer', name: 'days', min: 2, max: 8, step: 2 },
    ]);
    expect(domain.indices).toEqual([1, 2]);
    expect(domain.format).toBe('geniusweb-json');
  });

  it('turns a non-integer range into a real issue on the same grid', () => {
    const r = parseGeniusWebDomain(
      '{"issuesValues": {"p": {"range": {"low": 0.5, "high": 1.6, "step": 0.5}}}}',
      'r.json',
    );
    expect(r.ok && r.value.issues).toEqual([{ kind: 'real', name: 'p', min: 0.5, max: 1.5, resolution: 3 }]);
  });

  it('locates shape problems', () => {
    const r = parseGeniusWebDomain(
      '{\n "issuesValues": {\n  "a": {"values": [1]},\n  "b": {}\n }\n}',
      'bad.json',
    );
    expect(!r.ok && r.problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
      'bad-json-shape 3:20',
      'bad-json-shape 4:8',
    ]);
  });
});

describe('parseGeniusWebProfile', () => {
  it('uses the utilities as given and the reservation bid for the reservation value', () => {
    const r = parseGeniusWebProfile(fixture('trip1.json'), 'x/trip1.json', domain);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      name: 'trip1',
      role: 'principal',
      discountFactor: 1,
      source: 'x/trip1.json',
    });
    expect(r.value.utility).toEqual({
      kind: 'linear-additive',
      weights: [0.6, 0.4],
      values: [
        { kind: 'table', values: [1, 0.25, 0.5] },
        { kind: 'linear', x0: 2, y0: 0.2, slope: 0.8 / 6, clampMin: 0, clampMax: 1 },
      ],
    });
    expect(r.value.reservationValue).toBeCloseTo(0.6 * 0.25 + 0.4 * (0.2 + (0.8 * 2) / 6), 15);
    const u = compileUtility(createSpace(domain.issues), r.value.utility);
    expect(u.evaluate([0, 3])).toBeCloseTo(1, 15);
  });

  it('has reservation 0 without a reservation bid', () => {
    const r = parseGeniusWebProfile(fixture('trip2.json'), 'trip2.json', domain);
    expect(r.ok && r.value.reservationValue).toBe(0);
  });

  it('refuses what GeniusWeb refuses: utilities outside [0, 1], unfitting values, another domain', () => {
    const text = fixture('trip1.json')
      .replace('"Kyoto": 1,', '"Kyoto": 1.5,')
      .replace('"Tokyo": 0.5 }', '"Nagoya": 0.5 }')
      .replace('"high": 8, "step": 2 } }\n      }', '"high": 10, "step": 2 } }\n      }');
    const r = parseGeniusWebProfile(text, 'bad.json', domain);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual([
      'missing-evaluation',
      'bad-utility',
      'unknown-value',
      'domain-mismatch',
    ]);
    expect(r.problems.every((p) => p.line !== undefined && p.column !== undefined)).toBe(true);
  });

  it('refuses other profile kinds by name', () => {
    const r = parseGeniusWebProfile('{"SumOfGroupsUtilitySpace": {}}', 's.json', domain);
    expect(!r.ok && r.problems[0]?.message).toContain('SumOfGroupsUtilitySpace');
  });
});
