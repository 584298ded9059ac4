import { ConcordError } from '../core/errors.js';
import type { Condition, IssueCondition, RedLine } from '../preferences/red-line.js';
import type { LinearAdditiveUtility } from '../preferences/utility.js';
import type { Party } from './party.js';
import type { Scenario } from './scenario.js';

/**
 * Numeric parameters of a scenario, addressed by a path, so assumptions, levers and sensitivity
 * analysis can change them without knowing the model's shape:
 *
 * - `<party>.reservation` — the walk-away utility;
 * - `<party>.weights.<issue>` — an issue weight, as a share of the party's total weight (the other
 *   weights are scaled so the total stays the same);
 * - `<party>.values.<issue>.<option>` — a score in a discrete issue's table;
 * - `<party>.redLines.<id>.active` — 1 keeps the red line, 0 drops it (true red lines are private);
 * - `<party>.redLines.<id>.<below|above|atMost|atLeast>` — the bound of a one-issue red line.
 *
 * Party, issue and option names may contain dots; the longest known name wins.
 */
export type ParameterPath = string;

export type ParameterTarget =
  | { readonly kind: 'reservation'; readonly party: number }
  | { readonly kind: 'weight'; readonly party: number; readonly issue: number }
  | { readonly kind: 'value'; readonly party: number; readonly issue: number; readonly option: number }
  | { readonly kind: 'red-line-active'; readonly party: number; readonly redLine: number }
  | {
      readonly kind: 'red-line-bound';
      readonly party: number;
      readonly redLine: number;
      readonly bound: 'below' | 'above' | 'atMost' | 'atLeast';
    };

/** Longest name in `names` that `text` starts with, followed by `.` or the end. */
function matchName(text: string, names: readonly string[]): { index: number; rest: string } | undefined {
  let best: { index: number; rest: string } | undefined;
  let bestLen = -1;
  names.forEach((n, index) => {
    if ((text === n || text.startsWith(`${n}.`)) && n.length > bestLen) {
      best = { index, rest: text.slice(n.length + 1) };
      bestLen = n.length;
    }
  });
  return best;
}

/**
 * Resolves a parameter path against a scenario; returns an error message (saying what is
 * allowed) when it does not name a parameter.
 */
export function resolveParameter(scenario: Scenario, path: ParameterPath): ParameterTarget | string {
  const partyNames = scenario.parties.map((p) => p.name);
  const pm = matchName(path, partyNames);
  if (!pm) return `"${path}" must start with a party name (${partyNames.join(', ')})`;
  const party = scenario.parties[pm.index] as Party;
  const rest = pm.rest;
  if (rest === 'reservation') return { kind: 'reservation', party: pm.index };
  const issueNames = scenario.issues.map((i) => i.name);
  if (rest.startsWith('weights.') || rest.startsWith('values.')) {
    const isWeight = rest.startsWith('weights.');
    if (party.utility.kind !== 'linear-additive')
      return `${party.name} has no weights or value tables (not linear-additive)`;
    const im = matchName(rest.slice(isWeight ? 8 : 7), issueNames);
    if (!im) return `"${path}": unknown issue (issues: ${issueNames.join(', ')})`;
    if (isWeight)
      return im.rest === ''
        ? { kind: 'weight', party: pm.index, issue: im.index }
        : `"${path}": nothing after the issue name of a weight`;
    const issue = scenario.issues[im.index];
    const fn = party.utility.values[im.index];
    if (issue?.kind !== 'discrete' || fn?.kind !== 'table')
      return `"${path}": ${issue?.name} is not scored by a table of options`;
    const option = issue.values.indexOf(im.rest);
    if (option < 0)
      return `"${path}": ${issue.name} has no option "${im.rest}" (options: ${issue.values.join(', ')})`;
    return { kind: 'value', party: pm.index, issue: im.index, option };
  }
  if (rest.startsWith('redLines.')) {
    const ids = party.redLines.map((r) => r.id);
    const rm = matchName(rest.slice(9), ids);
    if (!rm) return `"${path}": ${party.name} has no such red line (red lines: ${ids.join(', ') || 'none'})`;
    if (rm.rest === 'active') return { kind: 'red-line-active', party: pm.index, redLine: rm.index };
    if (rm.rest === 'below' || rm.rest === 'above' || rm.rest === 'atMost' || rm.rest === 'atLeast') {
      const forbid = (party.redLines[rm.index] as RedLine).forbid;
      if (!('issue' in forbid) || forbid[rm.rest] === undefined)
        return `"${path}": red line ${ids[rm.index]} has no "${rm.rest}" bound on one issue`;
      return { kind: 'red-line-bound', party: pm.index, redLine: rm.index, bound: rm.rest };
    }
    return `"${path}": a red line parameter is .active or .below/.above/.atMost/.atLeast`;
  }
  return `"${path}": after the party name comes reservation, weights.<issue>, values.<issue>.<option> or redLines.<id>.<field>`;
}

