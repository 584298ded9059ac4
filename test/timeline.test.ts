import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { parseScenario, type Scenario, scenarioAsOf, timeline } from '../src/index.js';

const file = join(import.meta.dirname, 'fixtures', 'timeline', 'lease.yaml');
const text = readFileSync(file, 'utf8');
const load = (t: string): Scenario => {
  const r = parseScenario(t, 'lease.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.value;
};
const lease = load(text);

const state = (day?: string) => {
  const r = scenarioAsOf(lease, day);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
};
const redLines = (s: Scenario) => s.parties.flatMap((p) => p.redLines.map((r) => r.id));

describe('scenarioAsOf', () => {
  it('before any event: no tabled draft, no added red line, the file values', () => {
    const r = state('2026-01-01');
    expect(r.applied).toEqual([]);
    expect(r.scenario.record?.drafts).toEqual([]);
    expect(redLines(r.scenario)).toEqual(['t-no-high', 'l-no-low']);
    expect(r.levers).toEqual({});
    expect(r.scenario.record?.assumptions[0]?.distribution).toEqual({ kind: 'uniform', min: 0.2, max: 0.4 });
  });

  it('applies effects in date order, not file order, up to and including the day', () => {
    expect(state('2026-01-15').applied.map((e) => e.id)).toEqual(['e-offer']);
    const feb = state('2026-02-10');
    expect(feb.applied.map((e) => e.id)).toEqual(['e-offer', 'e-market']);
    expect(feb.scenario.record?.drafts.map((d) => d.name)).toEqual(['offer']);
    expect(redLines(feb.scenario)).toEqual(['t-no-high', 'l-no-low', 'l-no-long']);
    expect(feb.levers).toEqual({ market: 'hot' });
    const a = feb.scenario.record?.assumptions[0];
    expect(a?.distribution).toEqual({ kind: 'uniform', min: 0.1, max: 0.2 });
    expect(a?.value).toBeCloseTo(0.15, 12);
  });

  it('a red line dropped later is gone after that day; the default day is the scenario asOf', () => {
    expect(redLines(state('2026-03-05').scenario)).not.toContain('l-no-long');
    const dflt = state();
    expect(dflt.asOf).toBe('2026-03-01');
    expect(redLines(dflt.scenario)).toContain('l-no-long');
    // Without asOf: every event.
    const all = scenarioAsOf({
      ...lease,
      record: { ...(lease.record as NonNullable<Scenario['record']>), asOf: undefined } as never,
    });
    expect(all.ok && all.applied.length).toBe(3);
  });

  it('bad days are located problems, all at once', () => {
    const r = scenarioAsOf(lease, '2026-02-30');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        { path: '--as-of', message: '"2026-02-30" is not a day written YYYY-MM-DD' },
      ]);
    const bad = parseScenario(
      text
        .replace("on: '2026-02-10'", "on: 'February'")
        .replace('level: hot', 'level: boiling')
        .replace("asOf: '2026-03-01'", "asOf: 'soon'"),
      'lease.yaml',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const msgs = bad.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
      expect(msgs.some((m) => /^3:\d+ "soon" is not a day/.test(m))).toBe(true);
      expect(msgs.some((m) => /"February" is not a day written YYYY-MM-DD/.test(m))).toBe(true);
      expect(msgs.some((m) => /"boiling" is not a level of lever "market"/.test(m))).toBe(true);
    }
  });

  it('an effect without evidence or rationale, or with an unknown target, is a problem', () => {
    const bad = parseScenario(
      text.replace(
        '{ kind: drop-red-line, redLine: l-no-long, rationale: fixture assumption }',
        '{ kind: drop-red-line, redLine: l-no-lng }',
      ),
      'lease.yaml',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const msgs = bad.problems.map((p) => p.message);
      expect(msgs).toContain('unknown red line "l-no-lng"');
      expect(msgs).toContain('an effect needs evidence (a fact) or a rationale (a labelled assumption)');
    }
  });

  it('the timeline: one row per dated event plus the start; a red line added never raises P(zone)', () => {
    const t = timeline(lease, { samples: 200, seed: 3 });
    expect(t.steps.map((s) => s.event?.id ?? 'start')).toEqual(['start', 'e-offer', 'e-market', 'e-relent']);
    expect(t.steps[0]?.drafts).toEqual([]);
    expect(t.steps[1]?.drafts.map((d) => d.name)).toEqual(['offer']);
    expect(t.steps[1]?.pAgreementZone).toBeLessThanOrEqual(t.steps[0]?.pAgreementZone as number);
    expect(t.steps[1]?.effects.map((f) => f.basis)).toEqual(['fact', 'fact']);
    expect(t.steps[3]?.effects.map((f) => f.basis)).toEqual(['assumption']);
    expect(timeline(lease, { samples: 200, seed: 3 })).toEqual(t);
  });
});

describe('concord timeline / brief --as-of on ukraine-2025', () => {
  it('prints a row per event, the same twice with a seed, and writes the HTML chart', async () => {
    const run = async () => {
      const io = memoryIo();
      const code = await runCli(
        ['timeline', 'ukraine-2025', '--samples', '200', '--seed', '5', '--report', 'tl.html'],
        io,
      );
      return { code, io };
    };
    const a = await run();
    expect(a.code, a.io.stderr).toBe(0);
    const rows = a.io.stdout.split('\n').filter((l) => /^│ (start|\d{4}-\d{2}-\d{2} e-)/.test(l));
    expect(rows.map((l) => /^│ (\S+(?: e-\S+)?)/.exec(l)?.[1])).toEqual([
      'start',
      '2025-11-20 e-28-point-plan',
      '2025-11-23 e-geneva',
      '2025-11-28 e-yermak-resigns',
      '2025-11-28 e-putin-statement',
      '2025-11-30 e-florida',
      '2025-12-02 e-moscow',
    ]);
    expect(rows[0]).toContain('—');
    expect(a.io.stdout).toContain('adds red line ru-withdrawal (fact: f-putin-conditions, q-putin-by-force)');
    const html = a.io.files.get('tl.html') ?? '';
    expect(html).toContain('<svg');
    expect(html).toContain('e-florida');
    const b = await run();
    expect(b.io.stdout).toBe(a.io.stdout);
  }, 120_000);

  it('--json gives the steps; brief --as-of before the plans has no drafts; a bad day exits 1', async () => {
    const io = memoryIo();
    expect(await runCli(['timeline', 'ukraine-2025', '--samples', '100', '--json', '--no-report'], io)).toBe(
      0,
    );
    const j = JSON.parse(io.stdout) as { steps: { drafts: unknown[] }[] };
    expect(j.steps).toHaveLength(7);
    expect(j.steps.map((s) => s.drafts.length)).toEqual([0, 1, 1, 1, 1, 2, 2]);
    const b = memoryIo();
    expect(
      await runCli(
        ['brief', 'ukraine-2025', '--as-of', '2025-11-21', '--samples', '100', '--json', '--no-report'],
        b,
      ),
    ).toBe(0);
    const bj = JSON.parse(b.stdout) as { asOf: string; eventsApplied: string[]; drafts: { name: string }[] };
    expect(bj.asOf).toBe('2025-11-21');
    expect(bj.eventsApplied).toEqual(['e-28-point-plan']);
    expect(bj.drafts.map((d) => d.name)).toEqual(['28-point plan']);
    const bad = memoryIo();
    expect(await runCli(['brief', 'ukraine-2025', '--as-of', '21/11/2025', '--no-report'], bad)).toBe(1);
    expect(bad.stderr).toContain('--as-of: "21/11/2025" is not a day written YYYY-MM-DD');
  }, 120_000);
});
