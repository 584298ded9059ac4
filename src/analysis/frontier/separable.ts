import { ConcordError } from '../../core/errors.js';
import type { AnalysisProblem } from '../../preferences/problem.js';
import type { AdditiveInput, Exclusion } from './additive-frontier.js';

/**
 * What the red lines do to a separable problem: a red line on one issue removes values of that
 * issue (`allowed`), one over several issues becomes an {@link Exclusion}, one over no issue at
 * all forbids everything or nothing.
 */
export interface RedLineEffect {
  /** Per issue: 1 for the values no single-issue red line forbids (undefined: all allowed). */
  readonly allowed: (Uint8Array | undefined)[];
  readonly exclusions: Exclusion[];
  readonly everythingForbidden: boolean;
}

export function redLineEffect(problem: AnalysisProblem): RedLineEffect {
  const { space } = problem;
  const allowed: (Uint8Array | undefined)[] = space.sizes.map(() => undefined);
  const exclusions: Exclusion[] = [];
  let everythingForbidden = false;
  for (const r of problem.redLines) {
    const c = r.condition;
    if (c.issues.length === 0) everythingForbidden ||= c.test(space.sizes.map(() => 0));
    else if (c.mask) {
      const i = c.issues[0] as number;
      const a = (allowed[i] ??= new Uint8Array(space.sizes[i] as number).fill(1));
      for (let v = 0; v < a.length; v++) if (c.mask[v] === 1) a[v] = 0;
    } else exclusions.push({ issues: c.issues, test: c.test });
  }
  return { allowed, exclusions, everythingForbidden };
}

/** The separable form of an additive problem (all parties linear-additive). */
export function separableInput(problem: AnalysisProblem, effect = redLineEffect(problem)): AdditiveInput {
  const tables = problem.parties.map((p) => {
    if (!p.tables) throw new ConcordError('not-additive', `party "${p.name}" is not linear-additive`);
    return p.tables;
  });
  const allowed = effect.everythingForbidden
    ? problem.space.sizes.map((s) => new Uint8Array(s))
    : effect.allowed;
  return {
    sizes: problem.space.sizes,
    tables,
    allowed,
    exclusions: effect.exclusions,
    reservations: problem.parties.map((p) => p.reservation),
  };
}
