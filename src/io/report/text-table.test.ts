import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { textTable } from './text-table.js';

// cli-table3 (a dev dependency) is the oracle: same layout as its compact style.
const oracle = (head: string[], rows: string[][]): string => {
  const t = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push(r);
  return t.toString();
};

describe('textTable', () => {
  it('draws the same table as cli-table3 on random contents', () => {
    const rng = createRng(11);
    const alphabet = ['a', 'Z', '0', '.', ' ', '—', 'Σ', 'é', 'ж', '…'];
    const cell = () =>
      Array.from({ length: rng.int(0, 12) }, () => alphabet[rng.int(0, alphabet.length - 1)])
        .join('')
        .trim();
    for (let trial = 0; trial < 200; trial++) {
      const cols = rng.int(1, 5);
      const head = Array.from({ length: cols }, () => cell() || 'h');
      const rows = Array.from({ length: rng.int(0, 6) }, () => Array.from({ length: cols }, cell));
      expect(textTable(head, rows)).toBe(oracle(head, rows));
    }
  });
});
