import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../core/errors.js';
import { Locator } from '../io/scenario/locate.js';
import type { Scenario } from '../model/scenario.js';
import { checkEvidence, type EvidenceCheck, type EvidenceCheckOptions } from '../record/check-evidence.js';

/** Where each source's text was found (undefined: not found). */
export type SourceFiles = Readonly<Record<string, string | undefined>>;

/**
 * Finds the text of each source: `file` relative to the scenario's folder, then to each folder
 * above it (so `shared/seed/x.txt` finds a shared folder beside the checkout), then under
 * `$CONCORD_SHARED_DIR` for paths starting with `shared/`.
 */
export function findSourceFiles(scenario: Scenario): SourceFiles {
  const out: Record<string, string | undefined> = {};
  const base = scenario.source ? dirname(resolve(scenario.source)) : process.cwd();
  for (const s of scenario.record?.sources ?? []) {
    if (!s.file) {
      out[s.id] = undefined;
      continue;
    }
    const file = s.file;
    const tries: string[] = [];
    for (let dir = base; ; dir = dirname(dir)) {
      tries.push(join(dir, file));
      if (dirname(dir) === dir) break;
    }
    const shared = process.env.CONCORD_SHARED_DIR;
    if (shared && file.startsWith('shared/')) tries.push(join(shared, file.slice('shared/'.length)));
    out[s.id] = tries.find((p) => existsSync(p));
  }
  return out;
}

/** The evidence check of a scenario read from a file, with problems located at `file:line:column`. */
export interface ScenarioEvidenceCheck extends EvidenceCheck {
  readonly files: SourceFiles;
  /** Errors (and warnings), located in the scenario file. */
  readonly located: readonly (Problem & { readonly warning?: boolean })[];
}

/**
 * Checks a scenario's evidence against its source files (see {@link checkEvidence}); a source
 * whose file is not found is a warning and its evidence counts as unchecked.
 */
export function checkScenarioEvidence(
  scenario: Scenario,
  options: EvidenceCheckOptions = {},
): ScenarioEvidenceCheck {
  const files = findSourceFiles(scenario);
  const texts = Object.fromEntries(
    Object.entries(files).map(([id, f]) => [id, f === undefined ? undefined : readFileSync(f, 'utf8')]),
  );
  const check = checkEvidence(scenario.record ?? emptyRecord, texts, options);
  let locate: ((path: readonly (string | number)[]) => { line: number; column: number }) | undefined;
  const file = scenario.source;
  if (file && existsSync(file)) {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, logLevel: 'error' });
    const locator = new Locator(doc, lines);
    locate = (path) => locator.at(path);
  }
  const located = check.problems.map((p) => ({
    code: p.code,
    message: `${p.warning ? 'warning: ' : ''}evidence ${p.evidence}: ${p.message}`,
    path: p.path,
    ...(file ? { file } : {}),
    ...(locate ? locate(p.path) : {}),
    ...(p.warning ? { warning: true } : {}),
  }));
  return { ...check, files, located };
}

const emptyRecord: NonNullable<Scenario['record']> = {
  sources: [],
  evidence: [],
  assumptions: [],
  drafts: [],
  events: [],
  levers: [],
};