/** The current value of a parameter. */
export function getParameter(scenario: Scenario, target: ParameterTarget): number {
  const party = scenario.parties[target.party] as Party;
  switch (target.kind) {
    case 'reservation':
      return party.reservationValue;
    case 'weight':
      return (party.utility as LinearAdditiveUtility).weights[target.issue] as number;
    case 'value': {
      const fn = (party.utility as LinearAdditiveUtility).values[target.issue];
      return fn?.kind === 'table' ? (fn.values[target.option] as number) : Number.NaN;
    }
    case 'red-line-active':
      return 1;
    case 'red-line-bound':
      return ((party.redLines[target.redLine] as RedLine).forbid as IssueCondition)[target.bound] as number;
  }
}

/**
 * Sets weight `issue` to `x` (clamped to [0, total]) and scales the other weights so the total
 * stays the same: the semantics of a `<party>.weights.<issue>` parameter.
 */
export function setWeightInPlace(weights: number[], issue: number, x: number): void {
  let sum = 0;
  for (const v of weights) sum += v;
  const old = weights[issue] as number;
  const w = Math.min(Math.max(0, x), sum);
  const rest = sum - old;
  const scale = rest > 0 ? (sum - w) / rest : 0;
  for (let i = 0; i < weights.length; i++) weights[i] = i === issue ? w : (weights[i] as number) * scale;
}

function setInParty(party: Party, target: ParameterTarget, x: number): Party {
  switch (target.kind) {
    case 'reservation':
      return { ...party, reservationValue: x };
    case 'weight': {
      const u = party.utility as LinearAdditiveUtility;
      const weights = u.weights.slice();
      setWeightInPlace(weights, target.issue, x);
      return { ...party, utility: { ...u, weights } };
    }
    case 'value': {
      const u = party.utility as LinearAdditiveUtility;
      const values = u.values.map((fn, i) =>
        i === target.issue && fn.kind === 'table'
          ? { ...fn, values: fn.values.map((v, k) => (k === target.option ? x : v)) }
          : fn,
      );
      return { ...party, utility: { ...u, values } };
    }
    case 'red-line-active':
      // Dropping happens in applyParameters (indices must stay stable while setting several).
      return party;
    case 'red-line-bound': {
      const redLines = party.redLines.map((r, i) =>
        i === target.redLine
          ? { ...r, forbid: { ...(r.forbid as IssueCondition), [target.bound]: x } as Condition }
          : r,
      );
      return { ...party, redLines };
    }
  }
}

/**
 * A copy of the scenario with parameters set (paths as in {@link ParameterPath}). Throws
 * {@link ConcordError} `unknown-parameter` for a path that names nothing (validate user input
 * with {@link resolveParameter} first).
 *
 * @example
 * applyParameters(s, { 'Russia.reservation': 0.55, 'Ukraine.redLines.ua-crimea.active': 0 });
 */
export function applyParameters(
  scenario: Scenario,
  values: Readonly<Record<ParameterPath, number>>,
): Scenario {
  const targets = Object.entries(values).map(([path, x]) => {
    const t = resolveParameter(scenario, path);
    if (typeof t === 'string') throw new ConcordError('unknown-parameter', t);
    return [t, x] as const;
  });
  return applyTargets(scenario, targets);
}

/** Like {@link applyParameters} with pre-resolved targets (the fast path for Monte Carlo). */
export function applyTargets(
  scenario: Scenario,
  targets: readonly (readonly [ParameterTarget, number])[],
): Scenario {
  if (targets.length === 0) return scenario;
  const parties = [...scenario.parties];
  const dropped = new Set<string>();
  for (const [t, x] of targets) {
    parties[t.party] = setInParty(parties[t.party] as Party, t, x);
    if (t.kind === 'red-line-active' && x < 0.5) dropped.add(`${t.party}:${t.redLine}`);
  }
  const final = dropped.size
    ? parties.map((p, pi) => ({ ...p, redLines: p.redLines.filter((_, ri) => !dropped.has(`${pi}:${ri}`)) }))
    : parties;
  return { ...scenario, parties: final };
}
