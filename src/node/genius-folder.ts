import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fail, ok, type Problem, type ProblemCode, type Result } from '../core/errors.js';
import { type GeniusDomain, parseGeniusDomain } from '../io/genius/domain.js';
import { parseGeniusWebDomain, parseGeniusWebProfile } from '../io/genius/geniusweb.js';
import { parseGeniusProfile } from '../io/genius/profile.js';
import type { Party } from '../model/party.js';
import type { Scenario } from '../model/scenario.js';

/** Options of {@link loadGeniusFolder}. */
export interface LoadGeniusOptions {
  /**
   * Profile files to use, in this order (file names, with or without `.xml`/`.json`). Default:
   * every profile of the folder, sorted by file name.
   */
  readonly profiles?: readonly string[];
}

type Role = 'domain' | 'profile' | 'other';

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly role: Role;
}

const XML_ROOT = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z_][\w.:-]*)/;

/** What an XML file is, from its root element name (tolerant: the file may be damaged). */
function xmlRole(text: string): Role {
  const root = XML_ROOT.exec(text)?.[1];
  return root === 'negotiation_template' ? 'domain' : root === 'utility_space' ? 'profile' : 'other';
}

/** What a JSON file is: a GeniusWeb domain has `issuesValues`; a profile wraps a `…UtilitySpace`. */
function jsonRole(text: string): Role {
  const head = text.slice(0, 4096);
  if (/^\s*\{\s*"[A-Za-z]*UtilitySpace"\s*:/.test(head)) return 'profile';
  return /"issuesValues"\s*:/.test(head) && !/"[A-Za-z]*UtilitySpace"\s*:/.test(head) ? 'domain' : 'other';
}

function folderProblem(code: ProblemCode, message: string, dir: string): Problem {
  return { code, message, file: dir };
}

function listFiles(dir: string): { files: { name: string; path: string }[] } | { problem: Problem } {
  try {
    const names = readdirSync(dir).sort();
    const files = names
      .map((name) => ({ name, path: join(dir, name) }))
      .filter((f) => {
        try {
          return statSync(f.path).isFile();
        } catch {
          return false;
        }
      });
    return { files };
  } catch (e) {
    const why = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e);
    return { problem: folderProblem('unreadable-folder', `cannot read the folder (${why})`, dir) };
  }
}

/** The GENIUS (XML) or GeniusWeb (JSON) files of a folder, classified. */
function scanFolder(dir: string): { entries: Entry[]; format: 'xml' | 'json' } | { problem: Problem } {
  const listed = listFiles(dir);
  if ('problem' in listed) return listed;
  const read = (f: { name: string; path: string }): string | undefined => {
    try {
      return readFileSync(f.path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const xml: Entry[] = [];
  const json: Entry[] = [];
  for (const f of listed.files) {
    const lower = f.name.toLowerCase();
    if (!lower.endsWith('.xml') && !lower.endsWith('.json')) continue;
    const text = read(f);
    if (text === undefined) continue;
    if (lower.endsWith('.xml')) xml.push({ ...f, text, role: xmlRole(text) });
    else json.push({ ...f, text, role: jsonRole(text) });
  }
  if (xml.some((e) => e.role === 'domain')) return { entries: xml, format: 'xml' };
  if (json.some((e) => e.role !== 'other')) return { entries: json, format: 'json' };
  return {
    problem: folderProblem(
      'no-domain',
      'no GENIUS domain file (an XML file whose root is <negotiation_template>) and no GeniusWeb JSON domain in this folder',
      dir,
    ),
  };
}

/**
 * Whether a folder holds a GENIUS domain (an XML file with root `<negotiation_template>`) or
 * GeniusWeb JSON profiles. Never throws (false for anything unreadable).
 */
export function isGeniusFolder(dir: string): boolean {
  const s = scanFolder(dir);
  return !('problem' in s);
}

function pick(entries: readonly Entry[], wanted: readonly string[] | undefined, dir: string) {
  const profiles = entries.filter((e) => e.role === 'profile');
  if (!wanted) return { chosen: profiles, problems: [] as Problem[] };
  const problems: Problem[] = [];
  const chosen: Entry[] = [];
  for (const w of wanted) {
    const hit =
      profiles.find((e) => e.name === w) ??
      profiles.find((e) => e.name === `${w}.xml` || e.name === `${w}.json`);
    if (!hit) {
      problems.push(
        folderProblem(
          'unknown-profile',
          `no profile "${w}" in this folder; its profiles are ${profiles.map((e) => e.name).join(', ') || 'none'}`,
          dir,
        ),
      );
    } else if (chosen.includes(hit)) {
      problems.push(folderProblem('duplicate-profile', `profile "${w}" is chosen twice`, dir));
    } else chosen.push(hit);
  }
  return { chosen, problems };
}

/**
 * Loads a folder of the community's domains as it is: the domain file (root
 * `<negotiation_template>`, or GeniusWeb's JSON domain) and its profiles (root `<utility_space>`,
 * or GeniusWeb `LinearAdditiveUtilitySpace` JSON), parties in profile-file-name order (or the
 * order of `opts.profiles`), each named after its file's base name. Other files (README,
 * `pareto.xml` which is plain text) are ignored. Every problem of every file is returned at once,
 * located; never throws.
 *
 * @example
 * const r = loadGeniusFolder('domains/anac-y2011-Laptop');
 * if (r.ok) r.value.parties.map((p) => p.name); // ['laptop_buyer_utility', 'laptop_seller_utility']
 */
export function loadGeniusFolder(dir: string, opts: LoadGeniusOptions = {}): Result<Scenario> {
  const scanned = scanFolder(dir);
  if ('problem' in scanned) return fail([scanned.problem]);
  const { entries, format } = scanned;
  const domains = entries.filter((e) => e.role === 'domain');
  if (domains.length > 1) {
    return fail([
      folderProblem(
        'multiple-domains',
        `more than one domain file: ${domains.map((e) => e.name).join(', ')}`,
        dir,
      ),
    ]);
  }
  const domainEntry = domains[0];
  if (!domainEntry) {
    return fail([
      folderProblem(
        'no-domain',
        'GeniusWeb profiles but no GeniusWeb domain file (with "issuesValues")',
        dir,
      ),
    ]);
  }
  const domain: Result<GeniusDomain> =
    format === 'xml'
      ? parseGeniusDomain(domainEntry.text, domainEntry.path)
      : parseGeniusWebDomain(domainEntry.text, domainEntry.path);
  if (!domain.ok) return domain;
  const { chosen, problems } = pick(entries, opts.profiles, dir);
  const warnings: Problem[] = [...(domain.warnings ?? [])];
  const parties: Party[] = [];
  for (const e of chosen) {
    const r =
      format === 'xml'
        ? parseGeniusProfile(e.text, e.path, domain.value)
        : parseGeniusWebProfile(e.text, e.path, domain.value);
    if (r.ok) {
      parties.push(r.value);
      warnings.push(...(r.warnings ?? []));
    } else problems.push(...r.problems);
  }
  if (problems.length === 0 && parties.length < 2) {
    problems.push(
      folderProblem(
        'too-few-profiles',
        `a negotiation needs at least two profiles; found ${parties.length}${parties.length ? ` (${parties[0]?.name})` : ''}`,
        dir,
      ),
    );
  }
  if (problems.length > 0) return fail(problems);
  return ok({ name: basename(dir), issues: domain.value.issues, parties, source: dir }, warnings);
}
