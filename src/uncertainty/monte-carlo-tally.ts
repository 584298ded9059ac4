import { AcceptanceBounds } from '../analysis/drafts/acceptance-bounds.js';
import { completeDraft, draftFixed } from '../analysis/drafts/draft-evaluation.js';
import { makePlan, type SearchModel } from '../analysis/search/additive-plan.js';
import { type SearchHint, search } from '../analysis/search/additive-search.js';
import { ConcordError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { Scenario } from '../model/scenario.js';
import { SPACE_CONSTRAINT } from '../preferences/problem.js';
import type { LeverSettings } from './levers.js';
import { drawValues, planParameters, slotValues } from './parameter-plan.js';
import { positiveInteger } from './sample.js';
import { SampleModel } from './sample-model.js';

/** What decides every draw of a Monte Carlo run (the options that change results). */
export interface MonteCarloDraws {
  readonly samples?: number;
  readonly seed?: number;
  readonly levers?: LeverSettings;
  readonly overrides?: Readonly<Record<string, number>>;
  readonly drafts?: boolean;
  readonly nashEvery?: number;
  readonly perSample?: boolean;
}

export const MONTE_CARLO_DEFAULTS = { samples: 10_000, seed: 1, drafts: true, nashEvery: 10 } as const;

/** {@link MonteCarloDraws} checked, with every default filled in. */
export interface ResolvedDraws {
  readonly samples: number;
  readonly seed: number;
  readonly levers: LeverSettings;
  readonly overrides: Readonly<Record<string, number>>;
  readonly drafts: boolean;
  readonly every: number;
  readonly perSample: boolean;
}

/** Checks the options (misuse throws `bad-option`) and fills in the defaults. */
export function resolveDraws(options: MonteCarloDraws): ResolvedDraws {
  const samples = positiveInteger('samples', options.samples ?? MONTE_CARLO_DEFAULTS.samples);
  const seed = options.seed ?? MONTE_CARLO_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw new ConcordError('bad-option', `seed must be an integer, got ${seed}`);
  const every = options.nashEvery ?? MONTE_CARLO_DEFAULTS.nashEvery;
  if (!Number.isInteger(every) || every < 0)
    throw new ConcordError('bad-option', `nashEvery must be a non-negative integer, got ${every}`);
  return {
    samples,
    seed,
    levers: options.levers ?? {},
    overrides: options.overrides ?? {},
    drafts: options.drafts ?? MONTE_CARLO_DEFAULTS.drafts,
    every,
    perSample: options.perSample ?? false,
  };
}

/** What one draw gave (with `perSample: true`). */
export interface SampleOutcome {
  /** Assumption id → drawn value. */
  readonly values: Readonly<Record<string, number>>;
  readonly zone: boolean;
  /** Draft name → every party accepts. */
  readonly drafts: Readonly<Record<string, boolean>>;
  /** Value index per issue of the Nash solution, when computed and defined. */
  readonly nash?: readonly number[];
}

/**
 * The raw counts of the draws `from` to `to − 1` of a Monte Carlo run: every number of the result
 * is a function of these, and the tallies of disjoint ranges add up (counts add, Nash utilities
 * concatenate; their summaries sort first), so a run split into chunks anywhere gives the same
 * result, to the last bit, as the run in one piece.
 */
export interface MonteCarloTally {
  readonly from: number;
  readonly to: number;
  readonly zoneHits: number;
  /** Per draft, per party: draws where the party accepts. */
  readonly accept: readonly (readonly number[])[];
  /** Per draft, per party: draws where the party accepts under its best completion of an open draft. */
  readonly acceptBest: readonly (readonly number[])[];
  /** Per draft, per party: draws where the party accepts under its worst completion of an open draft. */
  readonly acceptWorst: readonly (readonly number[])[];
  /** Per draft: draws where the completion rule was fewest-red-lines. */
  readonly fewest: readonly number[];
  /** Per draft: draws where every party accepts. */
  readonly allAccept: readonly number[];
  /**
   * Per assumption a and bin b (0 low, 1 high), at `2a + b`: draws in that bin (see
   * {@link driverBin}); the draft acceptance tornado splits the draws this way.
   */
  readonly driverDraws: readonly number[];
  /** Per draft, at `(2a + b)(k + 1) + p`: draws of that bin where party p accepts (p = k: all do). */
  readonly driverAccept: readonly (readonly number[])[];
  /** Draws the Nash solution was computed on. */
  readonly nashRuns: number;
  /** Per issue, per value: Nash solutions with that value. */
  readonly nashIssue: readonly (readonly number[])[];
  /** Per party: its utility at each defined Nash solution, in draw order. */
  readonly nashUtil: readonly (readonly number[])[];
  readonly perSample?: readonly SampleOutcome[];
}

/** Draws `from` (included) to `to` (excluded). */
export interface DrawRange {
  readonly from: number;
  readonly to: number;
}

/** Adds 1 per party that accepts under its best completion of the draft, and under its worst. */
function countBounds(model: SearchModel, bounds: AcceptanceBounds, best: number[], worst: number[]): void {
  for (let p = 0; p < best.length; p++) {
    const b = bounds.of(model, p);
    if (b.acceptsBest) best[p] = (best[p] as number) + 1;
    if (b.acceptsWorst) worst[p] = (worst[p] as number) + 1;
  }
}

/** Share of a continuous assumption's distribution in each bin of the acceptance tornado. */
export const DRIVER_FIFTH = 0.2;

/**
 * Which bin of the acceptance tornado a draw falls in for one assumption: a bernoulli (a red
 * line real or not) by its value (0: low, 1: high); another by its quantile `u`, the lowest
 * fifth of its distribution low, the highest fifth high, the middle in neither (−1); a pinned
 * or fixed assumption in neither.
 */
export function driverBin(kind: string, pinned: boolean, value: number, u: number): number {
  if (pinned || kind === 'fixed') return -1;
  if (kind === 'bernoulli') return value >= 0.5 ? 1 : 0;
  return u < DRIVER_FIFTH ? 0 : u >= 1 - DRIVER_FIFTH ? 1 : -1;
}

/** The disagreement point of the Nash product: the reservation, or the lowest utility when it is -Infinity. */
function disagreement(model: SearchModel): number[] {
  return model.reservations.map((r, p) => {
    if (Number.isFinite(r)) return r;
    let lo = 0;
    for (const t of model.tables[p] as readonly Float64Array[]) lo += Math.min(...t);
    return lo;
  });
}

/**
 * Tallies the draws of `range` (default all): draw `s` takes the floats `s·n` to `s·n + n − 1` of
 * the stream split from the seed (n assumptions, one float each, in record order), so its
 * randomness depends on the seed and `s` alone and any chunk can be drawn on its own; the Nash
 * solution is computed on draws `s` with `s % nashEvery = 0`, counted from the run's first draw.
 */
export function monteCarloTally(
  scenario: Scenario,
  options: MonteCarloDraws & { readonly onProgress?: (done: number, total: number) => void },
  range?: DrawRange,
): MonteCarloTally {
  const o = resolveDraws(options);
  const from = range?.from ?? 0;
  const to = range?.to ?? o.samples;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > o.samples || from > to)
    throw new ConcordError('bad-option', `draws ${from} to ${to} are not within 0 to ${o.samples}`);
  const plan = planParameters(scenario, { levers: o.levers, overrides: o.overrides });
  const sm = new SampleModel(scenario, plan);
  const { space } = sm;
  const k = scenario.parties.length;
  const drafts = o.drafts
    ? (scenario.record?.drafts ?? []).map((d) => {
        const fixed = draftFixed(space, d);
        return { name: d.name, fixed, open: fixed.some((v) => v < 0), bounds: new AcceptanceBounds(fixed) };
      })
    : [];
  const nA = plan.assumptions.length;
  const stream = createRng(o.seed).split();
  // Skipping ahead costs two generator steps a float: microseconds against a draw's search.
  for (let i = from * nA; i > 0; i--) stream.float();
  const u = new Float64Array(nA);
  const draws = new Float64Array(nA);
  const values = new Float64Array(plan.slots.length);

  // The zone test passes weights and recent answers from draw to draw (a yes/no answer, so
  // only the speed changes, and a chunk may start cold). Drafts and Nash start cold, so that
  // where several completions tie each draw picks the one evaluateDraft picks on the same scenario.
  const zoneHint: SearchHint = { candidates: [] };
  let zoneHits = 0;
  const accept = drafts.map(() => new Array<number>(k).fill(0));
  const acceptBest = drafts.map(() => new Array<number>(k).fill(0));
  const acceptWorst = drafts.map(() => new Array<number>(k).fill(0));
  const fewest = new Array<number>(drafts.length).fill(0);
  const allAccept = new Array<number>(drafts.length).fill(0);
  const kinds = plan.assumptions.map((a) => a.distribution.kind);
  const pinned = plan.assumptions.map((_, a) => !Number.isNaN(plan.pinnedDraws[a] as number));
  const driverDraws = new Array<number>(2 * nA).fill(0);
  const driverAccept = drafts.map(() => new Array<number>(2 * nA * (k + 1)).fill(0));
  const acceptedNow = new Uint8Array(drafts.length * (k + 1));
  let nashRuns = 0;
  const nashIssue = space.sizes.map((s) => new Array<number>(s).fill(0));
  const nashUtil = scenario.parties.map(() => [] as number[]);
  const perSample: SampleOutcome[] | undefined = o.perSample ? [] : undefined;

  for (let s = from; s < to; s++) {
    for (let a = 0; a < nA; a++) u[a] = stream.float();
    drawValues(plan, u, draws);
    slotValues(plan, draws, values);
    const model = sm.model(values);
    const inZone = search(makePlan(model), { kind: 'exists' }, zoneHint) !== undefined;
    if (inZone) zoneHits++;
    const draftAll: Record<string, boolean> = {};
    drafts.forEach((d, j) => {
      const c = completeDraft(model, d.fixed);
      if (c.rule === 'fewest-red-lines') fewest[j] = (fewest[j] as number) + 1;
      if (d.open) countBounds(model, d.bounds, acceptBest[j] as number[], acceptWorst[j] as number[]);
      const crossedBy = new Uint8Array(k);
      for (const r of c.crossed) {
        const owner = (model.redLines[r] as { party: number }).party;
        // A constraint of the space crossed: the draft is impossible, so nobody accepts it.
        if (owner === SPACE_CONSTRAINT) crossedBy.fill(1);
        else crossedBy[owner] = 1;
      }
      let all = true;
      const acc = accept[j] as number[];
      for (let p = 0; p < k; p++) {
        const ok = crossedBy[p] === 0 && (c.utilities[p] as number) >= (model.reservations[p] as number);
        if (ok) acc[p] = (acc[p] as number) + 1;
        else all = false;
        acceptedNow[j * (k + 1) + p] = ok ? 1 : 0;
      }
      acceptedNow[j * (k + 1) + k] = all ? 1 : 0;
      if (all) allAccept[j] = (allAccept[j] as number) + 1;
      draftAll[d.name] = all;
    });
    for (let a = 0; a < nA; a++) {
      const bin = driverBin(kinds[a] as string, pinned[a] as boolean, draws[a] as number, u[a] as number);
      if (bin < 0) continue;
      const cell = 2 * a + bin;
      driverDraws[cell] = (driverDraws[cell] as number) + 1;
      for (let j = 0; j < drafts.length; j++) {
        const counts = driverAccept[j] as number[];
        for (let p = 0; p <= k; p++)
          if (acceptedNow[j * (k + 1) + p] === 1)
            counts[cell * (k + 1) + p] = (counts[cell * (k + 1) + p] as number) + 1;
      }
    }
    let nashOutcome: number[] | undefined;
    if (o.every > 0 && s % o.every === 0) {
      nashRuns++;
      if (inZone) {
        const r = search(makePlan(model), { kind: 'nash', disagreement: disagreement(model) });
        if (r) {
          nashOutcome = r.outcome;
          r.outcome.forEach((v, i) => {
            const c = nashIssue[i] as number[];
            c[v] = (c[v] as number) + 1;
          });
          r.utilities.forEach((x, p) => {
            (nashUtil[p] as number[]).push(x);
          });
        }
      }
    }
    if (perSample) {
      const vals: Record<string, number> = {};
      plan.assumptions.forEach((a, i) => {
        vals[a.id] = draws[i] as number;
      });
      perSample.push({
        values: vals,
        zone: inZone,
        drafts: draftAll,
        ...(nashOutcome ? { nash: nashOutcome } : {}),
      });
    }
    const done = s + 1 - from;
    if (options.onProgress && (done % 1000 === 0 || s + 1 === to)) options.onProgress(done, to - from);
  }
  return {
    from,
    to,
    zoneHits,
    accept,
    acceptBest,
    acceptWorst,
    fewest,
    allAccept,
    driverDraws,
    driverAccept,
    nashRuns,
    nashIssue,
    nashUtil,
    ...(perSample ? { perSample } : {}),
  };
}

