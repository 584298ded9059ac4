import { existsSync } from 'node:fs';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { BRIEF_DEFAULTS, InputError } from '../index.js';
import { builtInScenarios, packageVersion } from '../node.js';
import { registerAnalyze } from './analyze.js';
import { briefCommand, DEFAULT_SCENARIO, registerBrief } from './brief.js';
import { registerCheck } from './check.js';
import type { CommandContext, RegisterCommand } from './command.js';
import { registerConvert } from './convert.js';
import { registerDiff } from './diff.js';
import { type CliIo, UserError } from './io.js';
import { addServeCommand, serveCommand } from './serve.js';
import { registerSimulate } from './simulate.js';
import { didYouMean } from './suggest.js';
import { registerTimeline } from './timeline.js';
import { registerTournament } from './tournament.js';
import { registerWhatIf } from './whatif.js';
import { workerProgram } from './worker.js';

export { DEFAULT_SCENARIO } from './brief.js';

/**
 * Every command, one line each, in the order `concord --help` lists them. A new command is a
 * module exporting a {@link RegisterCommand} and one line here.
 */
const COMMANDS: readonly RegisterCommand[] = [
  registerAnalyze,
  registerCheck,
  registerConvert,
  registerSimulate,
  registerTournament,
  registerBrief,
  registerWhatIf,
  registerDiff,
  registerTimeline,
  registerWorker,
  registerServe,
];

/** `concord worker`: takes jobs from a queue (see worker.ts). */
function registerWorker(program: Command, context: CommandContext): void {
  program.addCommand(workerProgram(context.io, (c) => context.exit(c)));
}

/** `concord serve`: the workbench server (see serve.ts). */
function registerServe(program: Command, context: CommandContext): void {
  addServeCommand(program as unknown as Parameters<typeof addServeCommand>[0], async (a) =>
    context.exit(await serveCommand(a, context.io)),
  );
}

/** The `concord` program with every command; `context.exit` receives the command's exit code. */
export function createProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('concord')
    .description('See where a hard negotiation can end in agreement.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .configureHelp({ helpWidth: io.columns })
    .showHelpAfterError('(run concord --help for usage)');
  for (const register of COMMANDS) register(program as unknown as Command, context);
  // Without a command: the main job. Anything else that is not a command is a typo to point out.
  program.allowExcessArguments(true).action(async () => {
    const [typed] = program.args;
    if (typed !== undefined) {
      context.exit(unknownCommand(program, typed, io));
      return;
    }
    context.exit(
      await briefCommand(
        { scenario: DEFAULT_SCENARIO, samples: BRIEF_DEFAULTS.samples, seed: BRIEF_DEFAULTS.seed },
        io,
      ),
    );
  });
  return program as unknown as Command;
}

function unknownCommand(
  program: { commands: readonly { name(): string }[] },
  typed: string,
  io: CliIo,
): number {
  const names = program.commands.map((c) => c.name());
  const hint = didYouMean(typed, names);
  io.err(`error: unknown command '${typed}'${hint}`);
  if (!hint && (existsSync(typed) || builtInScenarios().includes(typed)))
    io.err(`(to analyse that scenario: concord analyze ${typed}; for its brief: concord brief ${typed})`);
  else if (!hint) io.err(`(commands: ${names.join(', ')}; run concord --help for usage)`);
  else io.err('(run concord --help for usage)');
  return 1;
}

/** The exit code of an error that escaped a command, after saying what it was. */
function exitCodeOf(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
  if (e instanceof InputError || e instanceof UserError) {
    io.err(e.message);
    return 1;
  }
  io.err(`concord: internal error: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.CONCORD_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  else io.err('(this is a bug in Concord, not in your input; set CONCORD_DEBUG=1 to see where it happened)');
  return 3;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code: 0 success,
 * 1 a user's mistake (bad input, unknown option, unwritable output path), 3 an internal error,
 * 130 interrupted.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = createProgram({
    io,
    exit: (c) => {
      code = c;
    },
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    return exitCodeOf(e, io);
  }
  return code;
}
