import Table from 'cli-table3';
import {
  builtInStrategies,
  ConcordError,
  describeOutcome,
  fmtPct,
  fmtU,
  type NegotiationTable,
  nameOutcome,
  PROTOCOLS,
  type Problem,
  type ProtocolName,
  prepareTable,
  type Scenario,
  SIMULATE_DEFAULTS,
  type SimulationRun,
  type SimulationSummary,
  type SingleTextVariant,
  simulationPlotSvg,
  startSimulation,
  traceLines,
} from '../index.js';
import { loadForCommand, reportProblems } from './analyze.js';
import type { RegisterCommand } from './command.js';
import { protocolsHelp, strategiesHelp } from './help.js';
import type { CliIo } from './io.js';
import { integer, list, PROFILES_OPTION, positiveInt } from './options.js';
import { startProgress } from './progress.js';
import { wrapText } from './wrap.js';

export interface SimulateArgs {
  readonly scenario: string;
  readonly protocol: string;
  readonly agents?: string[];
  readonly steps: number;
  readonly runs: number;
  readonly seed: number;
  readonly variant?: string;
  readonly time?: number;
  readonly parties?: string[];
  readonly mediator?: string;
  readonly profiles?: string[];
  readonly trace?: string;
  readonly plot?: string;
  readonly json?: true;
}

/** Runs whose events `--trace` writes at most (the file grows with every run). */
export const TRACE_RUN_LIMIT = 1000;

const PROTOCOL_TITLES: Readonly<Record<ProtocolName, string>> = {
  ao: 'alternating offers',
  mao: 'stacked alternating offers',
  'single-text': 'single negotiating text',
  shuttle: 'shuttle mediation',
};

/** Every problem with the options that can be found before loading the scenario. */
function checkArgs(args: SimulateArgs): Problem[] {
  const problems: Problem[] = [];
  if (!Object.hasOwn(PROTOCOLS, args.protocol)) {
    problems.push({
      code: 'unknown-protocol',
      message: `--protocol: unknown protocol "${args.protocol}" (${Object.keys(PROTOCOLS).join(', ')})`,
    });
  }
  if (args.variant !== undefined && args.variant !== 'veto' && args.variant !== 'hill-climbing') {
    problems.push({
      code: 'bad-variant',
      message: `--variant: "${args.variant}" is not veto or hill-climbing`,
    });
  }
  if (args.variant !== undefined && args.protocol !== 'single-text') {
    problems.push({ code: 'bad-variant', message: '--variant applies to --protocol single-text only' });
  }
  for (const a of args.agents ?? []) {
    const r = builtInStrategies.parse(a);
    if (!r.ok) for (const p of r.problems) problems.push({ ...p, message: `--agents: ${p.message}` });
  }
  if (args.agents && args.agents.length === 0)
    problems.push({ code: 'bad-agent', message: '--agents: no agent given' });
  return problems;
}

