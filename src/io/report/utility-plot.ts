import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Analysis } from '../../analysis/analyze.js';
import type { SolutionPoint, Solutions } from '../../analysis/solutions/solutions.js';
import type { Rng } from '../../core/rng.js';
import type { Scenario } from '../../model/scenario.js';
import { createSpace, forEachOutcome } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';
import { thinCloud } from './thin-cloud.js';
import { wrapLabel } from './wrap-label.js';

export interface UtilityPlotOptions {
  /** Draws outcomes from here when the space is larger than `maxOutcomes`. */
  readonly rng: Rng;
  /** All outcomes are drawn up to this many; above it, this many sampled. Default 5,000. */
  readonly maxOutcomes?: number;
  readonly width?: number;
}

const SHOWN: (keyof Solutions)[] = ['nash', 'kalaiSmorodinsky', 'kalaiEgalitarian', 'maxWelfare'];
const SHORT_LABELS: Partial<Record<keyof Solutions, string>> & Record<string, string> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  kalaiEgalitarian: 'egalitarian',
  maxWelfare: 'max welfare',
};
/** Average glyph width of the 11–14 px system-ui text, in px per character (for wrapping). */
const CHAR_PX = { title: 8, legend: 6.2 } as const;
const CLOUD = 'concord-cloud';
/** Right margin of the two-party plane: the column where solution labels sit, clear of the data. */
const LABEL_COLUMN = 170;

interface Scale {
  apply(x: unknown): number;
  invert?(x: number): unknown;
  range?: readonly number[];
}
type Rendered = { scale(name: string): Scale | undefined };

/**
 * The labels of the two-party plane, laid out where they cannot collide: in a column right of
 * the frame, each at its point's height, pushed apart so none overlaps another, with a leader
 * line to its marker; and the y-axis label just above the frame (below the title and legend).
 * Positions come from the scales of a first rendering (labels do not change the scales).
 */
function twoPartyLabels(
  first: unknown,
  sols: readonly { x: number | undefined; y: number | undefined; label: string }[],
  yLabel: string,
): Plot.Markish[] {
  const sx = (first as Rendered).scale('x');
  const sy = (first as Rendered).scale('y');
  if (!sx?.invert || !sy?.invert || !sx.range || !sy.range) return [];
  const right = (sx.range as [number, number])[1];
  const [bottom, top] = sy.range as [number, number];
  const lineHeight = 12;
  const labels = sols
    .filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y))
    .map((d) => {
      const text = wrapLabel(d.label, 24);
      return { d, text, lines: text.split('\n').length, py: sy.apply(d.y) };
    })
    .sort((a, b) => a.py - b.py);
  // Top-down: each label starts where the previous one ends; then shift up if past the bottom.
  let next = top;
  const placed = labels.map((l) => {
    const h = l.lines * lineHeight + 4;
    const y = Math.max(l.py - h / 2, next);
    next = y + h;
    return { ...l, y, h };
  });
  const overflow = next - bottom;
  if (overflow > 0) {
    let limit = bottom;
    for (let k = placed.length - 1; k >= 0; k--) {
      const p = placed[k] as (typeof placed)[number];
      p.y = Math.min(p.y, limit - p.h);
      limit = p.y;
    }
  }
  const labelX = right + 14;
  const rows = placed.map((p) => ({
    x: sx.invert?.(labelX) as number,
    y: sy.invert?.(p.y + p.h / 2) as number,
    px: p.d.x as number,
    py: p.d.y as number,
    text: p.text,
  }));
  return [
    Plot.link(rows, { x1: 'px', y1: 'py', x2: 'x', y2: 'y', stroke: '#e0a060', strokeWidth: 0.8 }),
    Plot.text(rows, {
      x: 'x',
      y: 'y',
      text: 'text',
      dx: 3,
      textAnchor: 'start',
      fill: '#a04f00',
      lineHeight: 1.2,
    }),
    Plot.text([yLabel], {
      frameAnchor: 'top-left',
      text: (d: string) => d,
      textAnchor: 'start',
      dx: -34,
      dy: -14,
    }),
  ];
}

/** The scale domains of a rendering, to keep them when marks outside the frame are added. */
function domainsOf(rendered: unknown): { x?: unknown[]; y?: unknown[] } {
  const r = rendered as { scale(name: string): { domain?: unknown[] } | undefined };
  const x = r.scale('x')?.domain;
  const y = r.scale('y')?.domain;
  return { ...(x ? { x } : {}), ...(y ? { y } : {}) };
}

