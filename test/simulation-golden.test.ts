/**
 * Golden traces (Observable Plot style): a few seeded negotiations written as JSON Lines and
 * compared with test/golden/<name>.jsonl. On a mismatch the fresh output is written beside it as
 * <name>-changed.jsonl (diff the two; if the change is intended, move it over the golden file).
 * A missing golden file is created.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtInStrategies,
  createRng,
  negotiate,
  type ProtocolName,
  prepareTable,
  randomScenario,
  type Scenario,
  type SingleTextVariant,
  traceLines,
} from '../src/index.js';
import { loadScenario } from '../src/node.js';
import { repoRoot } from './support/shared.js';

const dir = join(repoRoot, 'test', 'golden');
const load = (ref: string): Scenario => {
  const r = loadScenario(join(repoRoot, ref));
  if (!r.ok) throw new Error(ref);
  return r.value;
};

interface Golden {
  readonly name: string;
  readonly scenario: () => Scenario;
  readonly protocol: ProtocolName;
  readonly variant?: SingleTextVariant;
  readonly agents: readonly string[];
  readonly seed: number;
  readonly steps: number;
}

const GOLDEN: readonly Golden[] = [
  {
    name: 'ao-job-offer-boulware-frequency',
    scenario: () => load('examples/job-offer.yaml'),
    protocol: 'ao',
    agents: ['boulware', 'frequency'],
    seed: 1,
    steps: 30,
  },
  {
    name: 'mao-random3-boulware-conceder-tft',
    scenario: () => randomScenario(createRng(7), { parties: 3, issues: 3, values: 4, reservation: 0.3 }),
    protocol: 'mao',
    agents: ['boulware', 'conceder', 'tft'],
    seed: 4,
    steps: 15,
  },
  {
    name: 'single-text-labour-veto-linear-conceder',
    scenario: () => load('examples/labour-contract.yaml'),
    protocol: 'single-text',
    variant: 'veto',
    agents: ['linear', 'conceder'],
    seed: 2,
    steps: 12,
  },
  {
    name: 'shuttle-trade-deal-linear-conceder',
    scenario: () => load('examples/trade-deal.yaml'),
    protocol: 'shuttle',
    agents: ['linear', 'conceder'],
    seed: 3,
    steps: 20,
  },
];

describe('golden traces', () => {
  it.each(GOLDEN)('$name', (g) => {
    const table = prepareTable(g.scenario());
    const r = negotiate(
      table,
      g.agents.map((a) => builtInStrategies.create(a)),
      {
        protocol: g.protocol,
        ...(g.variant ? { variant: g.variant } : {}),
        deadline: { rounds: g.steps },
        seed: g.seed,
        trace: true,
      },
    );
    const utilities = r.utilities.map((u) => Math.round(u * 1e6) / 1e6);
    const summary = JSON.stringify({
      endedBy: r.endedBy,
      agreement: r.agreement,
      utilities,
      rounds: r.rounds,
    });
    const actual = `${[summary, ...traceLines(table, r.trace ?? [])].join('\n')}\n`;
    const file = join(dir, `${g.name}.jsonl`);
    const changed = join(dir, `${g.name}-changed.jsonl`);
    if (!existsSync(file)) {
      writeFileSync(file, actual);
      console.warn(`golden file created: ${file}`);
      return;
    }
    const expected = readFileSync(file, 'utf8');
    if (actual === expected) {
      if (existsSync(changed)) rmSync(changed);
      return;
    }
    writeFileSync(changed, actual);
    expect(actual, `trace differs from ${file}; fresh output in ${changed}`).toBe(expected);
  });
});
