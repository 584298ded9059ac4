/** Small number formatting shared by the report renderers. */

/** A utility for people: 4 decimals, no trailing noise. */
export function fmtU(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'n/a';
  return x.toFixed(4);
}

/** A signed difference, e.g. `+0.1200`. */
export function fmtGain(x: number): string {
  if (!Number.isFinite(x)) return fmtU(x);
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;
}

export function fmtPct(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x > 0 && x < 10 ** -digits / 100) return `<${(10 ** -digits).toFixed(digits)}%`;
  return `${(x * 100).toFixed(digits)}%`;
}

/** A count with thousands separators; big counts in scientific form as well. */
export function fmtCount(decimal: string): string {
  if (decimal.length <= 15) return Number(decimal).toLocaleString('en-US');
  return `${decimal.slice(0, 1)}.${decimal.slice(1, 4)}e${decimal.length - 1}`;
}

export function fmtValue(v: string | number): string {
  return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 6 }) : v;
}
