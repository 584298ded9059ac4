import type { Rng } from '../core/rng.js';
import type { Scenario } from '../model/scenario.js';
import { type Issue, issueNumberAt, issueSize } from '../outcomes/issue.js';
import { createSpace } from '../outcomes/space.js';
import { compileCondition } from '../preferences/compile.js';
import { sampleDistribution } from '../record/distribution.js';
import { leverUnits } from '../record/lever-units.js';
import type { ConflictLens, DivisibleDimension, Lever } from '../record/types.js';

/** Values of a lens parameter: `<dimension>.warOutcome` or `<dimension>.costs.<party>`. */
export type LensValues = Readonly<Record<string, number>>;

export interface BargainingRange {
  readonly dimension: string;
  readonly unit?: string;
  readonly warOutcome: number;
  readonly costs: readonly [number, number];
  /** Settlements each side prefers to fighting on: [low, high] within the dimension's bounds. */
  readonly acceptable: readonly [readonly [number, number], readonly [number, number]];
  /** Settlements both prefer to war (Fearon's bargaining range); empty when low > high. */
  readonly range: readonly [number, number];
  readonly empty: boolean;
  /**
   * When the dimension is a model issue: the part of the range that no red line of either side
   * forbids (grid values of the issue), and the red lines that cut it.
   */
  readonly allowedByRedLines?: { readonly values: readonly number[]; readonly cutBy: readonly string[] };
}

const value = (d: DivisibleDimension, values: LensValues, key: string, fallback: number): number =>
  values[`${d.name}.${key}`] ?? fallback;

/**
 * The bargaining range of one divisible dimension: if fighting on would settle it at p, and
 * side A would give up up to c_A rather than fight (B: c_B), every settlement between
 * p − c_B and p + c_A (A wanting it lower; mirrored otherwise) leaves both better off than war.
 * With costs ≥ 0 the range is never empty (Fearon 1995); stated red lines can still exclude it,
 * which points at indivisibility, commitment problems or bluffing.
 */
export function bargainingRange(
  scenario: Scenario,
  lens: ConflictLens,
  d: DivisibleDimension,
  values: LensValues = {},
): BargainingRange {
  const [a, b] = lens.sides;
  const p = value(d, values, 'warOutcome', d.warOutcome.value);
  const cA = value(d, values, `costs.${a}`, d.costs[a]?.value ?? 0);
  const cB = value(d, values, `costs.${b}`, d.costs[b]?.value ?? 0);
  const clamp = (x: number) => Math.min(d.max, Math.max(d.min, x));
  const accA: [number, number] = d.sideAWants === 'lower' ? [d.min, clamp(p + cA)] : [clamp(p - cA), d.max];
  const accB: [number, number] = d.sideAWants === 'lower' ? [clamp(p - cB), d.max] : [d.min, clamp(p + cB)];
  const range: [number, number] = [Math.max(accA[0], accB[0]), Math.min(accA[1], accB[1])];
  const out: BargainingRange = {
    dimension: d.name,
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    warOutcome: p,
    costs: [cA, cB],
    acceptable: [accA, accB],
    range,
    empty: range[0] > range[1],
  };
  if (d.issue === undefined) return out;
  const i = scenario.issues.findIndex((x) => x.name === d.issue);
  const issue = scenario.issues[i] as Issue;
  const space = createSpace(scenario.issues);
  const sides = scenario.parties.filter((party) => party.name === a || party.name === b);
  const oneIssue = sides.flatMap((party) =>
    party.redLines
      .map((r) => ({ id: r.id, c: compileCondition(space, r.forbid) }))
      .filter((r) => r.c.issues.length === 1 && r.c.issues[0] === i),
  );
  const allowed: number[] = [];
  const cut = new Set<string>();
  for (let v = 0; v < issueSize(issue); v++) {
    const x = issueNumberAt(issue, v);
    if (out.empty || x < range[0] || x > range[1]) continue;
    const blocking = oneIssue.filter((r) => r.c.mask?.[v] === 1);
    if (blocking.length === 0) allowed.push(x);
    for (const r of blocking) cut.add(r.id);
  }
  return { ...out, allowedByRedLines: { values: allowed, cutBy: [...cut] } };
}

export interface IndivisibilityFlag {
  readonly issue: string;
  readonly rationale: string;
  /** Options no single-issue red line of either side forbids. */
  readonly compromises: readonly string[];
  /** Per option, which side's red lines forbid it. */
  readonly forbiddenBy: Readonly<Record<string, readonly string[]>>;
  /** True when at most one option survives both sides' red lines: one side must lose outright. */
  readonly indivisible: boolean;
}

