import { join } from 'node:path';
import { exportGeniusXml, formatProblem, scenarioToYaml } from '../index.js';
import { loadForCommand } from './analyze.js';
import type { CliIo } from './io.js';

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
    io.writeFile(file, scenarioToYaml(s));
    io.out(`wrote ${file}`);
    return 0;
  }
  const g = exportGeniusXml(s);
  for (const w of g.warnings) io.err(`warning: ${formatProblem(w)}`);
  for (const f of [g.domain, ...g.profiles]) io.writeFile(join(args.out, f.file), f.text);
  io.out(
    `wrote ${1 + g.profiles.length} GENIUS files to ${args.out} (${g.domain.file}; ${g.profiles.map((p) => p.file).join(', ')})`,
  );
  return 0;
}
