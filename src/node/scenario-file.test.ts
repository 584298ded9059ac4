import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from './scenario-file.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadScenarioFile', () => {
  it('reads and parses a file, with the path as source and in problems', () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(
      good,
      'name: t\nissues:\n  - { name: x, options: [a, b] }\nparties:\n  - { name: A, role: mediator }\n  - { name: B, role: mediator }\n',
    );
    const r = loadScenarioFile(good);
    expect(r.ok && r.value.source).toBe(good);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "name": "t",\n  "isues": []\n}\n');
    const b = loadScenarioFile(bad);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
      [bad, 1, 1, 'missing required key "parties"'],
      [bad, 3, 3, 'unknown key "isues"; did you mean "issues"?'],
    ]);
  });

  it('reports a missing file', () => {
    const missing = join(dir, 'nope.yaml');
    expect(loadScenarioFile(missing)).toEqual({
      ok: false,
      problems: [{ code: 'file-not-found', message: 'no such file', file: missing }],
    });
  });

  it('reports a folder given as a file', () => {
    expect(loadScenarioFile(dir)).toEqual({
      ok: false,
      problems: [{ code: 'file-unreadable', message: 'is a folder, not a scenario file', file: dir }],
    });
  });

  it('reads a file that starts with a byte-order mark', () => {
    const bom = join(dir, 'bom.yaml');
    writeFileSync(
      bom,
      '\uFEFFname: t\nissues:\n  - { name: x, options: [a] }\nparties:\n  - { name: A, role: mediator }\n  - { name: B, role: mediator }\n',
    );
    expect(loadScenarioFile(bom).ok).toBe(true);
  });
});
