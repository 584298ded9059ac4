import { formatPath } from '../../src/core/errors.js';
import { parseScenario } from '../../src/io/scenario/parse.js';

/** Joins YAML lines into a file. */
export const yamlLines = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** `line:column path: message`, the form the scenario tests compare. */
export const formatLocated = (p: {
  line?: number;
  column?: number;
  path?: readonly (string | number)[];
  message: string;
}): string => `${p.line}:${p.column} ${formatPath(p.path ?? [])}: ${p.message}`;

/** Every problem of a scenario text, as {@link formatLocated}; empty when it reads. */
export function scenarioProblems(text: string): string[] {
  const r = parseScenario(text, 't.yaml');
  return r.ok ? [] : r.problems.map(formatLocated);
}
