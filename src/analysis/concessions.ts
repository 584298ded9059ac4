import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { Draft } from '../record/types.js';
import { type SearchModel, searchModel } from './additive-plan.js';
import {
  type ConcessionContext,
  describe,
  dropConcession,
  fmt,
  moveConcession,
  reservationConcession,
} from './concession-changes.js';
import {
  bestFor,
  boundChains,
  type Concession,
  firstOpening,
  opens,
  withRedLine,
  withReservation,
} from './concession-moves.js';
import { type ConcessionPair, smallestPairs } from './concessions-pairs.js';
import { draftFixed } from './draft-evaluation.js';
import { fewestCrossings } from './fewest-crossings.js';
import { type AnalysisProblem, prepareProblem } from './problem.js';

export type { Concession } from './concession-moves.js';
export type { ConcessionPair } from './concessions-pairs.js';

export interface ConcessionOptions {
  /** A draft (or its name in the record): open a zone among its completions, so every party accepts it. Default none. */
  readonly draft?: Draft | string;
  /** Most pairs reported (pairs are looked for only when no single change suffices); default 10. */
  readonly pairs?: number;
}

export const CONCESSION_DEFAULTS = { pairs: 10 } as const;

/** A red line, by party and id. */
export interface RedLineRef {
  readonly party: string;
  readonly redLine: string;
}

/** One change on its own. */
export interface SingleConcession {
  readonly change: Concession;
  /** Whether it opens a zone alone. */
  readonly suffices: boolean;
  /** When it does not: each minimal set of red lines that would also have to go (any one set does). */
  readonly stillBlocking: readonly (readonly RedLineRef[])[];
  /** When it does not, and dropping every red line would not either: the reservations block. */
  readonly reservationsBlock: boolean;
  readonly text: string;
}

/** The smallest changes that would open an agreement zone (see {@link minimalConcessions}). */
export interface Concessions {
  /** Whether a zone exists already (then nothing else is computed). */
  readonly zoneExists: boolean;
  readonly draft?: string;
  /** Minimal sets of red lines whose dropping alone opens a zone (empty when only reservations block). */
  readonly blocking: readonly (readonly RedLineRef[])[];
  /** Every single change, the sufficient ones first, each group by size. */
  readonly singles: readonly SingleConcession[];
  /** When no single change suffices: the smallest pairs, by total size. */
  readonly pairs: readonly ConcessionPair[];
}

/** Each minimal set of red lines whose dropping opens a zone in `model`; undefined when none does. */
export function blockingSets(ctx: ConcessionContext, model: SearchModel): RedLineRef[][] | undefined {
  const found = fewestCrossings(model, { fixed: ctx.fixed, objective: { kind: 'exists' } });
  return found?.sets.map((s) =>
    s.crossed.map((i) => {
      const r = ctx.problem.redLines[i] as AnalysisProblem['redLines'][number];
      return { party: (ctx.problem.parties[r.party] as { name: string }).name, redLine: r.id };
    }),
  );
}

/**
 * When no agreement zone exists (with `draft`: when no completion of the draft suits every
 * party, i.e. some party rejects it), the smallest changes that would open one, each alone:
 * dropping a red line; moving a one-issue red line's bound to the nearest grid value that opens
 * a zone (in the units); lowering a party's reservation by the least amount (exactly:
 * to the best utility it can get while everyone else keeps their constraints). Each says
 * whether it suffices alone and, if not, which red lines still block. When no single change
 * suffices, the smallest pairs. Sizes (see {@link Concession}) make them comparable. Exact
 * (branch and bound on additive utilities; `not-additive` otherwise) and deterministic.
 *
 * @example
 * const c = minimalConcessions(scenario);
 * c.singles[0].text; // 'Russia accepts armed forces cap as high as 800,000 (red line ru-cap: above 760,000 → 800,000)'
 */
export function minimalConcessions(scenario: Scenario, options: ConcessionOptions = {}): Concessions {
  const problem = prepareProblem(scenario);
  if (!problem.additive)
    throw new ConcordError('not-additive', 'minimal concessions need linear-additive utilities');
  const model = searchModel(problem);
  let draft: Draft | undefined;
  if (typeof options.draft === 'string') {
    const name = options.draft;
    draft = scenario.record?.drafts.find((d) => d.name === name);
    if (!draft) throw new ConcordError('unknown-draft', `no draft "${name}"`);
  } else draft = options.draft;
  const fixed = draft ? draftFixed(problem.space, draft) : problem.space.sizes.map(() => -1);
  const head = { ...(draft ? { draft: draft.name } : {}) };
  if (opens(model, fixed)) return { zoneExists: true, ...head, blocking: [], singles: [], pairs: [] };
  const ranges = problem.parties.map((p): readonly [number, number] => {
    let lo = 0;
    let hi = 0;
    (p.tables as readonly Float64Array[]).forEach((t, i) => {
      const v = fixed[i] as number;
      lo += v >= 0 ? (t[v] as number) : Math.min(...t);
      hi += v >= 0 ? (t[v] as number) : Math.max(...t);
    });
    return [lo, hi];
  });
  const ctx: ConcessionContext = {
    scenario,
    problem,
    model,
    fixed,
    chains: boundChains(scenario, problem.space, model),
    ranges,
  };
  const singles: SingleConcession[] = [];
  const add = (change: Concession, changed: SearchModel, suffices: boolean): void => {
    const blocking = suffices ? [] : blockingSets(ctx, changed);
    const still = blocking ?? [];
    const blockers =
      still.length > 0
        ? `${still.map((set) => set.map((r) => r.redLine).join(' + ')).join(' or ')} still block`
        : 'the reservations still block';
    const text = suffices
      ? describe(ctx, change)
      : change.kind === 'lower-reservation'
        ? `even if ${change.party} lowers its reservation to its lowest possible utility, ${fmt(change.to)}, ${blockers}`
        : `${describe(ctx, change)}: not enough alone, ${blockers}`;
    singles.push({
      change,
      suffices,
      stillBlocking: still,
      reservationsBlock: !suffices && blocking === undefined,
      text,
    });
  };
  for (const chain of ctx.chains) {
    const at = (i: number) => withRedLine(model, chain.redLine, chain.moves[i]?.line);
    const i = firstOpening(chain.moves.length, (j) => opens(at(j), fixed));
    if (i >= 0) add(moveConcession(ctx, chain, i), at(i), true);
  }
  model.redLines.forEach((_, idx) => {
    const changed = withRedLine(model, idx, undefined);
    add(dropConcession(ctx, idx), changed, opens(changed, fixed));
  });
  problem.parties.forEach((p, idx) => {
    const best = bestFor(model, fixed, idx);
    if (best !== undefined) {
      add(reservationConcession(ctx, idx, best), withReservation(model, idx, best), true);
      return;
    }
    const lo = (ranges[idx] as readonly [number, number])[0];
    if (p.reservation > lo)
      add(reservationConcession(ctx, idx, lo), withReservation(model, idx, Number.NEGATIVE_INFINITY), false);
  });
  const kindOrder = { 'move-bound': 0, 'lower-reservation': 1, 'drop-red-line': 2 } as const;
  singles.sort(
    (a, b) =>
      Number(b.suffices) - Number(a.suffices) ||
      a.change.size - b.change.size ||
      kindOrder[a.change.kind] - kindOrder[b.change.kind],
  );
  const pairs = singles.some((s) => s.suffices)
    ? []
    : smallestPairs(ctx, options.pairs ?? CONCESSION_DEFAULTS.pairs);
  return { zoneExists: false, ...head, blocking: blockingSets(ctx, model) ?? [], singles, pairs };
}
