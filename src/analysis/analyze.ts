import type { Rng } from '../core/rng.js';
import { significant } from '../core/significant.js';
import type { Issue } from '../outcomes/issue.js';
import { prepareProblem } from '../preferences/problem.js';
import { enumerationPass } from './frontier/enumeration-pass.js';
import { FRONTIER_DEFAULTS, paretoFrontier, tickClock, withNegmasChoices } from './frontier/frontier.js';
import { oppositionLevel } from './frontier/opposition.js';
import { utilityRanges } from './frontier/ranges.js';
import { disagreementPoint, type Solutions, solutions } from './solutions/solutions.js';
import type { Frontier, FrontierMethod, FrontierPoint, ProblemInput } from './types.js';
import { type IssueZones, issueZones } from './zone/issue-zones.js';
import { type AgreementZone, agreementZone, ZONE_DEFAULTS } from './zone/zone.js';

/** Options of {@link analyze}; every field is optional, defaults in {@link ANALYZE_DEFAULTS}. */
export interface AnalyzeOptions {
  /**
   * Total time for the steps that may stop early: the non-additive frontier search gets half,
   * the utility-range searches a quarter, zone sampling what is left. Exact methods ignore it.
   */
  readonly budgetMs?: number;
  /** The clock for `budgetMs`, e.g. `performance.now` (default: a deterministic call counter). */
  readonly now?: () => number;
  /** Seed for the zone estimate when it must sample (ignored when `rng` is given). */
  readonly seed?: number;
  readonly rng?: Rng;
  /** Largest space enumerated for the frontier, ranges and issue zones of non-additive utilities. */
  readonly enumerationLimit?: number;
  /** Work allowed for the exact zone count before sampling. */
  readonly zoneLimit?: number;
  /** Most samples for the zone estimate. */
  readonly samples?: number;
  /** Which outcome stands for a shared frontier vector (see `FrontierOptions.representative`). */
  readonly representative?: 'negmas' | 'first';
  /** Compute the agreement zone (default true). */
  readonly zone?: boolean;
  /** Compute the per-issue zones (default true). */
  readonly issueZones?: boolean;
}

export const ANALYZE_DEFAULTS = {
  budgetMs: FRONTIER_DEFAULTS.budgetMs,
  seed: ZONE_DEFAULTS.seed,
  enumerationLimit: FRONTIER_DEFAULTS.enumerationLimit,
  zoneLimit: ZONE_DEFAULTS.enumerationLimit,
  samples: ZONE_DEFAULTS.samples,
  zone: true,
  issueZones: true,
} as const;

/** The analysis of a scenario as plain data (JSON-ready: counts are decimal strings). */
export interface Analysis {
  readonly scenario: string;
  readonly parties: readonly {
    readonly name: string;
    readonly reservation: number;
    readonly utility: 'linear-additive' | 'hyperrectangle';
    readonly redLines: readonly string[];
  }[];
  readonly issues: readonly { readonly name: string; readonly kind: Issue['kind']; readonly size: number }[];
  /** Number of outcomes, exact, as a decimal string. */
  readonly outcomeCount: string;
  /** How the frontier was found. */
  readonly method: FrontierMethod;
  readonly frontier: readonly FrontierPoint[];
  readonly solutions: Solutions;
  /** Per party, [min, max] of its utility over all outcomes. */
  readonly utilityRanges: readonly (readonly [number, number])[];
  /** Per party, the disagreement point d_i. */
  readonly disagreement: readonly number[];
  /**
   * NegMAS's opposition level (see {@link oppositionLevel}): distance from the nearest rational
   * outcome, utilities as shares of each party's best, to (1, …, 1). `Infinity` when no outcome
   * is rational.
   */
  readonly opposition: number;
  readonly agreementZone?: {
    readonly count: string;
    readonly share: number;
    readonly exact: boolean;
    readonly method: string;
    readonly stdError?: number;
    readonly samples?: number;
    readonly interval95?: readonly [number, number];
  };
  readonly issueZones?: IssueZones;
  /** True when every part of the result is exact. */
  readonly exact: boolean;
  /** When not exact: what may be off, and by how much. */
  readonly inexact?: readonly string[];
  /** Notes on how the result was obtained. */
  readonly notes?: readonly string[];
}

/**
 * Everything about a scenario in one call: the Pareto frontier (rational outcomes crossing no
 * red line), the bargaining solutions over it, utility ranges, disagreement point, agreement
 * zone and per-issue zones. Exact whenever an exact method fits (linear-additive utilities
 * always; other utilities up to `enumerationLimit` outcomes, or when the branch and bound
 * finishes within `budgetMs`); otherwise says what is approximate and by how much.
 *
 * @example
 * const a = analyze(scenario, { now: () => performance.now() });
 * a.frontier.length; // 4
 * a.solutions.nash[0].outcome; // [2, 0, 0]
 */
