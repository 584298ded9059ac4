import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Analysis } from '../../analysis/analyze.js';
import type { SolutionPoint, Solutions } from '../../analysis/solutions/solutions.js';
import type { Rng } from '../../core/rng.js';
import type { Scenario } from '../../model/scenario.js';
import { createSpace, forEachOutcome } from '../../outcomes/space.js';
import { compileUtility } from '../../preferences/compile.js';

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

/**
 * The utility plane as a standalone SVG: outcomes (all, or a seeded sample), the Pareto
 * frontier, the solutions and each party's reservation line. With more than two parties, a
 * matrix of every pair of parties.
 */
export function utilityPlotSvg(scenario: Scenario, a: Analysis, opts: UtilityPlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const names = scenario.parties.map((p) => p.name);
  const cloud = outcomeCloud(scenario, opts);
  const pairs: [number, number][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([i, j]);
  const facet = pairs.length > 1;
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
  const sols = [...byPoint.values()].flatMap((e) => rows([e.utilities], { label: e.labels.join(', ') }));
  const xs = frontier.map((d) => d.x ?? 0).concat(cloud.points.map((u) => u[0] ?? 0));
  const midX = (Math.min(...xs) + Math.max(...xs)) / 2;
  const reservations = pairs.flatMap(([i, j]) => [
    { x: scenario.parties[i]?.reservationValue, fx: names[i], fy: names[j] },
  ]);
  const reservationsY = pairs.flatMap(([i, j]) => [
    { y: scenario.parties[j]?.reservationValue, fx: names[i], fy: names[j] },
  ]);
  const finite = (d: { x?: number | undefined; y?: number | undefined }) =>
    Number.isFinite(d.x ?? 0) && Number.isFinite(d.y ?? 0);
  const width = opts.width ?? (facet ? Math.min(1200, 260 * (names.length - 1) + 80) : 640);
  const title = `${scenario.name}: utility plane${cloud.sampled ? ` (${cloud.points.length} sampled outcomes)` : ''}`;
  const fx = facet ? { fx: 'fx', fy: 'fy' } : {};
  const svg = Plot.plot({
    document,
    width,
    height: facet ? width : 520,
    marginRight: facet ? 130 : 20,
    marginTop: 64,
    x: { label: facet ? 'utility (column party)' : `${names[0]} utility →`, nice: true },
    y: { label: facet ? 'utility (row party)' : `↑ ${names[1]} utility`, nice: true },
    ...(facet ? { fx: { label: null }, fy: { label: null } } : {}),
    marks: [
      Plot.frame({ stroke: '#ddd' }),
      Plot.dot(rows(cloud.points), { x: 'x', y: 'y', ...fx, r: 1.5, fill: '#999', fillOpacity: 0.5 }),
      Plot.ruleX(reservations.filter(finite), { x: 'x', ...fx, stroke: '#c33', strokeDasharray: '4,3' }),
      Plot.ruleY(reservationsY.filter(finite), { y: 'y', ...fx, stroke: '#c33', strokeDasharray: '4,3' }),
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
      Plot.text(facet ? [] : sols.filter((d) => (d.x ?? 0) <= midX), {
        x: 'x',
        y: 'y',
        ...fx,
        text: 'label',
        dx: 9,
        dy: -9,
        textAnchor: 'start',
        fill: '#a04f00',
      }),
      ...(facet
        ? []
        : [
            Plot.text(
              sols.filter((d) => (d.x ?? 0) > midX),
              {
                x: 'x',
                y: 'y',
                text: 'label',
                dx: -9,
                dy: -9,
                textAnchor: 'end',
                fill: '#a04f00',
              },
            ),
          ]),
    ],
  });
  let out = (svg as unknown as { outerHTML: string }).outerHTML;
  const legend =
    'grey: outcomes · blue: Pareto frontier · orange: solutions · red dashes: reservation values';
  const head =
    `<text x="10" y="18" font-size="14" text-anchor="start" font-family="system-ui, sans-serif">${escapeXml(title)}</text>` +
    `<text x="10" y="34" font-size="11" fill="#555" text-anchor="start" font-family="system-ui, sans-serif">${legend}</text>`;
  out = out.replace(/(<svg[^>]*>)/, `$1${head}`);
  if (!out.includes('xmlns=')) out = out.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}\n`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
