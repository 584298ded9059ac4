/**
 * A deep copy with every number replaced by the hex of its IEEE-754 bits, so `toEqual` compares
 * numbers to the last bit (and tells 0 from −0, and one NaN from another), not within a tolerance.
 */
export function bits(x: unknown): unknown {
  if (typeof x === 'number') {
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, x);
    return `f64:${v.getBigUint64(0).toString(16).padStart(16, '0')}`;
  }
  if (Array.isArray(x)) return x.map(bits);
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, bits(v)]));
  return x;
}
