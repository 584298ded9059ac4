import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../src/index.js';
import { repoRoot } from './support/shared.js';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('errors.ts') ? [p] : [];
  });

describe('PROBLEM_CODES', () => {
  it('are distinct kebab-case words', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    for (const c of PROBLEM_CODES) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('are each used somewhere in src/ (the list holds no dead codes)', () => {
    const text = sources(join(repoRoot, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = PROBLEM_CODES.filter((c) => !text.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });
});
