import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../src/io/scenario/index.js';
import { repoRoot } from './support/shared.js';

describe('schema/scenario.schema.json', () => {
  it('is what scripts/gen-schema.ts produces from the zod schema now (run `npm run schema` if not)', () => {
    const committed = readFileSync(join(repoRoot, 'schema', 'scenario.schema.json'), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('is a strict draft 2020-12 schema: unknown keys are not allowed anywhere', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      $defs: Record<string, { properties?: object; additionalProperties?: unknown }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['name', 'issues', 'parties']);
    expect(schema.additionalProperties).toBe(false);
    // Every object with named keys (records such as ScoreTable map any key to a value).
    const objects = Object.entries(schema.$defs).filter(([, d]) => d.properties !== undefined);
    expect(objects.map(([id]) => id)).toEqual(
      expect.arrayContaining([
        'DiscreteIssue',
        'IntegerIssue',
        'RealIssue',
        'Party',
        'RedLine',
        'IssueCondition',
      ]),
    );
    for (const [id, d] of objects) expect([id, d.additionalProperties]).toEqual([id, false]);
  });
});
