import {
  ANALYZE_DEFAULTS,
  type Analysis,
  type AnalysisJson,
  analysisToJson,
  analysisToText,
  analyze,
  centralScenario,
  createRng,
  describeOutcome,
  distributionSupport,
  evaluateDraft,
  evaluateOutcome,
  fmtGain,
  fmtU,
  fmtValue,
  formatProblem,
  type IssueValue,
  issueIndexOf,
  issueValueAt,
  MONTE_CARLO_DEFAULTS,
  monteCarlo,
  type OutcomeEvaluation,
  type Problem,
  type Scenario,
  utilityPlotSvg,
} from '../index.js';
import { loadScenario } from '../node.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { noZoneText } from './no-zone.js';
import { integer, list, PROFILES_OPTION, positiveInt, SCENARIO_ARGUMENT, shown } from './options.js';
import { warnLowReservations } from './warnings.js';
import { wrapText } from './wrap.js';

export interface AnalyzeArgs {
  readonly scenario: string;
  readonly json?: true;
  readonly frontier?: true;
  readonly limit: number;
  readonly plot?: string;
  readonly profiles?: string[];
  readonly evaluate?: string;
  readonly budget: number;
  readonly seed: number;
  /** Monte Carlo draws for scenarios with a record (`uncertainty` in the JSON). */
  readonly samples?: number;
}

/** Prints problems (and warnings) as `file:line:column: message`. */
export function reportProblems(io: CliIo, problems: readonly Problem[], prefix = 'error'): void {
  for (const p of problems) io.err(`${prefix}: ${formatProblem(p)}`);
}

/** Loads a scenario for a command, printing located problems; undefined when unusable. */
export function loadForCommand(io: CliIo, ref: string, profiles?: readonly string[]): Scenario | undefined {
  const r = loadScenario(ref, profiles ? { profiles } : {});
  if (!r.ok) {
    reportProblems(io, r.problems);
    io.err(`${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${ref}; nothing analysed.`);
    return undefined;
  }
  if (r.warnings) reportProblems(io, r.warnings, 'warning');
  return r.value;
}

/**
 * Reads `issue=value;issue=value` into a named (possibly partial) outcome; every mistake is
 * reported at once with the issue and value it concerns.
 */
export function parseOutcomeArg(
  scenario: Scenario,
  text: string,
  flag = '--evaluate',
): { outcome: Record<string, IssueValue>; problems: Problem[] } {
  const outcome: Record<string, IssueValue> = {};
  const problems: Problem[] = [];
  const names = scenario.issues.map((i) => i.name);
  for (const part of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      problems.push({ code: 'bad-outcome', message: `${flag}: "${part}" is not issue=value` });
      continue;
    }
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const issue = scenario.issues.find((i) => i.name === name);
    if (!issue) {
      problems.push({
        code: 'unknown-issue',
        message: `${flag}: unknown issue "${name}" (issues: ${names.join(', ')})`,
      });
      continue;
    }
    const value: IssueValue = issue.kind === 'discrete' ? raw : Number(raw.replace(/[_,]/g, ''));
    if (issueIndexOf(issue, value) < 0) {
      const allowed =
        issue.kind === 'discrete'
          ? issue.values.join(', ')
          : `${issue.min} … ${issue.max}${issue.kind === 'integer' ? ` in steps of ${issue.step ?? 1}` : ''}`;
      problems.push({
        code: 'unknown-value',
        message: `${flag}: "${raw}" is not a value of ${name} (${allowed})`,
      });
      continue;
    }
    outcome[name] = value;
  }
  return { outcome, problems };
}

/** The values an outcome gives (a partial outcome marks the others -1): `issue = value` pairs. */
function givenValues(scenario: Scenario, outcome: readonly number[]): string {
  const given = scenario.issues.flatMap((issue, i) => {
    const v = outcome[i] ?? -1;
    return v < 0 ? [] : [`${issue.name} = ${fmtValue(issueValueAt(issue, v))}`];
  });
  return given.join('; ') || 'no issue';
}

function evaluationText(scenario: Scenario, a: Analysis, e: OutcomeEvaluation): string {
  const lines = ['', `Evaluation of ${givenValues(scenario, e.outcome)}`];
  if (!e.complete)
    lines.push(`  partial outcome: ${e.missingIssues.join(', ')} not given (utilities are ranges over them)`);
  for (const p of e.parties) {
    const u =
      p.utility !== undefined ? fmtU(p.utility) : p.range ? `${fmtU(p.range[0])} … ${fmtU(p.range[1])}` : '?';
    const gain = p.gain !== undefined ? ` (${fmtGain(p.gain)} over reservation)` : '';
    const red = p.redLinesCrossed.length ? `; crosses red line ${p.redLinesCrossed.join(', ')}` : '';
    lines.push(`  ${p.party}: ${u}${gain}${p.acceptable === false ? ' — below reservation' : ''}${red}`);
  }
  if (e.inZone !== undefined) lines.push(`  in the agreement zone: ${e.inZone ? 'yes' : 'no'}`);
  if (e.onFrontier) lines.push('  on the Pareto frontier');
  else if (e.dominatedBy && e.dominatedBy.length > 0) {
    lines.push(
      `  dominated by ${e.dominatedBy.length} frontier point(s), e.g. #${e.dominatedBy[0]}: ${describeOutcome(scenario, a.frontier[e.dominatedBy[0] as number]?.outcome ?? [])}`,
    );
  }
  if (e.distanceToFrontier !== undefined)
    lines.push(
      `  distance to the frontier: ${fmtU(e.distanceToFrontier)} (nearest point #${e.nearestFrontierIndex})`,
    );
  return lines.join('\n');
}

