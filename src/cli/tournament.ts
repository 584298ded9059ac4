import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  type Executor,
  inProcessExecutor,
  PROTOCOLS,
  type Problem,
  type ProtocolName,
  planTournament,
  protocolByName,
  type Ranking,
  rankStrategies,
  readTournamentSettings,
  resultsToCsv,
  runTournament,
  type SingleTextVariant,
  settingsOf,
  TOURNAMENT_DEFAULTS,
  type TournamentOptions,
  type TournamentOutcome,
  type TournamentPlan,
  type TournamentScenario,
  type TournamentSettings,
  tournamentScenario,
} from '../index.js';
import {
  checkRedis,
  loadScenario,
  openResultStore,
  parseQueueUrl,
  queueExecutor,
  RESULTS_FILE,
  type ResultStore,
  scenarioResolver,
  workerExecutor,
} from '../node.js';
import { reportProblems } from './analyze.js';
import type { RegisterCommand } from './command.js';
import { protocolsHelp, strategiesHelp } from './help.js';
import { type CliIo, writeFailure } from './io.js';
import { integer, list, positiveInt } from './options.js';
import { startProgress } from './progress.js';
import { standingsTable } from './tournament-report.js';

export interface TournamentArgs {
  readonly out: string;
  readonly strategies?: string[];
  readonly scenarios?: string[];
  readonly repetitions?: number;
  readonly permutations?: boolean;
  readonly selfPlay?: boolean;
  readonly protocol?: string;
  readonly variant?: string;
  readonly steps?: number;
  readonly seed?: number;
  /** Threads; 1 runs in the main thread. Default: every core. */
  readonly workers?: number;
  /** Run on `concord worker` processes through the queue at this Redis URL. */
  readonly queue?: string;
  readonly resume?: true;
  readonly json?: true;
  readonly byScenario?: true;
  readonly score?: string;
}

/** The settings file in a tournament's folder. */
export const SETTINGS_FILE = 'tournament.json';

/** Options given on the command line win; on resume, the rest come from the folder's settings. */
function optionsFrom(
  args: TournamentArgs,
  saved: TournamentSettings | undefined,
): TournamentOptions | Problem[] {
  const problems: Problem[] = [];
  const protocol = args.protocol ?? saved?.protocol;
  if (protocol !== undefined && !protocolByName(protocol)) {
    problems.push({
      code: 'unknown-protocol',
      message: `--protocol: unknown protocol "${protocol}" (${Object.keys(PROTOCOLS).join(', ')})`,
    });
  }
  const variant = args.variant ?? saved?.variant;
  if (variant !== undefined && variant !== 'veto' && variant !== 'hill-climbing') {
    problems.push({ code: 'bad-variant', message: `--variant: "${variant}" is not veto or hill-climbing` });
  }
  const strategies = args.strategies ?? saved?.strategies;
  const scenarios = args.scenarios ?? saved?.scenarios;
  if (!strategies?.length)
    problems.push({
      code: 'no-strategies',
      message: '--strategies: give the strategies, e.g. boulware,conceder,tft',
    });
  if (!scenarios?.length)
    problems.push({
      code: 'no-scenarios',
      message: '--scenarios: give the scenarios (files, GENIUS folders or built-in names)',
    });
  if (problems.length || !strategies || !scenarios) return problems;
  const permutations =
    args.permutations ?? (saved ? saved.permutations === 'all' : TOURNAMENT_DEFAULTS.permutations === 'all');
  return {
    strategies,
    scenarios,
    permutations: permutations ? 'all' : 'none',
    selfPlay: args.selfPlay ?? saved?.selfPlay ?? TOURNAMENT_DEFAULTS.selfPlay,
    repetitions: args.repetitions ?? saved?.repetitions ?? TOURNAMENT_DEFAULTS.repetitions,
    ...(protocol !== undefined ? { protocol: protocol as ProtocolName } : {}),
    ...(variant !== undefined ? { variant: variant as SingleTextVariant } : {}),
    steps: args.steps ?? saved?.steps ?? TOURNAMENT_DEFAULTS.steps,
    seed: args.seed ?? saved?.seed ?? TOURNAMENT_DEFAULTS.seed,
  };
}

