// The completion types both ways of completing a draft share (the additive search and the
// enumeration fallback), apart from the evaluation that picks between them.

/** How the open issues were completed. */
export type CompletionRule =
  /** Maximises the smallest gain over reservation among completions crossing no red line. */
  | 'egalitarian'
  /** Every completion crosses a red line: the one crossing the fewest (then the egalitarian among those). */
  | 'fewest-red-lines';

/** A completion of fixed issues, as positions: outcome, exact utilities, red lines crossed. */
export interface DraftCompletion {
  readonly outcome: readonly number[];
  readonly utilities: readonly number[];
  /** Positions in `model.redLines`. */
  readonly crossed: readonly number[];
  readonly rule: CompletionRule;
}
