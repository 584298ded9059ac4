import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo, processIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { domainsDir, hasShared } from './support/shared.js';

const frontierOf = async (ref: string) => {
  const io = memoryIo();
  expect(await runCli(['analyze', ref, '--json'], io)).toBe(0);
  return JSON.parse(io.stdout).frontier.map((p: { utilities: number[] }) => p.utilities);
};
const quiet = () => ({ ...processIo(), out: () => {}, err: () => {} });

describe('concord convert', () => {
  it('yaml: the written file analyses to the same frontier', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'concord-')), 's.yaml');
    expect(await runCli(['convert', 'examples/trade-deal.yaml', '--to', 'yaml', '--out', out], quiet())).toBe(
      0,
    );
    expect(await frontierOf(out)).toEqual(await frontierOf('examples/trade-deal.yaml'));
  });

  it.runIf(hasShared('convert a GENIUS domain'))(
    'genius: a GENIUS domain written back analyses to the same frontier',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'concord-'));
      const src = join(domainsDir, 'anac-y2012-CameraB');
      expect(await runCli(['convert', src, '--out', out], quiet())).toBe(0);
      const a = await frontierOf(src);
      const b = await frontierOf(out);
      expect(b.length).toBe(a.length);
      for (let k = 0; k < b.length; k++) {
        for (let i = 0; i < b[k].length; i++) expect(b[k][i]).toBeCloseTo(a[k][i], 12);
      }
    },
  );

  it('an unknown format is refused in one line', async () => {
    const io = memoryIo();
    expect(await runCli(['convert', 'examples/job-offer.yaml', '--to', 'pdf', '--out', '/tmp/x'], io)).toBe(
      1,
    );
    expect(io.stderr).toMatch(/Allowed choices are genius, yaml/);
  });
});
