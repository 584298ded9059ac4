import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { domainsDir, hasShared, referenceDir } from './support/shared.js';

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, ...io };
};

describe('concord analyze on our own examples', () => {
  it('prints a report with parties, outcome count, zone and solutions', async () => {
    const r = await run('analyze', 'examples/job-offer.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Parties/);
    expect(r.stdout).toMatch(/Outcomes: [\d,]+/);
    expect(r.stdout).toMatch(/Agreement zone/);
    expect(r.stdout).toMatch(/Nash bargaining solution/);
    expect(r.stderr).toBe('');
  });

  it('--json carries the documented fields', async () => {
    const r = await run('analyze', 'examples/trade-deal.yaml', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ['parties', 'outcomeCount', 'frontier', 'solutions', 'elapsedMs'])
      expect(j).toHaveProperty(key);
    expect(j.parties[0]).toHaveProperty('name');
    expect(j.parties[0]).toHaveProperty('reservationValue');
    for (const s of ['nash', 'kalaiSmorodinsky', 'kalaiEgalitarian', 'maxWelfare'])
      expect(Array.isArray(j.solutions[s])).toBe(true);
    if (j.frontier.length > 0) {
      expect(Object.keys(j.frontier[0].outcome).length).toBe(j.issues.length);
      expect(j.frontier[0].utilities.length).toBe(j.parties.length);
      const nash = j.solutions.nash[0];
      expect(j.frontier[nash.frontierIndex].utilities).toEqual(nash.utilities);
    }
    expect(typeof j.elapsedMs).toBe('number');
  });

  it('--plot writes a standalone SVG and --frontier prints the table', async () => {
    const r = await run(
      'analyze',
      'examples/job-offer.yaml',
      '--plot',
      'out/x.svg',
      '--frontier',
      '--limit',
      '3',
    );
    expect(r.code).toBe(0);
    const svg = r.files.get('out/x.svg') ?? '';
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('</svg>');
    expect(r.stdout).toMatch(/Frontier \(by welfare, \d+ of \d+ shown\)/);
  });

  it('--evaluate reports utilities, zone membership and frontier distance', async () => {
    const r = await run(
      'analyze',
      'examples/job-offer.yaml',
      '--evaluate',
      'salary=70000;location=hybrid',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.evaluation.complete).toBe(false);
    expect(j.evaluation.missingIssues.length).toBeGreaterThan(0);
  });

  it('a bad --evaluate names the issue and the allowed values, exit 1, no stack', async () => {
    const r = await run('analyze', 'examples/job-offer.yaml', '--evaluate', 'salry=1;location=moon');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown issue "salry"');
    expect(r.stderr).toContain('"moon" is not a value of location');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('concord on bad input', () => {
  it('a missing file names it and exits 1', async () => {
    const r = await run('analyze', 'no/such/file.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.yaml');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a broken YAML file gives file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const f = join(dir, 's.yaml');
    writeFileSync(f, 'name: x\nissues:\n  - name: a\n    options: [p, q\nparties: []\n');
    const r = await run('analyze', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('malformed GENIUS XML gives file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    writeFileSync(
      join(dir, 'domain.xml'),
      '<negotiation_template>\n<utility_space number_of_issues="1">\n<objective index="0" name="x">\n<issue index="1" name="a" type="discrete" etype="discrete" vtype="discrete">\n<item index="1" value="p"/>\n</issue>\n</objective>\n</utility_space>\n</negotiation_template>\n',
    );
    writeFileSync(
      join(dir, 'p1.xml'),
      '<utility_space>\n<objective index="0">\n<issue index="1" name="a" type="discrete">\n<item index="1" value="p" evaluation="1">\n</issue>\n</utility_space>\n',
    );
    writeFileSync(
      join(dir, 'p2.xml'),
      '<utility_space>\n<objective index="0">\n<issue index="1" name="a" type="discrete">\n<item index="1" value="p" evaluation="1"/>\n</issue>\n<weight index="1" value="1"/>\n</objective>\n</utility_space>\n',
    );
    const r = await run('analyze', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p1\.xml:\d+:\d+: /);
  });

  it('an unknown option is one line and exit 1', async () => {
    const r = await run('analyze', 'examples/job-offer.yaml', '--frobnicate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('check reports OK for a valid scenario', async () => {
    const r = await run('check', 'examples/labour-contract.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/OK — \d+ issues, \d+ parties/);
  });
});

describe('concord analyze on the community domains', () => {
  it.runIf(hasShared('CLI on a reference domain'))(
    '--json reproduces the reference Nash point of Laptop',
    async () => {
      const ref = JSON.parse(readFileSync(join(referenceDir, 'anac-y2011-Laptop.json'), 'utf8'));
      const r = await run('analyze', join(domainsDir, 'anac-y2011-Laptop'), '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      const want = ref.variants.genius_normalized.nash[0];
      expect(j.solutions.nash[0].utilities[0]).toBeCloseTo(want.utils[0], 9);
      expect(Object.values(j.solutions.nash[0].outcome)).toEqual(want.outcome);
      expect(j.frontier.length).toBe(ref.variants.genius_normalized.pareto.n);
    },
  );

  it.runIf(hasShared('CLI --profiles'))('--profiles picks parties in the given order', async () => {
    const dir = join(domainsDir, 'anac-y2015-group2-dinner');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    const profiles = files.filter((f) => !/^[^_]*\.xml$/.test(f) || f.includes('util'));
    const picked = [profiles[2], profiles[0]].filter(Boolean) as string[];
    const r = await run('analyze', dir, '--profiles', picked.join(','), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).parties.map((p: { name: string }) => p.name)).toEqual(
      picked.map((f) => f.replace(/\.xml$/, '')),
    );
  });
});
