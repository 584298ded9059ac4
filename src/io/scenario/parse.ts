import { LineCounter, parseDocument, visit } from 'yaml';
import { fail, ok, type Problem, type Result } from '../../core/errors.js';
import type { Party } from '../../model/party.js';
import type { Scenario } from '../../model/scenario.js';
import type { Issue } from '../../outcomes/issue.js';
import { isRecord, ReadContext } from './context.js';
import { type Draft, locateAll, type Path } from './draft.js';
import { Locator } from './locate.js';
import { readConstraints } from './read-conditions.js';
import { readIssues } from './read-issues.js';
import { readParties } from './read-parties.js';
import { hasRecord, readRecord } from './read-record.js';
import { scenarioFileSchema } from './schema.js';
import { quote } from './words.js';
import { errorMap, zodDrafts } from './zod-problems.js';

/**
 * Reads a scenario from YAML or JSON text (JSON is YAML, so one code path gives positions for
 * both). Pure: `file` is only used in messages and as the scenario's `source`.
 *
 * Every problem is reported at once, each with file, line, column and path, sorted by position;
 * non-fatal findings come back as `warnings`. See docs/scenario-format.md for the format.
 *
 * @example
 * const r = parseScenario(text, 'job.yaml');
 * if (!r.ok) console.error(r.problems.map(formatProblem).join('\n'));
 */
export function parseScenario(text: string, file: string): Result<Scenario> {
  try {
    return parse(text, file);
  } catch (e) {
    // Reading text must never throw; this is a bug in Concord, reported as data all the same.
    return fail([
      {
        code: 'internal-error',
        message: `could not read the scenario (a bug in Concord): ${e instanceof Error ? e.message : String(e)}`,
        file,
        line: 1,
        column: 1,
      },
    ]);
  }
}

function parse(text: string, file: string): Result<Scenario> {
  const lines = new LineCounter();
  // logLevel 'error': yaml would otherwise print warnings to the process (a library must not).
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => ({
        code: 'yaml-syntax',
        message:
          e.code === 'DUPLICATE_KEY'
            ? `duplicate key ${quote(keyAt(text, e.pos[0]))}`
            : (e.message.split('\n')[0] as string),
        file,
        ...at(e.pos[0]),
      })),
    );
  }
  if (doc.contents === null) {
    return fail([
      {
        code: 'empty-file',
        message: 'the file is empty; a scenario needs name, issues and parties',
        file,
        line: 1,
        column: 1,
      },
    ]);
  }
  // An alias without its anchor is not a syntax error to yaml, but toJS cannot resolve it.
  const unresolved: Problem[] = [];
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined)
        unresolved.push({
          code: 'yaml-alias',
          message: `unknown alias *${node.source}: no anchor &${node.source} before it`,
          file,
          ...at(node.range?.[0] ?? 0),
        });
    },
  });
  if (unresolved.length > 0) return fail(unresolved);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return fail([
      { code: 'yaml-alias', message: e instanceof Error ? e.message : String(e), file, ...at(0) },
    ]);
  }

  const locator = new Locator(doc, lines);
  const checked = scenarioFileSchema.safeParse(raw, { error: errorMap, reportInput: true });
  const ctx = new ReadContext(checked.success ? [] : zodDrafts(checked.error.issues), locator);
  for (const w of doc.warnings)
    ctx.drafts.push({
      code: 'yaml-warning',
      message: w.message.split('\n')[0] as string,
      path: [],
      warning: true,
    });

  const root = isRecord(raw) ? raw : {};
  const issues = readIssues(root.issues, ctx);
  const parties = readParties(root.parties, issues, ctx);
  const constraints = Array.isArray(root.constraints)
    ? readConstraints(root.constraints, issues, redLineIdPaths(root.parties), ctx)
    : [];

  const yamlWarnings: Problem[] = doc.warnings.map((w) => ({
    code: 'yaml-warning',
    message: w.message.split('\n')[0] as string,
    file,
    ...at(w.pos[0]),
  }));
  const f = root as { name: string; description?: string };
  let scenario: Scenario = {
    name: f.name,
    ...(f.description !== undefined ? { description: f.description } : {}),
    issues: issues.issues as Issue[],
    parties: parties as Party[],
    ...(constraints && constraints.length > 0 ? { constraints } : {}),
    source: file,
  };
  // The record refers into issues and parties, so it is read only when they are sound.
  if (hasRecord(root) && !ctx.failed) {
    const record = readRecord(root, scenario, ctx);
    if (record) scenario = { ...scenario, record };
  }

  const drafts = ctx.drafts.filter((d) => d.code !== 'yaml-warning');
  const errors = drafts.filter((d) => !d.warning);
  if (errors.length > 0) return fail(locateAll(errors, file, locator));

  const warnings = [
    ...yamlWarnings,
    ...locateAll(
      drafts.filter((d: Draft) => d.warning),
      file,
      locator,
    ),
  ];
  return ok(scenario, warnings);
}

/** Where each party red-line id is written, so a constraint cannot reuse one. */
function redLineIdPaths(parties: unknown): Map<string, Path> {
  const ids = new Map<string, Path>();
  if (!Array.isArray(parties)) return ids;
  parties.forEach((p: unknown, j) => {
    const lines = isRecord(p) && Array.isArray(p.redLines) ? p.redLines : [];
    lines.forEach((r: unknown, k) => {
      if (isRecord(r) && typeof r.id === 'string' && !ids.has(r.id))
        ids.set(r.id, ['parties', j, 'redLines', k, 'id']);
    });
  });
  return ids;
}

/** The map key written at `offset` (plain, single- or double-quoted), for duplicate-key messages. */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\n]*?))\s*:(?:[\s,]|$)/.exec(text.slice(offset));
  return m ? (m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3] ?? '').trim() : text.slice(offset, offset + 1);
}
