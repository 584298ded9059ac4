import type { Analysis } from '../analysis/analyze.js';
import { analyze } from '../analysis/analyze.js';
import { minimalConcessions } from '../analysis/concessions/concessions.js';
import { type DraftEvaluation, evaluateDraft } from '../analysis/drafts/draft-evaluation.js';
import { type CompletionBounds, draftBounds } from '../analysis/drafts/draft-range.js';
import {
  type BargainingRange,
  conflictLens,
  type LensSummary,
  type LensUncertainty,
  lensLeverShifts,
  lensUncertainty,
  shiftedLensValues,
} from '../conflict/index.js';
import { ConcordError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { Scenario } from '../model/scenario.js';
import { type DraftDiff, diffDrafts } from '../record/diff.js';
import { type DraftKnowledge, draftKnowledge } from '../record/knowledge.js';
import type { AcceptanceDriver } from '../uncertainty/acceptance-drivers.js';
import { centralScenario as centralOf } from '../uncertainty/instantiate.js';
import type { LeverSettings } from '../uncertainty/levers.js';
import { type MonteCarloOptions, type MonteCarloResult, monteCarlo } from '../uncertainty/monte-carlo.js';
import { MONTE_CARLO_DEFAULTS } from '../uncertainty/monte-carlo-tally.js';
import {
  type Sensitivity,
  type SensitivityBar,
  type SensitivityOptions,
  sensitivity,
} from '../uncertainty/sensitivity.js';
import { unblockers } from './blockers.js';
import { type ConcessionsText, withConcessionTexts } from './concession-text.js';

/** Defaults of {@link buildBrief} (the CLI's `brief`, `whatif` and `diff` options read them too). */
export const BRIEF_DEFAULTS = {
  samples: MONTE_CARLO_DEFAULTS.samples,
  whatIfSamples: 1_000,
  seed: MONTE_CARLO_DEFAULTS.seed,
  budgetMs: 5_000,
} as const;

export interface BriefOptions {
  /** Draws of the main Monte Carlo; default 10,000. */
  readonly samples?: number;
  /** Draws for each end of each tornado bar (assumption, lever level); default 1,000. */
  readonly whatIfSamples?: number;
  /** Seed of every draw (common random numbers across what-ifs); default 1. */
  readonly seed?: number;
  /** Lever settings the whole brief assumes; default every lever at its baseline. */
  readonly levers?: LeverSettings;
  /** Pins: assumption id or parameter path → value. */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Clock for budgets and the reported time. */
  readonly now?: () => number;
  /** Progress of the main Monte Carlo. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The Monte Carlo and the tornado, computed elsewhere (threads, a queue of workers) with the
   * options {@link briefDraws} gives; default: computed here.
   */
  readonly computed?: { readonly monteCarlo: MonteCarloResult; readonly sensitivity: Sensitivity };
}

/**
 * The options of the brief's two sampled parts, the main Monte Carlo and the tornado: run them
 * anywhere and pass the results back as `computed` to get the same brief.
 */
export function briefDraws(options: BriefOptions = {}): {
  monteCarlo: MonteCarloOptions;
  sensitivity: SensitivityOptions;
} {
  const seed = options.seed ?? BRIEF_DEFAULTS.seed;
  const levers = options.levers ?? {};
  const overrides = options.overrides ?? {};
  return {
    monteCarlo: { samples: options.samples ?? BRIEF_DEFAULTS.samples, seed, levers, overrides },
    sensitivity: { samples: options.whatIfSamples ?? BRIEF_DEFAULTS.whatIfSamples, seed, levers, overrides },
  };
}

export interface WhatIf {
  readonly label: string;
  /** Assumption ids or lever ids it changes. */
  readonly changes: readonly string[];
  readonly pAgreementZone: number;
  readonly stdError: number;
  /** Change against the same-size baseline run (same seed). */
  readonly delta: number;
}

export interface DraftBrief {
  readonly name: string;
  readonly pointCount: number;
  readonly recordedPoints: number;
  /** Points the source details, points we modelled (placeholders count as neither). */
  readonly knowledge: DraftKnowledge;
  /** At the point estimates, open issues completed by the rule `central.rule` names. */
  readonly central: DraftEvaluation;
  /** At the point estimates, per party: its best and worst case over every completion of the open issues. */
  readonly bounds: Readonly<Record<string, CompletionBounds>>;
  /** Over the draws. */
  readonly pAccept: Readonly<Record<string, number>>;
  /** Over the draws: per party, P(accepts) under its worst and under its best completion. */
  readonly pAcceptRange: Readonly<Record<string, readonly [number, number]>>;
  /** Share of draws where the completion had to cross a red line (rule fewest-red-lines). */
  readonly pFewestRedLines: number;
  readonly pAll: number;
  readonly stdErrors: { readonly pAccept: Readonly<Record<string, number>>; readonly pAll: number };
  /** Over the draws: what moves each party's acceptance of this draft (its acceptance tornado). */
  readonly drivers: readonly AcceptanceDriver[];
}

export interface Brief {
  readonly scenario: string;
  readonly levers: LeverSettings;
  /** The analysis at the point estimates (levers applied). */
  readonly central: Analysis;
  readonly monteCarlo: MonteCarloResult;
  readonly drafts: readonly DraftBrief[];
  /** The last draft against the one it revises. */
  readonly diff?: DraftDiff;
  /** Same-seed baseline of the what-if runs. */
  readonly whatIfBaseline: {
    readonly samples: number;
    readonly pAgreementZone: number;
    readonly stdError: number;
  };
  /** Every assumption and lever, by how much it swings P(agreement zone); widest first. */
  readonly tornado: readonly (SensitivityBar & { readonly label: string })[];
  /** At the central assumptions: the smallest changes that would open a zone (with sentences). */
  readonly concessions: ConcessionsText;
  /** For the last draft: the smallest changes that would make every party accept it. */
  readonly draftConcessions?: ConcessionsText;
  /** One per non-baseline lever level. */
  readonly leverEffects: readonly WhatIf[];
  /** One per red line: the zone if that red line were not real. */
  readonly redLineEffects: readonly WhatIf[];
  readonly lens?: {
    readonly central: LensSummary;
    readonly uncertainty: LensUncertainty;
    /** The bargaining ranges with each lever level (lens lever effects only). */
    readonly byLever: readonly { readonly label: string; readonly ranges: readonly BargainingRange[] }[];
  };
  /** At the central assumptions with no zone: the red lines whose dropping alone would open one. */
  readonly centralUnblockers: readonly {
    readonly party: string;
    readonly redLine: string;
    readonly description: string;
  }[];
  readonly elapsedMs: number;
}

/**
 * Everything the brief answers, as data: the analysis at the point estimates, Monte Carlo over
 * the assumptions, each draft centrally and over the draws, the draft diff, what each lever level
 * and each red line does to P(agreement zone) (same seed throughout, so differences are not
 * sampling noise of independent runs), and the bargaining-of-war lens.
 */
export function buildBrief(scenario: Scenario, options: BriefOptions = {}): Brief {
  const record = scenario.record;
  if (!record)
    throw new ConcordError(
      'no-record',
      `scenario "${scenario.name}" has no record (assumptions, drafts) to brief on`,
    );
  const now = options.now ?? (() => 0);
  const t0 = now();
  const seed = options.seed ?? BRIEF_DEFAULTS.seed;
  const levers = options.levers ?? {};
  const overrides = options.overrides ?? {};
  const whatIfSamples = options.whatIfSamples ?? BRIEF_DEFAULTS.whatIfSamples;

  const centralScenario = centralOf(scenario, levers, overrides);
  const central = analyze(centralScenario, { now, budgetMs: BRIEF_DEFAULTS.budgetMs });

  const centralHasZone = central.frontier.length > 0;
  const centralUnblockers = centralHasZone ? [] : unblockers(centralScenario, now);

  const draws = briefDraws(options);
  const mc =
    options.computed?.monteCarlo ??
    monteCarlo(scenario, {
      ...draws.monteCarlo,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  const last = record.drafts[record.drafts.length - 1];
  const drafts: DraftBrief[] = record.drafts.map((d) => {
    const acc = mc.drafts.find((x) => x.name === d.name);
    const bounds = draftBounds(centralScenario, d);
    return {
      name: d.name,
      pointCount: d.pointCount,
      recordedPoints: d.points.length,
      knowledge: draftKnowledge(d),
      central: evaluateDraft(centralScenario, d),
      bounds: Object.fromEntries(
        centralScenario.parties.map((p, i) => [p.name, bounds[i] as CompletionBounds]),
      ),
      pAccept: acc?.pAccept ?? {},
      pAcceptRange: acc?.pAcceptRange ?? {},
      pFewestRedLines: acc?.pFewestRedLines ?? Number.NaN,
      pAll: acc?.pAll ?? Number.NaN,
      stdErrors: acc?.stdErrors ?? { pAccept: {}, pAll: Number.NaN },
      drivers: acc?.drivers ?? [],
    };
  });
  const revised =
    last?.revises !== undefined ? record.drafts.find((d) => d.name === last.revises) : undefined;

  // One tornado (common random numbers) gives the lever and red-line what-ifs too.
  const tornado = options.computed?.sensitivity ?? sensitivity(scenario, draws.sensitivity);
  const base = tornado.baseline;
  const labelOf = (id: string): string => {
    const a = record.assumptions.find((x) => x.id === id);
    const m = a ? /^(.*)\.redLines\.(.*)\.active$/.exec(a.parameter) : null;
    if (m) {
      const r = scenario.parties.find((p) => p.name === m[1])?.redLines.find((x) => x.id === m[2]);
      return `${m[1]} drops "${r?.description ?? m[2]}"`;
    }
    return a?.parameter ?? record.levers.find((l) => l.id === id)?.name ?? id;
  };
  const leverEffects: WhatIf[] = tornado.bars
    .filter((b) => b.kind === 'lever')
    .flatMap((b) => {
      const lever = record.levers.find((l) => l.id === b.id);
      const current = levers[b.id] ?? lever?.baseline;
      return (b.levels ?? [])
        .filter((e) => e.level !== current)
        .map((e) => ({
          label: `${lever?.name ?? b.id}: ${e.level}`,
          changes: [b.id],
          pAgreementZone: e.pAgreementZone,
          stdError: e.stdError,
          delta: e.pAgreementZone - base.pAgreementZone,
        }));
    });
  const redLineEffects: WhatIf[] = tornado.bars
    .filter((b) => b.kind === 'assumption' && b.parameter?.endsWith('.active'))
    .map((b) => ({
      label: labelOf(b.id),
      changes: [b.id],
      pAgreementZone: b.low.pAgreementZone,
      stdError: b.low.stdError,
      delta: b.low.pAgreementZone - base.pAgreementZone,
    }));
  const concessions = withConcessionTexts(centralScenario, minimalConcessions(centralScenario));
  const lastDraftConcessions = last
    ? withConcessionTexts(centralScenario, minimalConcessions(centralScenario, { draft: last.name }))
    : undefined;

  const lensSpec = record.conflict;
  const byLever = lensSpec
    ? record.levers.flatMap((lever) =>
        Object.keys(lever.levels)
          .filter((level) => level !== (levers[lever.id] ?? lever.baseline))
          .map((level) => ({
            lever: lever.id,
            name: lever.name,
            level,
            shifts: lensLeverShifts(lensSpec, record.levers, { ...levers, [lever.id]: level }),
          }))
          .filter((x) => Object.keys(x.shifts).length > 0)
          .map((x) => ({
            label: `${x.name}: ${x.level}`,
            ranges: conflictLens(centralScenario, lensSpec, shiftedLensValues(lensSpec, x.shifts)).ranges,
          })),
      )
    : [];
  const baseShifts = lensSpec ? lensLeverShifts(lensSpec, record.levers, levers) : {};
  const lens = lensSpec
    ? {
        byLever,
        central: conflictLens(centralScenario, lensSpec, shiftedLensValues(lensSpec, baseShifts)),
        uncertainty: lensUncertainty(centralScenario, lensSpec, {
          rng: createRng(seed),
          seed,
          samples: whatIfSamples,
        }),
      }
    : undefined;

  return {
    scenario: scenario.name,
    levers,
    central,
    monteCarlo: mc,
    drafts,
    ...(revised && last ? { diff: diffDrafts(revised, last) } : {}),
    whatIfBaseline: { samples: whatIfSamples, pAgreementZone: base.pAgreementZone, stdError: base.stdError },
    tornado: tornado.bars.map((b) => ({ ...b, label: labelOf(b.id) })),
    concessions,
    ...(lastDraftConcessions ? { draftConcessions: lastDraftConcessions } : {}),
    leverEffects,
    redLineEffects: redLineEffects.sort((a, b) => b.delta - a.delta),
    ...(lens ? { lens } : {}),
    centralUnblockers,
    elapsedMs: now() - t0,
  };
}
