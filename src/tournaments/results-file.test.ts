import { describe, expect, it } from 'vitest';
import type { TournamentResult } from './result.js';
import { readResultLines, resultLine, resultsToCsv } from './results-file.js';

const result = (id: string, over: Partial<TournamentResult> = {}): TournamentResult => ({
  id,
  repetition: 0,
  scenario: 'examples/job-offer.yaml',
  name: 'Job offer',
  protocol: 'ao',
  steps: 100,
  seed: 7,
  agents: ['boulware', 'conceder'],
  parties: ['Candidate', 'Employer'],
  agreement: [1, 0, 2],
  endedBy: 'agreement',
  rounds: 12,
  turns: 23,
  time: 0.12,
  utilities: [0.8, 0.5],
  discounted: [0.8, 0.5],
  welfare: 1.3,
  nashDistance: 0.1,
  frontierDistance: 0,
  ...over,
});

describe('readResultLines', () => {
  it('reads back what resultLine wrote', () => {
    const rs = [result('a'), result('b', { agreement: null, endedBy: 'deadline' })];
    const read = readResultLines(rs.map(resultLine).join(''));
    expect(read).toEqual({ results: rs, invalid: [], duplicates: [], partial: false });
  });

  it('drops a last line cut short, and says so', () => {
    const text = resultLine(result('a')) + resultLine(result('b')).slice(0, 40);
    const read = readResultLines(text);
    expect(read.partial).toBe(true);
    expect(read.results.map((r) => r.id)).toEqual(['a']);
  });

  it('drops a cut line even when the cut leaves valid JSON (no newline, no trust)', () => {
    const read = readResultLines(resultLine(result('a')).trimEnd());
    expect(read.partial).toBe(true);
    expect(read.results).toEqual([]);
  });

  it('drops lines that are not results and repeated ids, with line numbers', () => {
    const text = [
      resultLine(result('a')),
      'not json\n',
      `${JSON.stringify({ ...result('c'), utilities: 'high' })}\n`,
      resultLine(result('a', { seed: 99 })),
      '\n',
      resultLine(result('b')),
    ].join('');
    const read = readResultLines(text, 'r.jsonl');
    expect(read.results.map((r) => [r.id, r.seed])).toEqual([
      ['a', 7],
      ['b', 7],
    ]);
    expect(read.invalid.map((p) => [p.file, p.line])).toEqual([
      ['r.jsonl', 2],
      ['r.jsonl', 3],
    ]);
    expect(read.invalid[1]?.message).toContain('utilities');
    expect(read.duplicates).toEqual([4]);
  });

  it('reads an empty file as no results', () => {
    expect(readResultLines('')).toEqual({ results: [], invalid: [], duplicates: [], partial: false });
  });
});

describe('resultsToCsv', () => {
  it('writes a header and one row per run with numbered seat columns', () => {
    const csv = resultsToCsv([result('a'), result('b', { agreement: null, nashDistance: undefined })]);
    const [head, a, b, end] = csv.split('\n');
    const cols = head?.split(',') ?? [];
    expect(cols).toContain('agent_2');
    expect(cols).toContain('utility_1');
    const row = Object.fromEntries(cols.map((c, i) => [c, a?.split(',')[i]]));
    expect(row).toMatchObject({
      id: 'a',
      agent_1: 'boulware',
      utility_2: '0.5',
      agreed: '1',
      agreement: '1 0 2',
    });
    expect(b?.split(',')[cols.indexOf('agreed')]).toBe('0');
    expect(b?.split(',')[cols.indexOf('nash_distance')]).toBe('');
    expect(end).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    const csv = resultsToCsv([result('a', { name: 'Trade, "free"', problem: 'line\nbreak' })]);
    expect(csv).toContain('"Trade, ""free"""');
    expect(csv).toContain('"line\nbreak"');
  });
});
