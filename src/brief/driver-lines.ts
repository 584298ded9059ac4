import { type AcceptanceDriver, topDrivers } from '../uncertainty/acceptance-drivers.js';
import type { DraftBrief } from './build.js';
import { possessive } from './possessive.js';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** How many drivers per party the terminal brief names. */
const TOP = 2;

/** "Ukraine’s red line ua-cap (not real → real)" or "Russia.reservation (0.45–0.576 → 0.724–0.85)" (lowest → highest fifth). */
export function driverLabel(d: AcceptanceDriver): string {
  const m = /^(.*)\.redLines\.(.*)\.active$/.exec(d.parameter);
  if (m) return `${possessive(m[1] ?? '')} red line ${m[2]} (not real → real)`;
  const range = (r: readonly [number, number]) => `${num(r[0])}–${num(r[1])}`;
  return `${d.parameter} (${range(d.low.range)} → ${range(d.high.range)})`;
}

/** "80.1% → 5.2% (-74.9 ± 1.6 points)", "within noise" when |Δ| ≤ 2 SE. */
export function driverEffect(d: AcceptanceDriver, party: string): string {
  const e = d.effect[party];
  if (!e) return '';
  const noise = Math.abs(e.delta) <= 2 * e.stdError ? ', within noise' : '';
  return `${pct(d.low.pAccept[party] ?? Number.NaN)} → ${pct(d.high.pAccept[party] ?? Number.NaN)} (${e.delta >= 0 ? '+' : ''}${(e.delta * 100).toFixed(1)} ± ${(e.stdError * 100).toFixed(1)} points${noise})`;
}

/**
 * The terminal brief's line on what moves each party's acceptance of a draft most: the top
 * drivers per party, each difference with its standard error; a party no sampled assumption
 * moves beyond noise is said so.
 */
export function driverLine(d: DraftBrief, names: readonly string[]): string | undefined {
  if (d.drivers.length === 0) return undefined;
  const parts = names.map((party) => {
    const top = topDrivers(d.drivers, party, TOP);
    const beyond = top.filter((x) => {
      const e = x.effect[party];
      return e !== undefined && Math.abs(e.delta) > 2 * e.stdError;
    });
    if (beyond.length === 0) return `${party}: no sampled assumption moves it beyond noise`;
    return `${party}: ${top.map((x) => `${driverLabel(x)} ${driverEffect(x, party)}`).join('; ')}`;
  });
  return `What moves acceptance of the ${d.name} most (the same draws split by each assumption: a red line not real → real, another its lowest → highest fifth): ${parts.join(' — ')}.`;
}
