/**
 * `concord analyze` shows the opposition level in text and in `--json` (key `opposition`): the
 * same number the library computes, and null / "none defined" when no outcome is rational.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { analyze } from '../src/index.js';
import { loadScenario } from '../src/node.js';

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, ...io };
};

describe('concord analyze: opposition', () => {
  it('text and --json give the library figure', async () => {
    const loaded = loadScenario('examples/job-offer.yaml');
    if (!loaded.ok) throw new Error('examples/job-offer.yaml does not load');
    const expected = analyze(loaded.value).opposition;
    expect(expected).toBeGreaterThan(0);
    expect(Number.isFinite(expected)).toBe(true);
    const json = await run('analyze', 'examples/job-offer.yaml', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).opposition).toBe(expected);
    const text = await run('analyze', 'examples/job-offer.yaml');
    expect(text.stdout).toContain(`Opposition: ${expected.toFixed(4)} (NegMAS's opposition level`);
  });

  it('no rational outcome: null in JSON, said in words', async () => {
    const yaml = readFileSync('examples/job-offer.yaml', 'utf8').replace(
      'reservation: 0.45',
      'reservation: 2',
    );
    expect(yaml).toContain('reservation: 2');
    const file = join(mkdtempSync(join(tmpdir(), 'concord-opp-')), 'closed.yaml');
    writeFileSync(file, yaml.replace('$schema: ../schema/scenario.schema.json\n', ''));
    const json = await run('analyze', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).opposition).toBeNull();
    const text = await run('analyze', file);
    expect(text.stdout).toContain('Opposition: none defined (no outcome is rational for every party)');
  });
});
