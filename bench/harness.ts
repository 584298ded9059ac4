import { join } from 'node:path';
import Table from 'cli-table3';

/** Median wall time (ms) of `fn` over `runs` runs after one warm-up run. */
export function timeMedian(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export interface Row {
  readonly case: string;
  readonly size: string;
  readonly ours: string;
  readonly reference: string;
  readonly goal: string;
  readonly result: string;
}

export function printTable(title: string, rows: readonly Row[]): void {
  const t = new Table({
    head: ['case', 'outcomes', 'Concord', 'reference', 'goal', 'result'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push([r.case, r.size, r.ours, r.reference, r.goal, r.result]);
  console.log(`\n${title}\n${t.toString()}`);
}

export const ms = (x: number): string =>
  x < 1 ? `${(x * 1000).toFixed(0)} µs` : x < 1000 ? `${x.toFixed(1)} ms` : `${(x / 1000).toFixed(2)} s`;

/** `../shared` (the community's domains and NegMAS's results), or CONCORD_SHARED_DIR. */
export const sharedDir = process.env.CONCORD_SHARED_DIR ?? join(import.meta.dirname, '..', '..', 'shared');

/** A tournament's results in a comparable form: runs by id (executors finish in any order). */
export const resultsFingerprint = (rs: readonly { readonly id: string }[]): string =>
  JSON.stringify([...rs].sort((a, b) => (a.id < b.id ? -1 : 1)));
