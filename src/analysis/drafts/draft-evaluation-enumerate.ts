import { ConcordError } from '../../core/errors.js';
import { forEachOutcome, type Outcome } from '../../outcomes/space.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { DraftCompletion } from './completion.js';

/** Most completions the enumeration fallback (non-additive utilities) will visit. */
export const COMPLETION_LIMIT = 10_000_000;

/** Minimum gains this close tie (as in the additive search). */
const TIE = 1e-12;

function forEachCompletion(
  problem: AnalysisProblem,
  fixed: readonly number[],
  fn: (o: Outcome) => void,
): void {
  const sizes = problem.space.sizes.map((s, i) => ((fixed[i] as number) >= 0 ? 1 : s));
  const count = sizes.reduce((a, b) => a * b, 1);
  if (count > COMPLETION_LIMIT)
    throw new ConcordError(
      'too-many-completions',
      `the draft leaves ${count} completions; enumeration (non-additive utilities) stops at ${COMPLETION_LIMIT}`,
    );
  const o: number[] = [];
  forEachOutcome({ ...problem.space, sizes }, (x) => {
    for (let i = 0; i < x.length; i++)
      o[i] = (fixed[i] as number) >= 0 ? (fixed[i] as number) : (x[i] as number);
    fn(o);
  });
}

/**
 * The completion {@link completeDraft} defines, by enumeration (any utility): fewest red lines
 * crossed, then the largest minimum gain, then (ties within 1e-12) the largest total gain,
 * then the first in enumeration order.
 */
export function enumerateCompletion(problem: AnalysisProblem, fixed: readonly number[]): DraftCompletion {
  let best: DraftCompletion | undefined;
  let bestGain = Number.NEGATIVE_INFINITY;
  let bestTotal = Number.NEGATIVE_INFINITY;
  forEachCompletion(problem, fixed, (o) => {
    const crossed = problem.redLines.flatMap((r, i) => (r.condition.test(o) ? [i] : []));
    if (best && crossed.length > best.crossed.length) return;
    const utilities = problem.parties.map((p) => p.compiled.evaluate(o));
    const gains = utilities.map((u, i) => u - (problem.parties[i] as { reservation: number }).reservation);
    const gain = Math.min(...gains);
    const total = gains.reduce((a, g) => (Number.isFinite(g) ? a + g : a), 0);
    const better = gain > bestGain + TIE || (gain >= bestGain - TIE && total > bestTotal + TIE);
    if (!best || crossed.length < best.crossed.length || better) {
      best = { outcome: o.slice(), utilities, crossed, rule: 'egalitarian' };
      bestGain = gain;
      bestTotal = total;
    }
  });
  if (!best) throw new ConcordError('empty-space', 'the outcome space is empty');
  const forced = best as DraftCompletion;
  return { ...forced, rule: forced.crossed.length > 0 ? 'fewest-red-lines' : 'egalitarian' };
}

/** Party `party`'s lowest and highest utility over the completions, by enumeration. */
export function enumerateRange(
  problem: AnalysisProblem,
  fixed: readonly number[],
  party: number,
): readonly [number, number] {
  const p = problem.parties[party] as AnalysisProblem['parties'][number];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  forEachCompletion(problem, fixed, (o) => {
    const u = p.compiled.evaluate(o);
    if (u < lo) lo = u;
    if (u > hi) hi = u;
  });
  return [lo, hi];
}
