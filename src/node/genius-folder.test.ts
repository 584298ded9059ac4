import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isGeniusFolder, loadGeniusFolder } from './genius-folder.js';

const dir = (p: string) => fileURLToPath(new URL(`../../test/fixtures/genius/${p}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'concord-genius-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadGeniusFolder', () => {
  it('finds the domain by its root element, parties in file-name order, ignores README and pareto.xml', () => {
    const r = loadGeniusFolder(dir('basic'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('basic');
    expect(r.value.issues.map((i) => i.name)).toEqual(['Destination', 'Nights', 'Hotel']);
    expect(r.value.parties.map((p) => p.name)).toEqual(['alice', 'bob']);
    expect(r.value.parties[1]?.source).toBe(join(dir('basic'), 'bob.xml'));
  });

  it('picks profiles by file name, with or without extension, in the given order', () => {
    const r = loadGeniusFolder(dir('basic'), { profiles: ['bob', 'alice.xml'] });
    expect(r.ok && r.value.parties.map((p) => p.name)).toEqual(['bob', 'alice']);
  });

  it('names a profile that is not there, and lists those that are', () => {
    const r = loadGeniusFolder(dir('basic'), { profiles: ['carol', 'bob'] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]?.message).toContain('alice.xml, bob.xml');
    expect(!r.ok && r.problems[0]?.code).toBe('unknown-profile');
  });

  it('loads non-linear, skipped-index and GeniusWeb folders', () => {
    const nl = loadGeniusFolder(dir('nonlinear'));
    expect(nl.ok && nl.value.parties.map((p) => p.utility.kind)).toEqual([
      'hyperrectangle',
      'hyperrectangle',
    ]);
    const sk = loadGeniusFolder(dir('skipped'));
    expect(sk.ok && sk.value.issues.length).toBe(2);
    const gw = loadGeniusFolder(dir('geniusweb'));
    expect(gw.ok && gw.value.parties.map((p) => p.name)).toEqual(['trip1', 'trip2']);
  });

  it('returns the problems of every profile at once', () => {
    const d = join(scratch, 'two-bad');
    mkdirSync(d);
    writeFileSync(
      join(d, 'dom.xml'),
      '<negotiation_template><utility_space><objective index="0"><issue index="1" name="a"><item value="x"/></issue></objective></utility_space></negotiation_template>',
    );
    writeFileSync(
      join(d, 'p1.xml'),
      '<utility_space><objective index="0"><issue index="1" name="a"/></objective></utility_space>',
    );
    writeFileSync(join(d, 'p2.xml'), '<utility_space>\n<objective>');
    const r = loadGeniusFolder(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.file?.slice(d.length + 1)} ${p.code}`)).toEqual([
      'p1.xml missing-weight',
      'p1.xml missing-evaluation',
      'p2.xml xml-syntax',
    ]);
    expect(r.problems.every((p) => p.line !== undefined)).toBe(true);
  });

  it('refuses a folder without a domain, and a missing folder, without throwing', () => {
    expect(loadGeniusFolder(scratch).ok).toBe(false);
    const r = loadGeniusFolder(join(scratch, 'nope'));
    expect(!r.ok && r.problems[0]?.code).toBe('unreadable-folder');
  });
});

describe('isGeniusFolder', () => {
  it('is true for GENIUS and GeniusWeb folders, false otherwise', () => {
    expect(isGeniusFolder(dir('basic'))).toBe(true);
    expect(isGeniusFolder(dir('geniusweb'))).toBe(true);
    expect(isGeniusFolder(dir('quirks'))).toBe(true); // holds a <negotiation_template>
    expect(isGeniusFolder(scratch)).toBe(false);
    expect(isGeniusFolder(join(scratch, 'missing'))).toBe(false);
  });
});
