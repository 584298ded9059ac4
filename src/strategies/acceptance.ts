import type { AcceptanceCondition } from './parts.js';

/**
 * The acceptance conditions of Baarslag et al. ("Acceptance conditions in automated
 * negotiation", 2011), as small composable functions.
 */

/** AC_next(a, b): accept when `a · u(offer) + b ≥ u(my next offer)`. */
export function acNext(a = 1, b = 0): AcceptanceCondition {
  return (x) => a * x.offer + b >= x.next;
}

/** AC_const(c): accept any offer worth at least `c`. */
export function acConst(c: number): AcceptanceCondition {
  return (x) => x.offer >= c;
}

/** AC_time(T): accept anything (still rational) from normalised time `T` on. */
export function acTime(T: number): AcceptanceCondition {
  return (x) => x.time >= T;
}

/** AC_combi(T, MAX): AC_next, or from time `T` on any offer at least as good as the best before it. */
export function acCombiMax(T: number): AcceptanceCondition {
  return (x) => x.offer >= x.next || (x.time >= T && x.offer >= x.best);
}

/** Accepts with probability `p` (random negotiators). */
export function acProbability(p: number): AcceptanceCondition {
  return (x) => x.rng.float() < p;
}

/** Accepts when any of the conditions does. */
export function acAny(...conditions: readonly AcceptanceCondition[]): AcceptanceCondition {
  return (x) => conditions.some((c) => c(x));
}

/** Accepts when all of the conditions do. */
export function acAll(...conditions: readonly AcceptanceCondition[]): AcceptanceCondition {
  return (x) => conditions.every((c) => c(x));
}
