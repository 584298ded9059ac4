/**
 * The HTML report's weight and the utility plane's legend, without a browser (the layout is
 * measured in chromium by report-browser.test.ts): under 300 KB with the sampled clouds thinned,
 * a print stylesheet, a legend naming only what the chart draws, labels never cut short.
 */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { analyze, createRng, type Scenario, utilityPlotSvg } from '../src/index.js';
import { wrapLabel } from '../src/io/report/wrap-label.js';
import { loadScenario } from '../src/node.js';

const legendOf = (svg: string): string =>
  [...svg.matchAll(/<text class="chart-title"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');

function jobOffer(change: (s: Scenario) => Scenario = (s) => s): Scenario {
  const r = loadScenario('examples/job-offer.yaml');
  if (!r.ok) throw new Error('examples/job-offer.yaml must load');
  return change(r.value);
}

describe('the HTML report', () => {
  it('weighs under 300 KB, has a print stylesheet and cuts no tornado label', async () => {
    const io = memoryIo();
    expect(await runCli(['brief', 'ukraine-2025', '--samples', '500', '--report', 'out/r.html'], io)).toBe(0);
    const html = io.files.get('out/r.html') ?? '';
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeGreaterThan(50_000);
    expect(bytes).toBeLessThan(300 * 1024);
    expect(html).toMatch(/@media print\{/);
    expect(html).not.toContain('…</text>');
    // The longest red-line label of the flagship scenario, wrapped but whole.
    expect(html).toContain('give up territory").');
  });
});

describe('utilityPlotSvg', () => {
  it('the legend lists only what is drawn', () => {
    const open = jobOffer();
    const a = analyze(open);
    expect(a.frontier.length).toBeGreaterThan(0);
    const full = legendOf(utilityPlotSvg(open, a, { rng: createRng(1) }));
    for (const item of [
      'grey: outcomes',
      'blue: Pareto frontier',
      'orange: solutions',
      'red dashes: reservation values',
    ])
      expect(full).toContain(item);

    // No zone: no frontier, no solutions drawn, so neither is in the legend.
    const closed = jobOffer((s) => ({
      ...s,
      parties: s.parties.map((p) => ({ ...p, reservationValue: 2 })),
    }));
    const none = legendOf(utilityPlotSvg(closed, analyze(closed), { rng: createRng(1) }));
    expect(none).toContain('grey: outcomes');
    expect(none).not.toContain('Pareto frontier');
    expect(none).not.toContain('solutions');

    // No finite reservation: no reservation line.
    const free = jobOffer((s) => ({
      ...s,
      parties: s.parties.map((p) => ({ ...p, reservationValue: Number.NEGATIVE_INFINITY })),
    }));
    expect(legendOf(utilityPlotSvg(free, analyze(free), { rng: createRng(1) }))).not.toContain('reservation');
  });

  it('a sampled cloud is thinned: far fewer bytes than one circle per outcome, same seed same SVG', () => {
    const s = jobOffer();
    const a = analyze(s);
    const svg = utilityPlotSvg(s, a, { rng: createRng(7), maxOutcomes: 2000 });
    expect(svg).toContain('(2,000 sampled outcomes)');
    expect((svg.match(/<circle/g) ?? []).length).toBeLessThan(200);
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+h0(m-?[\d.]+ -?[\d.]+h0)+"[^>]*stroke-linecap="round"/);
    expect(Buffer.byteLength(svg)).toBeLessThan(2000 * 20);
    expect(utilityPlotSvg(s, a, { rng: createRng(7), maxOutcomes: 2000 })).toBe(svg);
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces within the width, keeps every word, never cuts one', () => {
    expect(wrapLabel('European governments', 12)).toBe('European\ngovernments');
    expect(wrapLabel('a b c', 10)).toBe('a b c');
    expect(wrapLabel('Kalai–Smorodinsky', 5)).toBe('Kalai–Smorodinsky');
    const long =
      'Ukraine drops "No region recognised as Russian de jure ("no rational person would agree")."';
    const lines = wrapLabel(long, 40).split('\n');
    expect(lines.join(' ')).toBe(long);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });
});
