import { z } from 'zod';
import { scenarioFileSchema, scenarioRegistry } from './schema.js';

/**
 * The published JSON Schema of the scenario file, generated from the zod schema (editors use it
 * for completion and checks; Concord's own checks go further). Written to
 * `schema/scenario.schema.json` by `scripts/gen-schema.ts`; a test keeps the two equal.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioFileSchema, {
    io: 'input',
    metadata: scenarioRegistry,
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return { $schema, title: 'Concord scenario', ...rest };
}

/** The schema file's exact text (2-space JSON, final newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
