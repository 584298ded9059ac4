import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'concord-tournament-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const base = [
  '--strategies',
  'boulware,conceder,tft',
  '--scenarios',
  'examples/job-offer.yaml,examples/trade-deal.yaml',
];
const lines = (dir: string) => readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n').filter(Boolean);

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(['tournament', ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('concord tournament', () => {
  it('runs every matchup in both seat orders, writes the files, prints the ranking', async () => {
    const out = tmp();
    const r = await cli(...base, '--repetitions', '2', '--steps', '30', '--workers', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tournament: 3 strategies × 2 scenarios × 6 matchups × 2 repetitions');
    expect(r.out).toContain('24 of 24 runs finished (24 now, 0 before) on the main thread');
    expect(r.out).toMatch(/│ 1\s+│ (boulware|conceder|tft)\s+│ 16\s+│ 0\.\d{4} \[0\.\d{4}, 0\.\d{4}\]/);
    expect(lines(out)).toHaveLength(24);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(25);
    const ranking = JSON.parse(readFileSync(join(out, 'ranking.json'), 'utf8'));
    expect(ranking.standings.map((s: { seats: number }) => s.seats)).toEqual([16, 16, 16]);
    const settings = JSON.parse(readFileSync(join(out, 'tournament.json'), 'utf8'));
    expect(settings).toMatchObject({ repetitions: 2, steps: 30, permutations: 'all', seed: 1 });
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });

  it('resumes from the folder alone after a crash, completing what is missing and nothing twice', async () => {
    const out = tmp();
    const first = await cli(...base, '--steps', '30', '--workers', '1', '--out', out, '--json');
    expect(first.code).toBe(0);
    const complete = lines(out).sort();
    const file = join(out, 'results.jsonl');
    truncateSync(file, Math.floor(readFileSync(file).length * 0.4));
    const again = await cli('--out', out, '--resume', '--workers', '1', '--json');
    expect(again.code).toBe(0);
    expect(again.err).toContain('warning:');
    expect(again.err).toContain('cut short');
    const json = JSON.parse(again.out);
    expect(json).toMatchObject({ runs: 12, finished: 12, complete: true });
    expect(json.skipped).toBeGreaterThan(0);
    expect(json.ran).toBe(12 - json.skipped);
    expect(lines(out).sort()).toEqual(complete);
    expect(JSON.parse(first.out).ranking).toEqual(json.ranking);
  });

  it('runs on worker threads with the same results as in the main thread', async () => {
    const [a, b] = [tmp(), tmp()];
    const args = [...base, '--steps', '30', '--seed', '4', '--no-permutations', '--json'];
    const main = await cli(...args, '--workers', '1', '--out', a);
    const threads = await cli(...args, '--workers', '2', '--out', b);
    expect([main.code, threads.code]).toEqual([0, 0]);
    expect(JSON.parse(threads.out)).toMatchObject({ runs: 6, complete: true });
    expect(lines(b).sort()).toEqual(lines(a).sort());
    expect(JSON.parse(threads.out).ranking).toEqual(JSON.parse(main.out).ranking);
  });

  it('reports bad input with its location and exits 1, without a stack trace', async () => {
    const out = tmp();
    const bad = await cli(
      '--strategies',
      'boulware,nosuch,tft:initial=7',
      '--scenarios',
      'examples/job-offer.yaml',
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--strategies (item 2): unknown strategy "nosuch"');
    expect(bad.err).toContain('--strategies (item 3):');
    expect(bad.err).toContain('initial');
    const missing = await cli(
      '--strategies',
      'boulware,tft',
      '--scenarios',
      'examples/nope.yaml',
      '--out',
      out,
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('examples/nope.yaml: no such file');
    const nothing = await cli('--out', out);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('--strategies: give the strategies');
    const noOut = await cli(...base);
    expect(noOut.code).toBe(1);
    expect(noOut.err).toContain("required option '--out <dir>'");
    const score = await cli(...base, '--out', out, '--score', 'fame');
    expect(score.code).toBe(1);
    for (const r of [bad, missing, nothing, score]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses to write over an earlier tournament without --resume', async () => {
    const out = tmp();
    expect((await cli(...base, '--steps', '10', '--workers', '1', '--out', out)).code).toBe(0);
    const before = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const again = await cli(...base, '--steps', '10', '--workers', '1', '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--resume');
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(before);
  });
});
