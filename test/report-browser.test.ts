/**
 * The HTML report and the utility plane rendered in a real browser (Debian's chromium): no text
 * of a chart leaves its SVG box, no two labels of a chart overlap (titles included), no chart is
 * wider than its column, the report stays under 300 KB, and the print stylesheet keeps all of it
 * on the page. Layout is measured, not guessed: `getBoundingClientRect` of every `<text>`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { analyze, createRng, utilityPlotSvg } from '../src/index.js';
import { loadScenario } from '../src/node.js';
import { hasChromium, launchChromium } from './support/browser.js';
import { axisLabels, LAYOUT_PROBLEMS, SVGS_PAST_BODY } from './support/layout-probe.js';

/** Every layout problem of the page's charts (see {@link LAYOUT_PROBLEMS}). */
const layoutProblems = (page: Page): Promise<string[]> => page.evaluate(LAYOUT_PROBLEMS);

const run = hasChromium('the HTML report in a browser');

describe.runIf(run)('the HTML report in chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let report = '';

  beforeAll(async () => {
    const io = memoryIo();
    const code = await runCli(['brief', 'ukraine-2025', '--samples', '1000', '--report', 'out/r.html'], io);
    expect(code).toBe(0);
    report = io.files.get('out/r.html') ?? '';
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('on screen: every chart label inside its chart, none over another or over a title', async () => {
    await page.setContent(report);
    expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(4);
    expect(await layoutProblems(page)).toEqual([]);
    // The parts the issue named are there, in full.
    const texts = await page.locator('svg text').allTextContents();
    expect(texts.join('\n')).toContain('governments');
    expect(texts.some((t) => t.includes('…'))).toBe(false);
  });

  it('the pairwise matrix is a full grid: every party names a column and a row, in order', async () => {
    await page.setContent(report);
    const names = (axis: string): Promise<string[]> => page.evaluate(axisLabels(axis));
    const parties = ['Russia', 'Ukraine', 'United States', 'European governments'];
    expect(await names('fx-axis tick label')).toEqual(parties);
    expect(await names('fy-axis tick label')).toEqual(parties);
  });

  it('printed: charts stay within the page width and the labels still do not collide', async () => {
    await page.setContent(report);
    await page.emulateMedia({ media: 'print' });
    expect(await layoutProblems(page)).toEqual([]);
    const overflow = await page.evaluate(SVGS_PAST_BODY);
    expect(overflow).toBe(0);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the two-party plane (analyze --plot): labels beside the data, none colliding', async () => {
    for (const file of ['examples/job-offer.yaml', 'examples/trade-deal.yaml']) {
      const loaded = loadScenario(file);
      if (!loaded.ok) throw new Error(`${file} must load`);
      const svg = utilityPlotSvg(loaded.value, analyze(loaded.value), { rng: createRng(1) });
      await page.setContent(
        `<!doctype html><body style="width:760px">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`,
      );
      expect(await layoutProblems(page), file).toEqual([]);
      const labels = await page.locator('svg text').allTextContents();
      expect(labels.join(' '), file).toContain('Nash');
    }
  });
});
