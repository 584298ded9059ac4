import type { Analysis } from '../../analysis/analyze.js';
import type { SolutionPoint, Solutions } from '../../analysis/solutions/solutions.js';
import type { ExclusionReason, IssueZone } from '../../analysis/zone/issue-zones.js';
import type { Scenario } from '../../model/scenario.js';
import { issueValueAt } from '../../outcomes/issue.js';
import { fmtCount, fmtGain, fmtPct, fmtU, fmtValue } from './format.js';
import { textTable } from './text-table.js';

export interface TextReportOptions {
  /** Also print the frontier table. */
  readonly frontier?: boolean;
  /** Rows of the frontier table; default 50. */
  readonly limit?: number;
  readonly elapsedMs?: number;
}

export const SOLUTION_LABELS: Readonly<Record<keyof Solutions, string>> = {
  nash: 'Nash bargaining solution',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  kalaiEgalitarian: 'Kalai egalitarian',
  modifiedKalaiSmorodinsky: 'Kalai–Smorodinsky (d = 0)',
  modifiedKalaiEgalitarian: 'Kalai egalitarian (d = 0)',
  maxWelfare: 'Maximum welfare (Σu)',
  maxRelativeWelfare: 'Maximum relative welfare',
};

/** Opposition to four decimals: enough to tell domains apart, as the literature reports it. */
const fmtOpposition = (x: number): string => x.toFixed(4);

/** Spells an outcome as `issue = value` pairs, one string. */
export function describeOutcome(scenario: Scenario, outcome: readonly number[]): string {
  return scenario.issues
    .map((issue, i) => `${issue.name} = ${fmtValue(issueValueAt(issue, outcome[i] as number))}`)
    .join('; ');
}

function reason(r: ExclusionReason): string {
  switch (r.kind) {
    case 'red-line':
      return `${r.party}'s red line "${r.redLine}"`;
    case 'red-lines':
      return 'red lines (together)';
    case 'reservation':
      return `${r.party} at best ${fmtU(r.best)} < reservation ${fmtU(r.reservation)}`;
    case 'joint':
      return 'no outcome suits all at once';
  }
}

function zoneLine(z: IssueZone): string {
  if (z.feasible.length === 0) return `${z.issue}: no value is in the agreement zone`;
  const values = z.range
    ? `${fmtValue(z.range.min)} … ${fmtValue(z.range.max)}${z.range.contiguous ? '' : ' (with gaps)'}`
    : z.feasible.map(fmtValue).join(', ');
  const out = z.excluded.length
    ? `; excluded: ${z.excluded
        .slice(0, 6)
        .map((e) => `${fmtValue(e.value)} (${e.reasons.map(reason).join('; ')})`)
        .join(', ')}${z.excluded.length > 6 ? `, … ${z.excluded.length - 6} more` : ''}`
    : '';
  return `${z.issue}: ${values}${out}`;
}

/**
 * The readable report of `concord analyze`: parties, issues, outcome count, agreement zone,
 * frontier size, each solution with its outcome and what each party gets relative to its best
 * and its reservation.
 */
