import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { lineCount, wrapLabel } from './wrap-label.js';

/** Renders a Plot chart to a standalone SVG string (server-side DOM). */
export function toSvg(options: Plot.PlotOptions): string {
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

/** Average glyph width of Plot's 10 px system-ui text, in px per character (for wrapping). */
const CHAR_PX = 6;

/**
 * A tornado chart: one bar per parameter from its low-end to its high-end result, the widest
 * first, around a vertical line at `base`. Labels are wrapped, never cut, in the left margin;
 * rows grow to the tallest label.
 */
export function tornadoSvg(
  bars: readonly TornadoBar[],
  options: { base: number; xLabel: string; width?: number; labelWidth?: number },
): string {
  const labelWidth = options.labelWidth ?? 300;
  const chars = Math.floor((labelWidth - 16) / CHAR_PX);
  const rows = [...bars]
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))
    .map((b) => ({
      ...b,
      lo: Math.min(b.low, b.high),
      hi: Math.max(b.low, b.high),
      up: b.high >= b.low,
      wrapped: wrapLabel(b.label, chars),
    }));
  const lines = Math.max(1, ...rows.map((r) => lineCount(r.wrapped)));
  const rowHeight = Math.max(22, 12 * lines + 10);
  return toSvg({
    width: options.width ?? 760,
    height: 50 + rowHeight * rows.length,
    marginLeft: labelWidth,
    // Room for the value labels right of a bar that ends at 1.
    marginRight: 80,
    x: { label: options.xLabel, domain: [0, 1], grid: true },
    y: { label: null, domain: rows.map((r) => r.label), axis: null },
    marks: [
      Plot.barX(rows, {
        x1: 'lo',
        x2: 'hi',
        y: 'label',
        fill: (d: { up: boolean }) => (d.up ? '#1f5fa8' : '#c0392b'),
      }),
      Plot.text(rows, {
        y: 'label',
        text: 'wrapped',
        frameAnchor: 'left',
        textAnchor: 'end',
        dx: -8,
        lineHeight: 1.2,
        fill: '#222',
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

/**
 * Grouped bars: for each draft, each party's probability of accepting it. Party names are
 * wrapped to their bar's width (never rotated out of the chart); draft names sit above the
 * groups, clear of the percentages over full bars.
 */
export function acceptanceSvg(rows: readonly AcceptanceRow[], width = 760): string {
  const drafts = [...new Set(rows.map((r) => r.draft))];
  const parties = [...new Set(rows.map((r) => r.party))];
  const marginLeft = 50;
  const marginRight = 20;
  const band = (width - marginLeft - marginRight) / Math.max(1, drafts.length) / Math.max(1, parties.length);
  const chars = Math.max(6, Math.floor((band - 6) / CHAR_PX));
  const partyLines = Math.max(1, ...parties.map((p) => lineCount(wrapLabel(p, chars))));
  const draftChars = Math.floor((band * parties.length - 10) / 7);
  const draftLines = Math.max(1, ...drafts.map((d) => lineCount(wrapLabel(d, draftChars))));
  const marginTop = 24 + 14 * draftLines;
  return toSvg({
    width,
    height: 260 + marginTop + 12 * partyLines,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom: 14 + 12 * partyLines,
    x: { label: null, axis: null, domain: parties },
    fx: { label: null, axis: null, domain: drafts },
    y: { label: '↑ P(accepts)', domain: [0, 1], grid: true },
    color: { legend: false, domain: parties },
    marks: [
      Plot.barY(rows, { fx: 'draft', x: 'party', y: 'p', fill: 'party' }),
      Plot.text(rows, {
        fx: 'draft',
        x: 'party',
        y: 'p',
        text: (d: AcceptanceRow) => `${(d.p * 100).toFixed(0)}%`,
        dy: -6,
      }),
      Plot.text(drafts, {
        fx: (d: string) => d,
        text: (d: string) => wrapLabel(d, draftChars),
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -18,
        fontWeight: 'bold',
        fontSize: 12,
      }),
      Plot.axisX({ label: null, tickFormat: (d: string) => wrapLabel(d, chars), lineHeight: 1.1 }),
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
