import type { ValueFunction } from './value-function.js';

/**
 * A party's cardinal preferences over outcomes.
 *
 * - `linear-additive`: `u(o) = Σ_i weights[i] × values[i](o_i)` (issues by position).
 * - `hyperrectangle`: the non-linear constraint-based spaces of ANAC 2014:
 *   `u(o) = min(cap, (Σ_{r : o ∈ r} r.utility) / scale)`, where `o ∈ r` when every bound of `r` holds.
 */
export type UtilityFunction = LinearAdditiveUtility | HyperRectangleUtility;

export interface LinearAdditiveUtility {
  readonly kind: 'linear-additive';
  readonly weights: readonly number[];
  readonly values: readonly ValueFunction[];
}

export interface HyperRectangleUtility {
  readonly kind: 'hyperrectangle';
  readonly rectangles: readonly HyperRectangle[];
  /** Divisor making utilities fall in [0, 1] (GENIUS's `maxutility`); default 1. */
  readonly scale?: number;
  /**
   * Utilities above this are reported as this: `u(o) = min(cap, Σ / scale)`. GENIUS caps its
   * non-linear utilities at 1, and the ANAC 2014 files need it (their `maxutility` is below the
   * true maximum of some profiles). Default: no cap.
   */
  readonly cap?: number;
}

export interface HyperRectangle {
  readonly utility: number;
  /** Inclusive bounds on issue *value indices* (issues by position). */
  readonly bounds: readonly { readonly issue: number; readonly min: number; readonly max: number }[];
}
