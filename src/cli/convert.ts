import { join } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { exportGeniusXml, formatProblem, scenarioToYaml } from '../index.js';
import { loadForCommand } from './analyze.js';
import type { RegisterCommand } from './command.js';
import type { CliIo } from './io.js';
import { list, PROFILES_OPTION, SCENARIO_ARGUMENT } from './options.js';

export interface ConvertArgs {
  readonly scenario: string;
  readonly to: 'genius' | 'yaml';
  readonly out: string;
  readonly profiles?: string[];
}

/**
 * `concord convert`: writes a scenario as GENIUS XML (a domain file and one profile per party,
 * re-readable by GENIUS, NegMAS and Concord with the same utilities) or as a native YAML file.
 * What GENIUS cannot express (red lines, roles) is named in warnings, never dropped silently.
 */
export function convertCommand(args: ConvertArgs, io: CliIo): number {
  const s = loadForCommand(io, args.scenario, args.profiles);
  if (!s) return 1;
  if (args.to === 'yaml') {
    const file =
      args.out.endsWith('.yaml') || args.out.endsWith('.yml') ? args.out : join(args.out, 'scenario.yaml');
    io.writeFile(file, scenarioToYaml(s), '--out');
    io.out(`wrote ${file}`);
    return 0;
  }
  const g = exportGeniusXml(s);
  for (const w of g.warnings) io.err(`warning: ${formatProblem(w)}`);
  for (const f of [g.domain, ...g.profiles]) io.writeFile(join(args.out, f.file), f.text, '--out');
  io.out(
    `wrote ${1 + g.profiles.length} GENIUS files to ${args.out} (${g.domain.file}; ${g.profiles.map((p) => p.file).join(', ')})`,
  );
  return 0;
}

export const registerConvert: RegisterCommand = (program, { io, exit }) => {
  program
    .command('convert')
    .description('Write a scenario as GENIUS XML (domain + one profile per party) or as a native YAML file')
    .argument('<scenario>', SCENARIO_ARGUMENT)
    .requiredOption('--out <path>', 'output folder (genius) or file/folder (yaml)')
    .addOption(
      new Option('--to <format>', 'output format')
        .choices(['genius', 'yaml'] as const)
        .default('genius' as const),
    )
    .option('--profiles <a.xml,b.xml>', PROFILES_OPTION, list)
    .action((scenario, opts) => {
      exit(convertCommand({ scenario, ...opts }, io));
    });
};