export function analyze(input: ProblemInput, options: AnalyzeOptions = {}): Analysis {
  const problem = prepareProblem(input);
  const now = options.now ?? tickClock();
  const budgetMs = options.budgetMs ?? ANALYZE_DEFAULTS.budgetMs;
  const enumerationLimit = options.enumerationLimit ?? ANALYZE_DEFAULTS.enumerationLimit;
  const inexact: string[] = [];
  const notes: string[] = [];

  const start = now();
  const left = () => Math.max(0, start + budgetMs - now());
  // Non-additive spaces small enough to enumerate: everything in one pass.
  const pass =
    !problem.additive && problem.space.count <= BigInt(enumerationLimit)
      ? enumerationPass(problem)
      : undefined;
  const representative = options.representative ?? 'negmas';
  const frontier: Frontier = pass
    ? representative === 'negmas'
      ? withNegmasChoices(
          problem,
          { points: pass.frontier, method: 'enumeration', exact: true },
          enumerationLimit,
        )
      : { points: pass.frontier, method: 'enumeration', exact: true }
    : paretoFrontier(problem, { budgetMs: budgetMs / 2, now, enumerationLimit, representative });
  if (!frontier.exact)
    inexact.push(
      `frontier: ${frontier.note ?? 'not exact'}; any missed point is within ${significant(frontier.gap ?? Number.POSITIVE_INFINITY)} (every party's utility) of a listed one`,
    );
  if (frontier.note && frontier.exact) notes.push(frontier.note);
  const ranges = pass
    ? { ranges: pass.ranges, exact: true }
    : utilityRanges(problem, { budgetMs: Math.min(budgetMs / 4, left()), now, enumerationLimit });
  if (!ranges.exact)
    inexact.push('utility ranges: the search stopped at its budget (ranges may be too narrow)');
  const reservations = problem.parties.map((p) => p.reservation);
  const sols = solutions({ frontier: frontier.points, ranges: ranges.ranges, reservations });
  if (!frontier.exact || !ranges.exact) inexact.push('solutions: computed over the frontier found so far');
  const opposition = oppositionLevel({ frontier: frontier.points, best: ranges.ranges.map((r) => r[1]) });
  if (!frontier.exact || !ranges.exact)
    inexact.push('opposition: computed over the frontier and best utilities found so far');

  let zone: Analysis['agreementZone'];
  if (options.zone ?? ANALYZE_DEFAULTS.zone) {
    const total = problem.space.count;
    const z: AgreementZone = pass
      ? {
          count: pass.zoneCount,
          share: total === 0n ? 0 : Number(pass.zoneCount) / Number(total),
          exact: true,
          method: 'enumeration',
        }
      : agreementZone(problem, {
          enumerationLimit: options.zoneLimit ?? ANALYZE_DEFAULTS.zoneLimit,
          samples: options.samples ?? ANALYZE_DEFAULTS.samples,
          budgetMs: left(),
          now,
          ...(ranges.exact ? { ranges: ranges.ranges } : {}),
          seed: options.seed ?? ANALYZE_DEFAULTS.seed,
          ...(options.rng ? { rng: options.rng } : {}),
        });
    zone = {
      count: z.count.toString(),
      share: z.share,
      exact: z.exact,
      method: z.method,
      ...(z.stdError !== undefined ? { stdError: z.stdError } : {}),
      ...(z.samples !== undefined ? { samples: z.samples } : {}),
      ...(z.interval95 !== undefined ? { interval95: z.interval95 } : {}),
    };
    if (!z.exact)
      inexact.push(
        `agreement zone: estimated from ${z.samples} samples; share ${significant(z.share)} ± ${significant(z.stdError ?? Number.NaN, 2)} (one standard error), 95% interval [${(z.interval95 ?? []).map((x) => significant(x)).join(', ')}]`,
      );
  }
  let zones: IssueZones | undefined;
  if (options.issueZones ?? ANALYZE_DEFAULTS.issueZones) {
    zones = pass
      ? pass.issueZones
      : issueZones(problem, {
          frontier: frontier.points,
          enumerationLimit,
          ...(ranges.exact ? { ranges: ranges.ranges } : {}),
        });
    if (!zones.exact) inexact.push(`issue zones: ${zones.note ?? 'not exact'}`);
  }

  return {
    scenario: 'name' in input ? input.name : '',
    parties: problem.parties.map((p) => ({
      name: p.name,
      reservation: p.reservation,
      utility: p.utility.kind,
      redLines: p.redLines.map((r) => r.id),
    })),
    issues: problem.space.issues.map((issue, i) => ({
      name: issue.name,
      kind: issue.kind,
      size: problem.space.sizes[i] as number,
    })),
    outcomeCount: problem.space.count.toString(),
    method: frontier.method,
    frontier: frontier.points,
    solutions: sols,
    utilityRanges: ranges.ranges,
    disagreement: disagreementPoint(ranges.ranges, reservations),
    opposition,
    ...(zone ? { agreementZone: zone } : {}),
    ...(zones ? { issueZones: zones } : {}),
    exact: inexact.length === 0,
    ...(inexact.length > 0 ? { inexact } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
