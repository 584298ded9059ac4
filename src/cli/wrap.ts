/**
 * Text output fitted to the terminal: long lines wrap at word boundaries to `width` columns,
 * continuation lines indented like the line's text (after any bullet such as `• ` or `- `), so
 * prose stays readable in an 80-column pipe. Table lines (box drawing) and lines without spaces
 * are left whole: breaking them would garble them more than a long line does.
 */

const TABLE = /^[\s]*[┌│├└╭╰┬┼┴─]/;
const LEAD = /^(\s*(?:[•\-*→] |\d+\. |#\d+ )?)/;

/** Display width of a line (code points; the text is Latin with a few symbols). */
export function displayWidth(s: string): number {
  return [...s].length;
}

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width || TABLE.test(line)) return [line];
  const lead = LEAD.exec(line)?.[1] ?? '';
  // After a bullet, continue under its text; otherwise hang two columns in.
  const bulleted = lead.trim() !== '';
  const indent = ' '.repeat(displayWidth(lead) + (bulleted ? 0 : 2));
  const words = line.slice(lead.length).split(/ +/);
  const out: string[] = [];
  let current = lead;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? `${current}${word}` : `${current} ${word}`;
    if (!empty && displayWidth(candidate) > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = candidate;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Wraps every line of `text` longer than `width` (minimum 40). */
export function wrapText(text: string, width: number): string {
  const w = Math.max(40, Math.floor(width));
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, w))
    .join('\n');
}
