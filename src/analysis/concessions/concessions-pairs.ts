import { SPACE_CONSTRAINT } from '../../preferences/problem.js';
import type { SearchModel } from '../search/additive-plan.js';
import { makePlan } from '../search/additive-plan.js';
import { search } from '../search/additive-search.js';
import {
  type ConcessionContext,
  dropConcession,
  moveConcession,
  reservationConcession,
} from './concession-changes.js';
import {
  type BoundChain,
  bestFor,
  type Concession,
  firstOpening,
  opens,
  withRedLine,
} from './concession-moves.js';

/** Two changes that open a zone together (neither alone does). */
export interface ConcessionPair {
  readonly changes: readonly [Concession, Concession];
  /** Sum of the two sizes. */
  readonly size: number;
}

/** Something that can give way: a bound (a chain of moves), a whole red line, or a reservation. */
type Lever =
  | { readonly kind: 'bound'; readonly chain: BoundChain }
  | { readonly kind: 'drop'; readonly redLine: number }
  | { readonly kind: 'reservation'; readonly party: number };

/** Number of settings of a red-line lever, smallest first. */
const settings = (l: Lever): number => (l.kind === 'bound' ? l.chain.moves.length : 1);

function apply(model: SearchModel, l: Lever, i: number): SearchModel {
  if (l.kind === 'bound') return withRedLine(model, l.chain.redLine, l.chain.moves[i]?.line);
  if (l.kind === 'drop') return withRedLine(model, l.redLine, undefined);
  return model;
}

function concession(ctx: ConcessionContext, l: Lever, i: number): Concession {
  if (l.kind === 'bound') return moveConcession(ctx, l.chain, i);
  if (l.kind === 'drop') return dropConcession(ctx, l.redLine);
  throw new Error('a reservation has no fixed setting');
}

const redLineOf = (l: Lever): number =>
  l.kind === 'bound' ? l.chain.redLine : l.kind === 'drop' ? l.redLine : -1;

/**
 * The smallest pairs of changes that open a zone together, exactly: for two red-line levers,
 * every setting of the first with the least setting of the second that then opens (binary
 * search along its moves); for a red-line lever and a reservation, the least lowering after
 * each setting; for two reservations, the cheapest joint lowering (one search).
 */
export function smallestPairs(ctx: ConcessionContext, limit: number): ConcessionPair[] {
  const { model, fixed } = ctx;
  const levers: Lever[] = [
    ...ctx.chains.map((chain): Lever => ({ kind: 'bound', chain })),
    ...model.redLines.flatMap((r, redLine): Lever[] =>
      r.party === SPACE_CONSTRAINT ? [] : [{ kind: 'drop', redLine }],
    ),
    ...ctx.problem.parties.map((_, party): Lever => ({ kind: 'reservation', party })),
  ];
  const found: ConcessionPair[] = [];
  const push = (a: Concession, b: Concession): void => {
    found.push({ changes: [a, b], size: a.size + b.size });
  };
  for (let x = 0; x < levers.length; x++)
    for (let y = x + 1; y < levers.length; y++) {
      const a = levers[x] as Lever;
      const b = levers[y] as Lever;
      if (a.kind !== 'reservation' && redLineOf(a) === redLineOf(b)) continue;
      if (a.kind === 'reservation' && b.kind === 'reservation') {
        const pair = twoReservations(ctx, a.party, b.party);
        if (pair) push(pair[0], pair[1]);
        continue;
      }
      if (b.kind === 'reservation') {
        let best: [Concession, Concession] | undefined;
        for (let i = 0; i < settings(a); i++) {
          const ca = concession(ctx, a, i);
          if (best && ca.size >= best[0].size + best[1].size) break;
          const u = bestFor(apply(model, a, i), fixed, b.party);
          if (u === undefined) continue;
          const cb = reservationConcession(ctx, b.party, u);
          if (!best || ca.size + cb.size < best[0].size + best[1].size) best = [ca, cb];
        }
        if (best) push(best[0], best[1]);
        continue;
      }
      let best: [Concession, Concession] | undefined;
      for (let i = 0; i < settings(a); i++) {
        const ca = concession(ctx, a, i);
        const first = concession(ctx, b, 0);
        if (best && ca.size + first.size >= best[0].size + best[1].size) break;
        const withA = apply(model, a, i);
        const j = firstOpening(settings(b), (t) => opens(apply(withA, b, t), fixed));
        if (j < 0) continue;
        const cb = concession(ctx, b, j);
        if (!best || ca.size + cb.size < best[0].size + best[1].size) best = [ca, cb];
      }
      if (best) push(best[0], best[1]);
    }
  found.sort((p, q) => p.size - q.size);
  return found.slice(0, limit);
}

/** The cheapest joint lowering of two reservations (sizes summed), or undefined when none opens a zone. */
function twoReservations(ctx: ConcessionContext, p: number, q: number): [Concession, Concession] | undefined {
  const scale = ctx.ranges.map(([lo, hi], i) => (i === p || i === q ? 1 / Math.max(hi - lo, 1e-12) : 0));
  const r = search(makePlan(ctx.model, { fixed: ctx.fixed }), { kind: 'shortfall', scale });
  if (!r) return undefined;
  const to = (i: number) => Math.min(ctx.model.reservations[i] as number, r.utilities[i] as number);
  return [reservationConcession(ctx, p, to(p)), reservationConcession(ctx, q, to(q))];
}
