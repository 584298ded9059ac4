import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Renders a Plot chart to a standalone SVG string (server-side DOM). */
function toSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document }) as unknown as { outerHTML: string };
  let out = el.outerHTML;
  if (!out.includes('xmlns=')) out = out.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return out;
}

export interface TornadoBar {
  readonly label: string;
  /** The outcome (e.g. P(agreement zone)) with the parameter at its low and its high end. */
  readonly low: number;
  readonly high: number;
}

/**
 * A tornado chart: one bar per parameter from its low-end to its high-end result, the widest
 * first, around a vertical line at `base`.
 */
export function tornadoSvg(
  bars: readonly TornadoBar[],
  options: { base: number; xLabel: string; width?: number },
): string {
  const rows = [...bars]
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))
    .map((b) => ({ ...b, lo: Math.min(b.low, b.high), hi: Math.max(b.low, b.high), up: b.high >= b.low }));
  return toSvg({
    width: options.width ?? 760,
    height: 40 + 22 * rows.length,
    marginLeft: 300,
    x: { label: options.xLabel, domain: [0, 1], grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, {
        x1: 'lo',
        x2: 'hi',
        y: 'label',
        fill: (d: { up: boolean }) => (d.up ? '#1f5fa8' : '#c0392b'),
      }),
      Plot.ruleX([options.base], { stroke: '#333', strokeDasharray: '3,3' }),
      Plot.text(rows, {
        x: 'hi',
        y: 'label',
        text: (d: { low: number; high: number }) =>
          `${(d.low * 100).toFixed(0)}% → ${(d.high * 100).toFixed(0)}%`,
        dx: 4,
        textAnchor: 'start',
        fill: '#333',
      }),
    ],
  });
}

export interface AcceptanceRow {
  readonly draft: string;
  readonly party: string;
  readonly p: number;
}

/** Grouped bars: for each draft, each party's probability of accepting it. */
export function acceptanceSvg(rows: readonly AcceptanceRow[], width = 760): string {
  return toSvg({
    width,
    height: 320,
    marginBottom: 60,
    x: { label: null, axis: null },
    fx: { label: null, axis: 'top', domain: [...new Set(rows.map((r) => r.draft))] },
    y: { label: '↑ P(accepts)', domain: [0, 1], grid: true },
    color: { legend: false },
    marks: [
      Plot.barY(rows, { fx: 'draft', x: 'party', y: 'p', fill: 'party' }),
      Plot.text(rows, {
        fx: 'draft',
        x: 'party',
        y: 'p',
        text: (d: AcceptanceRow) => `${(d.p * 100).toFixed(0)}%`,
        dy: -6,
      }),
      Plot.axisX({ tickRotate: -20, label: null }),
    ],
  });
}

export interface TimelineEntry {
  readonly date: string;
  readonly title: string;
  readonly place?: string;
}

/** Events in their recorded order (dates are as precise as the sources: often approximate). */
export function timelineSvg(events: readonly TimelineEntry[], width = 760): string {
  const rows = events.map((e, i) => ({ ...e, i }));
  return toSvg({
    width,
    height: 50 + 46 * rows.length,
    marginLeft: 20,
    x: { axis: null, domain: [0, 10] },
    y: { axis: null, domain: [-0.5, rows.length - 0.5], reverse: true },
    marks: [
      Plot.ruleX([0.3], { stroke: '#999' }),
      Plot.dot(rows, { x: 0.3, y: 'i', r: 5, fill: '#1f5fa8' }),
      Plot.text(rows, {
        x: 0.6,
        y: 'i',
        text: 'title',
        textAnchor: 'start',
        dy: -7,
        fontWeight: 'bold',
        lineWidth: 80,
      }),
      Plot.text(rows, {
        x: 0.6,
        y: 'i',
        text: (d: TimelineEntry) => `${d.date}${d.place ? ` · ${d.place}` : ''}`,
        textAnchor: 'start',
        dy: 9,
        fill: '#555',
      }),
    ],
  });
}