/** Loads every scenario once to check it and count its seats; every problem, located. */
function seatScenarios(refs: TournamentOptions['scenarios']): {
  seated: TournamentScenario[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const seated: TournamentScenario[] = [];
  for (const entry of refs) {
    const ref = typeof entry === 'string' ? entry : entry.ref;
    const r = loadScenario(ref);
    if (!r.ok) problems.push(...r.problems);
    else seated.push(tournamentScenario(ref, r.value, typeof entry === 'string' ? undefined : entry.parties));
  }
  return { seated, problems };
}

/** Plan problems name the flag they come from. */
function flagged(p: Problem): Problem {
  const [head, index] = p.path ?? [];
  if (typeof head !== 'string') return p;
  const flag = head === 'selfPlay' ? 'self-play' : head;
  const { path: _path, ...rest } = p;
  return {
    ...rest,
    message: `--${flag}${typeof index === 'number' ? ` (item ${index + 1})` : ''}: ${p.message}`,
  };
}

/**
 * `concord tournament`: every matchup of the strategies on every scenario, in every seat order,
 * repeated; on all cores; results appended to `<out>/results.jsonl` as they finish, `results.csv`
 * and `ranking.json` at the end; `--resume` continues an interrupted tournament without losing or
 * repeating a finished run. Exit 0 when complete, 1 for bad input, 130 when interrupted.
 */
export async function tournamentCommand(args: TournamentArgs, io: CliIo): Promise<number> {
  const settingsPath = join(args.out, SETTINGS_FILE);
  let saved: TournamentSettings | undefined;
  if (args.resume && existsSync(settingsPath)) {
    const r = readTournamentSettings(readFileSync(settingsPath, 'utf8'), settingsPath);
    if (!r.ok) {
      reportProblems(io, r.problems);
      return 1;
    }
    saved = r.value;
  }
  if (args.score !== undefined && args.score !== 'utility' && args.score !== 'discounted') {
    io.err(`error: --score: "${args.score}" is not utility or discounted`);
    return 1;
  }
  const options = optionsFrom(args, saved);
  if (Array.isArray(options)) {
    reportProblems(io, options);
    return 1;
  }
  // Every problem at once: the scenarios that load still let the plan check the other options.
  const scenarios = seatScenarios(options.scenarios);
  const planned = planTournament({ ...options, scenarios: scenarios.seated });
  const problems = [
    ...scenarios.problems,
    ...(planned.ok ? [] : planned.problems.map(flagged)).filter(
      (p) => !(p.code === 'no-scenarios' && scenarios.problems.length),
    ),
  ];
  if (problems.length || !planned.ok) {
    reportProblems(io, problems);
    io.err('the tournament did not start.');
    return 1;
  }
  const plan = planned.value;
  if (args.queue) await checkRedis(parseQueueUrl(args.queue)); // before the folder is touched
  let opened: ReturnType<typeof openResultStore>;
  try {
    opened = openResultStore(args.out, args.resume ? { resume: true } : {});
  } catch (e) {
    throw writeFailure(args.out, e, '--out');
  }
  if (!opened.ok) {
    reportProblems(io, opened.problems);
    return 1;
  }
  const store = opened.value;
  try {
    reportProblems(io, store.warnings, 'warning');
    store.writeText(SETTINGS_FILE, `${JSON.stringify(settingsOf(plan), null, 2)}\n`);
    const workers = Math.max(1, Math.floor(args.workers ?? availableParallelism()));
    const t0 = io.now();
    const outcome = await execute(plan, store, workers, io, args.queue);
    const seconds = (io.now() - t0) / 1000;
    const ranking = rankStrategies(outcome.results, {
      ...(args.score ? { score: args.score as 'utility' | 'discounted' } : {}),
      ...(args.byScenario ? { byScenario: true } : {}),
    });
    store.writeText('results.csv', resultsToCsv(outcome.results));
    store.writeText('ranking.json', `${JSON.stringify(ranking, null, 2)}\n`);
    const where = args.queue
      ? `workers of the queue at ${parseQueueUrl(args.queue).url}`
      : workers > 1
        ? `${workers} worker threads`
        : 'the main thread';
    return report(args, io, { plan, outcome, ranking, seconds, where, file: store.file });
  } finally {
    store.close();
  }
}

/** Runs the plan's missing runs, appending each result; Ctrl-C stops after the runs in flight. */
async function execute(
  plan: TournamentPlan,
  store: ResultStore,
  workers: number,
  io: CliIo,
  queue?: string,
): Promise<TournamentOutcome> {
  const executor: Executor = queue
    ? queueExecutor({ url: queue, onNotice: (m) => io.err(`queue: ${m}`) })
    : workers > 1
      ? workerExecutor({ workers })
      : inProcessExecutor({ resolve: scenarioResolver() });
  const controller = new AbortController();
  const interrupt = () => {
    controller.abort();
    io.err('\ninterrupted: finishing the runs in flight (press Ctrl-C again to quit at once)…');
  };
  process.once('SIGINT', interrupt);
  const doneIds = new Set(store.done.map((r) => r.id));
  const progress = startProgress(io, {
    label: 'tournament',
    unit: 'runs',
    total: plan.runs.length,
    start: plan.runs.filter((r) => doneIds.has(r.id)).length,
    finalLine: true,
  });
  try {
    return await runTournament(plan, {
      executor,
      done: store.done,
      signal: controller.signal,
      onResult: (r, p) => {
        store.append(r);
        progress.update(p.finished);
      },
    });
  } finally {
    progress.stop();
    process.off('SIGINT', interrupt);
    await executor.close();
  }
}

interface Finished {
  readonly plan: TournamentPlan;
  readonly outcome: TournamentOutcome;
  readonly ranking: Ranking;
  readonly seconds: number;
  /** Where the runs ran, e.g. `2 worker threads`. */
  readonly where: string;
  readonly file: string;
}

function report(args: TournamentArgs, io: CliIo, f: Finished): number {
  const { plan, outcome, ranking, seconds, where } = f;
  const csv = join(args.out, 'results.csv');
  const settingsPath = join(args.out, SETTINGS_FILE);
  const rate =
    seconds > 0 && outcome.ran > 0
      ? `, ${Math.round(outcome.ran / seconds).toLocaleString('en-US')} runs/s`
      : '';
  const summary = `${outcome.results.length} of ${plan.runs.length} runs finished (${outcome.ran} now, ${outcome.skipped} before) on ${where} in ${seconds.toFixed(1)} s${rate}`;
  if (outcome.foreign > 0) {
    io.err(
      `warning: ${join(args.out, RESULTS_FILE)} holds ${outcome.foreign} runs of other settings; they are kept but left out of the ranking`,
    );
  }
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          runs: plan.runs.length,
          finished: outcome.results.length,
          ran: outcome.ran,
          skipped: outcome.skipped,
          complete: outcome.complete,
          files: { results: f.file, csv, ranking: join(args.out, 'ranking.json'), settings: settingsPath },
          ranking,
        },
        null,
        2,
      ),
    );
  } else {
    const matchups = plan.runs.length / plan.repetitions / plan.scenarios.length;
    io.out(
      `Tournament: ${plan.strategies.length} strategies × ${plan.scenarios.length} scenario${plan.scenarios.length === 1 ? '' : 's'} × ${Number.isInteger(matchups) ? matchups : '~'} matchups × ${plan.repetitions} repetition${plan.repetitions === 1 ? '' : 's'} (${plan.protocol}, ${plan.steps} rounds, seed ${plan.seed})`,
    );
    io.out(summary);
    io.out(`Results: ${f.file}, ${csv}`);
    io.out(`\nRanking by mean ${ranking.score === 'discounted' ? 'discounted ' : ''}utility per seat:`);
    io.out(standingsTable(ranking.standings, ranking.score));
    for (const s of ranking.byScenario ?? []) {
      io.out(`\n${s.name} (${s.scenario}, ${s.runs} runs):`);
      io.out(standingsTable(s.standings, ranking.score));
    }
  }
  if (!outcome.complete) {
    io.err(
      `interrupted: ${outcome.results.length} of ${plan.runs.length} runs are saved; continue with: concord tournament --out ${args.out} --resume`,
    );
    return 130;
  }
  return 0;
}

