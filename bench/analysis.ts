/**
 * Analysis benchmarks (issue: core engine): every NegMAS reference domain, genius-6issues,
 * a 10^20-outcome 2-party domain, a 3-party 10^6 domain, and the ANAC 2014 non-linear domains.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  createRng,
  paretoFrontier,
  prepareProblem,
  randomScenario,
  type Scenario,
} from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { ms, printTable, type Row, timeMedian } from './harness.js';

const shared = process.env.CONCORD_SHARED_DIR ?? join(import.meta.dirname, '..', '..', 'shared');
const domains = join(shared, 'domains');
const reference = join(shared, 'reference');

function load(id: string): Scenario {
  const r = loadGeniusFolder(join(domains, id));
  if (!r.ok) throw new Error(`${id}: ${r.problems[0]?.message}`);
  return r.value;
}

const now = () => performance.now();

export function benchAnalysis(): void {
  const rows: Row[] = [];
  if (existsSync(reference)) {
    let ours = 0;
    let theirs = 0;
    let n = 0;
    let worst = { id: '', ratio: Number.POSITIVE_INFINITY };
    for (const f of readdirSync(reference)
      .filter((x) => x.endsWith('.json'))
      .sort()) {
      const ref = JSON.parse(readFileSync(join(reference, f), 'utf8'));
      const scenario = load(ref.scenario.id);
      const t = timeMedian(() => analyze(scenario, { now }), 3);
      const variant = ref.variants.genius_normalized ?? ref.variants.negmas_default;
      const negmas = variant.negmas_stats_seconds * 1000;
      ours += t;
      theirs += negmas;
      n++;
      if (negmas / t < worst.ratio) worst = { id: ref.scenario.id, ratio: negmas / t };
    }
    rows.push({
      case: `all ${n} reference domains (sum)`,
      size: '9 … 390,625',
      ours: ms(ours),
      reference: `NegMAS ${ms(theirs)}`,
      goal: '≥ 100× faster',
      result: `${(theirs / ours).toFixed(0)}× (slowest ratio ${worst.ratio.toFixed(0)}× on ${worst.id})`,
    });

    const six = load('genius-6issues');
    const t6 = timeMedian(() => analyze(six, { now }), 5);
    rows.push({
      case: 'genius-6issues (2 parties)',
      size: '1,000,000',
      ours: ms(t6),
      reference: 'NegMAS 7.1 s',
      goal: '< 50 ms',
      result: t6 < 50 ? 'met' : 'MISSED',
    });
  } else {
    console.log(`(../shared not found at ${shared}: reference-domain rows skipped)`);
  }

  const big = randomScenario(createRng(2020), { parties: 2, issues: 20, values: 10 });
  let size = 0;
  const tBig = timeMedian(() => {
    size = paretoFrontier(prepareProblem(big), { now }).points.length;
  }, 3);
  rows.push({
    case: `random 2 parties, 20 issues × 10 values: exact frontier (${size} points)`,
    size: '10^20',
    ours: ms(tBig),
    reference: 'NegMAS: cannot',
    goal: '< 2 s',
    result: tBig < 2000 ? 'met' : 'MISSED',
  });
  const tBigAll = timeMedian(() => analyze(big, { now }), 1);
  rows.push({
    case: '  same, full analyze (solutions, zone, issue zones)',
    size: '10^20',
    ours: ms(tBigAll),
    reference: '—',
    goal: '—',
    result: '',
  });

  const three = randomScenario(createRng(3), { parties: 3, issues: 6, values: 10 });
  let size3 = 0;
  const t3 = timeMedian(() => {
    size3 = analyze(three, { now }).frontier.length;
  }, 3);
  rows.push({
    case: `random 3 parties, 6 issues × 10 values (${size3} frontier points)`,
    size: '1,000,000',
    ours: ms(t3),
    reference: '—',
    goal: '< 1 s',
    result: t3 < 1000 ? 'met' : 'MISSED',
  });

  if (existsSync(domains)) {
    for (const id of readdirSync(domains)
      .filter((d) => d.startsWith('anac-y2014-'))
      .sort()) {
      const s = load(id);
      let exact = false;
      let gap: number | undefined;
      let pts = 0;
      const t = timeMedian(() => {
        const f = paretoFrontier(prepareProblem(s), { now, budgetMs: 10_000 });
        exact = f.exact;
        gap = f.gap;
        pts = f.points.length;
      }, 1);
      rows.push({
        case: `${id} (non-linear, ${pts} points)`,
        size: `10^${s.issues.length}`,
        ours: ms(t),
        reference: 'NegMAS: cannot',
        goal: 'exact, or labelled',
        result: exact ? 'exact' : `approximate, gap ≤ ${gap?.toFixed(4)}`,
      });
    }
  }
  printTable('Analysis (median wall time; loading excluded)', rows);
}