export function analysisToText(scenario: Scenario, a: Analysis, options: TextReportOptions = {}): string {
  const lines: string[] = [];
  const names = scenario.parties.map((p) => p.name);
  lines.push(
    `Scenario: ${scenario.name}${scenario.description ? ` — ${scenario.description.trim().split('\n')[0]}` : ''}`,
  );
  if (!a.exact) {
    lines.push('', 'APPROXIMATE RESULT — not every number below is exact:');
    for (const s of a.inexact ?? []) lines.push(`  • ${s}`);
  }

  const partyRows = scenario.parties.map((p, i) => {
    const [lo, hi] = a.utilityRanges[i] ?? [Number.NaN, Number.NaN];
    return [
      p.name,
      p.role,
      fmtU(p.reservationValue),
      fmtU(lo),
      fmtU(hi),
      p.redLines.map((r) => r.id).join(', ') || '—',
    ];
  });
  lines.push(
    '',
    'Parties',
    textTable(['Party', 'Role', 'Reservation', 'Worst', 'Best', 'Red lines'], partyRows),
  );

  const issueRows: string[][] = [];
  for (const issue of scenario.issues) {
    const vals =
      issue.kind === 'discrete'
        ? issue.values.join(', ')
        : `${fmtValue(issue.min)} … ${fmtValue(issue.max)}${issue.kind === 'integer' && (issue.step ?? 1) !== 1 ? ` step ${fmtValue(issue.step ?? 1)}` : ''}${issue.kind === 'real' ? ` (${issue.resolution ?? 11} grid points)` : ''}${issue.unit ? ` ${issue.unit}` : ''}`;
    issueRows.push([issue.name, issue.kind, vals.length > 70 ? `${vals.slice(0, 67)}...` : vals]);
  }
  lines.push('', 'Issues', textTable(['Issue', 'Kind', 'Values'], issueRows));

  lines.push('', `Outcomes: ${fmtCount(a.outcomeCount)}`);
  const z = a.agreementZone;
  if (z) {
    const est = z.exact
      ? ''
      : ` (estimate from ${z.samples ?? '?'} samples, ± ${fmtPct(z.stdError ?? Number.NaN, 3)})`;
    lines.push(
      `Agreement zone (every party at or above its reservation, no red line crossed): ${fmtCount(z.count)} outcomes, ${fmtPct(z.share, 3)} of the space${est}`,
    );
  }
  lines.push(
    `Pareto frontier: ${a.frontier.length} point${a.frontier.length === 1 ? '' : 's'} (${a.method}${a.exact ? ', exact' : ''})`,
  );
  lines.push(
    Number.isFinite(a.opposition)
      ? `Opposition: ${fmtOpposition(a.opposition)} (NegMAS's opposition level: distance from the nearest rational outcome, each utility as a share of that party's best, to the ideal point where everyone gets its best; 0 = no conflict)`
      : 'Opposition: none defined (no outcome is rational for every party)',
  );
  if (a.frontier.length === 0) {
    const assumed = scenario.record?.assumptions.length ?? 0;
    lines.push(
      '',
      assumed > 0
        ? `At the central assumptions (the values written in the file), no outcome gives every party at least its reservation value without crossing a red line. ${assumed} of those values are assumptions with ranges: \`concord brief ${scenario.name}\` gives the probability of an agreement zone over them.`
        : 'No agreement is possible: no outcome gives every party at least its reservation value without crossing a red line.',
    );
  }

  if (a.frontier.length > 0) {
    lines.push('', 'Solutions (utility; share of the party’s best; gain over its reservation)');
    for (const [key, label] of Object.entries(SOLUTION_LABELS) as [keyof Solutions, string][]) {
      const pts = a.solutions[key] as SolutionPoint[];
      if (pts.length === 0) continue;
      const first = pts[0] as SolutionPoint;
      lines.push(`  ${label}${pts.length > 1 ? ` (${pts.length} tied; first shown)` : ''}`);
      lines.push(`    ${describeOutcome(scenario, first.outcome)}`);
      const per = first.utilities.map((u, i) => {
        const best = a.utilityRanges[i]?.[1] ?? Number.NaN;
        const r = scenario.parties[i]?.reservationValue ?? 0;
        return `${names[i]} ${fmtU(u)} (${fmtPct(best > 0 ? u / best : Number.NaN, 0)}; ${fmtGain(u - r)})`;
      });
      lines.push(`    ${per.join(' · ')}`);
    }
  }

  if (a.issueZones && a.issueZones.issues.length > 0) {
    lines.push(
      '',
      `Zone of possible agreement per issue${a.issueZones.exact ? '' : ` (not exact: ${a.issueZones.note ?? ''})`}`,
    );
    for (const iz of a.issueZones.issues) lines.push(`  ${zoneLine(iz)}`);
  }

  if (options.frontier && a.frontier.length > 0) {
    const limit = options.limit ?? 50;
    const rows = a.frontier.slice(0, limit).map((p, k) => {
      const sum = p.utilities.reduce((s, u) => s + u, 0);
      const o = describeOutcome(scenario, p.outcome);
      return [String(k), ...p.utilities.map(fmtU), fmtU(sum), o.length > 90 ? `${o.slice(0, 87)}...` : o];
    });
    const t = textTable(['#', ...names, 'Σu', 'Outcome'], rows);
    lines.push(
      '',
      `Frontier (by welfare, ${Math.min(limit, a.frontier.length)} of ${a.frontier.length} shown)`,
      t,
    );
  }
  for (const n of a.notes ?? []) lines.push(`Note: ${n}`);
  if (options.elapsedMs !== undefined) lines.push('', `Analysis took ${options.elapsedMs.toFixed(1)} ms.`);
  return lines.join('\n');
}
