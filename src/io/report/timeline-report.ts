import * as Plot from '@observablehq/plot';
import type { Timeline, TimelineStep } from '../../brief/timeline.js';
import type { Scenario } from '../../model/scenario.js';
import { toSvg } from './charts.js';
import { textTable } from './text-table.js';

/**
 * The timeline as a text table and as an HTML page with a chart: how P(agreement zone), each
 * draft's P(all accept) and the blocking red lines moved event by event.
 */

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;
const withSe = (p: number, se: number): string => `${pct(p)} ± ${(se * 100).toFixed(1)}`;

/** Every draft that is on the table at some step, in order of first appearance. */
function draftNames(t: Timeline): string[] {
  return [...new Set(t.steps.flatMap((s) => s.drafts.map((d) => d.name)))];
}

const stepLabel = (s: TimelineStep): string => (s.event ? `${s.event.on} ${s.event.id}` : 'start');

function blockingText(s: TimelineStep): string {
  if (s.centralZone) return 'none (zone open)';
  if (s.blocking.length === 0) return 'no single red line';
  return s.blocking.map((b) => b.redLine).join(', ');
}

/** Rows of the table: step, P(zone) ± SE, each draft's P(all accept) (— before it is tabled), blockers. */
export function timelineRows(t: Timeline): { head: string[]; rows: string[][] } {
  const names = draftNames(t);
  const head = [
    'step',
    'P(zone) ± SE',
    ...names.map((n) => `P(all accept) ${n}`),
    'blocking red lines (central)',
  ];
  const rows = t.steps.map((s) => [
    stepLabel(s),
    withSe(s.pAgreementZone, s.stdError),
    ...names.map((n) => {
      const d = s.drafts.find((x) => x.name === n);
      return d ? withSe(d.pAll, d.stdError) : '—';
    }),
    blockingText(s),
  ]);
  return { head, rows };
}

/** The terminal view: the table, then what each event changed and on what basis. */
export function timelineToText(scenario: Scenario, t: Timeline): string {
  const { head, rows } = timelineRows(t);
  const lines = [
    `${scenario.name}: how the answers moved, event by event (${t.samples.toLocaleString('en-US')} draws a step, seed ${t.seed}; ± is one standard error)`,
    textTable(head, rows),
    '',
    'What each event changed:',
  ];
  for (const s of t.steps.slice(1)) {
    const e = s.event;
    if (!e) continue;
    const changes =
      s.effects.length === 0
        ? 'no effect on the model'
        : s.effects
            .map((f) => `${f.text} (${f.basis === 'fact' ? `fact: ${f.evidence.join(', ')}` : 'assumption'})`)
            .join('; ');
    lines.push(`  ${e.on} ${e.title} [${e.date}]: ${changes}`);
  }
  if (t.undated.length > 0) lines.push(`Not on the timeline (no day): ${t.undated.join(', ')}`);
  return lines.join('\n');
}

/** A line chart: P(zone) and each draft's P(all accept) after each step. */
export function timelineChartSvg(t: Timeline, width = 760): string {
  const labels = t.steps.map(stepLabel);
  const points = t.steps.flatMap((s, i) => [
    { step: i, series: 'P(agreement zone)', p: s.pAgreementZone, se: s.stdError },
    ...s.drafts.map((d) => ({ step: i, series: `P(all accept) ${d.name}`, p: d.pAll, se: d.stdError })),
  ]);
  return toSvg({
    width,
    // Step labels stand upright: events a few days apart sit close, and long ids would overlap
    // at any slant.
    height: 480,
    marginBottom: 200,
    marginRight: 20,
    x: {
      label: null,
      ticks: labels.map((_, i) => i),
      tickFormat: (i: number) => labels[i] ?? '',
      tickRotate: -90,
    },
    y: { label: 'probability', domain: [0, 1], grid: true, tickFormat: '.0%' },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(points, {
        x: 'step',
        y1: (d) => Math.max(0, d.p - d.se),
        y2: (d) => Math.min(1, d.p + d.se),
        stroke: 'series',
      }),
      Plot.line(points, { x: 'step', y: 'p', stroke: 'series', marker: 'circle' }),
    ],
  });
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The timeline as a section of a page (no headings above it): what the numbers are, the chart,
 * the table and each event's effects with their basis; the brief's report and the timeline's
 * own page both show it. `heading` is the level of its sub-headings.
 */
export function timelineSectionHtml(t: Timeline, heading: 'h2' | 'h3' = 'h2'): string {
  const { head, rows } = timelineRows(t);
  const table = `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</table>`;
  const effects = t.steps
    .slice(1)
    .map((s) =>
      s.event
        ? `<li><b>${esc(s.event.on)}</b> ${esc(s.event.title)}: ${
            s.effects.length === 0
              ? 'no effect on the model'
              : s.effects
                  .map(
                    (f) =>
                      `${esc(f.text)} <i>(${f.basis === 'fact' ? `fact: ${esc(f.evidence.join(', '))}` : 'assumption'})</i>`,
                  )
                  .join('; ')
          }</li>`
        : '',
    )
    .join('');
  return `<p>Answers after each event, ${t.samples.toLocaleString('en-US')} Monte Carlo draws a step (seed ${t.seed}, the same draws at every step); bars are ± one standard error. Blocking red lines are those that alone keep the zone shut at the central assumptions.</p>
<div class="chart">${timelineChartSvg(t).replace(/^<\?xml[^>]*>\s*/, '')}</div>
<${heading}>Table</${heading}>${table}
<${heading}>What each event changed</${heading}><ul>${effects}</ul>`;
}

/** A self-contained HTML page: the chart, the table and each event's effects with their basis. */
export function timelineToHtml(scenario: Scenario, t: Timeline): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(scenario.name)} — timeline</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}</style></head><body>
<h1>${esc(scenario.name)}: news moves the model</h1>
${timelineSectionHtml(t)}
</body></html>`;
}
