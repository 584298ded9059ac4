/**
 * Simulation benchmarks (issue 4): complete negotiations per second, Boulware vs Conceder,
 * 100 rounds of alternating offers, one core, against NegMAS on the same ANAC domains. The outcome
 * indexes are built once per scenario (reported separately) and reused by every run, as a
 * tournament does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRng,
  type ProtocolName,
  prepareTable,
  randomScenario,
  type Scenario,
  simulate,
} from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { ms, printTable, type Row, sharedDir } from './harness.js';

const domains = join(sharedDir, 'domains');
const now = () => performance.now();

function load(id: string): Scenario {
  const r = loadGeniusFolder(join(domains, id));
  if (!r.ok) throw new Error(`${id}: ${r.problems[0]?.message}`);
  return r.value;
}

/** Negotiations per second: the median of three batches of about `seconds` each, after a warm-up. */
function rate(scenario: Scenario, protocol: ProtocolName, agents: readonly string[], seconds = 0.7): number {
  const once = (runs: number) =>
    simulate(scenario, { protocol, agents, steps: 100, runs, now, analysis: false }).elapsedMs;
  let runs = 16;
  let t = once(runs);
  while (t < 100) {
    runs *= 4;
    t = once(runs);
  }
  runs = Math.max(1, Math.round((runs * seconds * 1000) / t));
  const rates = [0, 1, 2].map(() => (runs / once(runs)) * 1000).sort((a, b) => a - b);
  return rates[1] as number;
}

const fmtRate = (x: number): string => `${Math.round(x).toLocaleString('en-US')}/s`;

export function benchSimulation(): void {
  const rows: Row[] = [];
  const cases = [
    { id: 'anac-y2011-Laptop', size: '27', negmas: 645, goal: 64_500 },
    { id: 'anac-y2012-CameraC', size: '3,600', negmas: 39, goal: 3_900 },
    { id: 'anac-y2012-TravelB', size: '188,160', negmas: 1, goal: 100 },
  ];
  if (existsSync(domains)) {
    for (const c of cases) {
      const scenario = load(c.id);
      const t0 = now();
      prepareTable(scenario);
      const prep = now() - t0;
      const r = rate(scenario, 'ao', ['boulware', 'conceder']);
      rows.push({
        case: `${c.id}: Boulware vs Conceder, ao, 100 rounds (indexes ${ms(prep)}, once)`,
        size: c.size,
        ours: fmtRate(r),
        reference: `NegMAS ${c.negmas === 39 ? '26–39' : c.negmas}/s`,
        goal: `≥ ${c.goal.toLocaleString('en-US')}/s (100×)`,
        result: `${r >= c.goal ? 'met' : 'MISSED'}, ${Math.round(r / c.negmas).toLocaleString('en-US')}× NegMAS`,
      });
    }
    const laptop = load('anac-y2011-Laptop');
    for (const protocol of ['single-text', 'shuttle'] as const) {
      rows.push({
        case: `  anac-y2011-Laptop, ${protocol}, Boulware vs Conceder`,
        size: '27',
        ours: fmtRate(rate(laptop, protocol, ['boulware', 'conceder'], 0.3)),
        reference: '—',
        goal: '—',
        result: '',
      });
    }
    rows.push({
      case: '  anac-y2011-Laptop, ao, Frequency vs TFT',
      size: '27',
      ours: fmtRate(rate(laptop, 'ao', ['frequency', 'tft'], 0.3)),
      reference: '—',
      goal: '—',
      result: '',
    });
  } else {
    console.log(`(../shared not found at ${sharedDir}: ANAC rows skipped)`);
  }
  const big = randomScenario(createRng(2020), { parties: 2, issues: 20, values: 10 });
  rows.push({
    case: 'random 2 parties, 20 issues × 10 values (band search, no index)',
    size: '10^20',
    ours: fmtRate(rate(big, 'ao', ['boulware', 'conceder'], 0.3)),
    reference: 'NegMAS: cannot',
    goal: '—',
    result: '',
  });
  printTable('Simulation (complete negotiations per second, one core; wall time)', rows);
}
