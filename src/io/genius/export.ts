import { ConcordError, type Problem } from '../../core/errors.js';
import type { Party } from '../../model/party.js';
import type { Scenario } from '../../model/scenario.js';
import { type Issue, issueNumberAt, issueSize, issueValueAt } from '../../outcomes/issue.js';
import type { HyperRectangleUtility, LinearAdditiveUtility } from '../../preferences/utility.js';
import { evaluateValue, type ValueFunction } from '../../preferences/value-function.js';

/** A file to write: its name (no folder) and its text. */
export interface GeniusFile {
  readonly file: string;
  readonly text: string;
}

export interface GeniusExport {
  readonly domain: GeniusFile;
  /** One per party, in the scenario's order. */
  readonly profiles: readonly GeniusFile[];
  /** What GENIUS cannot hold and was left out or changed (red lines, discretised issues, …). */
  readonly warnings: readonly Problem[];
}

/**
 * Writes a scenario as GENIUS XML (one domain file and one profile per party) that reads back
 * with {@link parseGeniusDomain}/{@link parseGeniusProfile} (or the folder loader) to the same
 * utility for every outcome (to ~1e-15), the same reservation values and discount factors.
 *
 * How our model maps onto GENIUS's:
 * - discrete value tables: GENIUS divides each evaluation by the issue's largest one, so we write
 *   `t[v] / max(t)` and fold `max(t)` into the issue's weight (`weight × max(t)`); the weights
 *   written therefore need not sum to 1. A table whose largest value is ≤ 0 but not all 0 cannot
 *   be expressed (GENIUS would score it 0): {@link ConcordError} `genius-export`.
 * - integer issues (step 1) whose value function is, on every value, GENIUS's
 *   `clamp(offset + slope × (v − lowerbound), 0, 1)` for every party: written as integer issues
 *   with a linear evaluator. Otherwise (other steps, piecewise or table functions, values
 *   outside [0, 1]), and for every real issue (GENIUS real issues have no grid, ours do), the
 *   issue is written as a DISCRETE issue whose values are the grid values ("0", "2.5", …),
 *   with a warning: utilities round-trip exactly, the issue comes back discrete.
 * - hyperrectangle utilities: a `type="nonlinear"` profile; their bounds must be on integer
 *   issues written as integer (else {@link ConcordError}). GENIUS caps them at 1: a utility
 *   without that cap that may exceed 1 is warned about.
 * - red lines and non-principal roles have no GENIUS form: listed in `warnings`, not written.
 *   A discount factor outside (0, 1] (GENIUS would read 1) is written as 1, with a warning.
 */
export function exportGeniusXml(scenario: Scenario): GeniusExport {
  const warnings: Problem[] = [];
  const issues = scenario.issues;
  const asInteger = issues.map((issue, i) => keepsInteger(issue, i, scenario.parties));
  issues.forEach((issue, i) => {
    if (issue.kind !== 'discrete' && !asInteger[i]) {
      warnings.push({
        code: 'issue-discretised',
        message: `issue "${issue.name}" is written as a discrete issue with its ${issueSize(issue)} grid values (GENIUS cannot hold its value functions or grid otherwise)`,
        path: ['issues', i],
      });
    }
  });
  const names = fileNames(scenario);
  const domainText = writeDomain(scenario, asInteger);
  const profiles = scenario.parties.map((party, p) => {
    party.redLines.forEach((rl, k) => {
      warnings.push({
        code: 'red-line-dropped',
        message: `red line "${rl.id}" of ${party.name} cannot be expressed in GENIUS and is not written`,
        path: ['parties', p, 'redLines', k],
      });
    });
    if (party.role !== 'principal') {
      warnings.push({
        code: 'role-dropped',
        message: `${party.name} is a ${party.role}; GENIUS knows only negotiating parties`,
        path: ['parties', p, 'role'],
      });
    }
    let discount = party.discountFactor ?? 1;
    if (!(discount > 0 && discount <= 1)) {
      warnings.push({
        code: 'discount-changed',
        message: `discount factor ${discount} of ${party.name} is outside (0, 1]; written as 1 (what GENIUS would read)`,
        path: ['parties', p, 'discountFactor'],
      });
      discount = 1;
    }
    const body =
      party.utility.kind === 'linear-additive'
        ? writeAdditive(issues, party.utility, asInteger, party.name)
        : writeNonlinear(issues, party.utility, asInteger, party.name, warnings);
    const type = party.utility.kind === 'hyperrectangle' ? ' type="nonlinear"' : '';
    const text =
      `<utility_space${type}>\n<objective index="0" name="${esc(scenario.name)}" type="objective" etype="objective">\n` +
      `${body}</objective>\n` +
      `<discount_factor value="${num(discount, party.name)}"/>\n` +
      `<reservation value="${num(party.reservationValue, party.name)}"/>\n</utility_space>\n`;
    return { file: names.profiles[p] as string, text };
  });
  return { domain: { file: names.domain, text: domainText }, profiles, warnings };
}

