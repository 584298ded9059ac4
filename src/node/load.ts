import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, type Result } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { isGeniusFolder, loadGeniusFolder } from './genius-folder.js';
import { loadScenarioFile } from './scenario-file.js';

/** The folder holding the built-in scenarios (`scenarios/<name>/scenario.yaml`), from src or dist. */
export const builtInScenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Names of the built-in scenarios. */
export function builtInScenarios(): string[] {
  if (!existsSync(builtInScenarioDir)) return [];
  return readdirSync(builtInScenarioDir)
    .filter((n) => existsSync(join(builtInScenarioDir, n, 'scenario.yaml')))
    .sort();
}

export interface LoadOptions {
  /** For GENIUS folders: which profile files are the parties, in this order. */
  readonly profiles?: readonly string[];
}

/**
 * Reads a scenario from what a user typed: a built-in name (`ukraine-2025`), a native scenario
 * file (`.yaml`, `.yml`, `.json`), or a GENIUS / GeniusWeb domain folder as distributed.
 */
export function loadScenario(ref: string, options: LoadOptions = {}): Result<Scenario> {
  const builtIn = join(builtInScenarioDir, ref, 'scenario.yaml');
  if (!ref.includes('/') && !existsSync(ref) && existsSync(builtIn)) return loadScenarioFile(builtIn);
  const path = resolve(ref);
  if (!existsSync(path)) {
    const names = builtInScenarios();
    return fail([
      {
        code: 'not-found',
        file: ref,
        message: `no such file, folder or built-in scenario${names.length ? ` (built-in: ${names.join(', ')})` : ''}`,
      },
    ]);
  }
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'scenario.yaml'))) return loadScenarioFile(join(path, 'scenario.yaml'));
    if (isGeniusFolder(path))
      return loadGeniusFolder(path, options.profiles ? { profiles: options.profiles } : {});
    return fail([
      {
        code: 'unknown-folder',
        file: ref,
        message:
          'folder holds neither a scenario.yaml nor a GENIUS domain (a negotiation_template XML) or GeniusWeb profiles',
      },
    ]);
  }
  if (/\.(ya?ml|json)$/i.test(path)) return loadScenarioFile(path);
  return fail([
    {
      code: 'unknown-format',
      file: ref,
      message:
        'expected a scenario file (.yaml, .yml, .json), a GENIUS domain folder or a built-in scenario name',
    },
  ]);
}
