import { analyze } from '../analysis/analyze.js';
import { ConcordError } from '../core/errors.js';
import { type AsOfProblem, applyEvents, asOfProblems, datedEvents } from '../model/as-of.js';
import type { Scenario } from '../model/scenario.js';
import type { EventEffect } from '../record/types.js';
import { instantiate } from '../uncertainty/instantiate.js';
import type { LeverSettings } from '../uncertainty/levers.js';
import { monteCarlo } from '../uncertainty/monte-carlo.js';
import { type Unblocker, unblockers } from './blockers.js';

export interface TimelineOptions {
  /** Monte Carlo draws per step; default 500, so the whole timeline runs in seconds. */
  readonly samples?: number;
  /** Seed of every step's draws (the same draws at every step: differences are the news). */
  readonly seed?: number;
  /** Lever settings on top of those events set. */
  readonly levers?: LeverSettings;
  readonly overrides?: Readonly<Record<string, number>>;
  /** Only events on or before this day (YYYY-MM-DD). */
  readonly until?: string;
  readonly now?: () => number;
}

export const TIMELINE_DEFAULTS = { samples: 500, seed: 1 } as const;

/** One effect as shown: what it does and whether it is a fact (evidence) or an assumption. */
export interface EffectLine {
  readonly kind: EventEffect['kind'];
  readonly text: string;
  readonly basis: 'fact' | 'assumption';
  readonly evidence: readonly string[];
}

/** The answers after one event (the first step: before any event). */
export interface TimelineStep {
  /** Undefined for the starting state. */
  readonly event?: {
    readonly id: string;
    readonly on: string;
    readonly date: string;
    readonly title: string;
  };
  readonly effects: readonly EffectLine[];
  readonly pAgreementZone: number;
  readonly stdError: number;
  /** Each draft on the table: P(every party accepts) with its standard error. */
  readonly drafts: readonly { readonly name: string; readonly pAll: number; readonly stdError: number }[];
  /** At the central assumptions: is there an agreement zone? */
  readonly centralZone: boolean;
  /** When there is none: red lines that alone keep it shut. */
  readonly blocking: readonly Unblocker[];
  /** Lever levels in force (set by events). */
  readonly levers: Readonly<Record<string, string>>;
}

export interface Timeline {
  readonly samples: number;
  readonly seed: number;
  readonly steps: readonly TimelineStep[];
  /** Events without a day (`on`), not placed on the timeline. */
  readonly undated: readonly string[];
}

/** An effect as a phrase for tables: `tables draft "19-point plan"`. */
export function effectText(f: EventEffect): string {
  switch (f.kind) {
    case 'draft':
      return `tables draft “${f.draft}”`;
    case 'add-red-line':
      return `adds red line ${f.redLine}`;
    case 'drop-red-line':
      return `drops red line ${f.redLine}`;
    case 'lever':
      return `sets ${f.lever} to ${f.level}`;
    case 'assumption': {
      const d = f.distribution;
      const range =
        d.kind === 'uniform' || d.kind === 'triangular'
          ? `[${d.min}, ${d.max}]`
          : d.kind === 'fixed'
            ? `${d.value}`
            : `p = ${d.p}`;
      return `moves ${f.assumption} to ${range}`;
    }
  }
}

/**
 * How the answers moved event by event: the state before any event, then after each dated event
 * in date order — P(agreement zone) with its standard error, each tabled draft's P(all accept),
 * and the red lines that block at the central assumptions. Every step uses the same seed, so a
 * difference between steps is the event's, not the sampling's (common random numbers).
 *
 * @example
 * const t = timeline(scenario, { samples: 500, seed: 1 });
 * t.steps.map((s) => [s.event?.id ?? 'start', s.pAgreementZone]);
 */
export function timeline(scenario: Scenario, options: TimelineOptions = {}): Timeline {
  const record = scenario.record;
  if (!record)
    throw new ConcordError('no-record', `scenario "${scenario.name}" has no record (events) to follow`);
  const problems: AsOfProblem[] = asOfProblems(scenario);
  if (problems.length > 0)
    throw new ConcordError('bad-event', problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const samples = options.samples ?? TIMELINE_DEFAULTS.samples;
  const seed = options.seed ?? TIMELINE_DEFAULTS.seed;
  const now = options.now ?? (() => 0);
  const events = datedEvents(record).filter((e) => !options.until || (e.on as string) <= options.until);

  const steps: TimelineStep[] = [];
  for (let k = 0; k <= events.length; k++) {
    const state = applyEvents(scenario, events.slice(0, k));
    const event = k > 0 ? events[k - 1] : undefined;
    const levers = { ...state.levers, ...(options.levers ?? {}) };
    const overrides = options.overrides ?? {};
    const mc = monteCarlo(state.scenario, { samples, seed, levers, overrides, nashEvery: 0 });
    const rec = state.scenario.record ?? record;
    const point = Object.fromEntries(rec.assumptions.map((a) => [a.id, a.value]));
    const central = instantiate(state.scenario, point, levers, overrides);
    const centralZone = analyze(central, { now, zone: false, issueZones: false }).frontier.length > 0;
    steps.push({
      ...(event
        ? { event: { id: event.id, on: event.on as string, date: event.date, title: event.title } }
        : {}),
      effects: (event?.effects ?? []).map((f) => ({
        kind: f.kind,
        text: effectText(f),
        basis: (f.evidence ?? []).length > 0 ? 'fact' : 'assumption',
        evidence: f.evidence ?? [],
      })),
      pAgreementZone: mc.pAgreementZone,
      stdError: mc.stdError,
      drafts: mc.drafts.map((d) => ({ name: d.name, pAll: d.pAll, stdError: d.stdErrors.pAll })),
      centralZone,
      blocking: centralZone ? [] : unblockers(central, now),
      levers: state.levers,
    });
  }
  return {
    samples,
    seed,
    steps,
    undated: record.events.filter((e) => e.on === undefined).map((e) => e.id),
  };
}
