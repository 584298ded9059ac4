// Moving an assumption's range in the what-if: the mediator asks "what if Russia's walk-away
// value lay between 0.5 and 0.6?", and the Monte Carlo draws it from there instead. A range moves
// the distribution's support and keeps its shape (a triangular's mode sits at the same fraction
// of the range); the point value is kept when it lies inside, else it moves to the nearest end.
import type { Distribution, Scenario } from '../../../src/index.js';

export type Ranges = Readonly<Record<string, readonly [number, number]>>;

/** The distribution moved to [lo, hi]; undefined for one without a range (fixed, bernoulli). */
export function rerange(d: Distribution, lo: number, hi: number): Distribution | undefined {
  switch (d.kind) {
    case 'uniform':
      return { kind: 'uniform', min: lo, max: hi };
    case 'triangular': {
      const at = d.max > d.min ? (d.mode - d.min) / (d.max - d.min) : 0.5;
      return { kind: 'triangular', min: lo, mode: lo + at * (hi - lo), max: hi };
    }
    default:
      return undefined;
  }
}

/** What is wrong with a range for assumption `id`, or undefined when it can be used. */
export function rangeProblem(id: string, lo: number, hi: number): string | undefined {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return `${id}: the range needs two numbers`;
  if (!(lo < hi)) return `${id}: the range's low end (${lo}) must be below its high end (${hi})`;
  return undefined;
}

/**
 * The scenario with the given assumptions drawn from their new ranges. Every problem at once
 * (an unknown assumption, a bad range, one without a range to move) is thrown as one message.
 */
export function withRanges(scenario: Scenario, ranges: Ranges): Scenario {
  const ids = Object.keys(ranges);
  if (ids.length === 0) return scenario;
  const record = scenario.record;
  const problems: string[] = [];
  const known = new Set((record?.assumptions ?? []).map((a) => a.id));
  for (const id of ids) if (!known.has(id)) problems.push(`${id}: no such assumption`);
  const assumptions = (record?.assumptions ?? []).map((a) => {
    const r = ranges[a.id];
    if (!r) return a;
    const [lo, hi] = r;
    const bad = rangeProblem(a.id, lo, hi);
    if (bad) {
      problems.push(bad);
      return a;
    }
    const distribution = rerange(a.distribution, lo, hi);
    if (!distribution) {
      problems.push(`${a.id}: a ${a.distribution.kind} assumption has no range to move`);
      return a;
    }
    return { ...a, distribution, value: Math.min(hi, Math.max(lo, a.value)) };
  });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return { ...scenario, record: { ...(record as NonNullable<Scenario['record']>), assumptions } };
}
