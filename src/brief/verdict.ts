import type { CompletionRule } from '../analysis/drafts/draft-evaluation.js';

/** One party's move from one draft to another, in utility (central) and acceptance (over the draws). */
export interface PartyShift {
  readonly party: string;
  /** Utility change at the central assumptions. */
  readonly dUtility: number;
  /** Change in P(accepts) over the draws. */
  readonly dAccept: number;
  /** Standard error of `dAccept` (two shares of `samples` draws, taken as independent: an upper bound for common draws). */
  readonly stdError: number;
  /**
   * `gains` when neither measure falls (beyond noise) and one rises; `loses` when neither rises
   * and one falls; `mixed` when they disagree; `unchanged` otherwise. A party whose acceptance
   * rises is never said to lose.
   */
  readonly verdict: 'gains' | 'loses' | 'mixed' | 'unchanged';
}

/** Utility changes this small are no change. */
const UTILITY_TIE = 5e-4;

/**
 * Compares a party across two drafts in both measures: utility at the central assumptions and
 * P(accepts) over the draws, with the acceptance change's standard error; a change within two
 * standard errors is noise.
 */
export function partyShift(
  party: string,
  before: { readonly utility: number; readonly pAccept: number },
  after: { readonly utility: number; readonly pAccept: number },
  samples: number,
): PartyShift {
  const dUtility = after.utility - before.utility;
  const dAccept = after.pAccept - before.pAccept;
  const v = (p: number) => (p * (1 - p)) / samples;
  const stdError = Math.sqrt(v(before.pAccept) + v(after.pAccept));
  const u = Math.abs(dUtility) <= UTILITY_TIE ? 0 : Math.sign(dUtility);
  const a = Math.abs(dAccept) <= 2 * stdError ? 0 : Math.sign(dAccept);
  const verdict =
    u >= 0 && a >= 0 && u + a > 0
      ? 'gains'
      : u <= 0 && a <= 0 && u + a < 0
        ? 'loses'
        : u === 0 && a === 0
          ? 'unchanged'
          : 'mixed';
  return { party, dUtility, dAccept, stdError, verdict };
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

/** "Russia: mixed (utility +0.004, acceptance -9.8 ± 1.5 points)". */
export function describeShift(s: PartyShift): string {
  const noise = Math.abs(s.dAccept) <= 2 * s.stdError ? ', within noise' : '';
  return `${s.party}: ${s.verdict} (utility ${signed(s.dUtility, 3)}, acceptance ${signed(s.dAccept * 100, 1)} ± ${(s.stdError * 100).toFixed(1)} points${noise})`;
}

/** The completion rule in words, as the brief and diff name it. */
export function describeRule(rule: CompletionRule): string {
  return rule === 'egalitarian'
    ? 'the egalitarian completion (the most even split of gains among completions crossing no red line)'
    : 'the fewest-red-lines completion (every completion crosses a red line: the one crossing the fewest, most even among those)';
}
