import type { Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { OwnPreferences } from './own-preferences.js';

/** Random crossovers a shuttle mediator weighs besides the per-issue median. */
const CROSSOVERS = 31;

/**
 * Distance between two outcomes as a mediator without utilities sees it: per issue 0 or 1 for
 * discrete values, |a − b| / (size − 1) for numeric ones, summed.
 */
export function outcomeDistance(space: OutcomeSpace, a: Outcome, b: Outcome): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === y) continue;
    const issue = space.issues[i];
    const size = space.sizes[i] as number;
    d += issue?.kind === 'discrete' || size < 2 ? 1 : Math.abs(x - y) / (size - 1);
  }
  return d;
}

/** Per issue: the median of numeric values, the most frequent discrete value (ties drawn). */
function medianOutcome(space: OutcomeSpace, positions: readonly Outcome[], rng: Rng): number[] {
  return space.issues.map((issue, i) => {
    const vs = positions.map((o) => o[i] as number).sort((a, b) => a - b);
    if (issue.kind !== 'discrete') {
      const lo = vs[(vs.length - 1) >> 1] as number;
      const hi = vs[vs.length >> 1] as number;
      const mid = (lo + hi) / 2;
      return Number.isInteger(mid) ? mid : rng.int(0, 1) === 0 ? Math.floor(mid) : Math.ceil(mid);
    }
    const counts = new Map<number, number>();
    for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const tied = [...counts.keys()].filter((v) => counts.get(v) === top);
    return tied[rng.int(0, tied.length - 1)] as number;
  });
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
  admissible: (o: Outcome) => boolean = () => true,
): Outcome {
  const all: Outcome[] = [medianOutcome(space, positions, rng)];
  for (let c = 0; c < CROSSOVERS; c++) {
    all.push(
      space.issues.map((_, i) => (positions[rng.int(0, positions.length - 1)] as Outcome)[i] as number),
    );
  }
  const allowed = all.filter((c) => admissible(c) && (!mediator || mediator.permits(c)));
  const candidates = allowed.length > 0 ? allowed : all;
  // Balance first: only candidates within half an issue of the most balanced one; among them a
  // mediator with preferences takes its favourite, a neutral one the most balanced.
  const worst = candidates.map((c) => {
    let w = 0;
    let total = 0;
    for (const p of positions) {
      const d = outcomeDistance(space, c, p);
      total += d;
      if (d > w) w = d;
    }
    return [w, total] as const;
  });
  const fairest = Math.min(...worst.map((w) => w[0]));
  let best = candidates[0] as Outcome;
  let bestKey = [Number.NEGATIVE_INFINITY, 0, 0];
  candidates.forEach((c, k) => {
    const [w, total] = worst[k] as readonly [number, number];
    if (w > fairest + 0.5) return;
    const key = [mediator ? mediator.utility(c) : 0, -w, -total];
    if (lexGreater(key, bestKey)) {
      best = c;
      bestKey = key;
    }
  });
  return Object.freeze(Array.from(best));
}

function lexGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) > (b[i] as number)) return true;
    if ((a[i] as number) < (b[i] as number)) return false;
  }
  return false;
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