/** XML attribute escaping that survives a round trip (whitespace controls as character refs). */
function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Shortest text that reads back to the same double. */
function num(x: number, who: string): string {
  if (!Number.isFinite(x))
    throw new ConcordError('genius-export', `${who}: ${x} cannot be written to GENIUS`);
  return String(x);
}

function safeName(s: string): string {
  let t = '';
  for (const c of s) t += c.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(c) ? '_' : c;
  t = t.trim();
  return t === '' || t === '.' || t === '..' ? 'party' : t;
}

/** Distinct file names: `<party>.xml` per party, `<scenario>-domain.xml` for the domain. */
function fileNames(scenario: Scenario): { domain: string; profiles: string[] } {
  const used = new Set<string>();
  const claim = (base: string): string => {
    let name = `${base}.xml`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}.xml`;
    used.add(name.toLowerCase());
    return name;
  };
  const profiles = scenario.parties.map((p) => claim(safeName(p.name)));
  return { domain: claim(`${safeName(scenario.name)}-domain`), profiles };
}

/** GENIUS's integer evaluator for `fn` on `issue`, when it reproduces `fn` on every value. */
function geniusLinear(issue: Issue, fn: ValueFunction): { offset: number; slope: number } | undefined {
  if (issue.kind !== 'integer' || (issue.step ?? 1) !== 1 || fn.kind !== 'linear') return undefined;
  const offset = fn.y0 + fn.slope * (issue.min - fn.x0);
  const size = issueSize(issue);
  for (let k = 0; k < size; k++) {
    const x = issue.min + k;
    const ours = evaluateValue(fn, x, k);
    const theirs = Math.min(1, Math.max(0, offset + fn.slope * k));
    if (!(Math.abs(ours - theirs) <= 1e-13 * Math.max(1, Math.abs(ours)))) return undefined;
  }
  return { offset, slope: fn.slope };
}

function keepsInteger(issue: Issue, i: number, parties: readonly Party[]): boolean {
  if (issue.kind !== 'integer' || (issue.step ?? 1) !== 1) return false;
  return parties.every((p) => {
    if (p.utility.kind === 'hyperrectangle') return true;
    const fn = p.utility.values[i];
    return fn !== undefined && geniusLinear(issue, fn) !== undefined;
  });
}

function issueTag(issue: Issue, i: number, asInteger: readonly boolean[]): string {
  const head = `<issue index="${i + 1}" name="${esc(issue.name)}"`;
  if (asInteger[i] && issue.kind === 'integer') {
    return `${head} type="integer" vtype="integer" etype="integer" lowerbound="${issue.min}" upperbound="${issue.max}">`;
  }
  return `${head} type="discrete" vtype="discrete" etype="discrete">`;
}

/** The values of an issue as GENIUS discrete values (numeric grids spelled out). */
function discreteValues(issue: Issue): string[] {
  return Array.from({ length: issueSize(issue) }, (_, k) => String(issueValueAt(issue, k)));
}

function writeDomain(scenario: Scenario, asInteger: readonly boolean[]): string {
  let out = `<negotiation_template>\n<utility_space number_of_issues="${scenario.issues.length}">\n`;
  out += `<objective index="0" name="${esc(scenario.name)}" type="objective" etype="objective">\n`;
  scenario.issues.forEach((issue, i) => {
    out += `${issueTag(issue, i, asInteger)}\n`;
    if (!asInteger[i]) {
      discreteValues(issue).forEach((v, k) => {
        out += `  <item index="${k + 1}" value="${esc(v)}"/>\n`;
      });
    }
    out += '</issue>\n';
  });
  return `${out}</objective>\n</utility_space>\n</negotiation_template>\n`;
}

function writeAdditive(
  issues: readonly Issue[],
  u: LinearAdditiveUtility,
  asInteger: readonly boolean[],
  who: string,
): string {
  let out = '';
  const weights: string[] = [];
  issues.forEach((issue, i) => {
    const w = u.weights[i] ?? 0;
    const fn: ValueFunction = u.values[i] ?? { kind: 'table', values: [] };
    out += `${issueTag(issue, i, asInteger)}\n`;
    const lin = asInteger[i] ? geniusLinear(issue, fn) : undefined;
    if (lin) {
      out += `  <evaluator ftype="linear" offset="${num(lin.offset, who)}" slope="${num(lin.slope, who)}"/>\n`;
      weights.push(num(w, who));
    } else {
      const t = Array.from({ length: issueSize(issue) }, (_, k) =>
        evaluateValue(fn, issueNumberAt(issue, k), k),
      );
      let max = Number.NEGATIVE_INFINITY;
      for (const x of t) max = Math.max(max, x);
      const allZero = t.every((x) => x === 0);
      if (!allZero && !(max > 0)) {
        throw new ConcordError(
          'genius-export',
          `${who}: the values of issue "${issue.name}" are all ≤ 0 and not all 0; GENIUS (which divides by the largest) cannot express them`,
        );
      }
      const names = discreteValues(issue);
      t.forEach((x, k) => {
        out += `  <item index="${k + 1}" value="${esc(names[k] as string)}" evaluation="${num(allZero ? 0 : x / max, who)}"/>\n`;
      });
      weights.push(num(allZero ? w : w * max, who));
    }
    out += '</issue>\n';
  });
  weights.forEach((w, i) => {
    out += `<weight index="${i + 1}" value="${w}"/>\n`;
  });
  return out;
}

function writeNonlinear(
  issues: readonly Issue[],
  u: HyperRectangleUtility,
  asInteger: readonly boolean[],
  who: string,
  warnings: Problem[],
): string {
  let out = '';
  issues.forEach((issue, i) => {
    out += `${issueTag(issue, i, asInteger)}\n`;
    if (!asInteger[i]) {
      discreteValues(issue).forEach((v, k) => {
        out += `  <item index="${k + 1}" value="${esc(v)}"/>\n`;
      });
    }
    out += '</issue>\n';
  });
  const scale = u.scale ?? 1;
  if (u.cap !== 1) {
    let top = 0;
    for (const r of u.rectangles) top += Math.max(0, r.utility);
    if (top / scale > Math.min(1, u.cap ?? Number.POSITIVE_INFINITY)) {
      warnings.push({
        code: 'cap-changed',
        message: `${who}: GENIUS caps non-linear utilities at 1 (this utility has ${u.cap === undefined ? 'no cap' : `cap ${u.cap}`}); outcomes above 1 will read back as 1`,
      });
    }
  }
  out += `<utility maxutility="${num(scale, who)}">\n<ufun type="PlainUfun" weight="1" aggregation="sum">\n`;
  for (const r of u.rectangles) {
    out += `<hyperRectangle utility="${num(r.utility, who)}">\n`;
    for (const b of r.bounds) {
      const issue = issues[b.issue];
      if (issue?.kind !== 'integer' || !asInteger[b.issue]) {
        throw new ConcordError(
          'genius-export',
          `${who}: a hyperrectangle bounds issue ${issue ? `"${issue.name}"` : `#${b.issue}`}, which GENIUS cannot bound (only integer issues of step 1)`,
        );
      }
      out += `  <INCLUDES index="${b.issue + 1}" min="${issue.min + b.min}" max="${issue.min + b.max}"/>\n`;
    }
    out += '</hyperRectangle>\n';
  }
  return `${out}</ufun>\n</utility>\n`;
}
