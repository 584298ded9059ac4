import { completeDraft, draftFixed } from '../analysis/drafts/draft-evaluation.js';
import { completionBounds } from '../analysis/drafts/draft-range.js';
import { makePlan, type SearchModel } from '../analysis/search/additive-plan.js';
import { type SearchHint, search } from '../analysis/search/additive-search.js';
import { ConcordError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { Scenario } from '../model/scenario.js';
import { issueValueAt } from '../outcomes/issue.js';
import { SPACE_CONSTRAINT } from '../preferences/problem.js';
import type { LeverSettings } from './levers.js';
import { drawValues, planParameters, slotValues } from './parameter-plan.js';
import { positiveInteger } from './sample.js';
import { SampleModel } from './sample-model.js';
import { binomialStdError, type Summary, summarize } from './stats.js';

export interface MonteCarloOptions {
  /** Number of draws; default 10,000. */
  readonly samples?: number;
  /** Seed of the draws; default 1. Same seed, same result. */
  readonly seed?: number;
  /** Lever settings (level name or number); default every lever at its baseline. */
  readonly levers?: LeverSettings;
  /**
   * Pins: an assumption id fixes that assumption's draw (levers still add to it); a parameter
   * path fixes that parameter's final value. Default none.
   */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Evaluate each draft of the record on every draw; default true. */
  readonly drafts?: boolean;
  /**
   * Compute the Nash solution on every `nashEvery`-th draw (draws 0, n, 2n, …; 1: every draw;
   * 0: never); default 10, which keeps 10,000 draws of the flagship scenario near a second.
   * The result says which (`nash.every`, `nash.samples`).
   */
  readonly nashEvery?: number;
  /** Keep what each draw gave in `perSample`; default false. */
  readonly perSample?: boolean;
  /** Called every 1,000 draws and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const MONTE_CARLO_DEFAULTS = { samples: 10_000, seed: 1, drafts: true, nashEvery: 10 } as const;

/** How often a draft is accepted over the draws. */
export interface DraftAcceptance {
  readonly name: string;
  /** Per party: share of draws where it accepts the draft's completion by the rule (see `pFewestRedLines`). */
  readonly pAccept: Readonly<Record<string, number>>;
  /**
   * Per party: share of draws where it accepts under its best completion (some completion of
   * the open issues suits it) and under its worst (every completion does). `pAccept` lies
   * between them; without open issues all three are equal.
   */
  readonly pAcceptRange: Readonly<Record<string, readonly [number, number]>>;
  /** Share of draws whose completion crossed a red line (rule `fewest-red-lines`, not `egalitarian`). */
  readonly pFewestRedLines: number;
  /** Share of draws where every party accepts. */
  readonly pAll: number;
  readonly stdErrors: { readonly pAccept: Readonly<Record<string, number>>; readonly pAll: number };
}

/** The Nash solution (max Π(u_i − r_i) over the agreement zone) across the draws that had one. */
export interface NashSummary {
  /** Computed on every `every`-th draw (1: all). */
  readonly every: number;
  /** Draws it was computed on. */
  readonly samples: number;
  /** Share of those with a non-empty zone (so a Nash solution). */
  readonly pDefined: number;
  readonly stdError: number;
  /** Issue → value → share of the defined draws whose Nash solution has that value. */
  readonly perIssue: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Party → its utility at the Nash solution: mean and 5/50/95 % quantiles (NaN when never defined). */
  readonly utilities: Readonly<Record<string, Summary>>;
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

export interface MonteCarloResult {
  readonly samples: number;
  readonly seed: number;
  readonly levers: LeverSettings;
  readonly overrides: Readonly<Record<string, number>>;
  /** Share of draws with a non-empty agreement zone. */
  readonly pAgreementZone: number;
  /** Binomial standard error of `pAgreementZone`. */
  readonly stdError: number;
  readonly drafts: readonly DraftAcceptance[];
  readonly nash: NashSummary;
  /** Suspicious assumptions (e.g. drawn on another scale than the model's value). */
  readonly warnings: readonly string[];
  readonly perSample?: readonly SampleOutcome[];
}

/** Adds 1 per party that accepts under its best completion of `fixed`, and under its worst. */
function countBounds(
  model: SearchModel,
  fixed: readonly number[],
  best: Int32Array,
  worst: Int32Array,
): void {
  for (let p = 0; p < best.length; p++) {
    const b = completionBounds(model, fixed, p);
    if (b.acceptsBest) best[p] = (best[p] as number) + 1;
    if (b.acceptsWorst) worst[p] = (worst[p] as number) + 1;
  }
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
 * Monte Carlo over the record's assumptions: each draw sets every assumption from its
 * distribution (one `rng.float()` each, in record order, on a stream split from `seed`), applies
 * the lever settings and pins, and asks exactly — by branch and bound, never by enumerating the
 * outcomes — whether an agreement zone exists, whether each party accepts each draft's
 * egalitarian completion, and where the Nash solution lies. Probabilities come with binomial
 * standard errors. Linear-additive utilities only (`not-additive`).
 *
 * @example
 * const mc = monteCarlo(scenario, { samples: 10_000, seed: 7, levers: { sanctions: 'intensified' } });
 * mc.pAgreementZone; // 0.31
 * mc.drafts[0].pAccept.Ukraine; // 0.04
 */
export function monteCarlo(scenario: Scenario, options: MonteCarloOptions = {}): MonteCarloResult {
  const samples = positiveInteger('samples', options.samples ?? MONTE_CARLO_DEFAULTS.samples);
  const seed = options.seed ?? MONTE_CARLO_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw new ConcordError('bad-option', `seed must be an integer, got ${seed}`);
  const every = options.nashEvery ?? MONTE_CARLO_DEFAULTS.nashEvery;
  if (!Number.isInteger(every) || every < 0)
    throw new ConcordError('bad-option', `nashEvery must be a non-negative integer, got ${every}`);
  const levers = options.levers ?? {};
  const overrides = options.overrides ?? {};
  const plan = planParameters(scenario, { levers, overrides });
  const sm = new SampleModel(scenario, plan);
  const { space } = sm;
  const parties = scenario.parties.map((p) => p.name);
  const k = parties.length;
  const drafts =
    (options.drafts ?? MONTE_CARLO_DEFAULTS.drafts)
      ? (scenario.record?.drafts ?? []).map((d) => {
          const fixed = draftFixed(space, d);
          return { name: d.name, fixed, open: fixed.some((v) => v < 0) };
        })
      : [];
  const nA = plan.assumptions.length;
  const stream = createRng(seed).split();
  const u = new Float64Array(nA);
  const draws = new Float64Array(nA);
  const values = new Float64Array(plan.slots.length);

  // The zone test passes weights and recent answers from draw to draw (a yes/no answer, so
  // only the speed changes). Drafts and Nash start cold, so that where several completions tie
  // each draw picks the one evaluateDraft picks on the same scenario.
  const zoneHint: SearchHint = { candidates: [] };
  let zoneHits = 0;
  const accept = drafts.map(() => new Int32Array(k));
  const acceptBest = drafts.map(() => new Int32Array(k));
  const acceptWorst = drafts.map(() => new Int32Array(k));
  const fewest = new Int32Array(drafts.length);
  const allAccept = new Int32Array(drafts.length);
  let nashRuns = 0;
  const nashIssue = space.sizes.map((s) => new Int32Array(s));
  const nashUtil = parties.map(() => [] as number[]);
  const perSample: SampleOutcome[] | undefined = options.perSample ? [] : undefined;

  for (let s = 0; s < samples; s++) {
    for (let a = 0; a < nA; a++) u[a] = stream.float();
    drawValues(plan, u, draws);
    slotValues(plan, draws, values);
    const model = sm.model(values);
    const zonePlan = makePlan(model);
    const inZone = search(zonePlan, { kind: 'exists' }, zoneHint) !== undefined;
    if (inZone) zoneHits++;
    const draftAll: Record<string, boolean> = {};
    drafts.forEach((d, j) => {
      const c = completeDraft(model, d.fixed);
      if (c.rule === 'fewest-red-lines') fewest[j] = (fewest[j] as number) + 1;
      if (d.open) countBounds(model, d.fixed, acceptBest[j] as Int32Array, acceptWorst[j] as Int32Array);
      const crossedBy = new Uint8Array(k);
      for (const r of c.crossed) {
        const owner = (model.redLines[r] as { party: number }).party;
        // A constraint of the space crossed: the draft is impossible, so nobody accepts it.
        if (owner === SPACE_CONSTRAINT) crossedBy.fill(1);
        else crossedBy[owner] = 1;
      }
      let all = true;
      for (let p = 0; p < k; p++) {
        const ok = crossedBy[p] === 0 && (c.utilities[p] as number) >= (model.reservations[p] as number);
        if (ok) (accept[j] as Int32Array)[p] = ((accept[j] as Int32Array)[p] as number) + 1;
        else all = false;
      }
      if (all) allAccept[j] = (allAccept[j] as number) + 1;
      draftAll[d.name] = all;
    });
    let nashOutcome: number[] | undefined;
    if (every > 0 && s % every === 0) {
      nashRuns++;
      if (inZone) {
        const r = search(makePlan(model), { kind: 'nash', disagreement: disagreement(model) });
        if (r) {
          nashOutcome = r.outcome;
          r.outcome.forEach((v, i) => {
            const c = nashIssue[i] as Int32Array;
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
    if (options.onProgress && ((s + 1) % 1000 === 0 || s + 1 === samples)) options.onProgress(s + 1, samples);
  }

  const p = zoneHits / samples;
  const defined = nashUtil[0]?.length ?? 0;
  const pDefined = nashRuns > 0 ? defined / nashRuns : Number.NaN;
  return {
    samples,
    seed,
    levers,
    overrides,
    pAgreementZone: p,
    stdError: binomialStdError(p, samples),
    drafts: drafts.map((d, j) => {
      const share = (c: number) => c / samples;
      const pAccept = Object.fromEntries(
        parties.map((name, q) => [name, share((accept[j] as Int32Array)[q] as number)]),
      );
      const pAll = share(allAccept[j] as number);
      const pAcceptRange = Object.fromEntries(
        parties.map((name, q): [string, readonly [number, number]] =>
          d.open
            ? [
                name,
                [
                  share((acceptWorst[j] as Int32Array)[q] as number),
                  share((acceptBest[j] as Int32Array)[q] as number),
                ],
              ]
            : [name, [pAccept[name] as number, pAccept[name] as number]],
        ),
      );
      return {
        name: d.name,
        pAccept,
        pAcceptRange,
        pFewestRedLines: share(fewest[j] as number),
        pAll,
        stdErrors: {
          pAccept: Object.fromEntries(
            Object.entries(pAccept).map(([name, x]) => [name, binomialStdError(x, samples)]),
          ),
          pAll: binomialStdError(pAll, samples),
        },
      };
    }),
    nash: {
      every,
      samples: nashRuns,
      pDefined,
      stdError: binomialStdError(pDefined, nashRuns),
      perIssue: Object.fromEntries(
        space.issues.map((issue, i) => [
          issue.name,
          Object.fromEntries(
            Array.from(nashIssue[i] as Int32Array, (c, v) => [
              String(issueValueAt(issue, v)),
              defined > 0 ? c / defined : 0,
            ]),
          ),
        ]),
      ),
      utilities: Object.fromEntries(parties.map((name, q) => [name, summarize(nashUtil[q] as number[])])),
    },
    warnings: plan.warnings,
    ...(perSample ? { perSample } : {}),
  };
}