function summaryText(scenario: Scenario, s: SimulationSummary, traced: number): string {
  const title = PROTOCOL_TITLES[s.protocol];
  const seeds = s.runs === 1 ? `seed ${s.seed}` : `seeds ${s.seed}–${s.seed + s.runs - 1}`;
  const lines = [
    `Simulation of ${scenario.name}: ${title}${s.variant ? ` (${s.variant})` : ''}, ${s.steps !== undefined ? `${s.steps} rounds` : 'time limit'}, ${s.runs} run${s.runs === 1 ? '' : 's'} (${seeds})`,
  ];
  if (s.mediator) lines.push(`Mediator: ${s.mediator}`);
  lines.push(
    `Agreements: ${s.agreements} of ${s.runs} (${fmtPct(s.agreementRate)}) · mean rounds ${s.meanRounds.toFixed(1)} · mean time ${s.meanTime.toFixed(3)}`,
  );
  const discounted = s.perParty.some((p) => p.discount !== 1);
  const t = new Table({
    head: [
      'party',
      'agent',
      'mean utility',
      ...(discounted ? ['discounted', 'discount'] : []),
      'reservation',
    ],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const p of s.perParty) {
    t.push([
      p.name,
      p.agent,
      fmtU(p.meanUtility),
      ...(discounted ? [fmtU(p.meanDiscounted), String(p.discount)] : []),
      fmtU(p.reservation),
    ]);
  }
  lines.push(t.toString());
  if (s.frontierDistance) {
    lines.push(
      `Distance to the Pareto frontier: mean ${fmtU(s.frontierDistance.mean)}, max ${fmtU(s.frontierDistance.max)} (over agreements)`,
    );
  }
  if (s.nashDistance && s.nash) {
    lines.push(
      `Distance to the Nash point (${s.nash.map(fmtU).join(', ')}): mean ${fmtU(s.nashDistance.mean)}, max ${fmtU(s.nashDistance.max)}`,
    );
  }
  const first = s.perRun.find((r) => r.agreement !== null);
  if (first?.agreement)
    lines.push(`Agreement of run ${first.run + 1}: ${describeOutcome(scenario, first.agreement)}`);
  const ended = Object.entries(s.endedBy)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(`Ended by: ${ended}`);
  for (const p of s.problems ?? []) lines.push(`  ${p}`);
  const rate =
    s.elapsedMs > 0
      ? ` (${Math.round((s.runs / s.elapsedMs) * 1000).toLocaleString('en-US')} negotiations/s)`
      : '';
  lines.push(
    `Simulated in ${s.elapsedMs.toFixed(1)} ms${rate}; outcome indexes built in ${s.prepareMs.toFixed(1)} ms`,
  );
  if (traced < s.runs && traced > 0) lines.push(`Trace: the first ${traced} runs (of ${s.runs})`);
  return lines.join('\n');
}

/** The summary as JSON: agreements spelled out by issue name, traces left to `--trace`. */
function summaryJson(table: NegotiationTable, s: SimulationSummary): unknown {
  const { traces: _traces, ...rest } = s;
  return {
    ...rest,
    perRun: s.perRun.map((r) => ({
      ...r,
      agreement: r.agreement ? nameOutcome(table.space, r.agreement) : null,
    })),
  };
}

/** `concord simulate`: returns the exit code. */
export async function simulateCommand(args: SimulateArgs, io: CliIo): Promise<number> {
  const early = checkArgs(args);
  if (early.length > 0) {
    reportProblems(io, early);
    return 1;
  }
  const scenario = loadForCommand(io, args.scenario, args.profiles);
  if (!scenario) return 1;
  const traced = args.trace ? Math.min(args.runs, TRACE_RUN_LIMIT) : args.plot ? 1 : 0;
  let s: SimulationSummary;
  try {
    s = await runWithProgress(
      startSimulation(scenario, {
        protocol: args.protocol as ProtocolName,
        ...(args.variant ? { variant: args.variant as SingleTextVariant } : {}),
        agents: args.agents ?? SIMULATE_DEFAULTS.agents,
        steps: args.steps,
        ...(args.time !== undefined ? { deadlineMs: args.time } : {}),
        runs: args.runs,
        seed: args.seed,
        ...(args.parties ? { parties: args.parties } : {}),
        ...(args.mediator ? { mediator: args.mediator } : {}),
        now: io.now,
        traces: traced,
      }),
      io,
    );
  } catch (e) {
    if (e instanceof ConcordError) {
      const hint =
        e.code === 'wrong-party-count'
          ? ' (choose who sits at the table with --parties, or use --protocol mao, single-text or shuttle)'
          : '';
      io.err(`error: ${e.message}${hint}`);
      return 1;
    }
    throw e;
  }
  const table = prepareTable(scenario, {
    ...(args.parties ? { parties: args.parties } : {}),
    ...(args.mediator ? { mediator: args.mediator } : {}),
  });
  if (args.trace) {
    const lines = (s.traces ?? []).flatMap((t) => traceLines(table, t.events, t.run));
    io.writeFile(args.trace, lines.length ? `${lines.join('\n')}\n` : '', '--trace');
  }
  if (args.plot) io.writeFile(args.plot, simulationPlotSvg(table, s), '--plot');
  const interrupted = s.runs < args.runs;
  if (args.json) io.out(JSON.stringify(summaryJson(table, s), null, 2));
  else {
    io.out(wrapText(summaryText(scenario, s, args.trace ? traced : 0), io.columns));
    if (args.trace) io.out(`Trace written to ${args.trace}`);
    if (args.plot) io.out(`Chart written to ${args.plot}`);
  }
  if (!interrupted) return 0;
  io.err(
    `interrupted: ${s.runs.toLocaleString('en-US')} of ${args.runs.toLocaleString('en-US')} runs done (seeds ${args.seed}–${args.seed + s.runs - 1}); the summary covers those`,
  );
  return 130;
}

/** Milliseconds of negotiations between two looks at Ctrl-C and the progress display. */
const SLICE_MS = 50;

/**
 * Runs the simulation in slices, showing progress and letting Ctrl-C in between them: the first
 * Ctrl-C stops after the current slice (the summary covers the runs done), a second quits at once.
 */
async function runWithProgress(sim: SimulationRun, io: CliIo): Promise<SimulationSummary> {
  let stop = false;
  const off = io.onInterrupt?.(() => {
    if (stop) process.exit(130);
    stop = true;
    io.err('\ninterrupted: finishing the current runs (press Ctrl-C again to quit at once)…');
  });
  const progress = startProgress(io, { label: 'simulate', unit: 'runs', total: sim.total });
  try {
    let batch = 1;
    while (sim.done < sim.total && !stop) {
      const t = io.now();
      sim.step(batch);
      progress.update(sim.done);
      const ms = io.now() - t;
      // Aim each slice at SLICE_MS: cheap runs go in large batches, slow ones one by one.
      batch = Math.max(1, Math.min(batch * 4, Math.round((batch * SLICE_MS) / Math.max(ms, 0.01))));
      if (sim.done < sim.total) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    progress.stop();
    off?.();
  }
  return sim.summary();
}

export const registerSimulate: RegisterCommand = (program, { io, exit }) => {
  program
    .command('simulate')
    .description('Run negotiations between strategies under a protocol and summarise how they unfold')
    .argument('<scenario>', 'a scenario file, a GENIUS/GeniusWeb domain folder, or a built-in name')
    .option('--protocol <name>', 'a protocol (listed below)', SIMULATE_DEFAULTS.protocol)
    .option(
      '--agents <a,b[,c]>',
      `one strategy per party at the table (or one for all), e.g. boulware:e=0.3,conceder (default ${SIMULATE_DEFAULTS.agents.join(',')})`,
      list,
    )
    .option('--steps <n>', 'deadline in rounds', positiveInt('--steps'), SIMULATE_DEFAULTS.steps)
    .option(
      '--runs <n>',
      'number of negotiations (run r is seeded seed + r)',
      positiveInt('--runs'),
      SIMULATE_DEFAULTS.runs,
    )
    .option('--seed <n>', 'seed of the first run', integer('--seed'), SIMULATE_DEFAULTS.seed)
    .option('--variant <name>', 'single text: veto or hill-climbing')
    .option(
      '--time <ms>',
      'also a deadline in milliseconds (results then depend on the machine)',
      positiveInt('--time'),
    )
    .option('--parties <a,b>', 'who sits at the table, in order (default: the principals)', list)
    .option('--mediator <name>', 'who mediates single text and shuttle: a party, or neutral')
    .option('--profiles <a.xml,b.xml>', PROFILES_OPTION, list)
    .option('--trace <file.jsonl>', 'write every event (one JSON object a line)')
    .option('--plot <file.svg>', 'write the offers of the first run on the utility plane')
    .option('--json', 'print the summary as JSON (for machines)')
    .addHelpText('after', () => `\n${protocolsHelp(io.columns)}\n\n${strategiesHelp(io.columns)}`)
    .action(async (scenario, opts) => {
      exit(await simulateCommand({ scenario, ...opts }, io));
    });
};
