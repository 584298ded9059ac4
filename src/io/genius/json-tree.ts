import { Diagnostics } from './diagnostics.js';

/**
 * A JSON value that remembers where it is (character offsets), so problems in GeniusWeb files
 * can be reported as file:line:column. `JSON.parse` gives neither positions of values nor a
 * portable position for syntax errors, hence this small strict RFC 8259 reader.
 */
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: JsonNode;
}
export interface JsonObject {
  readonly kind: 'object';
  readonly offset: number;
  readonly entries: readonly JsonEntry[];
}
export interface JsonArray {
  readonly kind: 'array';
  readonly offset: number;
  readonly items: readonly JsonNode[];
}
export type JsonScalar =
  | { readonly kind: 'string'; readonly offset: number; readonly value: string }
  | { readonly kind: 'number'; readonly offset: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly offset: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly offset: number };

export interface JsonReading {
  readonly diag: Diagnostics;
  readonly root: JsonNode | undefined;
}

class SyntaxStop {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Parses JSON text; a syntax error comes back as one located problem. Never throws. */
export function readJson(text: string, file: string): JsonReading {
  const diag = new Diagnostics(file, text);
  let i = 0;
  const n = text.length;
  const stop = (message: string, at = i): never => {
    throw new SyntaxStop(message, at);
  };
  const skip = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || (i === 0 && c === 0xfeff)) i++;
      else break;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= n) stop('unterminated string', start);
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) stop('bad \\u escape in string');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
        } else if (e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else stop(`bad escape \\${e} in string`);
      } else if (c.charCodeAt(0) < 0x20) {
        stop('control character in string (write it escaped)');
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) stop(`nested deeper than ${MAX_DEPTH} levels`);
    skip();
    const offset = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      skip();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', offset, entries };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') stop('expected a "key" in object');
        const keyOffset = i;
        const key = str();
        skip();
        if (text[i] !== ':') stop(`expected ":" after key "${key}"`);
        i++;
        entries.push({ key, keyOffset, value: value(depth + 1) });
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { kind: 'object', offset, entries };
        } else stop('expected "," or "}" in object');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', offset, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { kind: 'array', offset, items };
        } else stop('expected "," or "]" in array');
      }
    }
    if (c === '"') return { kind: 'string', offset, value: str() };
    for (const [word, node] of [
      ['true', { kind: 'boolean', offset, value: true }],
      ['false', { kind: 'boolean', offset, value: false }],
      ['null', { kind: 'null', offset }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      const x = Number(m[0]);
      if (!Number.isFinite(x)) stop(`number ${m[0]} is too large`, offset);
      return { kind: 'number', offset, value: x };
    }
    return i >= n ? stop('unexpected end of file') : stop(`unexpected character ${JSON.stringify(c)}`);
  };
  try {
    const root = value(0);
    skip();
    if (i < n) stop('unexpected text after the JSON value');
    return { diag, root };
  } catch (e) {
    if (e instanceof SyntaxStop) diag.error('json-syntax', `not valid JSON: ${e.message}`, e.offset);
    else diag.error('json-syntax', `not readable as JSON (${e instanceof Error ? e.message : String(e)})`, i);
    return { diag, root: undefined };
  }
}

/** The value of `key` in an object (the last one if repeated, as JSON.parse does). */
export function member(obj: JsonObject, key: string): JsonEntry | undefined {
  let found: JsonEntry | undefined;
  for (const e of obj.entries) if (e.key === key) found = e;
  return found;
}

/** A short name of a node's kind for messages: "an object", "a number". */
export function kindName(node: JsonNode): string {
  return node.kind === 'array' || node.kind === 'object' ? `an ${node.kind}` : `a ${node.kind}`;
}