/** Utilities of all outcomes (small spaces) or of a seeded sample of them. */
function outcomeCloud(
  scenario: Scenario,
  opts: UtilityPlotOptions,
): { points: number[][]; sampled: boolean } {
  const space = createSpace(scenario.issues);
  const us = scenario.parties.map((p) => compileUtility(space, p.utility));
  const max = opts.maxOutcomes ?? 5000;
  const points: number[][] = [];
  if (space.count <= BigInt(max)) {
    forEachOutcome(space, (o) => {
      points.push(us.map((u) => u.evaluate(o)));
    });
    return { points, sampled: false };
  }
  const o = new Array<number>(space.sizes.length).fill(0);
  for (let k = 0; k < max; k++) {
    for (let i = 0; i < o.length; i++) o[i] = opts.rng.int(0, (space.sizes[i] as number) - 1);
    points.push(us.map((u) => u.evaluate(o)));
  }
  return { points, sampled: true };
}

/** Lines of `<text>` at the top of the chart (class `chart-title`, which tests look for). */
function headText(lines: readonly { text: string; size: number; fill: string }[]): string {
  let y = 4;
  return lines
    .map((l) => {
      y += l.size + 4;
      return `<text class="chart-title" x="10" y="${y}" font-size="${l.size}" fill="${l.fill}" text-anchor="start" font-family="system-ui, sans-serif">${escapeXml(l.text)}</text>`;
    })
    .join('');
}

/**
 * The utility plane as a standalone SVG: outcomes (all, or a seeded sample, thinned to what the
 * eye can tell apart), the Pareto frontier, the solutions and each party's reservation line.
 * With more than two parties, a full matrix: one row and one column per party in scenario
 * order, names on both axes, in each cell the column party's utility across and the row party's
 * up, the party's name on the diagonal. The legend lists only what is drawn.
 */
