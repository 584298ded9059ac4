import { formatProblem } from '../index.js';
import { checkScenarioEvidence } from '../node.js';
import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { list, PROFILES_OPTION, SCENARIO_ARGUMENT } from './options.js';

/** `concord check`: validates a scenario (file, folder or built-in) and reports every problem. */
export function checkCommand(args: { scenario: string; profiles?: string[] }, io: CliIo): number {
  const s = loadForCommand(io, args.scenario, args.profiles);
  if (!s) return 1;
  const redLines = s.parties.reduce((n, p) => n + p.redLines.length, 0);
  const links = s.constraints?.length ?? 0;
  // Evidence: every quote verbatim, every figure printed, every locator a paragraph, facts our own words.
  const ev = s.record && s.record.evidence.length > 0 ? checkScenarioEvidence(s) : undefined;
  if (ev) {
    for (const p of ev.located) (p.warning ? io.out : io.err).call(io, formatProblem(p));
    if (ev.located.some((p) => !p.warning)) {
      const n = ev.located.filter((p) => !p.warning).length;
      io.err(`${args.scenario}: ${n} evidence problem${n === 1 ? '' : 's'}`);
      return 1;
    }
  }
  io.out(
    `${args.scenario}: OK — ${s.issues.length} issues, ${s.parties.length} parties (${s.parties.map((p) => p.name).join(', ')}), ${redLines} red line${redLines === 1 ? '' : 's'}${links > 0 ? `, ${links} constraint${links === 1 ? '' : 's'} of the space` : ''}${ev ? `; evidence: ${ev.verified.length} checked against the source${ev.unchecked.length > 0 ? `, ${ev.unchecked.length} not checked (source text not found)` : ''}` : ''}`,
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
