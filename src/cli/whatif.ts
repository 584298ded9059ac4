import {
  analyze,
  BRIEF_DEFAULTS,
  centralScenario,
  evaluateDraft,
  type LeverSettings,
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarlo,
  type Scenario,
} from '../index.js';
import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { collect, integer, positiveInt } from './options.js';
import { queuedMonteCarlo } from './queue-draws.js';
import { parseSettings } from './settings.js';
import { lowReservationWarnings } from './warnings.js';
import { wrapText } from './wrap.js';

export interface WhatIfArgs {
  readonly scenario: string;
  readonly set?: string[];
  readonly samples: number;
  readonly seed: number;
  readonly json?: true;
  /** Run the Monte Carlo on `concord worker` processes through the queue at this Redis URL. */
  readonly queue?: string;
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

const drawsOf = (
  levers: LeverSettings,
  overrides: Record<string, number>,
  samples: number,
  seed: number,
): MonteCarloOptions => ({ samples, seed, levers, overrides, nashEvery: 0 });

function run(
  scenario: Scenario,
  levers: LeverSettings,
  overrides: Record<string, number>,
  samples: number,
  seed: number,
  now: () => number,
  warn: (warnings: readonly string[]) => void,
  queued?: MonteCarloResult,
) {
  const record = scenario.record;
  const central = centralScenario(scenario, levers, overrides);
  const a = analyze(central, { now, issueZones: false });
  warn(lowReservationWarnings(central, a.utilityRanges));
  const mc =
    record && record.assumptions.length > 0
      ? (queued ?? monteCarlo(scenario, drawsOf(levers, overrides, samples, seed)))
      : undefined;
  return {
    zoneOutcomes: a.agreementZone?.count ?? '0',
    frontier: a.frontier.length,
    nash: a.solutions.nash[0]?.utilities ?? null,
    reservations: central.parties.map((p) => p.reservationValue),
    drafts: (record?.drafts ?? []).map((d) => {
      const e = evaluateDraft(central, d);
      return {
        name: d.name,
        acceptedByAll: e.acceptedByAll,
        pAll: mc?.drafts.find((x) => x.name === d.name)?.pAll ?? null,
      };
    }),
    pAgreementZone: mc?.pAgreementZone ?? null,
    stdError: mc?.stdError ?? null,
  };
}

/**
 * `concord whatif`: the analysis with levers or assumptions changed, side by side with the
 * baseline (same seed, so the difference is the change, not sampling noise).
 */
export async function whatIfCommand(args: WhatIfArgs, io: CliIo): Promise<number> {
  const scenario = loadForCommand(io, args.scenario);
  if (!scenario) return 1;
  const settings = parseSettings(scenario, args.set ?? []);
  if (!settings.ok) {
    for (const m of settings.problems) io.err(`error: --set: ${m}`);
    return 1;
  }
  if ((args.set ?? []).length === 0) {
    const levers = scenario.record?.levers.map((l) => `${l.id} (${Object.keys(l.levels).join(' | ')})`) ?? [];
    io.err(
      `nothing to change: give --set name=value${levers.length ? `; levers: ${levers.join(', ')}` : ''}`,
    );
    return 1;
  }
  const t0 = io.now();
  const queued =
    args.queue && scenario.record && scenario.record.assumptions.length > 0
      ? await queuedMonteCarlo(
          args.scenario,
          scenario,
          [
            drawsOf({}, {}, args.samples, args.seed),
            drawsOf(settings.levers, settings.overrides, args.samples, args.seed),
          ],
          args.queue,
          io,
        )
      : [];
  const base = run(scenario, {}, {}, args.samples, args.seed, io.now, () => {}, queued[0]);
  const changed = run(
    scenario,
    settings.levers,
    settings.overrides,
    args.samples,
    args.seed,
    io.now,
    (ws) => {
      for (const w of ws) io.err(w);
    },
    queued[1],
  );
  const elapsedMs = io.now() - t0;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          scenario: scenario.name,
          set: args.set,
          samples: args.samples,
          seed: args.seed,
          baseline: base,
          whatIf: changed,
          elapsedMs,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const names = scenario.parties.map((p) => p.name);
  const rows: [string, string, string][] = [
    [
      'agreement zone (central assumptions)',
      `${base.zoneOutcomes} outcomes`,
      `${changed.zoneOutcomes} outcomes`,
    ],
    ['Pareto frontier (central)', `${base.frontier} points`, `${changed.frontier} points`],
    ...names.map((n, i): [string, string, string] => [
      `${n} walk-away value (central)`,
      (base.reservations[i] ?? 0).toFixed(3),
      (changed.reservations[i] ?? 0).toFixed(3),
    ]),
  ];
  if (base.pAgreementZone !== null && changed.pAgreementZone !== null)
    rows.push([
      `P(agreement zone), ${args.samples.toLocaleString('en-US')} draws`,
      `${pct(base.pAgreementZone)} ± ${pct(base.stdError ?? 0)}`,
      `${pct(changed.pAgreementZone)} ± ${pct(changed.stdError ?? 0)}`,
    ]);
  base.drafts.forEach((d, k) => {
    const c = changed.drafts[k];
    rows.push([
      `${d.name}: all accept (central)`,
      d.acceptedByAll ? 'yes' : 'no',
      c?.acceptedByAll ? 'yes' : 'no',
    ]);
    if (d.pAll !== null) rows.push([`${d.name}: P(all accept)`, pct(d.pAll), pct(c?.pAll ?? Number.NaN)]);
  });
  // The label column takes what the values leave of the terminal's width; longer labels wrap.
  const valuesWidth = 3 + 19 + Math.max(7, ...rows.map((r) => r[2].length)) + 3;
  const w = Math.max(16, Math.min(Math.max(...rows.map((r) => r[0].length)), io.columns - valuesWidth));
  io.out(
    wrapText(`What if ${(args.set ?? []).join(', ')} — ${scenario.name}, seed ${args.seed}`, io.columns),
  );
  io.out('');
  io.out(`${''.padEnd(w)}   ${'baseline'.padEnd(18)} what-if`);
  for (const [label, a, b] of rows) {
    const [first = '', ...more] = wrapText(label, w).split('\n');
    io.out(`${first.padEnd(w)}   ${a.padEnd(18)} ${b}${a !== b ? '  ←' : ''}`);
    for (const line of more) io.out(`  ${line}`);
  }
  io.out(`\n(${elapsedMs.toFixed(0)} ms)`);
  return 0;
}

export const registerWhatIf: RegisterCommand = (program, { io, exit }) => {
  program
    .command('whatif')
    .description('Re-run the analysis with levers or assumptions changed, beside the baseline')
    .argument('<scenario>', 'a scenario file or built-in name with a record')
    .option('--set <name=value>', 'a lever level, an assumption or a parameter (repeatable)', collect)
    .option('--samples <n>', 'Monte Carlo draws', positiveInt('--samples'), BRIEF_DEFAULTS.samples)
    .option('--seed <n>', 'seed of every draw', integer('--seed'), BRIEF_DEFAULTS.seed)
    .option('--json', 'print JSON')
    .option(
      '--queue <url>',
      'run the Monte Carlo on `concord worker` processes through the queue at this Redis URL',
    )
    .action(async (scenario, opts) => {
      exit(await whatIfCommand({ scenario, ...opts }, io));
    });
};
