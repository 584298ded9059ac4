import type { Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { OwnPreferences } from './types.js';

/** Random crossovers a shuttle mediator weighs besides the per-issue median. */
const CROSSOVERS = 31;

/** Per issue: 1/(size − 1) for numeric issues, -1 for discrete ones (any difference counts 1). */
const scales = new WeakMap<OutcomeSpace, Float64Array>();
function scaleOf(space: OutcomeSpace): Float64Array {
  let s = scales.get(space);
  if (!s) {
    s = Float64Array.from(space.sizes, (size, i) =>
      space.issues[i]?.kind === 'discrete' || size < 2 ? -1 : 1 / (size - 1),
    );
    scales.set(space, s);
  }
  return s;
}

/**
 * Distance between two outcomes as a mediator without utilities sees it: per issue 0 or 1 for
 * discrete values, |a − b| / (size − 1) for numeric ones, summed.
 */
export function outcomeDistance(space: OutcomeSpace, a: Outcome, b: Outcome): number {
  return distance(scaleOf(space), a, b);
}

function distance(scale: Float64Array, a: Outcome, b: Outcome): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === y) continue;
    const f = scale[i] as number;
    d += f < 0 ? 1 : Math.abs(x - y) * f;
  }
  return d;
}

/** Per issue: the median of numeric values, the most frequent discrete value (ties drawn). */
function medianOutcome(space: OutcomeSpace, positions: readonly Outcome[], rng: Rng): number[] {
  const k = space.sizes.length;
  const n = positions.length;
  const out = new Array<number>(k);
  const vs = new Array<number>(n);
  for (let i = 0; i < k; i++) {
    for (let p = 0; p < n; p++) vs[p] = (positions[p] as Outcome)[i] as number;
    vs.sort((a, b) => a - b);
    if (space.issues[i]?.kind !== 'discrete') {
      const lo = vs[(n - 1) >> 1] as number;
      const hi = vs[n >> 1] as number;
      const mid = (lo + hi) / 2;
      out[i] = Number.isInteger(mid) ? mid : rng.int(0, 1) === 0 ? Math.floor(mid) : Math.ceil(mid);
      continue;
    }
    // Sorted values: runs of equal values; keep the longest runs and draw among them.
    let top = 0;
    let tied: number[] = [];
    for (let a = 0; a < n; ) {
      let b = a;
      while (b < n && vs[b] === vs[a]) b++;
      if (b - a > top) {
        top = b - a;
        tied = [vs[a] as number];
      } else if (b - a === top) tied.push(vs[a] as number);
      a = b;
    }
    out[i] = tied.length === 1 ? (tied[0] as number) : (tied[rng.int(0, tied.length - 1)] as number);
  }
  return out;
}

/**
 * The mediator's proposal from the positions it has heard (each party's latest counter-proposal
 * or opening). Candidates: the per-issue median and random crossovers of the positions, keeping
 * those `admissible` (crossing no declared red line) when there are any. Among the most balanced
 * (largest distance to a position within half an issue of the smallest), a neutral mediator picks
 * the most balanced (then the smallest total distance); a mediator with preferences its favourite.
 */
export function compromise(
  space: OutcomeSpace,
  positions: readonly Outcome[],
  rng: Rng,
  mediator?: OwnPreferences,
  admissible?: (o: Outcome) => boolean,
): Outcome {
  const k = space.sizes.length;
  const n = positions.length;
  const all: Outcome[] = [medianOutcome(space, positions, rng)];
  for (let c = 0; c < CROSSOVERS; c++) {
    const o = new Array<number>(k);
    for (let i = 0; i < k; i++) o[i] = (positions[n === 1 ? 0 : rng.int(0, n - 1)] as Outcome)[i] as number;
    all.push(o);
  }
  let candidates: Outcome[] = [];
  for (const c of all)
    if ((!admissible || admissible(c)) && (!mediator || mediator.permits(c))) candidates.push(c);
  if (candidates.length === 0) candidates = all;
  const scale = scaleOf(space);
  const worst = new Float64Array(candidates.length);
  const total = new Float64Array(candidates.length);
  let fairest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < candidates.length; c++) {
    let w = 0;
    let t = 0;
    for (let p = 0; p < n; p++) {
      const d = distance(scale, candidates[c] as Outcome, positions[p] as Outcome);
      t += d;
      if (d > w) w = d;
    }
    worst[c] = w;
    total[c] = t;
    if (w < fairest) fairest = w;
  }
  // Balance first: only candidates within half an issue of the most balanced one; among them a
  // mediator with preferences takes its favourite, a neutral one the most balanced.
  let best = 0;
  let bestU = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < candidates.length; c++) {
    const w = worst[c] as number;
    if (w > fairest + 0.5) continue;
    const u = mediator ? mediator.utility(candidates[c] as Outcome) : 0;
    const b = best;
    if (
      bestU === Number.NEGATIVE_INFINITY ||
      u > bestU ||
      (u === bestU &&
        (w < (worst[b] as number) || (w === worst[b] && (total[c] as number) < (total[b] as number))))
    ) {
      best = c;
      bestU = u;
    }
  }
  return Object.freeze(Array.from(candidates[best] as Outcome));
}

/**
 * The single-issue neighbours of a text, addressed by one number j in [0, Σ sizes): issue i and
 * value v with `offsets[i] + v = j` (the text's own value is not a neighbour).
 */
export class Neighbourhood {
  readonly size: number;
  readonly #offsets: Int32Array;
  readonly #space: OutcomeSpace;

  constructor(space: OutcomeSpace) {
    this.#space = space;
    this.#offsets = new Int32Array(space.sizes.length + 1);
    for (let i = 0; i < space.sizes.length; i++) {
      this.#offsets[i + 1] = (this.#offsets[i] as number) + (space.sizes[i] as number);
    }
    this.size = this.#offsets[space.sizes.length] as number;
  }

  /** The neighbour j of `text`, or undefined when j is the text's own value. */
  apply(text: Outcome, j: number): Outcome | undefined {
    const offs = this.#offsets;
    let lo = 0;
    let hi = this.#space.sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offs[mid] as number) <= j) lo = mid;
      else hi = mid - 1;
    }
    const v = j - (offs[lo] as number);
    if (text[lo] === v) return undefined;
    const o = Array.from(text);
    o[lo] = v;
    return Object.freeze(o);
  }

  /** A random permutation of all neighbour numbers. */
  shuffled(rng: Rng): Int32Array {
    const p = new Int32Array(this.size);
    for (let i = 0; i < p.length; i++) p[i] = i;
    for (let i = p.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const t = p[i] as number;
      p[i] = p[j] as number;
      p[j] = t;
    }
    return p;
  }
}
