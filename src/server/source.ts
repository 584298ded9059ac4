/**
 * Where a room's scenario comes from: a built-in name, scenario YAML/JSON text, or the files of a
 * GENIUS folder (a domain and one profile per party). Each becomes a scenario file as data, split
 * into the room's parts. Every problem comes back at once, located.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  formatProblem,
  type Party,
  type Problem,
  parseGeniusDomain,
  parseGeniusProfile,
  parseScenario,
  scenarioToYaml,
} from '../index.js';
import { builtInScenarioDir, builtInScenarios } from '../node.js';
import type { FieldError } from './problem.js';
import type { Json } from './scenario-parts.js';

export type ScenarioSource =
  | { readonly builtin: string }
  | { readonly yaml: string }
  | { readonly genius: { readonly domain: string; readonly profiles: readonly string[] } };

export type SourceResult = { ok: true; file: Json } | { ok: false; errors: FieldError[] };

const located = (path: string, problems: readonly Problem[]): FieldError[] =>
  problems.map((p) => ({ path, message: formatProblem(p) }));

/** Reads scenario text; the data comes from the same YAML reader, aliases bounded. */
export function fileFromText(text: string, path: string, name = 'scenario.yaml'): SourceResult {
  const r = parseScenario(text, name);
  if (!r.ok) return { ok: false, errors: located(path, r.problems) };
  const file = parse(text, { maxAliasCount: 1000, uniqueKeys: true }) as Json;
  return { ok: true, file };
}

// A document type declaration is how XML entity bombs start; GENIUS files never need one.
const DTD = /<!(DOCTYPE|ENTITY)/i;

export function fileFromSource(source: ScenarioSource, roomName: string): SourceResult {
  if ('builtin' in source) {
    if (!builtInScenarios().includes(source.builtin))
      return {
        ok: false,
        errors: [
          {
            path: 'body/source/builtin',
            message: `no built-in scenario "${source.builtin}" (built-in: ${builtInScenarios().join(', ')})`,
          },
        ],
      };
    const text = readFileSync(join(builtInScenarioDir, source.builtin, 'scenario.yaml'), 'utf8');
    return fileFromText(text, 'body/source/builtin');
  }
  if ('yaml' in source) return fileFromText(source.yaml, 'body/source/yaml');
  const { domain, profiles } = source.genius;
  const errors: FieldError[] = [];
  if (DTD.test(domain))
    errors.push({
      path: 'body/source/genius/domain',
      message: 'XML document type declarations (DTD, entities) are not accepted',
    });
  profiles.forEach((p, i) => {
    if (DTD.test(p))
      errors.push({
        path: `body/source/genius/profiles/${i}`,
        message: 'XML document type declarations (DTD, entities) are not accepted',
      });
  });
  if (errors.length > 0) return { ok: false, errors };
  const d = parseGeniusDomain(domain, 'domain.xml');
  if (!d.ok) return { ok: false, errors: located('body/source/genius/domain', d.problems) };
  const parties: Party[] = [];
  profiles.forEach((text, i) => {
    const p = parseGeniusProfile(text, `profile${i + 1}.xml`, d.value);
    if (p.ok) parties.push(p.value);
    else errors.push(...located(`body/source/genius/profiles/${i}`, p.problems));
  });
  if (errors.length > 0) return { ok: false, errors };
  const yaml = scenarioToYaml({ name: roomName, issues: d.value.issues, parties });
  return fileFromText(yaml, 'body/source/genius');
}
