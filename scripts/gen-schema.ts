/**
 * Writes schema/scenario.schema.json from the zod schema (src/io/scenario/schema.ts).
 * `--check` exits 1 instead of writing when the committed file is stale.
 * test/scenario-schema.test.ts fails when the committed file differs from what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/io/scenario/json-schema.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'scenario.schema.json');
const text = scenarioJsonSchemaText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(`${file} is stale; run npm run schema`);
    process.exit(1);
  }
  console.log(`${file} is up to date`);
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
