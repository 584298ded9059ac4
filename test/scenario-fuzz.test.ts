import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../src/core/rng.js';
import { parseScenario, scenarioToYaml } from '../src/io/scenario/index.js';
import { repoRoot } from './support/shared.js';

/**
 * Damaged versions of the examples: the reader must never throw, and every failure must be a
 * non-empty list of problems, each with a file, line and column inside the text.
 */
const sources = [
  ...readdirSync(join(repoRoot, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(repoRoot, 'examples', f)),
  join(repoRoot, 'test', 'fixtures', 'scenario', 'job-offer.json'),
].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

const GARBAGE = [
  '',
  '-1',
  '.nan',
  '.inf',
  'abc',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '&a',
  '*a',
  '!!int x',
  '1e999',
  'null',
  '[1, 2]',
  '{a: 1}',
  '%YAML',
  '@',
  '`',
  '|',
  '>',
  '? x',
  '- y',
  ': z',
  '\t',
  '~',
  'true',
  '0x',
  '[[0, 0], [1]]',
  '{ linear: {} }',
  '{ issue: salary }',
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;

function damage(rng: Rng, text: string): string {
  let lines = text.split('\n');
  const line = () => rng.int(0, Math.max(0, lines.length - 1));
  switch (rng.int(0, 6)) {
    case 0: // truncate
      return text.slice(0, rng.int(0, text.length));
    case 1: {
      // a garbage value after a colon
      const i = line();
      const l = lines[i] ?? '';
      const c = l.indexOf(': ');
      lines[i] = c >= 0 ? `${l.slice(0, c + 2)}${pick(rng, GARBAGE)}` : `${l}${pick(rng, GARBAGE)}`;
      break;
    }
    case 2: {
      // duplicate a line
      const i = line();
      lines.splice(i, 0, lines[i] ?? '');
      break;
    }
    case 3: // delete a line
      lines.splice(line(), 1);
      break;
    case 4: {
      // swap two lines
      const i = line();
      const j = line();
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    case 5: {
      // garbage at a random character
      const at = rng.int(0, text.length);
      return text.slice(0, at) + pick(rng, GARBAGE) + text.slice(at + rng.int(0, 3));
    }
    default: {
      // re-indent a line
      const i = line();
      lines[i] = ' '.repeat(rng.int(0, 8)) + (lines[i] ?? '').trimStart();
    }
  }
  lines = lines.filter((l) => l !== undefined);
  return lines.join('\n');
}

describe('scenario reader fuzz', () => {
  it('never throws on 600 damaged examples; every failure is located inside the text', () => {
    const rng = createRng(7);
    let failed = 0;
    let total = 0;
    for (const { file, text } of sources) {
      for (let n = 0; n < 150; n++) {
        let damaged = text;
        for (let k = rng.int(1, 3); k > 0; k--) damaged = damage(rng, damaged);
        total++;
        let r: ReturnType<typeof parseScenario>;
        try {
          r = parseScenario(damaged, 'damaged.yaml');
        } catch (e) {
          throw new Error(`threw on damaged ${file} #${n}: ${(e as Error).stack}\n---\n${damaged}`);
        }
        if (r.ok) {
          // Still valid (e.g. a comment was lost): then it must also write and read back.
          const again = parseScenario(scenarioToYaml(r.value), 'again.yaml');
          if (!again.ok) throw new Error(`a valid damaged ${file} #${n} did not round-trip:\n${damaged}`);
          continue;
        }
        failed++;
        const lineCount = damaged.split('\n').length;
        if (r.problems.length === 0) throw new Error(`no problems for damaged ${file} #${n}`);
        for (const p of r.problems) {
          const located =
            p.file === 'damaged.yaml' &&
            Number.isInteger(p.line) &&
            Number.isInteger(p.column) &&
            (p.line ?? 0) >= 1 &&
            (p.line ?? 0) <= lineCount + 1 &&
            (p.column ?? 0) >= 1 &&
            p.code !== 'internal-error' &&
            p.message.length > 0;
          if (!located) throw new Error(`badly located problem ${JSON.stringify(p)} for:\n${damaged}`);
        }
      }
    }
    expect(total).toBe(600);
    // The damage must actually break most files, or this test proves little.
    expect(failed).toBeGreaterThan(total / 2);
  });
});
