import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../src/core/errors.js';
import { createRng, type Rng } from '../src/core/rng.js';
import {
  type GeniusDomain,
  parseGeniusDomain,
  parseGeniusProfile,
  parseGeniusWebDomain,
  parseGeniusWebProfile,
} from '../src/io/genius/index.js';
import type { Party } from '../src/model/party.js';
import { createSpace } from '../src/outcomes/space.js';
import { compileUtility } from '../src/preferences/compile.js';
import { domainsDir, hasShared } from './support/shared.js';

const shared = hasShared('GENIUS fuzzing (test/genius-fuzz.test.ts)');

/** Folders chosen for variety: discrete, integer, skipped index, odd old format, non-linear, UNCERTAIN, JSON. */
const XML_CASES = [
  ['anac-y2011-Laptop', 'laptop_domain.xml', 'laptop_buyer_utility.xml'],
  ['genius-6issues', '6issues.xml', '6issues_util1.xml'],
  ['anac-y2012-FitnessA', 'Fitness-A-domain.xml', 'Fitness-A-prof1.xml'],
  ['genius-AMPOvsCity', 'ampo_vs_city_template.xml', 'ampo_vs_city_ampo_space.xml'],
  ['anac-y2014-10issues', '10issues-domain.xml', 'profile-1.xml'],
  ['genius-ANAC2016-nGent', 'ElectricVehicle.xml', 'ElectricVehicleA20.xml'],
  ['anac-y2015-group4-zoning_plan', 'Group4.xml', 'Group4_util1.xml'],
] as const;
const JSON_CASES = [['pkgtestdata-geniusweb-Party', 'party.json', 'party1.json']] as const;

const GARBAGE = [
  'NaN',
  '-1',
  'abc',
  '1e309',
  '99999999999999999999',
  '',
  '-0',
  '0x10',
  ' 1 ',
  '1,5',
  '&amp;',
  '&#0;',
  'Infinity',
];
const JSON_GARBAGE = [
  'NaN',
  '-1',
  '"abc"',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
  '"',
  '99999999999999999999',
  '-',
];
const XML_TAGS = [
  'issue',
  'item',
  'weight',
  'objective',
  'evaluator',
  'utility_space',
  'hyperRectangle',
  'INCLUDES',
  'x',
];

type Mutation = (text: string, rng: Rng) => string;

const pickIndex = (rng: Rng, n: number) => rng.int(0, Math.max(0, n - 1));

function lines(text: string, rng: Rng, f: (ls: string[], i: number) => void): string {
  const ls = text.split('\n');
  f(ls, pickIndex(rng, ls.length));
  return ls.join('\n');
}

