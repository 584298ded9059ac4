import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles, formatCycle, importGraph } from '../scripts/import-graph.js';

const root = mkdtempSync(join(tmpdir(), 'concord-cycles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a tiny source folder: path → text. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const rel = (dir: string, paths: readonly string[]): string[] => paths.map((p) => p.slice(dir.length + 1));

describe('import circles', () => {
  it('finds none in a tree of imports', () => {
    const dir = folder('tree', {
      'a.ts': "import { b } from './b.js';\nimport { c } from './sub/c.js';\n",
      'b.ts': "import { c } from './sub/c.js';\nexport const b = 1;\n",
      'sub/c.ts': 'export const c = 1;\n',
    });
    expect(findCycles(importGraph(dir))).toEqual([]);
  });

  it('finds a two-file circle made of a type-only import and a re-export', () => {
    const dir = folder('pair', {
      'a.ts': "import type { B } from './b.js';\nexport type A = B[];\n",
      'b.ts': "export { type A } from './a.js';\nexport type B = number;\n",
      'c.ts': "import type { A } from './a.js';\n",
    });
    const cycles = findCycles(importGraph(dir));
    expect(cycles).toHaveLength(1);
    expect(rel(dir, cycles[0]?.path ?? [])).toEqual(['a.ts', 'b.ts', 'a.ts']);
    expect(formatCycle(cycles[0]!, dir)).toBe('a.ts → b.ts → a.ts');
  });

  it('reports each tangle once, with a shortest path and its other members', () => {
    // x → y → z → x and y → w → y across folders: one component of four; plus a self-import.
    const dir = folder('tangle', {
      'p/x.ts': "import { y } from '../q/y.js';\n",
      'q/y.ts': "import {\n  z,\n} from './z.js';\nimport './w.js';\n",
      'q/z.ts': "import { x } from '../p/x.js';\n",
      'q/w.ts': "import type { Y } from './y.js';\n",
      'self.ts': "export * from './self.js';\n",
      'x.test.ts': "import { y } from './q/y.js';\n",
    });
    const cycles = findCycles(importGraph(dir));
    expect(cycles.map((c) => rel(dir, c.path))).toEqual([
      ['p/x.ts', 'q/y.ts', 'q/z.ts', 'p/x.ts'],
      ['self.ts', 'self.ts'],
    ]);
    expect(rel(dir, cycles[0]?.members ?? []).sort()).toEqual(['p/x.ts', 'q/w.ts', 'q/y.ts', 'q/z.ts']);
    expect(formatCycle(cycles[0]!, dir)).toBe('p/x.ts → q/y.ts → q/z.ts → p/x.ts (same tangle: q/w.ts)');
  });

  it('ignores imports of packages and of files outside the folder', () => {
    const dir = folder('outside', {
      'a.ts': "import { readFileSync } from 'node:fs';\nimport { z } from '../elsewhere/z.js';\n",
    });
    expect(findCycles(importGraph(dir))).toEqual([]);
  });
});
