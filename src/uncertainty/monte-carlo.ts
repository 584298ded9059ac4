import { draftFixed } from '../analysis/drafts/draft-evaluation.js';
import { ConcordError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { issueValueAt } from '../outcomes/issue.js';
import { type AcceptanceDriver, acceptanceDrivers } from './acceptance-drivers.js';
import type { LeverSettings } from './levers.js';
import {
  type MonteCarloTally,
  monteCarloTally,
  resolveDraws,
  type SampleOutcome,
} from './monte-carlo-tally.js';
import { planParameters } from './parameter-plan.js';
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
  /**
   * The draft's acceptance tornado: per sampled assumption, each party's P(accept) in the draws
   * where it was low against those where it was high (same run, no extra draws).
   */
  readonly drivers: readonly AcceptanceDriver[];
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

/**
 * Monte Carlo over the record's assumptions: each draw sets every assumption from its
 * distribution (one `rng.float()` each, in record order, on a stream split from `seed`), applies
 * the lever settings and pins, and asks exactly — by branch and bound, never by enumerating the
 * outcomes — whether an agreement zone exists, whether each party accepts each draft's
 * egalitarian completion, and where the Nash solution lies. Probabilities come with binomial
 * standard errors. Linear-additive utilities only (`not-additive`). The same as
 * {@link monteCarloResult} of one {@link monteCarloTally} over every draw; tallies of chunks
 * (run anywhere) merge into the same result, bit for bit.
 *
 * @example
 * const mc = monteCarlo(scenario, { samples: 10_000, seed: 7, levers: { sanctions: 'intensified' } });
 * mc.pAgreementZone; // 0.31
 * mc.drafts[0].pAccept.Ukraine; // 0.04
 */
export function monteCarlo(scenario: Scenario, options: MonteCarloOptions = {}): MonteCarloResult {
  return monteCarloResult(scenario, options, monteCarloTally(scenario, options));
}

/**
 * The result of a Monte Carlo run from the tally of all its draws (one tally, or the
 * {@link mergeTallies} of its chunks); `tally-incomplete` when draws are missing.
 */
export function monteCarloResult(
  scenario: Scenario,
  options: MonteCarloOptions,
  tally: MonteCarloTally,
): MonteCarloResult {
  const o = resolveDraws(options);
  if (tally.from !== 0 || tally.to !== o.samples)
    throw new ConcordError(
      'tally-incomplete',
      `the tally holds draws ${tally.from} to ${tally.to}, not 0 to ${o.samples}`,
    );
  const { samples, seed, every, levers, overrides } = o;
  const plan = planParameters(scenario, { levers, overrides });
  const { space } = new SampleModel(scenario, plan);
  const parties = scenario.parties.map((p) => p.name);
  const drafts = o.drafts
    ? (scenario.record?.drafts ?? []).map((d) => ({
        name: d.name,
        open: draftFixed(space, d).some((v) => v < 0),
      }))
    : [];
  const { accept, acceptBest, acceptWorst, fewest, allAccept, nashRuns, nashIssue, nashUtil } = tally;
  const assumptions = plan.assumptions.map((a) => ({
    id: a.id,
    distribution: a.distribution,
    parameter: scenario.record?.assumptions.find((x) => x.id === a.id)?.parameter ?? a.id,
  }));
  const p = tally.zoneHits / samples;
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
        parties.map((name, q) => [name, share((accept[j] as number[])[q] as number)]),
      );
      const pAll = share(allAccept[j] as number);
      const pAcceptRange = Object.fromEntries(
        parties.map((name, q): [string, readonly [number, number]] =>
          d.open
            ? [
                name,
                [
                  share((acceptWorst[j] as number[])[q] as number),
                  share((acceptBest[j] as number[])[q] as number),
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
        drivers: acceptanceDrivers(assumptions, parties, tally.driverDraws, tally.driverAccept[j] ?? []),
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
            (nashIssue[i] as number[]).map((c, v) => [
              String(issueValueAt(issue, v)),
              defined > 0 ? c / defined : 0,
            ]),
          ),
        ]),
      ),
      utilities: Object.fromEntries(parties.map((name, q) => [name, summarize(nashUtil[q] as number[])])),
    },
    warnings: plan.warnings,
    ...(tally.perSample ? { perSample: tally.perSample } : {}),
  };
}
