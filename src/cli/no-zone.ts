import {
  type Analysis,
  analyze,
  type ConcessionsText,
  ConcordError,
  describeOutcome,
  evaluateOutcome,
  type FrontierPoint,
  fmtGain,
  fmtU,
  minimalConcessions,
  type Scenario,
  SOLUTION_LABELS,
  type SolutionPoint,
  type Solutions,
  withConcessionTexts,
} from '../index.js';

/**
 * What `analyze` adds when a scenario has no agreement zone, so the answer is not a dead end:
 * what closes the zone (red lines and reservation values), the outcomes nearest to acceptance
 * with how far each party is from accepting them, and the frontier and solutions without the
 * rationality cut, labelled so.
 */

export interface NoZoneOptions {
  /** How the user named the scenario (for the `brief` pointer). */
  readonly ref: string;
  readonly budgetMs: number;
  readonly seed: number;
  readonly now: () => number;
  /** Outcomes nearest to acceptance to list; default 3. */
  readonly nearest?: number;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** The red lines and reservations that close the zone, from the minimal concessions. */
function closers(c: ConcessionsText): string[] {
  const lines: string[] = [];
  if (c.blocking.length > 0) {
    const sets = c.blocking.slice(0, 6).map((s) => s.map((r) => `${r.party}'s ${r.redLine}`).join(' + '));
    lines.push(
      `  Red lines: dropping ${list(sets)} would open a zone${c.blocking.length > 6 ? ` (and ${c.blocking.length - 6} more sets)` : ''}.`,
    );
  } else {
    lines.push(
      '  Red lines: dropping red lines alone does not open a zone; the reservation values close it.',
    );
  }
  const opening = c.singles.filter((s) => s.suffices).slice(0, 5);
  if (opening.length > 0) {
    lines.push('  Smallest single changes that open a zone:');
    for (const s of opening) lines.push(`    - ${s.text}`);
  } else if (c.pairs.length > 0) {
    lines.push('  No single change opens a zone; the smallest pairs:');
    for (const p of c.pairs.slice(0, 3)) lines.push(`    - ${p.text}`);
  }
  return lines;
}

/** The scenario with every reservation at the party's worst utility: every outcome is rational. */
function withoutRationality(scenario: Scenario, a: Analysis, dropRedLines: boolean): Scenario {
  return {
    ...scenario,
    parties: scenario.parties.map((p, i) => ({
      ...p,
      reservationValue: Math.min(p.reservationValue, a.utilityRanges[i]?.[0] ?? p.reservationValue),
      ...(dropRedLines ? { redLines: [] } : {}),
    })),
  };
}

interface Standing {
  /** Red lines the outcome crosses, over all parties. */
  readonly crossed: number;
  /** How far the least satisfied party is from its reservation (0 when all reach theirs). */
  readonly gap: number;
  readonly text: string;
}

/** Where each party stands on a point: accepts, or how far it is from accepting and why. */
function standing(scenario: Scenario, p: FrontierPoint): Standing {
  const e = evaluateOutcome(scenario, p.outcome);
  let crossed = 0;
  let gap = 0;
  const parts = e.parties.map((x, i) => {
    const u = p.utilities[i] ?? Number.NaN;
    const r = scenario.parties[i]?.reservationValue ?? 0;
    const short = Math.max(0, r - u);
    crossed += x.redLinesCrossed.length;
    gap = Math.max(gap, short);
    const needs = short > 1e-12 ? `needs ${fmtU(short)} more to reach its reservation ${fmtU(r)}` : '';
    if (x.redLinesCrossed.length > 0)
      return `${x.party} ${fmtU(u)} rejects: crosses ${x.redLinesCrossed.join(', ')}${needs ? `, and ${needs}` : ''}`;
    return needs ? `${x.party} ${fmtU(u)} ${needs}` : `${x.party} ${fmtU(u)} accepts (${fmtGain(u - r)})`;
  });
  return { crossed, gap, text: parts.join(' · ') };
}

function solutionLines(scenario: Scenario, solutions: Solutions): string[] {
  const lines: string[] = [];
  for (const [key, label] of Object.entries(SOLUTION_LABELS) as [keyof Solutions, string][]) {
    const first = (solutions[key] as SolutionPoint[])[0];
    if (!first) continue;
    lines.push(`  ${label}: ${describeOutcome(scenario, first.outcome)}`);
    lines.push(`    → ${standing(scenario, first).text}`);
  }
  return lines;
}

/** The text `analyze` prints after its report when there is no agreement zone. */
export function noZoneText(scenario: Scenario, a: Analysis, options: NoZoneOptions): string {
  const central = (scenario.record?.assumptions.length ?? 0) > 0;
  const at = central ? ' at the central assumptions' : '';
  const lines = ['', `Why there is no agreement zone${at}`];
  try {
    lines.push(...closers(withConcessionTexts(scenario, minimalConcessions(scenario))));
  } catch (e) {
    if (!(e instanceof ConcordError)) throw e;
    lines.push(`  (what closes it is computed for linear-additive utilities only: ${e.message})`);
  }
  const analyse = (s: Scenario) =>
    analyze(s, { budgetMs: options.budgetMs, now: options.now, seed: options.seed, issueZones: false });
  let dropped = false;
  let relaxed = analyse(withoutRationality(scenario, a, false));
  if (relaxed.frontier.length === 0) {
    dropped = true;
    relaxed = analyse(withoutRationality(scenario, a, true));
  }
  const cut = dropped
    ? 'reservation values and red lines ignored, as no outcome respects every red line'
    : 'reservation values ignored, red lines kept';
  // Nearest: fewest red lines crossed, then the smallest shortfall of the least satisfied party.
  const nearest = relaxed.frontier
    .map((p) => ({ p, s: standing(scenario, p) }))
    .sort((x, y) => x.s.crossed - y.s.crossed || x.s.gap - y.s.gap)
    .slice(0, options.nearest ?? 3);
  if (nearest.length > 0) {
    lines.push('', 'Outcomes nearest to acceptance (fewest red lines crossed, then the smallest shortfall):');
    nearest.forEach(({ p, s }, k) => {
      lines.push(`  ${k + 1}. ${describeOutcome(scenario, p.outcome)}`);
      lines.push(`     → ${s.text}`);
    });
  }
  lines.push(
    '',
    `Without the rationality cut (${cut}): Pareto frontier of ${relaxed.frontier.length} point${relaxed.frontier.length === 1 ? '' : 's'}; solutions:`,
    ...solutionLines(scenario, relaxed.solutions),
  );
  if (central)
    lines.push(
      '',
      `These numbers are at the central assumptions (each assumption at its point value). For the probability of a zone over the assumptions' ranges: concord brief ${options.ref}`,
    );
  return lines.join('\n');
}