export const registerTournament: RegisterCommand = (program, { io, exit }) => {
  const d = TOURNAMENT_DEFAULTS;
  program
    .command('tournament')
    .description(
      'Every matchup of strategies on scenarios, in every seat order, repeated, on all cores; resumable; ranking with 95% CIs',
    )
    .requiredOption(
      '--out <dir>',
      'folder for results.jsonl (appended as runs finish), results.csv, ranking.json, tournament.json',
    )
    .option('--strategies <a,b,c>', 'strategies (listed below), e.g. boulware,conceder:e=2,tft', list)
    .option('--scenarios <x,y>', 'scenario files, GENIUS/GeniusWeb folders or built-in names', list)
    .option(
      '--repetitions <n>',
      `runs of each matchup on each scenario (default ${d.repetitions})`,
      positiveInt('--repetitions'),
    )
    .option(
      '--permutations',
      `seat every matchup in every order${d.permutations === 'all' ? ' (default)' : ''}`,
    )
    .option('--no-permutations', 'seat each set of strategies once, in the order listed')
    .option('--self-play', `let a strategy meet itself${d.selfPlay ? ' (default)' : ''}`)
    .option('--protocol <name>', `a protocol (listed below; default ${d.protocol})`)
    .option('--variant <name>', 'single text: veto or hill-climbing')
    .option('--steps <n>', `deadline in rounds (default ${d.steps})`, positiveInt('--steps'))
    .option(
      '--seed <n>',
      `tournament seed; each run has its own seed derived from it (default ${d.seed})`,
      integer('--seed'),
    )
    .option(
      '--workers <n>',
      'worker threads (default: every core; 1 runs in the main thread)',
      positiveInt('--workers'),
    )
    .option(
      '--resume',
      'continue the tournament in --out: finished runs are kept; options not given come from its tournament.json',
    )
    .option('--score <what>', 'rank by mean utility (default) or discounted utility')
    .option('--by-scenario', 'also rank the strategies within each scenario')
    .option('--json', 'print the outcome and the ranking as JSON')
    .option('--queue <url>', 'run on `concord worker` processes through the queue at this Redis URL')
    .addHelpText('after', () => `\n${protocolsHelp(io.columns)}\n\n${strategiesHelp(io.columns)}`)
    .action(async (opts) => {
      exit(await tournamentCommand(opts, io));
    });
};
