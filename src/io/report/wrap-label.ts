/**
 * Breaks a label into lines of at most `maxChars` characters at spaces (a longer word stays
 * whole on its own line), joined with `\n`, which Plot's text marks draw as separate lines.
 * Charts wrap instead of truncating so every label reads in full.
 *
 * @example
 * wrapLabel('European governments', 12); // 'European\ngovernments'
 */
export function wrapLabel(text: string, maxChars: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Number of lines of a wrapped label. */
export const lineCount = (wrapped: string): number => wrapped.split('\n').length;
