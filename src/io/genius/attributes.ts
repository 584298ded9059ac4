import type { Diagnostics } from './diagnostics.js';
import { attr, type XmlElement } from './xml-tree.js';

/**
 * Reading typed attribute values with located problems. Numbers follow Java's `Double.valueOf`
 * as GENIUS uses it, minus its exotic forms (hex floats, `d`/`f` suffixes); NaN and ±Infinity
 * are refused because no utility can be computed from them.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** A finite decimal number, or undefined. */
export function parseDecimal(s: string): number | undefined {
  const t = s.trim();
  if (!DECIMAL.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/** A safe integer written in decimal digits, or undefined. */
export function parseInteger(s: string): number | undefined {
  const t = s.trim();
  if (!INTEGER.test(t)) return undefined;
  const x = Number(t);
  return Number.isSafeInteger(x) ? x : undefined;
}

/** The element's name as written in messages: `<issue index="3">`. */
export function describe(el: XmlElement): string {
  const index = attr(el, 'index');
  const name = attr(el, 'name');
  if (name) return `<${el.name} name="${name.value}">`;
  if (index) return `<${el.name} index="${index.value}">`;
  return `<${el.name}>`;
}

/**
 * A required numeric attribute. Reports (as an error) a missing attribute at the element and a
 * bad value at the attribute; returns undefined then.
 */
export function requiredNumber(
  diag: Diagnostics,
  el: XmlElement,
  name: string,
  kind: 'decimal' | 'integer' = 'decimal',
): number | undefined {
  const a = attr(el, name);
  if (!a) {
    diag.error('missing-attribute', `${describe(el)} has no ${name}="..." attribute`, el.offset);
    return undefined;
  }
  const x = kind === 'integer' ? parseInteger(a.value) : parseDecimal(a.value);
  if (x === undefined) {
    const want = kind === 'integer' ? 'a whole number' : 'a finite number';
    diag.error('bad-number', `${name}="${a.value}" on ${describe(el)} is not ${want}`, a.offset);
  }
  return x;
}

/** An optional numeric attribute: `fallback` when absent; error (and undefined) when bad. */
export function optionalNumber(
  diag: Diagnostics,
  el: XmlElement,
  name: string,
  fallback: number,
): number | undefined {
  return attr(el, name) ? requiredNumber(diag, el, name) : fallback;
}

/** A required string attribute (may be empty unless `nonEmpty`). */
export function requiredString(
  diag: Diagnostics,
  el: XmlElement,
  name: string,
  nonEmpty = false,
): string | undefined {
  const a = attr(el, name);
  if (!a) {
    diag.error('missing-attribute', `${describe(el)} has no ${name}="..." attribute`, el.offset);
    return undefined;
  }
  if (nonEmpty && a.value.trim() === '') {
    diag.error('empty-attribute', `${name}="" on ${describe(el)} is empty`, a.offset);
    return undefined;
  }
  return a.value;
}
