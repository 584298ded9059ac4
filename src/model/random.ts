import type { Rng } from '../core/rng.js';
import type { Issue } from '../outcomes/issue.js';
import type { ValueFunction } from '../preferences/value-function.js';
import type { Party } from './party.js';
import type { Scenario } from './scenario.js';

export interface RandomScenarioOptions {
  /** Number of parties; default 2. */
  readonly parties?: number;
  /** Number of issues; default 5. */
  readonly issues?: number;
  /** Options per discrete issue; default 5. */
  readonly values?: number;
  /** Reservation value of every party; default 0. */
  readonly reservation?: number;
}

/**
 * A random linear-additive scenario with discrete issues, for benchmarks, teaching and property
 * tests. Weights are normalised to sum to 1; each issue's best option scores 1 (GENIUS style).
 *
 * @example
 * randomScenario(createRng(1), { parties: 2, issues: 20, values: 10 }); // 10^20 outcomes
 */
export function randomScenario(rng: Rng, options: RandomScenarioOptions = {}): Scenario {
  const nParties = options.parties ?? 2;
  const nIssues = options.issues ?? 5;
  const nValues = options.values ?? 5;
  const issues: Issue[] = Array.from({ length: nIssues }, (_, i) => ({
    kind: 'discrete',
    name: `i${i + 1}`,
    values: Array.from({ length: nValues }, (_, v) => `v${v + 1}`),
  }));
  const parties: Party[] = Array.from({ length: nParties }, (_, p) => {
    const raw = issues.map(() => rng.float() + 1e-3);
    const sum = raw.reduce((a, b) => a + b, 0);
    const values: ValueFunction[] = issues.map(() => {
      const scores = Array.from({ length: nValues }, () => rng.float());
      const max = Math.max(...scores);
      return { kind: 'table', values: scores.map((s) => s / max) };
    });
    return {
      name: `p${p + 1}`,
      role: 'principal',
      utility: { kind: 'linear-additive', weights: raw.map((w) => w / sum), values },
      reservationValue: options.reservation ?? 0,
      redLines: [],
    };
  });
  return { name: `random-${nParties}p-${nIssues}x${nValues}`, issues, parties };
}
