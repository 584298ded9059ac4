/**
 * Analysis benchmarks (issue: core engine): every NegMAS reference domain, genius-6issues,
 * a 10^20-outcome 2-party domain, a 3-party 10^6 domain, and the ANAC 2014 non-linear domains.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  createRng,
  type Party,
  paretoFrontier,
  prepareProblem,
  randomScenario,
  type Scenario,
} from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { ms, printTable, type Row, sharedDir, timeMedian } from './harness.js';

const domains = join(sharedDir, 'domains');
const reference = join(sharedDir, 'reference');

function load(id: string): Scenario {
  const r = loadGeniusFolder(join(domains, id));
  if (!r.ok) throw new Error(`${id}: ${r.problems[0]?.message}`);
  return r.value;
}

const now = () => performance.now();

/**
 * A random 2-party scenario (seeded) whose second party ranks every issue's values in the
 * reverse order of the first (its own random weights): almost every outcome trades one
 * party's gain for the other's loss, so the frontier is large.
 */
function opposedScenario(seed: number, issues: number, values: number): Scenario {
  const s = randomScenario(createRng(seed), { parties: 2, issues, values });
  const [a, b] = s.parties as [Party, Party];
  if (a.utility.kind !== 'linear-additive' || b.utility.kind !== 'linear-additive')
    throw new Error('additive');
  const reversed = a.utility.values.map((v) =>
    v.kind === 'table' ? { ...v, values: [...v.values].reverse() } : v,
  );
  return { ...s, parties: [a, { ...b, utility: { ...b.utility, values: reversed } }] };
}

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

    const energy = load('anac-y2012-EnergyA');
    const tEnergy = timeMedian(() => analyze(energy, { now }), 15);
    rows.push({
      case: 'anac-y2012-EnergyA: full analyze (largest shared 2-party domain)',
      size: '390,625',
      ours: ms(tEnergy),
      reference: '—',
      goal: '< 12 ms',
      result: tEnergy < 12 ? 'met' : 'MISSED',
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
    console.log(`(../shared not found at ${sharedDir}: reference-domain rows skipped)`);
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

  // Issue 7's goals: opposed preferences (party 2 ranks every issue's values in reverse), seed 50.
  const opposed = opposedScenario(50, 50, 10);
  let sizeOpp = 0;
  const tOpp = timeMedian(() => {
    sizeOpp = paretoFrontier(prepareProblem(opposed), { now }).points.length;
  }, 5);
  rows.push({
    case: `opposed 2 parties, 50 issues × 10 values: exact frontier (${sizeOpp} points; seed 50)`,
    size: '10^50',
    ours: ms(tOpp),
    reference: 'NegMAS: cannot',
    goal: '< 200 ms',
    result: tOpp < 200 ? 'met' : 'MISSED',
  });
  const big3 = randomScenario(createRng(30), { parties: 3, issues: 30, values: 10 });
  let size3big = 0;
  const t3big = timeMedian(() => {
    size3big = paretoFrontier(prepareProblem(big3), { now }).points.length;
  }, 3);
  rows.push({
    case: `random 3 parties, 30 issues × 10 values: exact frontier (${size3big} points; seed 30)`,
    size: '10^30',
    ours: ms(t3big),
    reference: 'NegMAS: cannot',
    goal: '< 1 s',
    result: t3big < 1000 ? 'met' : 'MISSED',
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
