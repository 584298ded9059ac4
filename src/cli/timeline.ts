import {
  type LeverSettings,
  scenarioAsOf,
  TIMELINE_DEFAULTS,
  timeline,
  timelineToHtml,
  timelineToText,
} from '../index.js';
import { loadForCommand } from './analyze.js';
import { DEFAULT_SCENARIO } from './brief.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { collect, integer, positiveInt } from './options.js';
import { parseSettings } from './settings.js';

export interface TimelineArgs {
  readonly scenario: string;
  readonly samples: number;
  readonly seed: number;
  readonly until?: string;
  readonly set?: string[];
  readonly json?: true;
  readonly report?: string | false;
}

/** `concord timeline`: the answers after each event of the record, as a table, JSON and an HTML chart. */
export async function timelineCommand(args: TimelineArgs, io: CliIo): Promise<number> {
  const scenario = loadForCommand(io, args.scenario);
  if (!scenario) return 1;
  if (!scenario.record || scenario.record.events.every((e) => e.on === undefined)) {
    io.err(`${args.scenario}: no dated events (on: YYYY-MM-DD) to follow; see docs/scenario-format.md`);
    return 1;
  }
  if (args.until !== undefined) {
    const check = scenarioAsOf(scenario, args.until);
    if (!check.ok) {
      for (const p of check.problems)
        io.err(`error: ${p.path === '--as-of' ? '--until' : p.path}: ${p.message}`);
      return 1;
    }
  }
  const settings = parseSettings(scenario, args.set ?? []);
  if (!settings.ok) {
    for (const m of settings.problems) io.err(`error: --set: ${m}`);
    return 1;
  }
  const t = timeline(scenario, {
    samples: args.samples,
    seed: args.seed,
    levers: settings.levers as LeverSettings,
    overrides: settings.overrides,
    now: io.now,
    ...(args.until !== undefined ? { until: args.until } : {}),
  });
  const reportPath =
    args.report === false ? undefined : (args.report ?? `out/${scenario.name}-timeline.html`);
  if (reportPath) io.writeFile(reportPath, timelineToHtml(scenario, t));
  if (args.json) io.out(JSON.stringify({ scenario: scenario.name, ...t }, null, 2));
  else io.out(`${timelineToText(scenario, t)}${reportPath ? `\nReport: ${reportPath}` : ''}`);
  return 0;
}

export const TIMELINE_SAMPLES = TIMELINE_DEFAULTS.samples;

export const registerTimeline: RegisterCommand = (program, { io, exit }) => {
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
      exit(await timelineCommand({ scenario, ...opts }, io));
    });
};