const common: Mutation[] = [
  (t, rng) => t.slice(0, rng.int(0, t.length)), // truncated
  (t, rng) => lines(t, rng, (ls, i) => ls.splice(i, 1)), // element (line) removed
  (t, rng) => lines(t, rng, (ls, i) => ls.splice(i, 0, ls[i] ?? '')), // element (line) duplicated
  (t, rng) =>
    lines(t, rng, (ls, i) => {
      const j = pickIndex(rng, ls.length);
      [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    }), // two lines swapped
  (t, rng) => {
    const at = rng.int(0, t.length);
    return (
      t.slice(0, at) +
      (['<', '>', '"', '&', '/', '{', '}', ',', ':', '\u0000'][rng.int(0, 9)] as string) +
      t.slice(at)
    );
  },
];

const xmlOnly: Mutation[] = [
  (t, rng) => {
    const attrs = [...t.matchAll(/="[^"]*"/g)];
    const m = attrs[pickIndex(rng, attrs.length)];
    if (!m) return t;
    const g = GARBAGE[rng.int(0, GARBAGE.length - 1)] as string;
    return `${t.slice(0, m.index)}="${g}"${t.slice((m.index ?? 0) + m[0].length)}`;
  }, // garbage attribute value
  (t, rng) => {
    const tags = [...t.matchAll(/<\/?([A-Za-z_]+)/g)];
    const a = tags[pickIndex(rng, tags.length)];
    const b = tags[pickIndex(rng, tags.length)];
    if (!a || !b || a.index === undefined || b.index === undefined || a.index === b.index) return t;
    const [first, second] = a.index < b.index ? [a, b] : [b, a];
    const fi = (first.index as number) + first[0].length - (first[1] as string).length;
    const si = (second.index as number) + second[0].length - (second[1] as string).length;
    return (
      t.slice(0, fi) +
      second[1] +
      t.slice(fi + (first[1] as string).length, si) +
      first[1] +
      t.slice(si + (second[1] as string).length)
    );
  }, // two tag names swapped
  (t, rng) => {
    const tags = [...t.matchAll(/<([A-Za-z_]+)/g)];
    const a = tags[pickIndex(rng, tags.length)];
    if (!a || a.index === undefined) return t;
    const name = XML_TAGS[rng.int(0, XML_TAGS.length - 1)] as string;
    return `${t.slice(0, a.index + 1)}${name}${t.slice(a.index + 1 + (a[1] as string).length)}`;
  }, // tag renamed (start tag only)
  (t, rng) => {
    const attrs = [...t.matchAll(/ [A-Za-z_]+="[^"]*"/g)];
    const m = attrs[pickIndex(rng, attrs.length)];
    return m && m.index !== undefined ? t.slice(0, m.index) + t.slice(m.index + m[0].length) : t;
  }, // attribute removed
];

const jsonOnly: Mutation[] = [
  (t, rng) => {
    const nums = [...t.matchAll(/-?\d+(\.\d+)?|"[^"]*"/g)];
    const m = nums[pickIndex(rng, nums.length)];
    if (!m || m.index === undefined) return t;
    return (
      t.slice(0, m.index) +
      (JSON_GARBAGE[rng.int(0, JSON_GARBAGE.length - 1)] as string) +
      t.slice(m.index + m[0].length)
    );
  }, // garbage value
];

function checkResult<T>(r: Result<T>, file: string, what: string): void {
  if (r.ok) return;
  assert.ok(r.problems.length > 0, `${what}: failure without problems`);
  for (const p of r.problems) {
    assert.equal(p.file, file, `${what}: problem without its file: ${JSON.stringify(p)}`);
    assert.ok(
      Number.isInteger(p.line) && (p.line as number) >= 1,
      `${what}: problem without a line: ${JSON.stringify(p)}`,
    );
    assert.ok(typeof p.message === 'string' && p.message.length > 0, `${what}: empty message`);
  }
}

/** An accepted profile must still give finite utilities. */
function checkParty(party: Party, domain: GeniusDomain, rng: Rng, what: string): void {
  const space = createSpace(domain.issues);
  if (space.sizes.some((s) => s > 1e6)) return;
  const u = compileUtility(space, party.utility);
  for (let k = 0; k < 3; k++) {
    const o = space.sizes.map((n) => rng.int(0, n - 1));
    assert.ok(Number.isFinite(u.evaluate(o)), `${what}: utility not finite`);
  }
  assert.ok(Number.isFinite(party.reservationValue), `${what}: reservation not finite`);
}

describe.runIf(shared)('GENIUS parsers on damaged community files', () => {
  it('never throw, and every failure is a list of problems with file and line (deterministic, seeded)', () => {
    const rng = createRng(20240611);
    let runs = 0;
    let failures = 0;
    const started = Date.now();
    const cases = [
      ...XML_CASES.map((c) => ({ c, json: false })),
      ...JSON_CASES.map((c) => ({ c, json: true })),
    ];
    for (const { c, json } of cases) {
      const [folder, domainFile, profileFile] = c;
      const domainText = readFileSync(join(domainsDir, folder, domainFile), 'utf8');
      const profileText = readFileSync(join(domainsDir, folder, profileFile), 'utf8');
      const parseDomain = json ? parseGeniusWebDomain : parseGeniusDomain;
      const parseProfile = json ? parseGeniusWebProfile : parseGeniusProfile;
      const domain = parseDomain(domainText, domainFile);
      assert.ok(domain.ok, `${folder}: the undamaged domain must load`);
      assert.ok(
        parseProfile(profileText, profileFile, domain.value).ok,
        `${folder}: the undamaged profile must load`,
      );
      const mutations = [...common, ...(json ? jsonOnly : xmlOnly)];
      for (let k = 0; k < 220; k++) {
        const mutate = mutations[k % mutations.length] as Mutation;
        // Sometimes two damages at once.
        const twice = rng.int(0, 3) === 0;
        const dText = twice ? mutate(mutate(domainText, rng), rng) : mutate(domainText, rng);
        const pText = twice ? mutate(mutate(profileText, rng), rng) : mutate(profileText, rng);
        const what = `${folder} #${k}`;
        let d: Result<GeniusDomain>;
        let p: Result<Party>;
        try {
          d = parseDomain(dText, domainFile);
          p = parseProfile(pText, profileFile, domain.value);
        } catch (e) {
          assert.fail(`${what}: threw ${e instanceof Error ? e.stack : String(e)}`);
        }
        checkResult(d, domainFile, `${what} domain`);
        checkResult(p, profileFile, `${what} profile`);
        if (p.ok) checkParty(p.value, domain.value, rng, what);
        // A damaged domain that still reads must still work with the (undamaged) profile, or say why.
        if (d.ok) {
          try {
            checkResult(
              parseProfile(profileText, profileFile, d.value),
              profileFile,
              `${what} vs damaged domain`,
            );
          } catch (e) {
            assert.fail(
              `${what}: threw against a damaged domain: ${e instanceof Error ? e.stack : String(e)}`,
            );
          }
        }
        runs += 2;
        failures += (d.ok ? 0 : 1) + (p.ok ? 0 : 1);
      }
    }
    expect(runs).toBeGreaterThanOrEqual(1000);
    // The damage must actually hurt: a good share of inputs is refused.
    expect(failures).toBeGreaterThan(runs / 4);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
