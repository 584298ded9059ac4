import type { Scenario } from '../model/scenario.js';
import { describeKnowledge } from '../record/knowledge.js';
import type { DraftBrief } from './build.js';
import { describeRule } from './verdict.js';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
const fmtValue = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);

/**
 * The brief's lines on one draft: how much of it the source gives, acceptance over the draws
 * under the completion rule and over every completion (worst–best), the rule used at the
 * central assumptions and the values it filled in, and each party's utility range there.
 */
export function draftLines(scenario: Scenario, d: DraftBrief, names: readonly string[]): string[] {
  const record = scenario.record?.drafts.find((x) => x.name === d.name);
  const modelled = (record?.points ?? []).filter((p) => p.modelled === true);
  const probs = names
    .map((n) => {
      const r = d.pAcceptRange[n];
      const range = r && r[0] !== r[1] ? ` [${pct(r[0])}–${pct(r[1])}]` : '';
      return `${n} ${pct(d.pAccept[n] ?? Number.NaN)}${range}`;
    })
    .join(', ');
  const open = d.central.open.length;
  const head = `${d.name} (${describeKnowledge(d.knowledge)}; ${open} of ${open + Object.keys(d.central.fixed).length} issues left open): all accept in ${pct(d.pAll)} ± ${(d.stdErrors.pAll * 100).toFixed(1)} of draws; each party ${probs}${open > 0 ? ' — in brackets, under its worst and its best completion of the open issues' : ''}.`;
  const lines = [head];
  if (modelled.length > 0)
    lines.push(
      `${d.name}: modelled, not in the source — ${modelled
        .map(
          (p) =>
            `${p.title.replace(/\s*\(modelled\)$/, '')} (${Object.entries(p.sets ?? {})
              .map(([i, v]) => `${i} = ${fmtValue(v)}`)
              .join(', ')})`,
        )
        .join('; ')}; every answer on this draft rests on it.`,
    );
  if (open > 0) {
    const filled = Object.entries(d.central.completion)
      .map(([i, v]) => `${i} = ${fmtValue(v)}`)
      .join(', ');
    const who = d.central.parties
      .map((p) => {
        const b = d.bounds[p.party];
        const range = b?.utility
          ? ` (${b.utility[0].toFixed(2)}–${b.utility[1].toFixed(2)} over completions; accepts in ${b.acceptsWorst ? 'all' : b.acceptsBest ? 'some' : 'none'})`
          : '';
        return `${p.party} ${p.utility.toFixed(2)}${p.accepts ? '' : ' ✗'}${range}`;
      })
      .join(', ');
    lines.push(
      `${d.name} at the central assumptions, filled in by ${describeRule(d.central.rule)}${d.central.rule === 'fewest-red-lines' ? `, crossing ${d.central.redLinesCrossed.map((r) => r.redLine).join(', ')}` : ''}: ${filled}. Utility ${who}; ✗ = rejects this completion. Over the draws the completion had to cross a red line in ${pct(d.pFewestRedLines)}.`,
    );
  } else {
    const who = d.central.parties
      .map((p) => `${p.party} ${p.utility.toFixed(2)}${p.accepts ? '' : ' ✗'}`)
      .join(', ');
    lines.push(`${d.name} at the central assumptions: ${who} (✗ = rejects).`);
  }
  return lines;
}
