/**
 * Small text helpers for problem messages: "did you mean", lists, and describing a bad value.
 */

/** Levenshtein distance, capped: returns `cap + 1` as soon as the distance must exceed `cap`. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The closest candidate to a misspelt word (case-insensitive; at most 2 edits, 1 for short words). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const cap = w.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestD = cap + 1;
  for (const c of candidates) {
    const d = c.toLowerCase() === w ? 0 : editDistance(w, c.toLowerCase(), cap);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** `"salry"` → `; did you mean "salary"?`, else `; <what> are a, b, c` (long lists cut). */
export function suggestion(word: string, candidates: readonly string[], what: string): string {
  const c = closest(word, candidates);
  if (c !== undefined) return `; did you mean ${quote(c)}?`;
  if (candidates.length === 0) return '';
  return `; ${what} ${candidates.length === 1 ? 'is' : 'are'} ${list(candidates)}`;
}

/** `a, b, c` (at most 12, then `…`). */
export function list(items: readonly (string | number)[]): string {
  const shown = items.slice(0, 12).map(String);
  return items.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

export const quote = (s: string): string => JSON.stringify(s);

/** Describes a value the user wrote, for "expected X, got Y". */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return `the text ${quote(s)}`;
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan (not a number)';
    if (!Number.isFinite(v)) return v > 0 ? '.inf (infinity)' : '-.inf (minus infinity)';
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return Object.keys(v).length === 0 ? 'an empty mapping' : 'a mapping';
  return typeof v;
}
