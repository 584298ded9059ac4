import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefJson } from '../src/cli/brief.js';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { briefToHtml, briefToText, buildBrief, composeAnswers } from '../src/index.js';
import { loadScenario } from '../src/node.js';

/**
 * Golden files for the brief of ukraine-2025 (Observable Plot style): the text and the JSON are
 * compared with test/golden/brief/; on a mismatch the new output is written beside it as
 * `*-changed.*` for review (copy it over the golden file when the change is intended).
 * Timings are masked; everything else is deterministic by seed.
 */
const dir = join(import.meta.dirname, 'golden', 'brief');
const golden = (name: string, actual: string) => {
  const file = join(dir, name);
  const changed = file.replace(/(\.\w+)$/, '-changed$1');
  if (!existsSync(file)) {
    // A missing golden file is written once locally; in CI it is a failure (nothing to compare).
    if (process.env.CI) expect.fail(`${name} is missing: run the test locally and commit it`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) writeFileSync(changed, actual);
  expect(actual, `differs from ${name}; see ${changed}`).toBe(expected);
};

const loaded = loadScenario('ukraine-2025');
if (!loaded.ok) throw new Error('ukraine-2025 does not load');
const scenario = loaded.value;
const brief = buildBrief(scenario, { samples: 2000, whatIfSamples: 1000, seed: 7 });
const answers = composeAnswers(scenario, brief);

describe('the ukraine-2025 brief', () => {
  it('text matches the golden file', () => {
    golden('ukraine-2025.txt', `${briefToText(scenario, brief, answers).replace(/ · \d+ ms/, ' · <ms>')}\n`);
  });

  it('JSON matches the golden file', () => {
    const j = { ...briefJson(brief, answers), elapsedMs: '<ms>' };
    golden('ukraine-2025.json', `${JSON.stringify(j, null, 2)}\n`);
  });

  it('is the same twice with the same seed, different with another', () => {
    const again = buildBrief(scenario, { samples: 2000, whatIfSamples: 1000, seed: 7 });
    expect(again.monteCarlo).toEqual(brief.monteCarlo);
    expect(again.redLineEffects).toEqual(brief.redLineEffects);
    const other = buildBrief(scenario, { samples: 2000, whatIfSamples: 1000, seed: 8 });
    expect(other.monteCarlo.pAgreementZone).not.toBe(brief.monteCarlo.pAgreementZone);
  });

  it('answers the flagship questions, each resting on assumptions', () => {
    expect(answers.map((a) => a.id)).toEqual([
      'zone',
      'gaps',
      'drafts',
      'concessions',
      'levers',
      'certainty',
    ]);
    for (const a of answers) expect(a.assumptions.length).toBeGreaterThan(0);
    expect(answers.find((a) => a.id === 'gaps')?.answer.join(' ')).toMatch(/gap of 40,000 personnel/);
  });

  it('each draft says what moves each party’s acceptance most, every difference with its standard error', () => {
    const drafts = answers.find((a) => a.id === 'drafts')?.answer ?? [];
    for (const d of scenario.record?.drafts ?? []) {
      const line = drafts.find((l) => l.startsWith(`What moves acceptance of the ${d.name} most`));
      expect(line, d.name).toBeDefined();
      for (const p of scenario.parties) expect(line).toContain(`${p.name}: `);
      expect(line).toMatch(/-\d+\.\d ± \d+\.\d points/);
      expect(brief.drafts.find((x) => x.name === d.name)?.drivers.length).toBeGreaterThan(10);
    }
  });

  it('every difference in points printed carries its standard error, and is called within noise exactly when it is', () => {
    const text = answers.flatMap((a) => a.answer).join('\n');
    const bare = [...text.matchAll(/(.{0,12})\b(\d+\.\d) points/g)].filter((m) => !/± $/.test(m[1] ?? ''));
    expect(bare.map((m) => m[0])).toEqual([]);
    let checked = 0;
    for (const m of text.matchAll(
      /([+-]?\d+\.\d) ± (\d+\.\d) points(?: if not real| in all)?(, within noise)?/g,
    )) {
      const d = Math.abs(Number(m[1]));
      const se = Number(m[2]);
      // Rounded to 0.1: judge only where rounding cannot flip the call.
      if (Math.abs(d - 2 * se) < 0.2) continue;
      checked++;
      expect(m[3] !== undefined, m[0]).toBe(d <= 2 * se);
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('the HTML report is one self-contained file with every section', () => {
    const html = briefToHtml(scenario, brief, answers);
    for (const h of [
      'Answers',
      'What moves the chance of a deal',
      'Drafts: who would accept them',
      'Utility plane',
      'Timeline',
      'Evidence',
      'Assumptions',
    ])
      expect(html).toContain(`<h2>${h}`);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    for (const d of scenario.record?.drafts ?? [])
      expect(html).toContain(`<h3>What moves acceptance of the ${d.name}</h3>`);
    // The P(zone) chart's bars run from the baseline to a what-if, and its note says so (it once
    // described low and high ends of a range); each bar's label carries the difference ± SE.
    const chart = html.slice(
      html.indexOf('What moves the chance of a deal'),
      html.indexOf('Drafts: who would accept them'),
    );
    expect(chart).toContain('Each bar runs from the baseline P(agreement zone)');
    expect(chart).not.toContain('at the low end of its range');
    expect((chart.match(/±/g) ?? []).length).toBeGreaterThanOrEqual(brief.redLineEffects.length);
    for (const e of scenario.record!.evidence) expect(html).toContain(`id="ev-${e.id}"`);
  });
});

describe('concord brief (CLI)', () => {
  it('writes the report and prints the answers first', async () => {
    const io = memoryIo();
    const code = await runCli(['brief', 'ukraine-2025', '--samples', '1000', '--report', 'out/r.html'], io);
    expect(code).toBe(0);
    expect(io.stdout.indexOf('1. Is there any deal')).toBeLessThan(io.stdout.indexOf('EVIDENCE'));
    const html = io.files.get('out/r.html') ?? '';
    expect(html).toMatch(/^<!doctype html>/);
    // The timeline inside the report: a chart and a table row per event up to the brief's day.
    expect(html).toContain('<h2 id="timeline-answers">How the answers moved, event by event</h2>');
    const section = html.slice(html.indexOf('id="timeline-answers"'));
    for (const e of scenario.record?.events ?? [])
      if (e.on !== undefined && (scenario.record?.asOf === undefined || e.on <= scenario.record.asOf))
        expect(section).toContain(`<td>${e.on} ${e.id}</td>`);
    expect(section).toMatch(/<svg/);
  });
  it('--set moves a lever and rejects unknown names with the list', async () => {
    const io = memoryIo();
    expect(
      await runCli(
        ['brief', '--samples', '500', '--no-report', '--set', 'sanctions=intensified', '--json'],
        io,
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout).levers).toEqual({ sanctions: 'intensified' });
    const bad = memoryIo();
    expect(
      await runCli(['brief', '--no-report', '--set', 'sanctions=nuclear', '--set', 'colour=3'], bad),
    ).toBe(1);
    expect(bad.stderr).toMatch(/lever "sanctions" has no level "nuclear" \(levels: current, intensified\)/);
    expect(bad.stderr).toMatch(/"colour" is not a lever, an assumption or a parameter/);
  });
  it('a scenario without a record is refused in one line', async () => {
    const io = memoryIo();
    expect(await runCli(['brief', 'examples/job-offer.yaml', '--no-report'], io)).toBe(1);
    expect(io.stderr).toMatch(/no record/);
  });
});

describe('concord analyze ukraine-2025 --json', () => {
  it('carries evidence, assumptions, drafts and uncertainty besides the core fields', async () => {
    const io = memoryIo();
    expect(await runCli(['analyze', 'ukraine-2025', '--json', '--samples', '500'], io)).toBe(0);
    const j = JSON.parse(io.stdout);
    for (const k of [
      'parties',
      'outcomeCount',
      'frontier',
      'solutions',
      'elapsedMs',
      'evidence',
      'assumptions',
      'drafts',
      'uncertainty',
    ])
      expect(j).toHaveProperty(k);
    const quote = j.evidence.find((e: { kind: string }) => e.kind === 'quote');
    for (const k of ['id', 'kind', 'quote', 'source', 'locator', 'speaker', 'date', 'supports'])
      expect(quote).toHaveProperty(k);
    for (const k of ['id', 'parameter', 'distribution', 'range', 'rationale'])
      expect(j.assumptions[0]).toHaveProperty(k);
    for (const k of ['name', 'points', 'evaluation']) expect(j.drafts[0]).toHaveProperty(k);
    expect(j.uncertainty).toMatchObject({ samples: 500, seed: 1 });
    expect(j.uncertainty.pAgreementZone).toBeGreaterThanOrEqual(0);
    expect(j.uncertainty.stdError).toBeGreaterThan(0);
  });
});
