/**
 * Import-direction check (STYLE.md): imports flow inward only. A module may import from its own
 * folder or from a folder of lower rank; `cli/` (and later `server/`, `web/`) only through the
 * public API `src/index.ts`. Prints every violation as `file:line: message`, exits 1 if any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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
  tournaments: 9,
  brief: 9.5,
  io: 10,
  node: 10.5, // node-only effects (worker threads, result files): may use io/, used by the root API
  '(root)': 11,
  cli: 12,
  server: 12,
};
const PUBLIC_ONLY = new Set(['cli', 'server']);
const PUBLIC_ENTRIES = new Set(['index.js', 'node.js']);
/** The CLI may also start the server, through the server's own entry. */
const CLI_ENTRIES = new Set(['server/index.js']);

const src = resolve(process.argv[2] ?? 'src');
const files: string[] = [];
const walk = (d: string): void => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
  }
};
walk(src);

const folderOf = (file: string): string => {
  const rel = relative(src, file).split('/');
  return rel.length === 1 ? '(root)' : (rel[0] as string);
};

const problems: string[] = [];
for (const file of files) {
  const from = folderOf(file);
  const text = readFileSync(file, 'utf8');
  // Static imports and re-exports, possibly spread over several lines; side-effect imports too.
  const re = /^\s*(?:import|export)\b(?:[^;'"]*?\bfrom\s*|\s*)['"](\.[^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const target = resolve(dirname(file), m[1] as string);
    const to = folderOf(target);
    if (to === from) continue;
    const line = text.slice(0, m.index).split('\n').length;
    const where = `${relative(process.cwd(), file)}:${line}`;
    if (!(from in RANK)) problems.push(`${where}: folder "${from}" has no rank in scripts/check-imports.ts`);
    else if (from === 'cli' && CLI_ENTRIES.has(relative(src, target))) continue;
    else if (PUBLIC_ONLY.has(from) && !PUBLIC_ENTRIES.has(relative(src, target)))
      problems.push(
        `${where}: ${from}/ must use the public entries (src/index.ts, src/node.ts), not ${m[1]}`,
      );
    else if (!PUBLIC_ONLY.has(from) && (RANK[to] ?? 99) >= (RANK[from] ?? 0))
      problems.push(`${where}: ${from}/ must not import from ${to}/ (imports flow inward)`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} import-direction problem(s)`);
  process.exit(1);
}
console.log(`imports flow inward (${files.length} modules checked)`);
