/** Marker preferences and the scan for them, for the zero-leak test. */

export type JsonValue = unknown;

/** Every number in a JSON value. */
export function numbersIn(x: JsonValue, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) for (const v of x) numbersIn(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) numbersIn(v, out);
  return out;
}

/** Numbers specific enough that meeting one by chance is impossible (not round to 4 decimals). */
export const distinctive = (x: number): boolean =>
  Number.isFinite(x) && Math.abs(x * 1e4 - Math.round(x * 1e4)) > 1e-6;

/**
 * Numbers that follow from one party's preferences in the mediator's results: every number in
 * an object about that party (`{ party: name, … }`), values under its name as a key, and its
 * entry in utility vectors (`utilities: [...]` in party order).
 */
export function derivedNumbers(
  x: JsonValue,
  name: string,
  index: number,
  parties: number,
  out: Set<number> = new Set(),
): Set<number> {
  if (Array.isArray(x)) for (const v of x) derivedNumbers(v, name, index, parties, out);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (o.party === name) for (const n of numbersIn(o)) out.add(n);
    for (const [k, v] of Object.entries(o)) {
      if (k === name) for (const n of numbersIn(v)) out.add(n);
      if (
        (k === 'utilities' || k === 'gains') &&
        Array.isArray(v) &&
        v.length === parties &&
        typeof v[index] === 'number'
      )
        out.add(v[index] as number);
      derivedNumbers(v, name, index, parties, out);
    }
  }
  return out;
}

/** A response's JSON (or the JSON lines of an event stream). */
export function responseValues(text: string): JsonValue[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return text
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => {
        try {
          return JSON.parse(l.slice(5));
        } catch {
          return l.slice(5);
        }
      });
  }
}

/** Deep equality of plain JSON values. */
export const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
const sortKeys = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(sortKeys)
    : x && typeof x === 'object'
      ? Object.fromEntries(
          Object.entries(x)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v)]),
        )
      : x;

export function containsObject(x: unknown, target: unknown): boolean {
  if (same(x, target)) return true;
  if (Array.isArray(x)) return x.some((v) => containsObject(v, target));
  if (x && typeof x === 'object') return Object.values(x).some((v) => containsObject(v, target));
  return false;
}
