import { XMLValidator } from 'fast-xml-parser';
import { Diagnostics } from './diagnostics.js';

/**
 * A small XML element tree that remembers where everything is (character offsets), so that
 * semantic problems can be reported as file:line:column. Well-formedness is checked first by
 * fast-xml-parser's `XMLValidator` (which gives line:column for syntax errors); the tree is
 * then built by a short scan of the validated text. fast-xml-parser's own object output is not
 * used because it drops positions.
 */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  /** Offset of the attribute name. */
  readonly offset: number;
}

export interface XmlElement {
  readonly name: string;
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Direct character data, entities decoded, untrimmed. */
  readonly text: string;
}

interface MutableElement {
  name: string;
  offset: number;
  attributes: XmlAttribute[];
  children: MutableElement[];
  text: string;
}

export interface XmlReading {
  /** Problems (syntax) and warnings found so far; the caller adds its own to it. */
  readonly diag: Diagnostics;
  /** Undefined when the text is not well-formed XML (then `diag` holds the problem). */
  readonly root: XmlElement | undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Replaces `text[from, to)` by spaces, keeping line breaks, so positions stay the same. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
}

/**
 * Quirk seen in community files: an XML declaration after a comment (or whitespace). Strict XML
 * forbids it; GENIUS's hand-written SimpleDOMParser skips `<?...?>` wherever it is, so we accept
 * it with a located warning and blank it out before validating.
 */
function dropLateDeclaration(text: string, diag: Diagnostics): string {
  const m = /<\?xml[\s?]/.exec(text);
  if (!m || m.index === 0) return text;
  const before = text.slice(0, m.index).replace(/<!--[\s\S]*?-->/g, '');
  if (before.trim() !== '') return text;
  const end = text.indexOf('?>', m.index);
  if (end < 0) return text;
  diag.warn(
    'xml-declaration-not-first',
    'the XML declaration <?xml ...?> is not at the very start of the file (strict XML forbids that; GENIUS accepts it, and so do we)',
    m.index,
  );
  return blank(text, m.index, end + 2);
}

/** Checks well-formedness, then builds the positioned tree. Never throws. */
export function readXml(text: string, file: string): XmlReading {
  const diag = new Diagnostics(file, text);
  const cleaned = dropLateDeclaration(text, diag);
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(cleaned);
  } catch (e) {
    diag.error('xml-syntax', `not readable as XML (${e instanceof Error ? e.message : String(e)})`, 0);
    return { diag, root: undefined };
  }
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    diag.problems.push({
      code: 'xml-syntax',
      message: `not well-formed XML: ${msg}`,
      file,
      line: line ?? 1,
      column: col ?? 1,
    });
    return { diag, root: undefined };
  }
  const { roots, tooDeep } = scan(cleaned);
  if (tooDeep !== undefined) {
    diag.error('xml-too-deep', `elements nested deeper than ${MAX_DEPTH} levels`, tooDeep);
    return { diag, root: undefined };
  }
  const root = roots[0];
  if (!root) {
    diag.error('xml-syntax', 'no XML element in the file', 0);
    return { diag, root: undefined };
  }
  for (const extra of roots.slice(1)) {
    diag.error(
      'xml-multiple-roots',
      `a second top-level element <${extra.name}> after <${root.name}>`,
      extra.offset,
    );
  }
  return { diag, root: diag.failed ? undefined : root };
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Deeper nesting is refused, so that code walking the tree recursively cannot overflow the stack. */
const MAX_DEPTH = 100;

/** Builds the element tree of text that XMLValidator accepted; tolerant, bounded, never throws. */
function scan(text: string): { roots: MutableElement[]; tooDeep: number | undefined } {
  const n = text.length;
  const roots: MutableElement[] = [];
  const stack: MutableElement[] = [];
  let tooDeep: number | undefined;
  let i = 0;
  while (i < n) {
    if (tooDeep === undefined && stack.length > MAX_DEPTH) tooDeep = stack[stack.length - 1]?.offset;
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      if (top) top.text += decode(text.slice(i));
      break;
    }
    if (top && lt > i) top.text += decode(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (top) top.text += text.slice(lt + 9, end < 0 ? n : end);
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
    } else if (text.startsWith('<!', lt)) {
      let j = lt + 2;
      let depth = 0;
      for (; j < n; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      i = j + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      stack.pop();
      i = end < 0 ? n : end + 1;
    } else {
      i = scanStartTag(text, lt, stack, roots);
    }
  }
  return { roots, tooDeep };
}

/** Reads `<name attr="v" ...>` or `<name .../>` at `lt`; returns the offset after it. */
function scanStartTag(text: string, lt: number, stack: MutableElement[], roots: MutableElement[]): number {
  const n = text.length;
  let j = lt + 1;
  while (j < n && !isSpace(text[j]) && text[j] !== '/' && text[j] !== '>') j++;
  const el: MutableElement = {
    name: text.slice(lt + 1, j),
    offset: lt,
    attributes: [],
    children: [],
    text: '',
  };
  let selfClosing = false;
  while (j < n) {
    while (j < n && isSpace(text[j])) j++;
    if (text[j] === '/' && text[j + 1] === '>') {
      selfClosing = true;
      j += 2;
      break;
    }
    if (text[j] === '>' || j >= n) {
      j++;
      break;
    }
    const nameStart = j;
    while (j < n && !isSpace(text[j]) && text[j] !== '=' && text[j] !== '>' && text[j] !== '/') j++;
    const name = text.slice(nameStart, j);
    while (j < n && isSpace(text[j])) j++;
    if (text[j] !== '=') {
      // Cannot happen after validation; skip the odd character rather than loop.
      if (j === nameStart) j++;
      continue;
    }
    j++;
    while (j < n && isSpace(text[j])) j++;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") continue;
    const end = text.indexOf(quote, j + 1);
    const valueEnd = end < 0 ? n : end;
    el.attributes.push({ name, value: decode(text.slice(j + 1, valueEnd)), offset: nameStart });
    j = valueEnd + 1;
  }
  const parent = stack[stack.length - 1];
  if (parent) parent.children.push(el);
  else roots.push(el);
  if (!selfClosing) stack.push(el);
  return j;
}

/** The attribute named `name`, if present. */
export function attr(el: XmlElement, name: string): XmlAttribute | undefined {
  return el.attributes.find((a) => a.name === name);
}

/** Direct children named `name`, in document order. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first direct child named `name`. */
export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
