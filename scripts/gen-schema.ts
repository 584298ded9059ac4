/**
 * Writes the published JSON Schemas: schema/scenario.schema.json from the scenario file's zod
 * schema (src/io/scenario/schema.ts) and schema/<command>.schema.json for every command's
 * `--json` output (src/io/report/schemas/). `--check` exits 1 instead of writing when a committed
 * file is stale. test/scenario-schema.test.ts and test/output-schemas.test.ts fail likewise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT_SCHEMAS, type OutputName, outputJsonSchemaText } from '../src/io/report/schemas/index.js';
import { scenarioJsonSchemaText } from '../src/io/scenario/json-schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const files: [string, string][] = [
  ['scenario.schema.json', scenarioJsonSchemaText()],
  ...(Object.keys(OUTPUT_SCHEMAS) as OutputName[]).map((name): [string, string] => [
    `${name}.schema.json`,
    outputJsonSchemaText(name),
  ]),
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, text] of files) {
  const file = join(dir, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${file} is stale; run npm run schema`);
      stale++;
    } else console.log(`${file} is up to date`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
if (stale > 0) process.exit(1);
