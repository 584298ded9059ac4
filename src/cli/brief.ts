import { Presets, SingleBar } from 'cli-progress';
import {
  BRIEF_DEFAULTS,
  type Brief,
  briefToHtml,
  briefToText,
  buildBrief,
  centralScenario,
  composeAnswers,
  type LeverSettings,
  scenarioAsOf,
  timeline,
} from '../index.js';
import { checkScenarioEvidence } from '../node.js';
import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { collect, integer, positiveInt } from './options.js';
import { queuedBriefDraws } from './queue-draws.js';
import { parseSettings } from './settings.js';
import { warnLowReservations } from './warnings.js';
import { wrapText } from './wrap.js';

export interface BriefArgs {
  readonly scenario: string;
  readonly samples: number;
  readonly seed: number;
  readonly set?: string[];
  readonly json?: true;
  readonly report?: string | false;
  /** Run the Monte Carlo on `concord worker` processes through the queue at this Redis URL. */
  readonly queue?: string;
  readonly asOf?: string;
}

/** A progress bar on stderr for the Monte Carlo, only on a terminal (CI logs stay clean). */
function progress(
  io: CliIo,
): { update: (done: number, total: number) => void; stop: () => void } | undefined {
  if (!io.tty) return undefined;
  const bar = new SingleBar(
    {
      format: '  Monte Carlo [{bar}] {percentage}% · {value}/{total} draws',
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The brief's JSON: the answers plus the data behind them. */
export function briefJson(b: Brief, answers: ReturnType<typeof composeAnswers>) {
  return {
    scenario: b.scenario,
    levers: b.levers,
    answers,
    uncertainty: {
      samples: b.monteCarlo.samples,
      seed: b.monteCarlo.seed,
      pAgreementZone: b.monteCarlo.pAgreementZone,
      stdError: b.monteCarlo.stdError,
      drafts: b.monteCarlo.drafts,
      nash: b.monteCarlo.nash,
      leverEffects: b.leverEffects,
      redLineEffects: b.redLineEffects,
      tornado: b.tornado,
    },
    concessions: b.concessions,
    draftConcessions: b.draftConcessions ?? null,
    drafts: b.drafts,
    diff: b.diff ?? null,
    lens: b.lens ?? null,
    elapsedMs: b.elapsedMs,
  };
}

/**
 * `concord brief` (and `concord` with no command, on ukraine-2025): the answers first, then the
 * evidence and assumptions they rest on; writes the self-contained HTML report.
 */
export async function briefCommand(args: BriefArgs, io: CliIo): Promise<number> {
  const loaded = loadForCommand(io, args.scenario);
  if (!loaded) return 1;
  // News moves the model: the scenario as of --as-of (or its own asOf; neither: every event).
  const asOf = scenarioAsOf(loaded, args.asOf);
  if (!asOf.ok) {
    for (const p of asOf.problems) io.err(`error: ${p.path}: ${p.message}`);
    return 1;
  }
  const scenario = asOf.scenario;
  if (!scenario.record || scenario.record.assumptions.length === 0) {
    io.err(
      `${args.scenario}: no record (assumptions, drafts) to brief on; try: concord analyze ${args.scenario}`,
    );
    return 1;
  }
  const settings = parseSettings(scenario, args.set ?? []);
  if (!settings.ok) {
    for (const m of settings.problems) io.err(`error: --set: ${m}`);
    return 1;
  }
  const options = {
    samples: args.samples,
    seed: args.seed,
    levers: { ...asOf.levers, ...settings.levers } as LeverSettings,
    overrides: settings.overrides,
    now: io.now,
  };
  const computed = args.queue
    ? await queuedBriefDraws(args.scenario, scenario, options, args.queue, io)
    : undefined;
  const bar = computed ? undefined : progress(io);
  const brief = buildBrief(scenario, {
    ...options,
    ...(computed ? { computed } : {}),
    ...(bar ? { onProgress: bar.update } : {}),
  });
  bar?.stop();
  warnLowReservations(
    io,
    centralScenario(scenario, settings.levers as LeverSettings, settings.overrides),
    brief.central.utilityRanges,
  );
  const answers = composeAnswers(scenario, brief);
  const reportPath = args.report === false ? undefined : (args.report ?? `out/${scenario.name}-report.html`);
  if (reportPath) {
    // The report shows how the answers moved event by event up to the brief's day (the
    // timeline's own default draws a step), when the scenario has dated events.
    const dated = loaded.record?.events.some((e) => e.on !== undefined) ?? false;
    const moved = dated
      ? timeline(loaded, {
          seed: args.seed,
          levers: settings.levers as LeverSettings,
          overrides: settings.overrides,
          ...(asOf.asOf ? { until: asOf.asOf } : {}),
        })
      : undefined;
    io.writeFile(
      reportPath,
      briefToHtml(scenario, brief, answers, moved ? { timeline: moved } : {}),
      '--report',
    );
  }
  const asOfLine = asOf.asOf
    ? `As of ${asOf.asOf}: the model after ${asOf.applied.length === 1 ? 'one event' : `${asOf.applied.length} events`}${asOf.applied.length > 0 ? `: ${asOf.applied.map((e) => e.id).join(', ')}` : ''}; how it moved: concord timeline`
    : undefined;
  if (args.json)
    io.out(
      JSON.stringify(
        {
          ...briefJson(brief, answers),
          asOf: asOf.asOf ?? null,
          eventsApplied: asOf.applied.map((e) => e.id),
        },
        null,
        2,
      ),
    );
  else {
    if (asOfLine) io.out(wrapText(asOfLine, io.columns));
    // "Verbatim" only for what was checked against the source text (when it can be found).
    const verified = checkScenarioEvidence(scenario).verified;
    io.out(
      wrapText(
        briefToText(scenario, brief, answers, {
          width: io.columns,
          ...(reportPath ? { reportPath } : {}),
          verified,
        }),
        io.columns,
      ),
    );
  }
  return 0;
}

/** The scenario `concord` runs when given no command. */
export const DEFAULT_SCENARIO = 'ukraine-2025';

export const registerBrief: RegisterCommand = (program, { io, exit }) => {
  program
    .command('brief')
    .description(
      'The main job: answers on a scenario with a record (zone, drafts, levers, certainty), evidence and assumptions; writes an HTML report',
    )
    .argument('[scenario]', 'a scenario file or built-in name with assumptions and drafts', DEFAULT_SCENARIO)
    .option('--samples <n>', 'Monte Carlo draws', positiveInt('--samples'), BRIEF_DEFAULTS.samples)
    .option('--seed <n>', 'seed of every draw', integer('--seed'), BRIEF_DEFAULTS.seed)
    .option(
      '--set <name=value>',
      'a lever level (sanctions=intensified), an assumption or a parameter (repeatable)',
      collect,
    )
    .option('--report <file.html>', 'where to write the HTML report (default out/<scenario>-report.html)')
    .option('--no-report', 'do not write the HTML report')
    .option('--json', 'print the brief as JSON')
    .option(
      '--as-of <YYYY-MM-DD>',
      'the model as of this day: effects of events up to it (default the scenario’s asOf)',
    )
    .option(
      '--queue <url>',
      'run the Monte Carlo on `concord worker` processes through the queue at this Redis URL',
    )
    .action(async (scenario, opts) => {
      exit(await briefCommand({ scenario, ...opts }, io));
    });
};