export function utilityPlotSvg(scenario: Scenario, a: Analysis, opts: UtilityPlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const names = scenario.parties.map((p) => p.name);
  const cloud = outcomeCloud(scenario, opts);
  const pairs: [number, number][] = [];
  if (names.length === 2) pairs.push([0, 1]);
  else
    for (let i = 0; i < names.length; i++)
      for (let j = 0; j < names.length; j++) if (i !== j) pairs.push([i, j]);
  const facet = names.length > 2;
  // Column party i across (x), row party j up (y).
  const rows = (pts: readonly (readonly number[])[], extra: object = {}) =>
    pairs.flatMap(([i, j]) => pts.map((u) => ({ x: u[i], y: u[j], fx: names[i], fy: names[j], ...extra })));
  const frontier = rows(a.frontier.map((p) => p.utilities));
  // Solutions at the same point share one marker and one label.
  const byPoint = new Map<string, { utilities: readonly number[]; labels: string[] }>();
  for (const key of SHOWN) {
    const first = (a.solutions[key] as SolutionPoint[])[0];
    if (!first) continue;
    const k = first.utilities.join(',');
    const entry = byPoint.get(k) ?? { utilities: first.utilities, labels: [] };
    entry.labels.push(SHORT_LABELS[key] ?? key);
    byPoint.set(k, entry);
  }
  const sols = [...byPoint.values()].flatMap((e) =>
    rows([e.utilities]).map((r) => ({ ...r, label: e.labels.join(', ') })),
  );
  const reservations = pairs.map(([i, j]) => ({
    x: scenario.parties[i]?.reservationValue,
    fx: names[i],
    fy: names[j],
  }));
  const reservationsY = pairs.map(([i, j]) => ({
    y: scenario.parties[j]?.reservationValue,
    fx: names[i],
    fy: names[j],
  }));
  const finite = (d: { x?: number | undefined; y?: number | undefined }) =>
    Number.isFinite(d.x ?? 0) && Number.isFinite(d.y ?? 0);
  const resX = reservations.filter(finite);
  const resY = reservationsY.filter(finite);

  const width = opts.width ?? (facet ? Math.min(1200, 210 * names.length + 150) : 720);
  const title = `${scenario.name}: utility plane${cloud.sampled ? ` (${cloud.points.length.toLocaleString('en-US')} sampled outcomes)` : ''}`;
  const legendItems = [
    `grey: ${cloud.sampled ? 'sampled outcomes' : 'outcomes'}`,
    ...(frontier.length > 0 ? ['blue: Pareto frontier'] : []),
    ...(sols.length > 0 ? ['orange: solutions'] : []),
    ...(resX.length + resY.length > 0 ? ['red dashes: reservation values'] : []),
    ...(facet ? ["each cell: the column party's utility across (→), the row party's up (↑)"] : []),
  ];
  const head = [
    ...wrapLabel(title, Math.floor((width - 20) / CHAR_PX.title))
      .split('\n')
      .map((text) => ({ text, size: 14, fill: 'currentColor' })),
    ...wrapLabel(legendItems.join(' · '), Math.floor((width - 20) / CHAR_PX.legend))
      .split('\n')
      .map((text) => ({ text, size: 11, fill: '#555' })),
  ];
  const headHeight = 8 + head.reduce((s, l) => s + l.size + 4, 0);
  const fx = facet ? { fx: 'fx', fy: 'fy' } : {};
  // Room for the party names: over the columns (wrapped), and right of the rows.
  const nameChars = 16;
  const nameLines = Math.max(1, ...names.map((n) => wrapLabel(n, nameChars).split('\n').length));
  const marginTop = headHeight + (facet ? 14 * nameLines + 8 : 28);
  const options = (
    extra: Plot.Markish[],
    fixed: { x?: unknown[]; y?: unknown[] } = {},
  ): Plot.PlotOptions => ({
    document,
    width,
    height: facet ? width - 150 + marginTop : 520,
    marginRight: facet ? 130 : LABEL_COLUMN,
    marginTop,
    x: { label: facet ? null : `${names[0]} utility →`, ...(fixed.x ? { domain: fixed.x } : { nice: true }) },
    y: { label: null, ...(fixed.y ? { domain: fixed.y } : { nice: true }) },
    ...(facet
      ? {
          fx: { label: null, domain: names, axis: null, padding: 0.16 },
          fy: { label: null, domain: names, axis: null },
        }
      : {}),
    marks: [
      Plot.frame({ stroke: '#ddd' }),
      ...(facet
        ? [
            Plot.axisFx({
              anchor: 'top',
              label: null,
              tickFormat: (d: string) => wrapLabel(d, nameChars),
              fontWeight: 'bold',
              tickSize: 0,
            }),
            Plot.axisFy({
              anchor: 'right',
              label: null,
              tickFormat: (d: string) => wrapLabel(d, nameChars),
              fontWeight: 'bold',
              tickSize: 0,
            }),
            Plot.text(
              names.map((n) => ({ fx: n, fy: n, label: wrapLabel(n, nameChars) })),
              { fx: 'fx', fy: 'fy', text: 'label', frameAnchor: 'middle', fontSize: 13, fill: '#444' },
            ),
          ]
        : []),
      Plot.dot(rows(cloud.points), {
        x: 'x',
        y: 'y',
        ...fx,
        r: 1.5,
        fill: '#999',
        fillOpacity: 0.5,
        className: CLOUD,
      }),
      Plot.ruleX(resX, { x: 'x', ...fx, stroke: '#c33', strokeDasharray: '4,3' }),
      Plot.ruleY(resY, { y: 'y', ...fx, stroke: '#c33', strokeDasharray: '4,3' }),
      Plot.dot(frontier, { x: 'x', y: 'y', ...fx, r: 2.5, fill: '#1f5fa8' }),
      ...(facet
        ? []
        : [
            Plot.line(
              [...frontier].sort((p, q) => (p.x ?? 0) - (q.x ?? 0)),
              { x: 'x', y: 'y', stroke: '#1f5fa8' },
            ),
          ]),
      Plot.dot(sols, { x: 'x', y: 'y', ...fx, r: 5, stroke: '#e07b00', strokeWidth: 2, symbol: 'diamond' }),
      ...extra,
    ],
  });
  let svg: unknown;
  if (facet) svg = Plot.plot(options([]));
  else {
    const first = Plot.plot(options([]));
    svg = Plot.plot(options(twoPartyLabels(first, sols, `↑ ${names[1]} utility`), domainsOf(first)));
  }
  thinCloud(svg as unknown as Parameters<typeof thinCloud>[0], CLOUD);
  let out = (svg as unknown as { outerHTML: string }).outerHTML;
  out = out.replace(/(<svg[^>]*>)/, `$1${headText(head)}`);
  if (!out.includes('xmlns=')) out = out.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}\n`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
