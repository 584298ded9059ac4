import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { loadScenario } from '../src/node.js';
import { repoRoot } from './support/shared.js';

/**
 * Installable as a library (issue 8, point 9): the packed tarball installs in an empty folder, the
 * README's library example runs there against the installed package (both entries), and the
 * `concord` command it installs answers `--version`. Slow (pack builds, install resolves the
 * dependencies, mostly from npm's cache), so it is one test with a generous timeout.
 */
const work = mkdtempSync(join(tmpdir(), 'concord-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The README's library example: the first ```ts block after "## The library". */
function readmeExample(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The library'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README.md has no ```ts block under "## The library"');
  return code;
}

/**
 * The environment without npm's own variables: under `npm test` they hold the repository as
 * npm's local prefix, and an install in the app folder would go there instead.
 */
const cleanEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_'))),
  NO_COLOR: '1',
};

/** Runs a command without blocking the test worker (a blocked worker misses vitest's heartbeats). */
const run = async (cmd: string, args: string[], cwd: string): Promise<string> =>
  (
    await promisify(execFile)(cmd, args, {
      cwd,
      encoding: 'utf8',
      env: cleanEnv,
      maxBuffer: 64 * 1024 * 1024,
    })
  ).stdout;

/**
 * A copy of the sources to pack (node_modules linked, not copied): `npm pack` runs `prepare`, which
 * rebuilds dist/ and dist/web, and doing that in the checkout would rewrite the files other test
 * files are serving or running at the same moment (the web e2e suite loads dist/web's worker).
 */
function sourceCopy(): string {
  const copy = join(work, 'source');
  const skip = new Set(['node_modules', 'dist', '.git', 'test-artifacts', 'coverage']);
  cpSync(repoRoot, copy, {
    recursive: true,
    filter: (from) => {
      const rel = relative(repoRoot, from);
      return rel === '' || !skip.has(rel.split(sep)[0] as string);
    },
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

describe('the npm package', () => {
  it('packs, installs in an empty folder, runs the README example and concord --version', async () => {
    const packs = join(work, 'packs');
    mkdirSync(packs);
    await run('npm', ['pack', '--silent', '--pack-destination', packs], sourceCopy());
    const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);

    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    await run(
      'npm',
      [
        'install',
        '--prefix',
        app,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(packs, tarball as string),
      ],
      app,
    );

    // The example reads examples/job-offer.yaml from where it runs: give it the packaged copy.
    cpSync(join(app, 'node_modules', pkg.name, 'examples'), join(app, 'examples'), { recursive: true });
    const example = readmeExample();
    expect(example).toContain(`from '${pkg.name}'`);
    expect(example).toContain(`from '${pkg.name}/node'`);
    writeFileSync(
      join(app, 'example.mjs'),
      `${example}\nconsole.log(JSON.stringify({ frontier: a.frontier.length, nash: a.solutions.nash[0], share: a.agreementZone?.share }));\n`,
    );
    const printed = JSON.parse(
      (await run(process.execPath, ['example.mjs'], app)).trim().split('\n').at(-1) as string,
    );

    const here = loadScenario(join(repoRoot, 'examples/job-offer.yaml'));
    if (!here.ok) throw new Error('job-offer does not load');
    const a = analyze(here.value);
    expect(printed).toEqual(
      JSON.parse(
        JSON.stringify({
          frontier: a.frontier.length,
          nash: a.solutions.nash[0],
          share: a.agreementZone?.share,
        }),
      ),
    );
    expect(printed.frontier).toBeGreaterThan(0);

    const bin = join(app, 'node_modules', '.bin', 'concord');
    expect((await run(bin, ['--version'], app)).trim()).toBe(pkg.version);
  }, 600_000);
});
