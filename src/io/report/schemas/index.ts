import { z } from 'zod';
import { analysisJsonSchema } from './analysis.js';
import { briefJsonSchema } from './brief.js';
import { diffJsonSchema } from './diff.js';
import { simulationJsonSchema } from './simulation.js';
import { tournamentJsonSchema } from './tournament.js';
import { whatifJsonSchema } from './whatif.js';

export {
  analysisJsonSchema,
  briefJsonSchema,
  diffJsonSchema,
  simulationJsonSchema,
  tournamentJsonSchema,
  whatifJsonSchema,
};

/**
 * The zod schema of every command's `--json` output, by command. Each is published as JSON
 * Schema in `schema/<command>.schema.json` (`npm run schema`); tests validate real outputs.
 */
export const OUTPUT_SCHEMAS = {
  analyze: analysisJsonSchema,
  brief: briefJsonSchema,
  whatif: whatifJsonSchema,
  diff: diffJsonSchema,
  simulate: simulationJsonSchema,
  tournament: tournamentJsonSchema,
} as const;

/** A command with a `--json` output. */
export type OutputName = keyof typeof OUTPUT_SCHEMAS;

/** The published JSON Schema of one command's `--json` output (draft 2020-12). */
export function outputJsonSchema(name: OutputName): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(OUTPUT_SCHEMAS[name], {
    io: 'output',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return { $schema, title: `concord ${name} --json`, ...rest };
}

/** The schema file's exact text (2-space JSON, final newline). */
export function outputJsonSchemaText(name: OutputName): string {
  return `${JSON.stringify(outputJsonSchema(name), null, 2)}\n`;
}
