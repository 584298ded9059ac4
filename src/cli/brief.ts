import {
  type Brief,
  briefToHtml,
  briefToText,
  buildBrief,
  composeAnswers,
  type LeverSettings,
} from '../index.js';
import { loadForCommand } from './analyze.js';
import type { CliIo } from './io.js';
import { parseSettings } from './settings.js';

export interface BriefArgs {
  readonly scenario: string;
  readonly samples: number;
  readonly seed: number;
  readonly set?: string[];
  readonly json?: true;
  readonly report?: string | false;
}

/** Progress on stderr for long runs: a line per 10%, only on a terminal. */
function progress(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.tty) return undefined;
  let last = -1;
  return (done, total) => {
    const tenth = Math.floor((10 * done) / total);
    if (tenth !== last) {
      last = tenth;
      io.err(
        `  Monte Carlo ${Math.round((100 * done) / total)}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} draws)`,
      );
    }
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
    },
    lens: b.lens ?? null,
    elapsedMs: b.elapsedMs,
  };
}

/**
 * `concord brief` (and `concord` with no command, on ukraine-2025): the answers first, then the
 * evidence and assumptions they rest on; writes the self-contained HTML report.
 */
export async function briefCommand(args: BriefArgs, io: CliIo): Promise<number> {
  const scenario = loadForCommand(io, args.scenario);
  if (!scenario) return 1;
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
  const brief = buildBrief(scenario, {
    samples: args.samples,
    seed: args.seed,
    levers: settings.levers as LeverSettings,
    overrides: settings.overrides,
    now: io.now,
    ...(progress(io) ? { onProgress: progress(io) as (d: number, t: number) => void } : {}),
  });
  const answers = composeAnswers(scenario, brief);
  const reportPath = args.report === false ? undefined : (args.report ?? `out/${scenario.name}-report.html`);
  if (reportPath) io.writeFile(reportPath, briefToHtml(scenario, brief, answers));
  if (args.json) io.out(JSON.stringify(briefJson(brief, answers), null, 2));
  else io.out(briefToText(scenario, brief, answers, reportPath ? { reportPath } : {}));
  return 0;
}