const addInto = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

/**
 * Adds the tallies of adjacent draw ranges, in any order given, into the tally of their union;
 * misuse (gaps, overlaps, different shapes) throws `bad-tallies`.
 */
export function mergeTallies(tallies: readonly MonteCarloTally[]): MonteCarloTally {
  const sorted = [...tallies].sort((a, b) => a.from - b.from);
  const first = sorted[0];
  if (!first) throw new ConcordError('bad-tallies', 'no tallies to merge');
  let out = first;
  for (const t of sorted.slice(1)) {
    if (t.from !== out.to)
      throw new ConcordError('bad-tallies', `draws ${out.to} to ${t.from} are missing or counted twice`);
    const shape = (x: MonteCarloTally) =>
      JSON.stringify([
        x.accept.map((a) => a.length),
        x.nashIssue.map((a) => a.length),
        x.nashUtil.length,
        x.driverDraws.length,
      ]);
    if (shape(t) !== shape(out) || (t.perSample === undefined) !== (out.perSample === undefined))
      throw new ConcordError('bad-tallies', `the tally of draws ${t.from} to ${t.to} has another shape`);
    out = {
      from: out.from,
      to: t.to,
      zoneHits: out.zoneHits + t.zoneHits,
      accept: out.accept.map((a, j) => addInto(a, t.accept[j] as number[])),
      acceptBest: out.acceptBest.map((a, j) => addInto(a, t.acceptBest[j] as number[])),
      acceptWorst: out.acceptWorst.map((a, j) => addInto(a, t.acceptWorst[j] as number[])),
      fewest: addInto(out.fewest, t.fewest),
      allAccept: addInto(out.allAccept, t.allAccept),
      driverDraws: addInto(out.driverDraws, t.driverDraws),
      driverAccept: out.driverAccept.map((a, j) => addInto(a, t.driverAccept[j] as number[])),
      nashRuns: out.nashRuns + t.nashRuns,
      nashIssue: out.nashIssue.map((a, i) => addInto(a, t.nashIssue[i] as number[])),
      nashUtil: out.nashUtil.map((a, p) => [...a, ...(t.nashUtil[p] as number[])]),
      ...(out.perSample && t.perSample ? { perSample: [...out.perSample, ...t.perSample] } : {}),
    };
  }
  return out;
}

/** Splits draws 0 to `samples − 1` into consecutive ranges of `size` (the last may be shorter). */
export function drawChunks(samples: number, size: number): DrawRange[] {
  const n = Math.max(1, Math.floor(size));
  const out: DrawRange[] = [];
  for (let from = 0; from < samples; from += n) out.push({ from, to: Math.min(samples, from + n) });
  return out;
}
