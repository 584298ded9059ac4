import type { Answer } from '../../brief/answers.js';
import type { Brief, DraftBrief } from '../../brief/build.js';
import { driverEffect, driverLabel } from '../../brief/driver-lines.js';
import type { Timeline } from '../../brief/timeline.js';
import { createRng } from '../../core/rng.js';
import type { Scenario } from '../../model/scenario.js';
import type { AcceptanceDriver } from '../../uncertainty/acceptance-drivers.js';
import { describeDistribution, describeEvidence } from './brief-text.js';
import { acceptanceSvg, timelineSvg, tornadoSvg } from './charts.js';
import { timelineSectionHtml } from './timeline-report.js';
import { utilityPlotSvg } from './utility-plot.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const stripXmlDecl = (svg: string) => svg.replace(/^<\?xml[^>]*>\s*/, '');

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.meta{color:#666}.answer{margin:1em 0 1.5em}.answer h3{margin:.2em 0;font-size:1.1em}
.rests{color:#666;font-size:.9em}table{border-collapse:collapse;width:100%;font-size:.9em}
td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.chart{margin:1em 0;overflow-x:auto}.note{color:#555;font-size:.9em}
.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#eef;font-size:.8em}
.chart svg{max-width:100%;height:auto}.noise{color:#999}
@media print{
@page{margin:15mm}
body{font-size:10.5pt;max-width:none;margin:0;padding:0;color:#000}
h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid;page-break-after:avoid}
.chart{overflow:visible;break-inside:avoid;page-break-inside:avoid}
.answer,tr{break-inside:avoid;page-break-inside:avoid}
a{color:inherit;text-decoration:none}
.rests,.note,.meta{color:#333}
}
`;

/** Bars of a draft's acceptance tornado in the report: the assumptions that move any party most. */
const DRIVER_ROWS = 8;

/** A draft's acceptance tornado as a table: per assumption, each party's P(accept) low → high, the difference ± SE. */
function driversTable(d: DraftBrief): string {
  if (d.drivers.length === 0) return '';
  const parties = Object.keys(d.pAccept);
  const size = (x: AcceptanceDriver) => Math.max(...parties.map((p) => Math.abs(x.effect[p]?.delta ?? 0)));
  const rows = [...d.drivers].sort((a, b) => size(b) - size(a)).slice(0, DRIVER_ROWS);
  const cell = (x: AcceptanceDriver, p: string) => {
    const within = Math.abs(x.effect[p]?.delta ?? 0) <= 2 * (x.effect[p]?.stdError ?? 0);
    return `<td${within ? ' class="noise"' : ''}>${esc(driverEffect(x, p))}</td>`;
  };
  return `<h3>What moves acceptance of the ${esc(d.name)}</h3><table><tr><th>assumption (low → high)</th>${parties.map((p) => `<th>${esc(p)}</th>`).join('')}</tr>${rows
    .map(
      (x) =>
        `<tr><td><a href="#as-${esc(x.assumption)}">${esc(driverLabel(x))}</a><br><span class="note">${x.low.draws.toLocaleString('en-US')} → ${x.high.draws.toLocaleString('en-US')} draws</span></td>${parties.map((p) => cell(x, p)).join('')}</tr>`,
    )
    .join(
      '',
    )}</table><p class="note">The main run’s draws split by one assumption at a time (a red line not real → real; another, the lowest → the highest fifth of its range), the others drawn as usual: P(accept) in each group, then the difference ± its standard error (the groups are disjoint draws). Grey: within noise (two standard errors).</p>`;
}

/**
 * The self-contained HTML report: the answers, then charts (utility plane, what moves
 * P(agreement), per-draft acceptance, timeline), then every piece of evidence and every
 * assumption. One file, no external resources.
 */
export interface BriefHtmlOptions {
  /** How the answers moved event by event (`timeline()`): shown as a table and a chart when given. */
  readonly timeline?: Timeline;
}

export function briefToHtml(
  scenario: Scenario,
  brief: Brief,
  answers: readonly Answer[],
  options: BriefHtmlOptions = {},
): string {
  const record = scenario.record;
  const parts: string[] = [];
  parts.push(`<h1>${esc(scenario.name)}</h1><p>${esc(scenario.description ?? '')}</p>`);
  parts.push(
    `<p class="meta">Monte Carlo: ${brief.monteCarlo.samples.toLocaleString('en-US')} draws, seed ${brief.monteCarlo.seed}; levers: ${esc(
      Object.entries(brief.levers)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'baseline',
    )}. Facts and quotes come from the source; every other number is a labelled assumption.</p>`,
  );
  parts.push('<h2>Answers</h2>');
  for (const a of answers) {
    parts.push(
      `<div class="answer" id="${esc(a.id)}"><h3>${esc(a.question)}</h3><ul>${a.answer.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    );
    parts.push(
      `<div class="rests">Rests on: ${a.evidence.map((e) => `<a href="#ev-${esc(e)}">${esc(e)}</a>`).join(', ') || 'no source evidence'}; assumptions ${a.assumptions.map((x) => `<a href="#as-${esc(x)}">${esc(x)}</a>`).join(', ') || 'none'}.</div></div>`,
    );
  }

  parts.push('<h2>What moves the chance of a deal</h2>');
  const base = brief.whatIfBaseline.pAgreementZone;
  const bars = [...brief.redLineEffects, ...brief.leverEffects].map((w) => {
    // Conservative: the runs share their draws, so the true error of the difference is smaller.
    const se = Math.hypot(w.stdError, brief.whatIfBaseline.stdError);
    const noise = Math.abs(w.delta) <= 2 * se ? ', within noise' : '';
    return {
      label: `${w.label} (${w.delta >= 0 ? '+' : ''}${(w.delta * 100).toFixed(1)} ± ${(se * 100).toFixed(1)} points${noise})`,
      low: base,
      high: w.pAgreementZone,
    };
  });
  parts.push(
    `<div class="chart">${stripXmlDecl(tornadoSvg(bars, { base, xLabel: 'P(agreement zone) →' }))}</div><p class="note">Each bar runs from the baseline P(agreement zone) (dashed, ${(base * 100).toFixed(1)}%) to its value when that red line is not real or that lever is at that level, the other assumptions drawn; blue when the change raises the chance, red when it lowers it. Each label gives the difference ± its standard error, and says when it is within noise (two standard errors). Same seed for every bar (common random numbers); ${brief.whatIfBaseline.samples.toLocaleString('en-US')} draws each.</p>`,
  );

  if (brief.drafts.length > 0) {
    parts.push('<h2>Drafts: who would accept them</h2>');
    const rows = brief.drafts.flatMap((d) =>
      Object.entries(d.pAccept).map(([party, p]) => ({ draft: d.name, party, p })),
    );
    parts.push(`<div class="chart">${stripXmlDecl(acceptanceSvg(rows))}</div>`);
    for (const d of brief.drafts) parts.push(driversTable(d));
    if (brief.diff) {
      parts.push(
        `<h3>${esc(brief.diff.before)} → ${esc(brief.diff.after)}</h3><table><tr><th>change</th><th>before</th><th>after</th></tr>`,
      );
      for (const p of brief.diff.points)
        parts.push(
          `<tr><td><span class="tag">${p.change}</span></td><td>${esc(p.before?.title ?? '')}</td><td>${esc(p.after?.title ?? '')}</td></tr>`,
        );
      parts.push('</table>');
    }
  }

  parts.push('<h2>Utility plane at the central assumptions</h2>');
  parts.push(
    `<div class="chart">${stripXmlDecl(utilityPlotSvg(scenario, brief.central, { rng: createRng(brief.monteCarlo.seed), maxOutcomes: 3000 }))}</div>`,
  );
  if (brief.central.frontier.length === 0)
    parts.push(
      '<p class="note">No outcome is acceptable to all at the central assumptions, so no frontier or solution is drawn.</p>',
    );

  if (record && record.events.length > 0) {
    parts.push('<h2>Timeline</h2>');
    parts.push(`<div class="chart">${stripXmlDecl(timelineSvg(record.events))}</div>`);
  }
  if (options.timeline && options.timeline.steps.length > 1) {
    parts.push('<h2 id="timeline-answers">How the answers moved, event by event</h2>');
    parts.push(timelineSectionHtml(options.timeline, 'h3'));
  }

  if (record) {
    parts.push('<h2>Evidence</h2><table><tr><th>id</th><th>kind</th><th>what</th><th>where</th></tr>');
    for (const e of record.evidence)
      parts.push(
        `<tr id="ev-${esc(e.id)}"><td>${esc(e.id)}</td><td>${e.kind}</td><td>${esc(describeEvidence(e))}</td><td>${esc(e.locator)}</td></tr>`,
      );
    parts.push('</table>');
    parts.push(
      '<h2>Assumptions</h2><table><tr><th>id</th><th>parameter</th><th>value</th><th>range</th><th>why</th></tr>',
    );
    for (const a of record.assumptions)
      parts.push(
        `<tr id="as-${esc(a.id)}"><td>${esc(a.id)}</td><td>${esc(a.parameter)}</td><td>${a.value}</td><td>${esc(describeDistribution(a.distribution))}</td><td>${esc(a.rationale)}</td></tr>`,
      );
    parts.push('</table>');
    const links = scenario.constraints ?? [];
    if (links.length > 0) {
      parts.push(
        '<h2>Constraints of the space</h2><p class="note">Links between issues, modelled: combinations that cannot happen whoever is asked. Not a party’s red line; nobody can drop them.</p><table><tr><th>id</th><th>what it rules out</th></tr>',
      );
      for (const c of links)
        parts.push(
          `<tr id="cs-${esc(c.id)}"><td>${esc(c.id)}</td><td>${esc(c.description ?? c.id)}</td></tr>`,
        );
      parts.push('</table>');
    }
    parts.push(`<p class="note">Source: “${esc(record.sources[0]?.title ?? '')}”.</p>`);
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Concord — ${esc(scenario.name)}</title><style>${CSS}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}
