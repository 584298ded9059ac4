/**
 * Every command's `--json` output has a zod schema (src/io/report/schemas/) published as JSON
 * Schema in schema/. Real outputs of the CLI (examples and ukraine-2025, small samples) must
 * pass their schema, and the committed schema files must be what `npm run schema` writes now.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { OUTPUT_SCHEMAS, type OutputName, outputJsonSchemaText } from '../src/index.js';
import { repoRoot } from './support/shared.js';

const out = mkdtempSync(join(tmpdir(), 'concord-output-schemas-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function json(argv: string[]): Promise<unknown> {
  const io = memoryIo();
  const code = await runCli(argv, io);
  expect([code, io.stderr]).toEqual([0, expect.any(String)]);
  return JSON.parse(io.stdout);
}

function expectValid(name: OutputName, value: unknown): void {
  const r = OUTPUT_SCHEMAS[name].safeParse(value);
  expect(r.success ? [] : r.error.issues).toEqual([]);
}

const example = (f: string) => join(repoRoot, 'examples', f);

const CASES: readonly [OutputName, string, string[]][] = [
  ['analyze', 'job offer', ['analyze', example('job-offer.yaml'), '--json']],
  [
    'analyze',
    'job offer --evaluate',
    ['analyze', example('job-offer.yaml'), '--json', '--evaluate', 'salary=75000'],
  ],
  ['analyze', 'ukraine-2025 (record)', ['analyze', 'ukraine-2025', '--json', '--samples', '100']],
  ['brief', 'ukraine-2025', ['brief', 'ukraine-2025', '--json', '--samples', '100', '--no-report']],
  [
    'brief',
    'ukraine-2025 with a lever',
    ['brief', 'ukraine-2025', '--json', '--samples', '100', '--no-report', '--set', 'sanctions=intensified'],
  ],
  [
    'whatif',
    'ukraine-2025',
    ['whatif', 'ukraine-2025', '--set', 'sanctions=intensified', '--json', '--samples', '100'],
  ],
  [
    'diff',
    'ukraine-2025',
    ['diff', 'ukraine-2025', '28-point plan', '19-point plan', '--json', '--samples', '100'],
  ],
  [
    'simulate',
    'ao',
    ['simulate', example('job-offer.yaml'), '--agents', 'boulware,conceder', '--runs', '3', '--json'],
  ],
  [
    'simulate',
    'single text',
    [
      'simulate',
      example('labour-contract.yaml'),
      '--protocol',
      'single-text',
      '--agents',
      'conceder',
      '--runs',
      '2',
      '--json',
    ],
  ],
  [
    'simulate',
    'shuttle',
    [
      'simulate',
      example('trade-deal.yaml'),
      '--protocol',
      'shuttle',
      '--agents',
      'linear',
      '--runs',
      '2',
      '--json',
    ],
  ],
  [
    'tournament',
    'two strategies',
    [
      'tournament',
      '--strategies',
      'boulware,conceder',
      '--scenarios',
      example('job-offer.yaml'),
      '--out',
      join(out, 't'),
      '--json',
    ],
  ],
];

describe('--json outputs against their schemas', () => {
  for (const [name, label, argv] of CASES) {
    it(`${name}: ${label}`, { timeout: 120_000 }, async () => {
      expectValid(name, await json(argv));
    });
  }

  it('a schema rejects an output with a missing or mistyped field', async () => {
    const sim = (await json(CASES[7]?.[2] as string[])) as Record<string, unknown>;
    expect(OUTPUT_SCHEMAS.simulate.safeParse({ ...sim, agreementRate: 'high' }).success).toBe(false);
    const { runs: _, ...withoutRuns } = sim;
    expect(OUTPUT_SCHEMAS.simulate.safeParse(withoutRuns).success).toBe(false);
    expect(OUTPUT_SCHEMAS.simulate.safeParse({ ...sim, extra: 1 }).success).toBe(false);
  });
});

describe('schema/<command>.schema.json', () => {
  for (const name of Object.keys(OUTPUT_SCHEMAS) as OutputName[]) {
    it(`${name}: is what scripts/gen-schema.ts produces now (run \`npm run schema\` if not)`, () => {
      const committed = readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8');
      expect(committed).toBe(outputJsonSchemaText(name));
    });
  }
});
