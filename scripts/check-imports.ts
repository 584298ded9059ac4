/**
 * Import-direction check (STYLE.md): imports flow inward only. A module may import from its own
 * folder or from a folder of lower rank; `cli/` (and later `server/`, `web/`) only through the
 * public API `src/index.ts`. And no import circles between modules anywhere (file level, type-only
 * imports included). Prints every violation as `file:line: message` and every circle as
 * `a.ts → b.ts → a.ts`, exits 1 if any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { findCycles, formatCycle, importGraph, importsOf, moduleFiles } from './import-graph.js';

const RANK: Record<string, number> = {
  core: 0,
  outcomes: 1,
  preferences: 2,
  record: 3,
  model: 4,
  analysis: 5,
  conflict: 6,
  uncertainty: 7,
  protocols: 7,
  strategies: 8,
  simulation: 8.5, // many runs of protocols between strategies, summarised
  tournaments: 9,
  brief: 9.5,
  io: 10,
  node: 10.5, // node-only effects (worker threads, result files): may use io/, used by the root API
  '(root)': 11,
  cli: 12,
  server: 12,
};
const PUBLIC_ONLY = new Set(['cli', 'server']);
const PUBLIC_ENTRIES = new Set(['index.ts', 'node.ts']);
/** The CLI may also start the server, through the server's own entry. */
const CLI_ENTRIES = new Set(['server/index.ts']);

const src = resolve(process.argv[2] ?? 'src');

/** Source files of the web app, tests left out. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return tsxFiles(p);
      return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
    });
}
const files = moduleFiles(src);

const folderOf = (file: string): string => {
  const rel = relative(src, file).split('/');
  return rel.length === 1 ? '(root)' : (rel[0] as string);
};

const problems: string[] = [];
for (const file of files) {
  const from = folderOf(file);
  const text = readFileSync(file, 'utf8');
  for (const { target, specifier, line } of importsOf(file, text)) {
    const to = folderOf(target);
    if (to === from) continue;
    const where = `${relative(process.cwd(), file)}:${line}`;
    if (!(from in RANK)) problems.push(`${where}: folder "${from}" has no rank in scripts/check-imports.ts`);
    else if (from === 'cli' && CLI_ENTRIES.has(relative(src, target))) continue;
    else if (PUBLIC_ONLY.has(from) && !PUBLIC_ENTRIES.has(relative(src, target)))
      problems.push(
        `${where}: ${from}/ must use the public entries (src/index.ts, src/node.ts), not ${specifier}`,
      );
    else if (!PUBLIC_ONLY.has(from) && (RANK[to] ?? 99) >= (RANK[from] ?? 0))
      problems.push(`${where}: ${from}/ must not import from ${to}/ (imports flow inward)`);
  }
}
// The web app (web/src, .ts and .tsx) reaches the library only through its pure entry.
const web = resolve(src, '..', 'web', 'src');
const webFiles = existsSync(web) ? tsxFiles(web) : [];
for (const file of webFiles) {
  const text = readFileSync(file, 'utf8');
  for (const { target, specifier, line } of importsOf(file, text)) {
    if (!target.startsWith(src + sep)) continue;
    if (relative(src, target) !== 'index.ts')
      problems.push(
        `${relative(process.cwd(), file)}:${line}: web/ must use the public entry src/index.ts, not ${specifier}`,
      );
  }
}

const cycles = findCycles(importGraph(src));
for (const c of cycles) console.error(`import circle: ${formatCycle(c, process.cwd())}`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} import-direction problem(s)`);
}
if (cycles.length > 0) console.error(`${cycles.length} import circle(s)`);
if (problems.length > 0 || cycles.length > 0) process.exit(1);
console.log(
  `imports flow inward, no circles (${files.length} modules checked; web: ${webFiles.length} files use src/index.ts only)`,
);
