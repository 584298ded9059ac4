import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInStrategies, PROTOCOLS } from '../src/index.js';
import { repoRoot } from './support/shared.js';
import { runConcord, startCli } from './support/spawn-cli.js';

/**
 * What a newcomer meets in the first hour, through the `concord` command run as a separate
 * process (issue 8, points 2–4): a CLI that guides, errors that are the user's when they are, long
 * runs that show progress and stop cleanly on Ctrl-C.
 */
const dir = mkdtempSync(join(tmpdir(), 'concord-first-hour-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;

describe('the CLI guides', () => {
  it('--version prints the package version', async () => {
    const r = await runConcord(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(version);
  });

  it('an unknown command names the nearest one, exit 1', async () => {
    const r = await runConcord(['analyz', 'examples/job-offer.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("unknown command 'analyz'; did you mean 'analyze'?");
    expect(r.err).not.toContain('too many arguments');
    const far = await runConcord(['frobnicate']);
    expect(far.code).toBe(1);
    expect(far.err).toContain("unknown command 'frobnicate'");
    expect(far.err).toContain('commands: analyze, check, convert');
  });

  it('simulate --help and tournament --help list every protocol and strategy with its parameters', async () => {
    for (const command of ['simulate', 'tournament']) {
      const r = await runConcord([command, '--help']);
      expect(r.code).toBe(0);
      const help = r.out.replace(/\s+/g, ' ');
      for (const p of Object.values(PROTOCOLS)) expect(help).toContain(`${p.name}: ${p.description}`);
      for (const name of builtInStrategies.names) {
        const def = builtInStrategies.get(name);
        expect(help).toContain(`- ${name}: ${def?.description}`);
        for (const [key, spec] of Object.entries(def?.params ?? {}))
          expect(help).toContain(`${key}${spec.default !== undefined ? `=${spec.default}` : ''}`);
      }
      for (const line of r.out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  it('--set with an unknown name suggests the nearest names, not all of them', async () => {
    const r = await runConcord([
      'whatif',
      'ukraine-2025',
      '--set',
      'sanctons=intensified',
      '--set',
      'Rusia.reservation=0.3',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `"sanctons" is not a lever, an assumption or a parameter; did you mean 'sanctions'?`,
    );
    expect(r.err).toContain("did you mean 'Russia.reservation'?");
    expect(r.err).not.toContain('a-lever-battle-ua');
  });
});

describe("errors are the user's when they are the user's", () => {
  const file = join(dir, 'a-file.txt');
  writeFileSync(file, 'not a folder');

  it('an unwritable --plot, --report or --out path exits 1 with the path and the reason', async () => {
    const cases: [string[], string, RegExp][] = [
      [
        ['analyze', 'examples/job-offer.yaml', '--plot', join(file, 'x.svg')],
        '--plot',
        /a part of the path is a file/,
      ],
      [['analyze', 'examples/job-offer.yaml', '--plot', dir], '--plot', /it is a folder/],
      [
        ['convert', 'examples/job-offer.yaml', '--to', 'yaml', '--out', join(file, 'o.yaml')],
        '--out',
        /a part of the path is a file/,
      ],
      [
        ['brief', '--samples', '200', '--report', join(file, 'r.html')],
        '--report',
        /a part of the path is a file/,
      ],
      [
        [
          'tournament',
          '--strategies',
          'boulware,conceder',
          '--scenarios',
          'examples/job-offer.yaml',
          '--out',
          join(file, 't'),
        ],
        '--out',
        /a part of the path is a file/,
      ],
    ];
    for (const [args, flag, reason] of cases) {
      const r = await runConcord(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(`error: ${flag}: cannot write ${args.at(-1)}`);
      expect(r.err).toMatch(reason);
      expect(r.err).not.toContain('bug in Concord');
    }
  });

  it('a reader that stops early (EPIPE) ends the command quietly, exit 0', async () => {
    const run = startCli(['simulate', 'examples/job-offer.yaml', '--runs', '3000', '--json']);
    await run.waitFor(/\{/, 'out');
    run.child.stdout?.destroy();
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/EPIPE|internal error|at /);
  });

  it('a reservation below every outcome is accepted with a warning that says what it means', async () => {
    const yaml = readFileSync(join(repoRoot, 'examples/job-offer.yaml'), 'utf8').replace(
      'reservation: 0.45',
      'reservation: -0.3',
    );
    const path = join(dir, 'low-reservation.yaml');
    writeFileSync(path, yaml);
    const r = await runConcord(['analyze', path]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /warning: Candidate's reservation value -0\.3000 is below the utility of every outcome \(worst 0\.\d{4}\): Candidate prefers any agreement that crosses none of its red lines to walking away/,
    );
    expect(r.out).toContain('Pareto frontier');
  });
});

describe('long runs are visible and stoppable', () => {
  const progress = (label: string, total: string) =>
    new RegExp(`${label}: [\\d,]+/${total} runs \\(\\d+\\.\\d%\\), [\\d,]+ runs/s, about .+ left`);

  it('simulate shows progress with rate and time left in a pipe, and Ctrl-C stops it with a summary of what was done', async () => {
    const run = startCli(
      ['simulate', 'examples/job-offer.yaml', '--runs', '10000000', '--agents', 'boulware,conceder'],
      { CONCORD_PROGRESS_SECONDS: '1' },
    );
    await run.waitFor(progress('simulate', '10,000,000'));
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    const done = /interrupted: ([\d,]+) of 10,000,000 runs done/.exec(r.err);
    expect(done).not.toBeNull();
    const n = Number(done?.[1]?.replace(/,/g, ''));
    expect(n).toBeGreaterThan(0);
    expect(r.out).toContain(`Agreements: ${n.toLocaleString('en-US').replace(/,/g, '')} of ${n}`);
  });

  it('a tournament shows progress, and Ctrl-C keeps its resumable file', async () => {
    const out = join(dir, 'tournament');
    const run = startCli(
      [
        'tournament',
        '--strategies',
        'boulware,conceder,tft,frequency',
        '--scenarios',
        'examples/job-offer.yaml',
        '--repetitions',
        '2000',
        '--workers',
        '1',
        '--out',
        out,
      ],
      { CONCORD_PROGRESS_SECONDS: '1' },
    );
    await run.waitFor(progress('tournament', '24,000'));
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.err).toMatch(
      /interrupted: \d+ of 24000 runs are saved; continue with: concord tournament --out .+ --resume/,
    );
    expect(existsSync(join(out, 'results.jsonl'))).toBe(true);
    expect(
      readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).length,
    ).toBeGreaterThan(0);
  });
});

describe('text output reads well', () => {
  const doubled = /\(\(|\)\)|\) \(|\.\)/;

  it('brief and diff wrap to 80 columns in a pipe, without doubled parentheses', async () => {
    for (const args of [
      ['brief', '--samples', '300', '--no-report'],
      ['diff', 'ukraine-2025', '28-point plan', '19-point plan', '--samples', '300'],
    ]) {
      const r = await runConcord(args);
      expect(r.code).toBe(0);
      for (const line of r.out.split('\n')) {
        expect([...line].length, line).toBeLessThanOrEqual(80);
        expect(line).not.toMatch(doubled);
      }
    }
  });
});
