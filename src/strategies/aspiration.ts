/**
 * GENIUS's time-dependent target utility (Faratin et al.; `TimeDependentAgent`):
 * `p(t) = min + (max − min) · (1 − f(t))` with `f(t) = k + (1 − k) · t^(1/e)`.
 * `e < 1` concedes late (Boulware, GENIUS uses 0.2), `e = 1` linearly, `e > 1` early (Conceder,
 * GENIUS uses 2); `e = 0` never concedes (Hardliner). NegMAS's aspiration exponent is 1/e.
 *
 * @example
 * aspiration(0.5, { e: 1, k: 0, min: 0.2, max: 1 }); // 0.6
 */
export function aspiration(
  t: number,
  p: { readonly e: number; readonly k: number; readonly min: number; readonly max: number },
): number {
  if (p.e === 0) return p.max;
  const f = p.k + (1 - p.k) * (t <= 0 ? 0 : t >= 1 ? 1 : t ** (1 / p.e));
  return p.min + (p.max - p.min) * (1 - f);
}

/** The lowest target a negotiator concedes to: its reservation value, within its range. */
export function floorOf(me: {
  readonly reservation: number;
  readonly min: number;
  readonly max: number;
}): number {
  return Math.min(me.max, Math.max(me.reservation, me.min));
}