/** Flags a yes/no issue: which options survive both sides' red lines. */
export function indivisibility(
  scenario: Scenario,
  lens: ConflictLens,
  issueName: string,
  rationale: string,
): IndivisibilityFlag {
  const i = scenario.issues.findIndex((x) => x.name === issueName);
  const issue = scenario.issues[i] as Issue;
  const space = createSpace(scenario.issues);
  const forbiddenBy: Record<string, string[]> = {};
  const compromises: string[] = [];
  for (let v = 0; v < issueSize(issue); v++) {
    const name = String(
      issueNumberAt(issue, v) === v && issue.kind === 'discrete' ? issue.values[v] : issueNumberAt(issue, v),
    );
    const by = scenario.parties
      .filter((p) => lens.sides.includes(p.name))
      .filter((p) =>
        p.redLines.some((r) => {
          const c = compileCondition(space, r.forbid);
          return c.issues.length === 1 && c.issues[0] === i && c.mask?.[v] === 1;
        }),
      )
      .map((p) => p.name);
    forbiddenBy[name] = by;
    if (by.length === 0) compromises.push(name);
  }
  return { issue: issueName, rationale, compromises, forbiddenBy, indivisible: compromises.length <= 1 };
}

export interface LensSummary {
  readonly sides: readonly [string, string];
  readonly ranges: readonly BargainingRange[];
  readonly indivisible: readonly IndivisibilityFlag[];
}

/** The whole lens at given parameter values (default: the point estimates). */
export function conflictLens(scenario: Scenario, lens: ConflictLens, values: LensValues = {}): LensSummary {
  return {
    sides: lens.sides,
    ranges: lens.divisible.map((d) => bargainingRange(scenario, lens, d, values)),
    indivisible: lens.indivisible.map((x) => indivisibility(scenario, lens, x.issue, x.rationale)),
  };
}

/** Draws every lens estimate once. */
export function sampleLens(lens: ConflictLens, rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of lens.divisible) {
    out[`${d.name}.warOutcome`] = sampleDistribution(d.warOutcome.distribution, rng);
    for (const [party, e] of Object.entries(d.costs))
      out[`${d.name}.costs.${party}`] = sampleDistribution(e.distribution, rng);
  }
  return out;
}

export interface LensUncertainty {
  readonly samples: number;
  readonly seed: number;
  /** Per dimension: P(the range, cut by red lines where the dimension is an issue, is not empty). */
  readonly pRange: Readonly<
    Record<
      string,
      { readonly p: number; readonly stdError: number; readonly meanLow: number; readonly meanHigh: number }
    >
  >;
}

/**
 * Monte Carlo over the lens's estimates (and optional shifts, e.g. from levers): how often a
 * bargaining range survives the red lines. Pure: the caller passes the seeded Rng.
 */
export function lensUncertainty(
  scenario: Scenario,
  lens: ConflictLens,
  options: {
    readonly rng: Rng;
    readonly seed: number;
    readonly samples?: number;
    readonly shifts?: LensValues;
  },
): LensUncertainty {
  const n = options.samples ?? 10_000;
  const hits = new Map<string, { ok: number; low: number; high: number; nonEmpty: number }>();
  for (let k = 0; k < n; k++) {
    const v = sampleLens(lens, options.rng);
    for (const [key, dx] of Object.entries(options.shifts ?? {})) v[key] = (v[key] ?? 0) + dx;
    for (const r of conflictLens(scenario, lens, v).ranges) {
      const h = hits.get(r.dimension) ?? { ok: 0, low: 0, high: 0, nonEmpty: 0 };
      const open = !r.empty && (r.allowedByRedLines ? r.allowedByRedLines.values.length > 0 : true);
      if (open) h.ok++;
      if (!r.empty) {
        h.nonEmpty++;
        h.low += r.range[0];
        h.high += r.range[1];
      }
      hits.set(r.dimension, h);
    }
  }
  const pRange: Record<string, { p: number; stdError: number; meanLow: number; meanHigh: number }> = {};
  for (const [dim, h] of hits) {
    const p = h.ok / n;
    pRange[dim] = {
      p,
      stdError: Math.sqrt((p * (1 - p)) / n),
      meanLow: h.low / Math.max(1, h.nonEmpty),
      meanHigh: h.high / Math.max(1, h.nonEmpty),
    };
  }
  return { samples: n, seed: options.seed, pRange };
}

/**
 * The lens parameters a lever setting shifts (`<dimension>.warOutcome`, `<dimension>.costs.<party>`),
 * for {@link conflictLens} (add to the point values) or {@link lensUncertainty} (`shifts`).
 */
export function lensLeverShifts(
  lens: ConflictLens,
  levers: readonly Lever[],
  settings: Readonly<Record<string, string | number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of lens.divisible) {
    for (const e of d.leverEffects ?? []) {
      const lever = levers.find((l) => l.id === e.lever);
      const setting = settings[e.lever];
      if (!lever || setting === undefined) continue;
      const key = `${d.name}.${e.parameter}`;
      out[key] = (out[key] ?? 0) + e.perUnit * leverUnits(lever, setting);
    }
  }
  return out;
}

/** The point values of the lens with shifts added (for {@link conflictLens}). */
export function shiftedLensValues(
  lens: ConflictLens,
  shifts: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of lens.divisible) {
    out[`${d.name}.warOutcome`] = d.warOutcome.value + (shifts[`${d.name}.warOutcome`] ?? 0);
    for (const [party, e] of Object.entries(d.costs))
      out[`${d.name}.costs.${party}`] = e.value + (shifts[`${d.name}.costs.${party}`] ?? 0);
  }
  return out;
}
