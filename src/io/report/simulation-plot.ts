import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { NegotiationTable } from '../../protocols/index.js';
import type { SimulationSummary } from '../../simulation/index.js';
import { tableAnalysis } from '../../strategies/index.js';

/** Colours of the actors, in order of first move. */
const PALETTE = ['#1f5fa8', '#e07b00', '#2a9d4b', '#b8336a', '#7a5cc4', '#8c6d31', '#17a2b8', '#555'];

/** Events drawn as moves on the utility plane, per protocol. */
const MOVES = new Set(['offer', 'counter', 'propose', 'adopt']);

interface Row {
  x: number | undefined;
  y: number | undefined;
  fx: string | undefined;
  fy: string | undefined;
  actor?: string;
  time?: number;
  label?: string;
}

/**
 * The first run of a simulation on the utility plane: every offer (counter-proposal, mediator
 * proposal or adopted text) as a dot coloured by who made it, fading in with time and joined in
 * order; the Pareto frontier, the Nash point and the agreement. With more than two parties at the
 * table, a matrix of every pair of them.
 */
export function simulationPlotSvg(table: NegotiationTable, s: SimulationSummary): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const names = table.names;
  const events = (s.traces?.[0]?.events ?? []).filter((e) => e.outcome && MOVES.has(e.action));
  const pairs: [number, number][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([i, j]);
  const facet = pairs.length > 1;
  const rows = (us: readonly (readonly number[])[], extra: (k: number) => Partial<Row> = () => ({})): Row[] =>
    pairs.flatMap(([i, j]) =>
      us.map((u, k) => ({ x: u[i], y: u[j], fx: names[i], fy: names[j], ...extra(k) })),
    );
  const utilities = (o: readonly number[]) => table.prefs.map((p) => p.utility(o));
  const moves = rows(
    events.map((e) => utilities(e.outcome as readonly number[])),
    (k) => ({ actor: events[k]?.actor ?? '', time: events[k]?.time ?? 0 }),
  );
  const reference = tableAnalysis(table);
  const frontier = rows(reference.frontier.map((p) => p.utilities));
  const agreement = s.perRun[0]?.agreement;
  const marks = rows(
    [...(reference.nash ? [reference.nash] : []), ...(agreement ? [utilities(agreement)] : [])],
    (k) => ({ label: reference.nash && k === 0 ? 'Nash' : 'agreement' }),
  );
  const actors = [...new Set(events.map((e) => e.actor))];
  const fxy = facet ? { fx: 'fx', fy: 'fy' } : {};
  const width = facet ? Math.min(1200, 260 * (names.length - 1) + 80) : 640;
  const run = s.perRun[0];
  const title = s.scenario;
  const subtitle = `run 1 of ${s.runs} · ${s.protocol}${s.variant ? ` (${s.variant})` : ''} · ${s.agents.join(' vs ')} · ${
    run?.agreement ? `agreement in round ${run.rounds}` : `no agreement (${run?.endedBy ?? 'no run'})`
  }`;
  const svg = Plot.plot({
    document,
    width,
    height: facet ? width : 520,
    marginTop: 100,
    marginLeft: 60,
    marginBottom: 48,
    marginRight: facet ? 130 : 20,
    x: { label: facet ? 'utility (column party)' : `${names[0]} utility`, labelAnchor: 'center', nice: true },
    y: { label: facet ? 'utility (row party)' : `${names[1]} utility`, labelAnchor: 'center', nice: true },
    color: { domain: actors, range: PALETTE },
    opacity: { range: [0.3, 1] },
    ...(facet
      ? { fx: { label: null, domain: names.slice(0, -1) }, fy: { label: null, domain: names.slice(1) } }
      : {}),
    marks: [
      Plot.frame({ stroke: '#ddd' }),
      Plot.dot(frontier, { x: 'x', y: 'y', ...fxy, r: 2, fill: '#9ab' }),
      ...(facet
        ? []
        : [
            Plot.line(
              [...frontier].sort((p, q) => (p.x ?? 0) - (q.x ?? 0)),
              { x: 'x', y: 'y', stroke: '#9ab' },
            ),
          ]),
      Plot.line(moves, {
        x: 'x',
        y: 'y',
        ...fxy,
        z: 'actor',
        stroke: 'actor',
        strokeOpacity: 0.35,
        clip: true,
      }),
      Plot.dot(moves, { x: 'x', y: 'y', ...fxy, fill: 'actor', fillOpacity: 'time', r: 3.5, clip: true }),
      Plot.dot(marks, { x: 'x', y: 'y', ...fxy, r: 7, stroke: '#000', strokeWidth: 1.5, symbol: 'diamond' }),
      Plot.text(marks, { x: 'x', y: 'y', ...fxy, text: 'label', dx: 10, dy: -10, textAnchor: 'start' }),
    ],
  });
  let out = (svg as unknown as { outerHTML: string }).outerHTML;
  const font = 'font-family="system-ui, sans-serif"';
  const key = actors
    .map((a, i) => `<tspan fill="${PALETTE[i % PALETTE.length]}">● ${escapeXml(a)}</tspan>`)
    .join('   ');
  const head =
    `<text x="10" y="20" font-size="14" text-anchor="start" ${font}>${escapeXml(title)}</text>` +
    `<text x="10" y="38" font-size="11" fill="#333" text-anchor="start" ${font}>${escapeXml(subtitle)}</text>` +
    `<text x="10" y="56" font-size="11" text-anchor="start" ${font}>${key}</text>` +
    `<text x="10" y="72" font-size="11" fill="#555" text-anchor="start" ${font}>dots: moves, fainter = earlier · blue-grey: Pareto frontier · diamonds: Nash point, agreement</text>`;
  out = out.replace(/(<svg[^>]*>)/, `$1${head}`);
  if (!out.includes('xmlns=')) out = out.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}\n`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
