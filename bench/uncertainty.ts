/**
 * Uncertainty benchmarks on the flagship scenario: 10,000-draw Monte Carlo (goal < 2 s on two
 * cores), the sensitivity tornado and minimal concessions.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { minimalConcessions, monteCarlo, type Scenario, sensitivity } from '../src/index.js';
import { loadScenarioFile } from '../src/node.js';
import { ms, printTable, type Row, timeMedian } from './harness.js';

const file = join(import.meta.dirname, '..', 'scenarios', 'ukraine-2025', 'scenario.yaml');

export function benchUncertainty(): void {
  if (!existsSync(file)) {
    console.log('\nUncertainty: scenarios/ukraine-2025/scenario.yaml not found, skipped');
    return;
  }
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const s: Scenario = r.value;
  const size = `${s.issues.length} issues, ${s.parties.length} parties`;
  const rows: Row[] = [];
  const mc = (label: string, options: Parameters<typeof monteCarlo>[1], goal: string, limit?: number) => {
    let result = monteCarlo(s, options);
    const t = timeMedian(() => {
      result = monteCarlo(s, options);
    }, 3);
    rows.push({
      case: label,
      size,
      ours: ms(t),
      reference: `P(zone) ${result.pAgreementZone.toFixed(3)} ± ${result.stdError.toFixed(3)}`,
      goal,
      result: limit === undefined ? '' : t < limit ? 'ok' : 'SLOW',
    });
  };
  mc('Monte Carlo 10k: zone only', { samples: 10_000, drafts: false, nashEvery: 0 }, '', undefined);
  mc('Monte Carlo 10k: zone + drafts', { samples: 10_000, nashEvery: 0 }, '', undefined);
  mc('Monte Carlo 10k, defaults (zone, drafts, Nash every 10th)', { samples: 10_000 }, '< 2 s', 2000);
  mc('Monte Carlo 10k: zone + drafts + Nash every draw', { samples: 10_000 }, '', undefined);
  let bars = 0;
  const tSens = timeMedian(() => {
    bars = sensitivity(s).bars.length;
  }, 1);
  rows.push({
    case: `sensitivity (${bars} bars × 2 ends × 2,000)`,
    size,
    ours: ms(tSens),
    reference: '',
    goal: '',
    result: '',
  });
  for (const draft of [undefined, ...(s.record?.drafts ?? []).map((d) => d.name)]) {
    let n = 0;
    const t = timeMedian(() => {
      n = minimalConcessions(s, draft ? { draft } : {}).singles.length;
    }, 5);
    rows.push({
      case: `concessions${draft ? ` (${draft})` : ''}`,
      size,
      ours: ms(t),
      reference: `${n} single changes`,
      goal: '< 1 s',
      result: t < 1000 ? 'ok' : 'SLOW',
    });
  }
  printTable('Uncertainty (ukraine-2025)', rows);
}
