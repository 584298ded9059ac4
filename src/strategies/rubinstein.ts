import type { Negotiator, NegotiatorFactory, NegotiatorView } from '../protocols/index.js';

/**
 * The subgame-perfect strategy of alternating offers over a divisible pie (Rubinstein 1982), found
 * by backward induction over the turns left. It assumes the pie is zero-sum (the other party gets
 * what it gives up, in normalised utility) and that the other party discounts by `opponentDiscount`
 * (same semantics as `Party.discountFactor`: per unit of normalised time; default its own).
 *
 * With T turns, per-turn factors δ = D^(1/T): the proposer at the last turn but one takes the
 * whole pie; earlier, the proposer's share is `x_k = 1 − δ_next · x_{k+1}`, which approaches
 * `(1 − δ₂)/(1 − δ₁δ₂)` for the first mover as T grows. It accepts an offer worth at least what
 * proposing next turn would bring after one turn of discounting (less `tolerance`, for grids).
 */
export function rubinsteinNegotiator(params: {
  readonly opponentDiscount?: number;
  readonly tolerance?: number;
}): NegotiatorFactory {
  const tol = params.tolerance ?? 0.01;
  return ({ me, self }): Negotiator => {
    const range = me.max - me.min;
    const share = (u: number) => (range > 0 ? (u - me.min) / range : 1);
    const utilityOf = (x: number) => me.min + x * range;
    const dOwn = me.discount;
    const dOther = params.opponentDiscount ?? dOwn;
    let shares: Float64Array | undefined;
    let perTurnOwn = dOwn;
    /** My share when I propose at `turn` (and it is accepted next turn). */
    const shareAt = (view: NegotiatorView): number => {
      const T = view.totalTurns;
      if (T === undefined) return (1 - dOther) / (1 - dOwn * dOther);
      if (!shares) {
        const n = view.parties.length;
        perTurnOwn = dOwn ** (1 / T);
        const perTurnOther = dOther ** (1 / T);
        shares = new Float64Array(T + 1);
        for (let k = T - 2; k >= 0; k--) {
          const responderIsMe = (k + 1) % n === self;
          shares[k] = 1 - (responderIsMe ? perTurnOwn : perTurnOther) * (shares[k + 1] as number);
        }
      }
      return shares[Math.min(view.turn, shares.length - 1)] as number;
    };
    return {
      propose: (view) => me.atLeast(utilityOf(shareAt(view))),
      respond(view, offer) {
        const u = me.utility(offer);
        if (!(u >= me.reservation) || !me.permits(offer)) return 'reject';
        const next = shareAt(view);
        const wait = view.totalTurns === undefined ? dOwn : perTurnOwn;
        return share(u) >= wait * next - tol ? 'accept' : 'reject';
      },
    };
  };
}
