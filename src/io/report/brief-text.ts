import type { Answer } from '../../brief/answers.js';
import type { Brief } from '../../brief/build.js';
import type { Scenario } from '../../model/scenario.js';
import type { Assumption, Distribution, Evidence } from '../../record/types.js';

export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return `fixed ${d.value}`;
    case 'uniform':
      return `uniform ${d.min}–${d.max}`;
    case 'triangular':
      return `triangular ${d.min}–${d.max}, mode ${d.mode}`;
    case 'bernoulli':
      return `real with probability ${d.p}`;
  }
}

export function describeEvidence(e: Evidence): string {
  return e.kind === 'quote' ? `${e.speaker}: “${e.quote.replace(/[,.]$/, '')}”` : e.fact;
}

/** `text` wrapped to lines of at most `width` characters, every line but the first after `indent`. */
const wrap = (text: string, width: number, indent: string): string => {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
};

/**
 * `prefix` then `text`, wrapped so that no line is wider than `width`: the first line after the
 * prefix, every other line after `indent`.
 */
function hang(prefix: string, text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = empty ? line + w : `${line} ${w}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** What the brief may say of its evidence: "verbatim" only for what was checked against the source. */
export function evidenceStatus(
  evidence: readonly Evidence[],
  verified: readonly string[] | undefined,
): string {
  const ok = new Set(verified ?? []);
  const checked = evidence.filter((e) => ok.has(e.id)).length;
  if (evidence.length > 0 && checked === evidence.length)
    return 'every quote checked verbatim and every fact’s figures found in the source text; facts in our words';
  if (checked > 0)
    return `${checked} of ${evidence.length} items checked against the source text; the others as recorded`;
  return 'quotes and facts as recorded, not checked against the source text here — concord check verifies them';
}

/**
 * The terminal brief: the answers first, each with the evidence and assumptions it rests on
 * (by id), then those evidence items and assumptions spelled out.
 */
export function briefToText(
  scenario: Scenario,
  brief: Brief,
  answers: readonly Answer[],
  options: {
    width?: number;
    reportPath?: string;
    /** Evidence ids checked against the source text (see checkEvidence); default none: nothing is called verbatim. */
    verified?: readonly string[];
  } = {},
): string {
  const width = options.width ?? 100;
  const out: string[] = [];
  const rule = '─'.repeat(Math.min(width, 100));
  out.push(`CONCORD BRIEF — ${scenario.name}`);
  out.push(wrap(scenario.description?.trim() ?? '', width, ''));
  const levers = Object.entries(brief.levers);
  out.push(
    `Levers: ${levers.length ? levers.map(([k, v]) => `${k}=${v}`).join(', ') : 'all at their baseline'} · ${brief.monteCarlo.samples.toLocaleString('en-US')} draws, seed ${brief.monteCarlo.seed} · ${brief.elapsedMs.toFixed(0)} ms`,
  );
  out.push(rule);
  answers.forEach((a, k) => {
    out.push(`${k + 1}. ${a.question}`);
    for (const line of a.answer) out.push(`   • ${wrap(line, width - 5, '     ')}`);
    const rests = [
      a.evidence.length ? `evidence ${a.evidence.join(', ')}` : '',
      a.assumptions.length
        ? `${a.assumptions.length} assumption${a.assumptions.length === 1 ? '' : 's'} (${a.assumptions.slice(0, 6).join(', ')}${a.assumptions.length > 6 ? ', …' : ''})`
        : '',
    ].filter(Boolean);
    if (rests.length) out.push(`   rests on: ${wrap(rests.join('; '), width - 14, '             ')}`);
    out.push('');
  });
  out.push(rule);
  const cited = new Set(answers.flatMap((a) => a.evidence));
  const record = scenario.record;
  const source = record?.sources[0];
  out.push(
    `EVIDENCE (from “${source?.title ?? 'the source'}”; ${evidenceStatus(record?.evidence ?? [], options.verified)})`,
  );
  for (const e of record?.evidence ?? []) {
    if (!cited.has(e.id)) continue;
    out.push(hang(`  ${e.id} [${e.locator}] `, describeEvidence(e), width, '      '));
  }
  out.push('');
  out.push('ASSUMPTIONS (not in the source; each drawn from its range in the Monte Carlo)');
  for (const a of record?.assumptions ?? ([] as Assumption[])) {
    out.push(
      hang(
        '  ',
        `${a.id}: ${a.parameter} = ${a.value} (${describeDistribution(a.distribution)}) — ${a.rationale}`,
        width,
        '      ',
      ),
    );
  }
  const constraints = scenario.constraints ?? [];
  if (constraints.length > 0) {
    out.push('');
    out.push(
      'CONSTRAINTS OF THE SPACE (links between issues, modelled; not a party’s red line — nobody can drop them)',
    );
    for (const c of constraints) out.push(hang(`  ${c.id}: `, c.description ?? c.id, width, '      '));
  }
  if (options.reportPath) out.push('', `Full report with charts: ${options.reportPath}`);
  return out.join('\n');
}
