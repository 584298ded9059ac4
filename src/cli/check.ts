import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { list, PROFILES_OPTION, SCENARIO_ARGUMENT } from './options.js';

/** `concord check`: validates a scenario (file, folder or built-in) and reports every problem. */
export function checkCommand(args: { scenario: string; profiles?: string[] }, io: CliIo): number {
  const s = loadForCommand(io, args.scenario, args.profiles);
  if (!s) return 1;
  const redLines = s.parties.reduce((n, p) => n + p.redLines.length, 0);
  io.out(
    `${args.scenario}: OK — ${s.issues.length} issues, ${s.parties.length} parties (${s.parties.map((p) => p.name).join(', ')}), ${redLines} red line${redLines === 1 ? '' : 's'}`,
  );
  return 0;
}

export const registerCheck: RegisterCommand = (program, { io, exit }) => {
  program
    .command('check')
    .description(
      'Validate a scenario file, GENIUS folder or built-in scenario; report every problem with its location',
    )
    .argument('<scenario>', SCENARIO_ARGUMENT)
    .option('--profiles <a.xml,b.xml>', PROFILES_OPTION, list)
    .action((scenario, opts) => {
      exit(checkCommand({ scenario, ...opts }, io));
    });
};
