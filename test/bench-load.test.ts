import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

// `npm run bench` runs under plain tsx, outside vitest: a bench that imports a module which
// imports vitest dies before printing a row. Loading every group here keeps that from coming back.
describe('npm run bench', () => {
  it('loads every bench group outside vitest', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'bench/run.ts'), '--list'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, VITEST: undefined, VITEST_WORKER_ID: undefined, VITEST_POOL_ID: undefined },
      },
    );
    expect(out.trim().split('\n')).toEqual([
      'analysis',
      'server',
      'simulation',
      'tournament',
      'queue',
      'uncertainty',
    ]);
  }, 60_000);

  it('names the groups when asked for one that does not exist', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/run.ts'), 'nosuch'], {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('unknown bench group: nosuch (groups: analysis, server');
  }, 60_000);
});
