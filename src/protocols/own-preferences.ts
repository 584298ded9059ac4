import type { CompiledParty } from '../analysis/problem.js';
import type { Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import { searchPreferences } from './band-search.js';
import { OutcomeCache } from './outcome-cache.js';
import { sampledPreferences } from './sampled-preferences.js';
import { indexedPreferences } from './utility-index.js';

/**
 * One party's own preferences as its negotiator sees them, made fast for offering: what it gets
 * from an outcome, which outcomes its red lines forbid, and outcomes near a target utility.
 * Every method returns frozen outcomes; none reveals anything about other parties.
 *
 * Three implementations share this interface (and one test suite): an exhaustive sorted index
 * for spaces up to `indexLimit` outcomes, a per-issue band search for larger linear-additive
 * spaces (10^20, 10^40 outcomes, no enumeration), and a sampled index for larger non-linear ones.
 *
 * @example
 * const me = table.prefs[0];
 * me.atLeast(0.8); // the outcome with the smallest utility ≥ 0.8 (exact index) or one just above it
 */
export interface OwnPreferences {
  readonly party: string;
  readonly space: OutcomeSpace;
  /** Utility of no agreement (the BATNA); may be -Infinity when the scenario gives none. */
  readonly reservation: number;
  /** Per-unit-time discount (GENIUS): an agreement at normalised time t is worth `u · discount^t`. */
  readonly discount: number;
  /** Best utility over the outcomes this party's red lines permit. */
  readonly max: number;
  /** Worst utility over the permitted outcomes. */
  readonly min: number;
  /** `exact`: every outcome indexed; `search`: per-issue band search; `sampled`: an approximate index. */
  readonly method: 'exact' | 'search' | 'sampled';
  /** Undiscounted utility of a (valid) outcome. */
  utility(outcome: Outcome): number;
  /** False when the outcome crosses one of this party's red lines. */
  permits(outcome: Outcome): boolean;
  /** A permitted outcome of utility `max`. */
  best(): Outcome;
  /**
   * A permitted outcome of utility at least `target`, as close to it as the method allows (the
   * smallest such utility for `exact`); the best outcome when nothing reaches the target.
   */
  atLeast(target: number): Outcome;
  /** Up to `limit` distinct permitted outcomes with utility in [lo, hi], closest to `lo` first when exact. */
  within(lo: number, hi: number, limit: number, rng: Rng): Outcome[];
  /** A random permitted outcome with utility at least `floor` (uniform for `exact`); the best when none. */
  random(rng: Rng, floor?: number): Outcome;
}

/** Options of {@link ownPreferences}. */
export interface OwnPreferencesOptions {
  /** Largest space indexed exhaustively; default 1,000,000 outcomes. */
  readonly indexLimit?: number;
  /** Shared cache of frozen outcomes (one per space). */
  readonly cache?: OutcomeCache;
  /** Sample size of the approximate index for large non-linear spaces; default 20,000. */
  readonly samples?: number;
}

export const OWN_PREFERENCES_DEFAULTS = { indexLimit: 1_000_000, samples: 20_000 } as const;

/** Builds the fastest {@link OwnPreferences} that fits the space and the utility. */
export function ownPreferences(
  space: OutcomeSpace,
  party: CompiledParty,
  discount: number,
  options: OwnPreferencesOptions = {},
): OwnPreferences {
  const limit = options.indexLimit ?? OWN_PREFERENCES_DEFAULTS.indexLimit;
  if (space.count <= BigInt(limit)) {
    return indexedPreferences(space, party, discount, options.cache ?? new OutcomeCache(space));
  }
  if (party.tables) return searchPreferences(space, party, discount);
  return sampledPreferences(space, party, discount, options.samples ?? OWN_PREFERENCES_DEFAULTS.samples);
}
