import type { Problem } from '../core/errors.js';
import { type TournamentResult, tournamentResultSchema } from './result.js';

/** The results of a `results.jsonl` text, and what was wrong with it. */
export interface ResultLines {
  /** Valid results, first occurrence of each id, in file order. */
  readonly results: readonly TournamentResult[];
  /** Complete lines that are not a result (they are dropped, and their runs run again). */
  readonly invalid: readonly Problem[];
  /** 1-based numbers of lines repeating an id seen before (dropped). */
  readonly duplicates: readonly number[];
  /** The text does not end with a newline: its last line was cut short (a crash mid-write) and is dropped. */
  readonly partial: boolean;
}

/** One result as a line of `results.jsonl` (with its newline). */
export function resultLine(result: TournamentResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * Reads the text of a `results.jsonl`: one result per line. A last line without its newline is a
 * write cut short and is ignored (never half-trusted); so are lines that do not parse or repeat an
 * id. Never throws.
 */
export function readResultLines(text: string, file?: string): ResultLines {
  const lines = text.split('\n');
  const partial = lines[lines.length - 1] !== '';
  lines.pop(); // the partial line, or the empty string after the last newline
  const results: TournamentResult[] = [];
  const invalid: Problem[] = [];
  const duplicates: number[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = { ...(file ? { file } : {}), line: i + 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      invalid.push({ code: 'bad-result-line', message: 'not JSON; the run will be run again', ...at });
      return;
    }
    const r = tournamentResultSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      invalid.push({
        code: 'bad-result-line',
        message: `not a tournament result (${issue?.message ?? 'wrong shape'}${where}); the run will be run again`,
        ...at,
      });
      return;
    }
    if (seen.has(r.data.id)) {
      duplicates.push(i + 1);
      return;
    }
    seen.add(r.data.id);
    results.push(r.data);
  });
  return { results, invalid, duplicates, partial };
}

const cell = (x: unknown): string => {
  const s = x === undefined || x === null ? '' : String(x);
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The results as CSV, one row per run, seat columns numbered from 1 (as many as the largest
 * table). `agreement` holds the value index of each issue, separated by spaces.
 */
export function resultsToCsv(results: readonly TournamentResult[]): string {
  const seats = results.reduce((m, r) => Math.max(m, r.agents.length), 0);
  const seat = (prefix: string) => Array.from({ length: seats }, (_, i) => `${prefix}_${i + 1}`);
  const head = [
    'id',
    'repetition',
    'scenario',
    'name',
    'protocol',
    'steps',
    'seed',
    ...seat('agent'),
    ...seat('party'),
    'agreed',
    'ended_by',
    'rounds',
    'turns',
    'time',
    ...seat('utility'),
    ...seat('discounted'),
    'welfare',
    'nash_distance',
    'frontier_distance',
    'agreement',
    'problem',
  ];
  const pad = <T>(xs: readonly T[]) => Array.from({ length: seats }, (_, i) => xs[i]);
  const rows = results.map((r) =>
    [
      r.id,
      r.repetition,
      r.scenario,
      r.name,
      r.variant ? `${r.protocol}/${r.variant}` : r.protocol,
      r.steps,
      r.seed,
      ...pad(r.agents),
      ...pad(r.parties),
      r.agreement ? 1 : 0,
      r.endedBy,
      r.rounds,
      r.turns,
      r.time,
      ...pad(r.utilities),
      ...pad(r.discounted),
      r.welfare,
      r.nashDistance,
      r.frontierDistance,
      r.agreement?.join(' '),
      r.problem,
    ]
      .map(cell)
      .join(','),
  );
  return `${[head.join(','), ...rows].join('\n')}\n`;
}
