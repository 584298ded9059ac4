import type { OutcomeSpace } from '../outcomes/space.js';
import type { CompiledParty } from '../preferences/problem.js';
import { searchPreferences } from './band-search.js';
import { OutcomeCache } from './outcome-cache.js';
import { sampledPreferences } from './sampled-preferences.js';
import type { OwnPreferences } from './types.js';
import { indexedPreferences } from './utility-index.js';

export type { OwnPreferences };

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