/**
 * The record part of `analyze --json`: evidence, assumptions, drafts (points and evaluation at the
 * point estimates) and the Monte Carlo over the assumptions.
 */
function recordJson(scenario: Scenario, samples: number, seed: number): Record<string, unknown> {
  const record = scenario.record as NonNullable<Scenario['record']>;
  const source = (id: string) => record.sources.find((s) => s.id === id)?.title ?? id;
  const mc = record.assumptions.length > 0 ? monteCarlo(scenario, { samples, seed }) : undefined;
  return {
    evidence: record.evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      ...(e.kind === 'quote'
        ? { quote: e.quote, speaker: e.speaker }
        : { fact: e.fact, figures: e.figures ?? [] }),
      source: source(e.source),
      locator: e.locator,
      date: e.date ?? null,
      supports: e.supports,
    })),
    assumptions: record.assumptions.map((a) => ({
      id: a.id,
      parameter: a.parameter,
      value: a.value,
      distribution: a.distribution,
      range: distributionSupport(a.distribution),
      rationale: a.rationale,
    })),
    drafts: record.drafts.map((d) => ({
      name: d.name,
      pointCount: d.pointCount,
      points: d.points,
      evaluation: evaluateDraft(scenario, d),
    })),
    events: record.events,
    levers: record.levers,
    ...(mc
      ? {
          uncertainty: {
            samples: mc.samples,
            seed: mc.seed,
            pAgreementZone: mc.pAgreementZone,
            stdError: mc.stdError,
            drafts: mc.drafts,
            nash: mc.nash,
          },
        }
      : {}),
  };
}

/** `concord analyze`: returns the exit code. */
export async function analyzeCommand(args: AnalyzeArgs, io: CliIo): Promise<number> {
  const loaded = loadForCommand(io, args.scenario, args.profiles);
  if (!loaded) return 1;
  // With assumptions, the analysis is at their point values: what the report calls central.
  const scenario = (loaded.record?.assumptions.length ?? 0) > 0 ? centralScenario(loaded) : loaded;
  let named: Record<string, IssueValue> | undefined;
  if (args.evaluate !== undefined) {
    const parsed = parseOutcomeArg(scenario, args.evaluate);
    if (parsed.problems.length > 0) {
      reportProblems(io, parsed.problems);
      return 1;
    }
    named = parsed.outcome;
  }
  const t0 = io.now();
  const a = analyze(scenario, { budgetMs: args.budget, now: io.now, seed: args.seed });
  const elapsedMs = io.now() - t0;
  warnLowReservations(io, scenario, a.utilityRanges);
  const evaluation = named ? evaluateOutcome(scenario, named, { frontier: a.frontier }) : undefined;

  if (args.plot) {
    io.writeFile(args.plot, utilityPlotSvg(scenario, a, { rng: createRng(args.seed) }), '--plot');
  }
  if (args.json) {
    const json: AnalysisJson & Record<string, unknown> = { ...analysisToJson(scenario, a, elapsedMs) };
    if (evaluation) json.evaluation = { ...evaluation, outcomeNamed: named };
    if (scenario.record)
      Object.assign(json, recordJson(scenario, args.samples ?? MONTE_CARLO_DEFAULTS.samples, args.seed));
    io.out(JSON.stringify(json, null, 2));
  } else {
    const text = [
      analysisToText(scenario, a, { frontier: args.frontier ?? false, limit: args.limit, elapsedMs }),
    ];
    if (a.frontier.length === 0)
      text.push(
        noZoneText(scenario, a, { ref: args.scenario, budgetMs: args.budget, seed: args.seed, now: io.now }),
      );
    if (evaluation) text.push(evaluationText(scenario, a, evaluation));
    io.out(wrapText(text.join('\n'), io.columns));
    if (args.plot) io.out(`Chart written to ${args.plot}`);
  }
  return 0;
}

/** Rows of the frontier table when `--limit` is not given. */
export const FRONTIER_TABLE_LIMIT = 50;

export const registerAnalyze: RegisterCommand = (program, { io, exit }) => {
  program
    .command('analyze')
    .description('Frontier, fair solutions and agreement zone of a scenario, GENIUS folder or built-in name')
    .argument('<scenario>', SCENARIO_ARGUMENT)
    .option('--json', 'print the analysis as JSON (for machines)')
    .option('--frontier', 'print a table of the frontier points')
    .option('--limit <n>', 'rows of the frontier table', positiveInt('--limit'), FRONTIER_TABLE_LIMIT)
    .option('--plot <file.svg>', 'write a chart: the utility plane (2 parties) or a pairwise matrix')
    .option('--profiles <a.xml,b.xml>', PROFILES_OPTION, list)
    .option(
      '--evaluate <assignments>',
      'evaluate one outcome, e.g. "price=low;warranty=2y" (a partial outcome is allowed)',
    )
    .option(
      '--budget <ms>',
      'time budget for non-linear spaces (then results are labelled approximate)',
      positiveInt('--budget'),
      ANALYZE_DEFAULTS.budgetMs,
    )
    .option('--seed <n>', 'seed for any sampling', integer('--seed'), ANALYZE_DEFAULTS.seed)
    .option(
      '--samples <n>',
      `Monte Carlo draws for scenarios with assumptions (JSON \`uncertainty\`; default ${shown(MONTE_CARLO_DEFAULTS.samples)})`,
      positiveInt('--samples'),
      MONTE_CARLO_DEFAULTS.samples,
    )
    .action(async (scenario, opts) => {
      exit(await analyzeCommand({ scenario, ...opts }, io));
    });
};
