import { describe, expect, it } from 'vitest';
import { member, readJson } from './json-tree.js';

describe('readJson', () => {
  it('reads values like JSON.parse and keeps positions', () => {
    const text = '{\n  "a": [1, -2.5e1, true, null],\n  "b": "x\\u0041\\n"\n}';
    const { root, diag } = readJson(text, 'f.json');
    expect(root?.kind).toBe('object');
    if (root?.kind !== 'object') return;
    const a = member(root, 'a');
    expect(a?.value.kind === 'array' && a.value.items.map((i) => ('value' in i ? i.value : null))).toEqual([
      1,
      -25,
      true,
      null,
    ]);
    const b = member(root, 'b');
    expect(b?.value.kind === 'string' && b.value.value).toBe('xA\n');
    expect(diag.at(b?.keyOffset ?? -1)).toEqual({ line: 3, column: 3 });
  });

  it('reports the first syntax error with its line and column', () => {
    const { root, diag } = readJson('{\n  "a": 1,\n  "b": tru\n}', 'bad.json');
    expect(root).toBeUndefined();
    expect(diag.problems[0]).toMatchObject({ code: 'json-syntax', file: 'bad.json', line: 3, column: 8 });
  });

  it.each([
    ['', 'unexpected end'],
    ['{"a":1,}', 'expected a "key"'],
    ['[1 2]', 'expected ","'],
    ['"abc', 'unterminated'],
    ['01', 'unexpected text'],
    ['{"a":1} x', 'unexpected text'],
    ['1e999', 'too large'],
    ['"\\x"', 'bad escape'],
  ])('refuses %j (%s) without throwing', (text, msg) => {
    const { root, diag } = readJson(text, 'f');
    expect(root).toBeUndefined();
    expect(diag.problems[0]?.message).toContain(msg);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const { diag } = readJson('['.repeat(100_000), 'deep.json');
    expect(diag.problems[0]?.message).toContain('nested deeper');
  });
});
