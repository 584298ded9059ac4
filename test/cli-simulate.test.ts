import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/program.js';
import { domainsDir, hasShared } from './support/shared.js';

const run = async (...argv: string[]) => {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, ...io };
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe('concord simulate', () => {
  it('prints a readable summary: agreements, rounds, each party’s utility, frontier and Nash distances', async () => {
    const r = await run(
      'simulate',
      'examples/job-offer.yaml',
      '--agents',
      'boulware,conceder',
      '--runs',
      '5',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Simulation of .+: alternating offers, 100 rounds, 5 runs \(seeds 1–5\)/);
    expect(r.stdout).toMatch(/Agreements: \d of 5 \([\d.]+%\) · mean rounds [\d.]+/);
    expect(r.stdout).toMatch(/Candidate +│ boulware/);
    expect(r.stdout).toMatch(/Employer +│ conceder/);
    expect(r.stdout).toMatch(/Distance to the Pareto frontier: mean [\d.]+/);
    expect(r.stdout).toMatch(/Distance to the Nash point \([\d., ]+\): mean [\d.]+/);
    expect(r.stdout).toMatch(/Simulated in [\d.]+ ms/);
  });

  it('--json carries runs, agreements, meanRounds, elapsedMs and named agreements', async () => {
    const r = await run(
      'simulate',
      'examples/labour-contract.yaml',
      '--protocol',
      'shuttle',
      '--agents',
      'linear',
      '--runs',
      '3',
      '--steps',
      '40',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ['runs', 'agreements', 'meanRounds', 'elapsedMs']) expect(typeof j[key]).toBe('number');
    expect(j.runs).toBe(3);
    expect(j.mediator).toBe('State conciliator');
    expect(j.perRun).toHaveLength(3);
    const agreed = j.perRun.find((x: { agreement: unknown }) => x.agreement !== null);
    if (agreed) expect(Object.keys(agreed.agreement)).toContain('pay rise');
    expect(j.perParty.map((p: { name: string }) => p.name)).toEqual(["Drivers' union", 'Bus company']);
  });

  it('--trace writes one JSON event a line and --plot a standalone SVG of the first run', async () => {
    const r = await run(
      'simulate',
      'examples/trade-deal.yaml',
      '--agents',
      'boulware,frequency',
      '--runs',
      '2',
      '--trace',
      'out/t.jsonl',
      '--plot',
      'out/p.svg',
    );
    expect(r.code).toBe(0);
    const lines = (r.files.get('out/t.jsonl') ?? '').trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    const events = lines.map((l) => JSON.parse(l));
    expect(new Set(events.map((e) => e.run))).toEqual(new Set([0, 1]));
    expect(events[0]).toMatchObject({ run: 0, turn: 0, action: 'offer' });
    expect(events[0].utilities).toHaveLength(2);
    const svg = r.files.get('out/p.svg') ?? '';
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('Northland');
    expect(svg).toContain('</svg>');
    expect(r.stdout).toContain('Trace written to out/t.jsonl');
  });

  it('single text and shuttle run on a 4-party scenario with a mediator; mao seats three', async () => {
    for (const protocol of ['single-text', 'shuttle']) {
      const r = await run(
        'simulate',
        'examples/labour-contract.yaml',
        '--protocol',
        protocol,
        '--agents',
        'conceder',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Mediator: State conciliator');
    }
    const r = await run(
      'simulate',
      'examples/labour-contract.yaml',
      '--protocol',
      'mao',
      '--parties',
      "Drivers' union,Bus company,City council",
      '--agents',
      'conceder',
      '--variant',
      'veto',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--variant applies to --protocol single-text only');
    const ok = await run(
      'simulate',
      'examples/labour-contract.yaml',
      '--protocol',
      'mao',
      '--parties',
      "Drivers' union,Bus company,City council",
      '--agents',
      'conceder',
      '--plot',
      'out/m.svg',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/City council +│ conceder/);
    expect(ok.files.get('out/m.svg')).toContain('</svg>');
  });
});

describe('concord simulate on bad input', () => {
  it('names every bad option at once, exit 1, no stack', async () => {
    const r = await run(
      'simulate',
      'examples/job-offer.yaml',
      '--protocol',
      'auction',
      '--agents',
      'boulware,nope,conceder:e=x',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--protocol: unknown protocol "auction" (ao, mao, single-text, shuttle)');
    expect(r.stderr).toContain('--agents: unknown strategy "nope"');
    expect(r.stderr).toContain('--agents: "conceder:e=x": e must be a number, got "x"');
    noStack(r.stderr);
  });

  it('a wrong number of agents or parties is explained, exit 1', async () => {
    const a = await run('simulate', 'examples/job-offer.yaml', '--agents', 'boulware,conceder,tft');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('2 parties at the table but 3 agents');
    const b = await run(
      'simulate',
      'examples/labour-contract.yaml',
      '--parties',
      "Drivers' union,Bus company,City council",
    );
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('ao takes 2 parties at the table, got 3');
    expect(b.stderr).toContain('--protocol mao');
    const c = await run('simulate', 'examples/job-offer.yaml', '--parties', 'Candidate,Nobody');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('no party named "Nobody"');
    for (const x of [a, b, c]) noStack(x.stderr);
  });

  it('a missing scenario or a bad number is one located line, exit 1', async () => {
    const r = await run('simulate', 'no/such.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such.yaml');
    const s = await run('simulate', 'examples/job-offer.yaml', '--runs', '0');
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('--runs must be a positive whole number');
  });
});

describe('concord simulate on the community domains', () => {
  it.runIf(hasShared('simulate on Laptop'))(
    'Boulware vs Conceder on Laptop agrees; JSON counts runs',
    async () => {
      const r = await run(
        'simulate',
        join(domainsDir, 'anac-y2011-Laptop'),
        '--agents',
        'boulware,conceder',
        '--runs',
        '50',
        '--json',
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.runs).toBe(50);
      expect(j.agreements).toBe(50);
      expect(j.meanRounds).toBeGreaterThan(0);
    },
  );
});
