import type { Scenario } from '../model/scenario.js';
import { distributionSupport } from '../record/distribution.js';

const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * How the brief may speak of a red line's bound: "stated" only when no assumption samples it
 * (the figure is the source's), otherwise "assumed" with the range it is drawn from.
 */
export function boundWord(scenario: Scenario, party: string, redLine: string, bound: string): string {
  const a = scenario.record?.assumptions.find((x) => x.parameter === `${party}.redLines.${redLine}.${bound}`);
  if (!a) return 'stated';
  const [lo, hi] = distributionSupport(a.distribution);
  return `assumed, drawn ${num(lo)}–${num(hi)}`;
}

/** Whether any of these red lines (by id) has a bound or its reality drawn from an assumption. */
export function anyAssumed(scenario: Scenario, ids: readonly string[]): boolean {
  return (scenario.record?.assumptions ?? []).some((a) =>
    ids.some((id) => a.parameter.includes(`.redLines.${id}.`)),
  );
}
