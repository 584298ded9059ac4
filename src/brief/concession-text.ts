import type { Concession } from '../analysis/concessions/concession-moves.js';
import type { Concessions, SingleConcession } from '../analysis/concessions/concessions.js';
import type { ConcessionPair } from '../analysis/concessions/concessions-pairs.js';
import type { Scenario } from '../model/scenario.js';

// The sentences for minimal concessions (the analysis returns only data). They live beside the
// brief's other answers: both the answers and the brief's JSON read them.

/** A single concession with its sentence. */
export type SingleConcessionText = SingleConcession & { readonly text: string };
/** A pair of concessions with its sentence. */
export type ConcessionPairText = ConcessionPair & { readonly text: string };
/** Minimal concessions with a sentence for each single change and each pair. */
export type ConcessionsText = Omit<Concessions, 'singles' | 'pairs'> & {
  readonly singles: readonly SingleConcessionText[];
  readonly pairs: readonly ConcessionPairText[];
};

const fmt = (x: number): string =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(4)));

/**
 * One change as a sentence, e.g. `Russia accepts armed forces cap as high as 800,000 (red line
 * ru-cap: above 760,000 → 800,000)`; a red line's own description is quoted when it has one.
 */
export function concessionText(scenario: Scenario, c: Concession): string {
  if (c.kind === 'lower-reservation')
    return `${c.party} lowers its reservation from ${fmt(c.from)} to ${fmt(c.to)} (gives up ${fmt(c.from - c.to)})`;
  const r = scenario.parties
    .filter((p) => p.name === c.party)
    .flatMap((p) => p.redLines)
    .find((x) => x.id === c.redLine);
  // A dash, not parentheses: descriptions often hold parentheses of their own.
  const about = r?.description ? ` — ${r.description.trim().replace(/\.$/, '')}` : '';
  if (c.kind === 'drop-red-line') return `${c.party} drops red line ${c.redLine}${about}`;
  if (c.kind === 'narrow-red-line')
    return `${c.party} accepts ${c.admits}, keeping the rest of red line ${c.redLine}${about}`;
  const way = c.bound === 'below' || c.bound === 'atMost' ? 'as low as' : 'as high as';
  return `${c.party} accepts ${c.issue} ${way} ${fmt(c.admits)} (red line ${c.redLine}: ${c.bound} ${fmt(c.from)} → ${fmt(c.to)})`;
}

/** A single change as a sentence, with what still blocks when it does not suffice alone. */
export function singleConcessionText(scenario: Scenario, s: SingleConcession): string {
  const change = concessionText(scenario, s.change);
  if (s.suffices) return change;
  const blockers =
    s.stillBlocking.length > 0
      ? `${s.stillBlocking.map((set) => set.map((r) => r.redLine).join(' + ')).join(' or ')} still block`
      : 'the reservations still block';
  return s.change.kind === 'lower-reservation'
    ? `even if ${change} (its lowest possible utility), ${blockers}`
    : `${change}: not enough alone, ${blockers}`;
}

/** A pair of changes as a sentence. */
export function concessionPairText(scenario: Scenario, p: ConcessionPair): string {
  return `${concessionText(scenario, p.changes[0])}, and ${concessionText(scenario, p.changes[1])}`;
}

/** The concessions with their sentences (`text` after each single's and pair's data). */
export function withConcessionTexts(scenario: Scenario, c: Concessions): ConcessionsText {
  return {
    ...c,
    singles: c.singles.map((s) => ({ ...s, text: singleConcessionText(scenario, s) })),
    pairs: c.pairs.map((p) => ({ ...p, text: concessionPairText(scenario, p) })),
  };
}
