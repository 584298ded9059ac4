import { loadForCommand } from './analyze.js';
import type { CliIo } from './io.js';

/** `concord check`: validates a scenario (file, folder or built-in) and reports every problem. */
export function checkCommand(args: { scenario: string; profiles?: string[] }, io: CliIo): number {
  const s = loadForCommand(io, args.scenario, args.profiles);
  if (!s) return 1;
  const redLines = s.parties.reduce((n, p) => n + p.redLines.length, 0);
  const links = s.constraints?.length ?? 0;
  io.out(
    `${args.scenario}: OK — ${s.issues.length} issues, ${s.parties.length} parties (${s.parties.map((p) => p.name).join(', ')}), ${redLines} red line${redLines === 1 ? '' : 's'}${links > 0 ? `, ${links} constraint${links === 1 ? '' : 's'} of the space` : ''}`,
  );
  return 0;
}
