/**
 * A compact boxed text table (head row, then rows, no rules between rows), drawn in plain code so
 * the report renderers stay pure and bundle for the browser. Widths count code points, which is
 * right for the Latin, Cyrillic and symbol text Concord prints (no double-width scripts).
 *
 * @example
 * textTable(['Party', 'Reservation'], [['Russia', '0.40']]);
 * // ┌────────┬─────────────┐
 * // │ Party  │ Reservation │
 * // │ Russia │ 0.40        │
 * // └────────┴─────────────┘
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [head, ...rows];
  const columns = Math.max(0, ...all.map((r) => r.length));
  const width = (s: string): number => Array.from(s).length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.map((r) => width(r[c] ?? ''))));
  const rule = (left: string, mid: string, right: string): string =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const line = (r: readonly string[]): string =>
    `│${widths.map((w, c) => ` ${r[c] ?? ''}${' '.repeat(w - width(r[c] ?? ''))} `).join('│')}│`;
  return [rule('┌', '┬', '┐'), ...all.map(line), rule('└', '┴', '┘')].join('\n');
}
