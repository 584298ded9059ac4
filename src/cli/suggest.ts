/**
 * "Did you mean" for names typed on the command line: the candidates nearest to what was typed,
 * by edit distance (a swap of two neighbouring letters counts as one edit), closest first.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[i - 1]?.[j] ?? 0) + 1,
        (d[i]?.[j - 1] ?? 0) + 1,
        (d[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/**
 * The candidates close enough to `typed` to be what was meant (at most `max`, nearest first):
 * within a third of the longer name's length in edits, or sharing its start or containing it.
 */
export function nearest(typed: string, candidates: readonly string[], max = 3): string[] {
  const t = typed.toLowerCase();
  const scored = candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const dist = editDistance(t, lc);
      const related = t.length >= 3 && (lc.startsWith(t) || lc.includes(t) || t.startsWith(lc));
      const limit = Math.max(1, Math.floor(Math.max(t.length, lc.length) / 3));
      return { c, dist, ok: dist <= limit || related };
    })
    .filter((x) => x.ok)
    .sort((x, y) => x.dist - y.dist || x.c.localeCompare(y.c));
  // Only the nearest and those one edit further: a close match should not drown in loose ones.
  const best = scored[0]?.dist ?? 0;
  return scored
    .filter((x) => x.dist <= best + 1)
    .slice(0, max)
    .map((x) => x.c);
}

/** `; did you mean 'x'?` / `; did you mean 'x', 'y' or 'z'?`, or '' when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[], max = 3): string {
  const near = nearest(typed, candidates, max);
  if (near.length === 0) return '';
  const quoted = near.map((n) => `'${n}'`);
  const last = quoted.pop() as string;
  return `; did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?`;
}
