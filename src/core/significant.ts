/**
 * A number in messages for people: `digits` significant digits, no trailing zeros, no exponent
 * for ordinary magnitudes (0.000027008648614841876 → "0.000027"). Data keeps full precision; only
 * the text is rounded.
 */
export function significant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'n/a';
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(digits));
  const abs = Math.abs(rounded);
  if (abs >= 1e-6 && abs < 1e15) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
    return String(Number(rounded.toFixed(Math.min(20, decimals))));
  }
  return rounded.toExponential(digits - 1);
}
