import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, evaluateOutcome, fmtU, type Scenario } from '../src/index.js';
import { loadScenario } from '../src/node.js';
import { repoRoot } from './support/shared.js';
import { runConcord } from './support/spawn-cli.js';

/**
 * `concord analyze` on a scenario without an agreement zone still helps (issue 8, point 5): what
 * closes the zone, the nearest outcomes and how far each party is from accepting them, the
 * frontier without the rationality cut. Every claim printed is checked against the library.
 */
const dir = mkdtempSync(join(tmpdir(), 'concord-no-zone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report with wrapped lines joined, so sentences can be matched whole. */
const flat = (text: string) => text.replace(/\n +/g, ' ');

function load(ref: string): Scenario {
  const r = loadScenario(ref);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

const withoutRedLine = (s: Scenario, party: string, id: string): Scenario => ({
  ...s,
  parties: s.parties.map((p) =>
    p.name === party ? { ...p, redLines: p.redLines.filter((r) => r.id !== id) } : p,
  ),
});

describe('analyze without an agreement zone', () => {
  it('ukraine-2025: names what closes the zone, at the central assumptions, and points to brief', async () => {
    const r = await runConcord(['analyze', 'ukraine-2025']);
    expect(r.code).toBe(0);
    const out = flat(r.out);
    expect(out).toContain('Why there is no agreement zone at the central assumptions');
    expect(out).toContain('concord brief ukraine-2025');
    expect(out).toMatch(
      /Without the rationality cut \(reservation values .*ignored.*\): Pareto frontier of \d+ points/,
    );
    for (const line of r.out.split('\n')) {
      if (!/^[│┌└├]/.test(line)) expect([...line].length).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/\(\(|\)\)|\) \(|\.\)/);
    }

    // Every red line it says would open a zone on its own does, and the zone is closed with all.
    const scenario = load('ukraine-2025');
    expect(analyze(scenario).frontier).toHaveLength(0);
    const sets = /Red lines: dropping (.+?) would open a zone/.exec(out)?.[1] ?? '';
    const named = [...sets.matchAll(/([A-Z][\w ]*?)'s ([\w-]+)/g)].map((m): [string, string] => [
      m[1] as string,
      m[2] as string,
    ]);
    expect(named.length).toBeGreaterThan(0);
    for (const [party, id] of named) {
      expect(analyze(withoutRedLine(scenario, party, id)).frontier.length, `${party} ${id}`).toBeGreaterThan(
        0,
      );
    }

    // The nearest outcome's standing matches the library's own evaluation of it.
    const first = /\n {2}1\. (.+?) → (.+?)\n {2}2\./s.exec(r.out);
    expect(first).not.toBeNull();
    const named1 = Object.fromEntries(
      flat(first?.[1] ?? '')
        .trim()
        .split('; ')
        .map((kv) => kv.split(' = ') as [string, string])
        .map(([k, v]) => {
          const issue = scenario.issues.find((i) => i.name === k);
          return [k, issue?.kind === 'discrete' ? v : Number(v.replace(/,/g, ''))];
        }),
    );
    const e = evaluateOutcome(scenario, named1);
    const standing = flat(first?.[2] ?? '');
    for (const p of e.parties) {
      expect(standing).toContain(`${p.party} ${fmtU(p.utility as number)}`);
      for (const red of p.redLinesCrossed) expect(standing).toContain(red);
    }
  });

  it('a scenario without assumptions says nothing of central assumptions', async () => {
    const yaml = readFileSync(join(repoRoot, 'examples/job-offer.yaml'), 'utf8').replace(
      'reservation: 0.45',
      'reservation: 0.97',
    );
    const path = join(dir, 'no-zone.yaml');
    writeFileSync(path, yaml);
    const r = await runConcord(['analyze', path]);
    expect(r.code).toBe(0);
    const out = flat(r.out);
    expect(r.out).toContain('Why there is no agreement zone\n');
    expect(out).not.toContain('central assumptions');
    expect(out).toMatch(/Candidate [01]\.\d{4} needs [01]\.\d{4} more to reach its reservation 0\.9700/);
  });

  it('--evaluate with a partial outcome shows only the values given', async () => {
    const r = await runConcord([
      'analyze',
      'examples/job-offer.yaml',
      '--evaluate',
      'location=remote;holidays=28',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Evaluation of location = remote; holidays = 28\n');
    expect(r.out).toContain('partial outcome: salary, start, signing bonus not given');
  });
});
