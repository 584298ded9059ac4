import { Command, CommanderError, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { InputError } from '../index.js';
import { analyzeCommand } from './analyze.js';
import { briefCommand } from './brief.js';
import { checkCommand } from './check.js';
import { convertCommand } from './convert.js';
import { diffCommand } from './diff.js';
import type { CliIo } from './io.js';
import { simulateCommand } from './simulate.js';
import { TIMELINE_SAMPLES, timelineCommand } from './timeline.js';
import { tournamentCommand } from './tournament.js';
import { whatIfCommand } from './whatif.js';

/** The scenario `concord` runs when given no command. */
export const DEFAULT_SCENARIO = 'ukraine-2025';

const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`${what} must be a positive whole number`);
  return n;
};
const integer = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${what} must be a whole number`);
  return n;
};
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code: 0 success,
 * 1 a user's mistake (bad input, unknown option), 3 an internal error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command('concord')
    .description('See where a hard negotiation can end in agreement.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run concord --help for usage)');

  program
    .command('analyze')
    .description('Frontier, fair solutions and agreement zone of a scenario, GENIUS folder or built-in name')
    .argument(
      '<scenario>',
      'a scenario file (.yaml/.json), a GENIUS/GeniusWeb domain folder, or a built-in name',
    )
    .option('--json', 'print the analysis as JSON (for machines)')
    .option('--frontier', 'print a table of the frontier points')
    .option('--limit <n>', 'rows of the frontier table', positiveInt('--limit'), 50)
    .option('--plot <file.svg>', 'write a chart: the utility plane (2 parties) or a pairwise matrix')
    .option('--profiles <a.xml,b.xml>', 'GENIUS folders: which profile files are the parties, in order', list)
    .option(
      '--evaluate <assignments>',
      'evaluate one outcome, e.g. "price=low;warranty=2y" (a partial outcome is allowed)',
    )
    .option(
      '--budget <ms>',
      'time budget for non-linear spaces (then results are labelled approximate)',
      positiveInt('--budget'),
      10_000,
    )
    .option('--seed <n>', 'seed for any sampling', integer('--seed'), 1)
    .option(
      '--samples <n>',
      'Monte Carlo draws for scenarios with assumptions (JSON `uncertainty`)',
      positiveInt('--samples'),
      10_000,
    )
    .action(async (scenario, opts) => {
      code = await analyzeCommand({ scenario, ...opts }, io);
    });

  program
    .command('check')
    .description(
      'Validate a scenario file, GENIUS folder or built-in scenario; report every problem with its location',
    )
    .argument(
      '<scenario>',
      'a scenario file (.yaml/.json), a GENIUS/GeniusWeb domain folder, or a built-in name',
    )
    .option('--profiles <a.xml,b.xml>', 'GENIUS folders: which profile files are the parties, in order', list)
    .action((scenario, opts) => {
      code = checkCommand({ scenario, ...opts }, io);
    });

  program
    .command('convert')
    .description('Write a scenario as GENIUS XML (domain + one profile per party) or as a native YAML file')
    .argument('<scenario>', 'a scenario file, a GENIUS/GeniusWeb domain folder, or a built-in name')
    .requiredOption('--out <path>', 'output folder (genius) or file/folder (yaml)')
    .addOption(
      new Option('--to <format>', 'output format')
        .choices(['genius', 'yaml'] as const)
        .default('genius' as const),
    )
    .option('--profiles <a.xml,b.xml>', 'GENIUS folders: which profile files are the parties, in order', list)
    .action((scenario, opts) => {
      code = convertCommand({ scenario, ...opts }, io);
    });

  program
    .command('simulate')
    .description('Run negotiations between strategies under a protocol and summarise how they unfold')
    .argument('<scenario>', 'a scenario file, a GENIUS/GeniusWeb domain folder, or a built-in name')
    .option('--protocol <name>', 'ao, mao, single-text or shuttle', 'ao')
    .option(
      '--agents <a,b[,c]>',
      'one strategy per party at the table (or one for all), e.g. boulware:e=0.3,conceder',
      list,
    )
    .option('--steps <n>', 'deadline in rounds', positiveInt('--steps'), 100)
    .option('--runs <n>', 'number of negotiations (run r is seeded seed + r)', positiveInt('--runs'), 1)
    .option('--seed <n>', 'seed of the first run', integer('--seed'), 1)
    .option('--variant <name>', 'single text: veto or hill-climbing')
    .option(
      '--time <ms>',
      'also a deadline in milliseconds (results then depend on the machine)',
      positiveInt('--time'),
    )
    .option('--parties <a,b>', 'who sits at the table, in order (default: the principals)', list)
    .option('--mediator <name>', 'who mediates single text and shuttle: a party, or neutral')
    .option('--profiles <a.xml,b.xml>', 'GENIUS folders: which profile files are the parties, in order', list)
    .option('--trace <file.jsonl>', 'write every event (one JSON object a line)')
    .option('--plot <file.svg>', 'write the offers of the first run on the utility plane')
    .option('--json', 'print the summary as JSON (for machines)')
    .action(async (scenario, opts) => {
      code = await simulateCommand({ scenario, ...opts }, io);
    });

  program
    .command('tournament')
    .description(
      'Every matchup of strategies on scenarios, in every seat order, repeated, on all cores; resumable; ranking with 95% CIs',
    )
    .requiredOption(
      '--out <dir>',
      'folder for results.jsonl (appended as runs finish), results.csv, ranking.json, tournament.json',
    )
    .option('--strategies <a,b,c>', 'strategies, e.g. boulware,conceder:e=2,tft', list)
    .option('--scenarios <x,y>', 'scenario files, GENIUS/GeniusWeb folders or built-in names', list)
    .option(
      '--repetitions <n>',
      'runs of each matchup on each scenario (default 1)',
      positiveInt('--repetitions'),
    )
    .option('--permutations', 'seat every matchup in every order (default)')
    .option('--no-permutations', 'seat each set of strategies once, in the order listed')
    .option('--self-play', 'let a strategy meet itself')
    .option('--protocol <name>', 'ao (default), mao, single-text or shuttle')
    .option('--variant <name>', 'single text: veto or hill-climbing')
    .option('--steps <n>', 'deadline in rounds (default 100)', positiveInt('--steps'))
    .option(
      '--seed <n>',
      'tournament seed; each run has its own seed derived from it (default 1)',
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
    .action(async (opts) => {
      code = await tournamentCommand(opts, io);
    });

  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command('brief')
    .description(
      'The main job: answers on a scenario with a record (zone, drafts, levers, certainty), evidence and assumptions; writes an HTML report',
    )
    .argument('[scenario]', 'a scenario file or built-in name with assumptions and drafts', DEFAULT_SCENARIO)
    .option('--samples <n>', 'Monte Carlo draws', positiveInt('--samples'), 10_000)
    .option('--seed <n>', 'seed of every draw', integer('--seed'), 1)
    .option(
      '--set <name=value>',
      'a lever level (sanctions=intensified), an assumption or a parameter (repeatable)',
      collect,
    )
    .option('--report <file.html>', 'where to write the HTML report (default out/<scenario>-report.html)')
    .option('--no-report', 'do not write the HTML report')
    .option(
      '--as-of <YYYY-MM-DD>',
      'the model as of this day: effects of events up to it (default the scenario’s asOf)',
    )
    .option('--json', 'print the brief as JSON')
    .action(async (scenario, opts) => {
      code = await briefCommand({ scenario, ...opts }, io);
    });

  program
    .command('whatif')
    .description('Re-run the analysis with levers or assumptions changed, beside the baseline')
    .argument('<scenario>', 'a scenario file or built-in name with a record')
    .option('--set <name=value>', 'a lever level, an assumption or a parameter (repeatable)', collect)
    .option('--samples <n>', 'Monte Carlo draws', positiveInt('--samples'), 10_000)
    .option('--seed <n>', 'seed of every draw', integer('--seed'), 1)
    .option('--json', 'print JSON')
    .action(async (scenario, opts) => {
      code = await whatIfCommand({ scenario, ...opts }, io);
    });

  program
    .command('diff')
    .description(
      'Compare two drafts: points added, dropped, changed; each party’s utility and acceptance; who gained',
    )
    .argument('<scenario>', 'a scenario file or built-in name with drafts')
    .argument('<before>', 'name of the first draft')
    .argument('<after>', 'name of the second draft')
    .option(
      '--samples <n>',
      'Monte Carlo draws for acceptance probabilities',
      positiveInt('--samples'),
      10_000,
    )
    .option('--seed <n>', 'seed of every draw', integer('--seed'), 1)
    .option('--json', 'print JSON')
    .action(async (scenario, before, after, opts) => {
      code = await diffCommand({ scenario, before, after, ...opts }, io);
    });

  program
    .command('timeline')
    .description(
      'How the answers moved event by event: P(zone), each draft’s acceptance, the blocking red lines',
    )
    .argument('[scenario]', 'a scenario file or built-in name with dated events', DEFAULT_SCENARIO)
    .option('--samples <n>', 'Monte Carlo draws per step', positiveInt('--samples'), TIMELINE_SAMPLES)
    .option('--seed <n>', 'seed of every draw (the same draws at every step)', integer('--seed'), 1)
    .option('--until <YYYY-MM-DD>', 'only events up to this day')
    .option(
      '--set <name=value>',
      'a lever level or an assumption, on top of the events (repeatable)',
      collect,
    )
    .option(
      '--report <file.html>',
      'where to write the HTML table and chart (default out/<scenario>-timeline.html)',
    )
    .option('--no-report', 'do not write the HTML report')
    .option('--json', 'print the timeline as JSON')
    .action(async (scenario, opts) => {
      code = await timelineCommand({ scenario, ...opts }, io);
    });

  program.action(async () => {
    code = await briefCommand({ scenario: DEFAULT_SCENARIO, samples: 10_000, seed: 1 }, io);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (e instanceof InputError) {
      io.err(e.message);
      return 1;
    }
    io.err(`concord: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.CONCORD_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    else
      io.err('(this is a bug in Concord, not in your input; set CONCORD_DEBUG=1 to see where it happened)');
    return 3;
  }
  return code;
}
