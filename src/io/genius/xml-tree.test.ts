import { describe, expect, it } from 'vitest';
import { lineIndex } from './diagnostics.js';
import { attr, childrenNamed, readXml } from './xml-tree.js';

describe('readXml', () => {
  const text = '<a x="1">\n  <b y="&lt;&amp;&#65;&#x42;" z=\'>\'/>\n  <!-- <c/> -->\n  <c>hi</c>\n</a>\n';

  it('builds the tree with attribute values decoded', () => {
    const { root } = readXml(text, 'f.xml');
    expect(root?.name).toBe('a');
    expect(root?.children.map((c) => c.name)).toEqual(['b', 'c']);
    const b = root?.children[0];
    expect(b && attr(b, 'y')?.value).toBe('<&AB');
    expect(b && attr(b, 'z')?.value).toBe('>');
    expect(root && childrenNamed(root, 'c')[0]?.text).toBe('hi');
  });

  it('remembers where elements and attributes are (1-based line:column)', () => {
    const { root, diag } = readXml(text, 'f.xml');
    const b = root?.children[0];
    expect(diag.at(b?.offset ?? -1)).toEqual({ line: 2, column: 3 });
    expect(diag.at(b ? (attr(b, 'z')?.offset ?? -1) : -1)).toEqual({ line: 2, column: 31 });
    expect(diag.at(root?.children[1]?.offset ?? -1)).toEqual({ line: 4, column: 3 });
  });

  it('reports a syntax error at XMLValidator position, as a problem not an exception', () => {
    const { root, diag } = readXml('<a>\n  <b>\n</a>', 'bad.xml');
    expect(root).toBeUndefined();
    expect(diag.problems).toHaveLength(1);
    expect(diag.problems[0]).toMatchObject({ code: 'xml-syntax', file: 'bad.xml', line: 3, column: 1 });
  });

  it('reports plain text as not XML at 1:1', () => {
    const { root, diag } = readXml('0.5, 1.0\n', 'pareto.xml');
    expect(root).toBeUndefined();
    expect(diag.problems[0]).toMatchObject({ code: 'xml-syntax', line: 1, column: 1 });
  });

  it('accepts a declaration after a comment with a located warning (GENIUS does)', () => {
    const { root, diag } = readXml('<!-- old -->\n<?xml version="1.0"?>\n<a/>', 'late.xml');
    expect(root?.name).toBe('a');
    expect(diag.problems).toEqual([]);
    expect(diag.warnings[0]).toMatchObject({ code: 'xml-declaration-not-first', line: 2, column: 1 });
  });

  it('refuses a second top-level element, located at it', () => {
    const { root, diag } = readXml('<a/>\n<b/>', 'two.xml');
    expect(root).toBeUndefined();
    expect(diag.problems[0]).toMatchObject({ code: 'xml-multiple-roots', line: 2, column: 1 });
  });

  it('refuses absurd nesting (so no parser can overflow the stack), located at the deepest element', () => {
    const text = `<negotiation_template>\n${'<objective>'.repeat(20_000)}${'</objective>'.repeat(20_000)}</negotiation_template>`;
    const { root, diag } = readXml(text, 'deep.xml');
    expect(root).toBeUndefined();
    expect(diag.problems[0]).toMatchObject({ code: 'xml-too-deep', line: 2 });
  });

  it('skips DOCTYPE, processing instructions and CDATA', () => {
    const { root } = readXml(
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a><![CDATA[<b/>]]></a>',
      'f',
    );
    expect(root?.name).toBe('a');
    expect(root?.children).toEqual([]);
    expect(root?.text).toBe('<b/>');
  });
});

describe('lineIndex', () => {
  it('maps offsets to line:column, clamping out-of-range offsets', () => {
    const at = lineIndex('ab\ncd\n\nx');
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(6)).toEqual({ line: 3, column: 1 });
    expect(at(7)).toEqual({ line: 4, column: 1 });
    expect(at(99)).toEqual({ line: 4, column: 2 });
  });
});
