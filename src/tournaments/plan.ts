import { ConcordError, fail, ok, type Problem, type Result } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import {
  defaultSeats,
  NEGOTIATE_DEFAULTS,
  type ProtocolName,
  protocolByName,
  type SingleTextVariant,
} from '../protocols/index.js';
import { builtInStrategies, type NegotiationSpec, type StrategyRegistry } from '../strategies/index.js';
import { hash64, seedFrom } from './hash.js';

/** A scenario of a tournament: a reference the executor resolves, and how many seats it has. */
export interface TournamentScenario {
  /** File, folder or built-in name, as the executor's resolver understands it. */
  readonly ref: string;
  /** Parties at the table; default `parties.length`, else 2. */
  readonly seats?: number | undefined;
  /** Who sits at the table, in seat order (default: the scenario's principals). */
  readonly parties?: readonly string[] | undefined;
}

/**
 * A scenario entry for a plan, with its seats counted from the loaded scenario (the planner itself
 * never loads anything).
 *
 * @example
 * tournamentScenario('examples/labour-contract.yaml', scenario); // { ref, seats: 2 } (the principals)
 */
export function tournamentScenario(
  ref: string,
  scenario: Scenario,
  parties?: readonly string[],
): TournamentScenario {
  return parties ? { ref, seats: parties.length, parties } : { ref, seats: defaultSeats(scenario).length };
}

/** What a tournament runs; every field but `strategies` and `scenarios` has a default. */
export interface TournamentOptions {
  /** Agent texts of the registry, e.g. `boulware`, `conceder:e=2`. */
  readonly strategies: readonly string[];
  readonly scenarios: readonly (string | TournamentScenario)[];
  /**
   * `all` (default): every matchup in every seat order (each strategy plays every role);
   * `none`: each set of strategies once, seated in the order they were listed.
   */
  readonly permutations?: 'all' | 'none';
  /** Let a strategy meet itself (default false). */
  readonly selfPlay?: boolean;
  /** Runs of each matchup on each scenario; default 1. */
  readonly repetitions?: number;
  /** Default `ao`. */
  readonly protocol?: ProtocolName;
  readonly variant?: SingleTextVariant;
  /** Deadline in rounds; default 100. */
  readonly steps?: number;
  /** The tournament seed every run's seed derives from; default 1. */
  readonly seed?: number;
  /** Checks the agent texts; default: the built-in strategies. */
  readonly registry?: StrategyRegistry;
}

export const TOURNAMENT_DEFAULTS = {
  permutations: 'all',
  selfPlay: false,
  repetitions: 1,
  protocol: NEGOTIATE_DEFAULTS.protocol,
  steps: NEGOTIATE_DEFAULTS.rounds,
  seed: NEGOTIATE_DEFAULTS.seed,
} as const;

/** One negotiation of a tournament: a serialisable spec with a stable id. */
export interface PlannedRun extends NegotiationSpec {
  /** 16 hex digits hashed from scenario, seats, settings, agents and repetition: the same run has the same id in every plan. */
  readonly id: string;
  readonly scenario: string;
  readonly protocol: ProtocolName;
  readonly steps: number;
  /** Derived from the tournament seed and the id's contents. */
  readonly seed: number;
  /** From 0. */
  readonly repetition: number;
}

/** The runs of a tournament, in a deterministic order (repetition, then scenario, then matchup). */
export interface TournamentPlan {
  readonly runs: readonly PlannedRun[];
  readonly strategies: readonly string[];
  readonly scenarios: readonly TournamentScenario[];
  readonly permutations: 'all' | 'none';
  readonly selfPlay: boolean;
  readonly repetitions: number;
  readonly protocol: ProtocolName;
  readonly variant?: SingleTextVariant;
  readonly steps: number;
  readonly seed: number;
}

const positiveInt = (x: number): boolean => Number.isInteger(x) && x > 0;

/**
 * Plans a tournament: every matchup of the strategies on every scenario (in every seat order
 * unless `permutations: 'none'`), repeated. Pure and deterministic; every run gets an id and a seed
 * that depend only on what the run is, so adding strategies, scenarios or repetitions later keeps
 * the ids and results of the runs already planned (a resumed tournament can grow). Bad options
 * give every problem at once, located by path.
 *
 * @example
 * const plan = planTournament({ strategies: ['boulware', 'conceder', 'tft'], scenarios: ['examples/job-offer.yaml'], repetitions: 5 });
 * if (plan.ok) plan.value.runs.length; // 3·2 ordered pairs · 1 scenario · 5 = 30
 */
export function planTournament(options: TournamentOptions): Result<TournamentPlan> {
  const problems: Problem[] = [];
  const registry = options.registry ?? builtInStrategies;
  const strategies = options.strategies.map((s) => s.trim());
  const permutations = options.permutations ?? TOURNAMENT_DEFAULTS.permutations;
  const selfPlay = options.selfPlay ?? TOURNAMENT_DEFAULTS.selfPlay;
  const repetitions = options.repetitions ?? TOURNAMENT_DEFAULTS.repetitions;
  const protocol = options.protocol ?? TOURNAMENT_DEFAULTS.protocol;
  const steps = options.steps ?? TOURNAMENT_DEFAULTS.steps;
  const seed = options.seed ?? TOURNAMENT_DEFAULTS.seed;

  if (strategies.length === 0)
    problems.push({ code: 'no-strategies', message: 'give at least one strategy' });
  strategies.forEach((s, i) => {
    const parsed = registry.parse(s);
    if (!parsed.ok) for (const p of parsed.problems) problems.push({ ...p, path: ['strategies', i] });
    if (strategies.indexOf(s) !== i) {
      problems.push({
        code: 'duplicate-strategy',
        message: `"${s}" is listed twice`,
        path: ['strategies', i],
      });
    }
  });
  const scenarios: TournamentScenario[] = options.scenarios.map((s) => {
    const entry = typeof s === 'string' ? { ref: s } : s;
    return { ...entry, seats: entry.seats ?? entry.parties?.length ?? 2 };
  });
  if (scenarios.length === 0) problems.push({ code: 'no-scenarios', message: 'give at least one scenario' });
  const mechanism = protocolByName(protocol);
  if (!mechanism)
    problems.push({ code: 'unknown-protocol', message: `no protocol "${protocol}"`, path: ['protocol'] });
  scenarios.forEach((s, i) => {
    const seats = s.seats as number;
    if (scenarios.findIndex((t) => t.ref === s.ref) !== i) {
      problems.push({
        code: 'duplicate-scenario',
        message: `"${s.ref}" is listed twice`,
        path: ['scenarios', i],
      });
    }
    if (mechanism && (seats < mechanism.minParties || seats > mechanism.maxParties)) {
      problems.push({
        code: 'wrong-party-count',
        message: `${s.ref}: ${protocol} takes ${mechanism.minParties === mechanism.maxParties ? mechanism.minParties : `${mechanism.minParties} or more`} parties at the table, the scenario seats ${seats}`,
        path: ['scenarios', i],
      });
    }
    if (!selfPlay && strategies.length > 0 && strategies.length < seats) {
      problems.push({
        code: 'too-few-strategies',
        message: `${s.ref} seats ${seats} parties but only ${strategies.length} ${strategies.length === 1 ? 'strategy is' : 'strategies are'} given (add strategies, or allow self-play)`,
        path: ['scenarios', i],
      });
    }
  });
  if (!positiveInt(repetitions)) {
    problems.push({
      code: 'bad-repetitions',
      message: `repetitions must be a positive whole number, got ${repetitions}`,
      path: ['repetitions'],
    });
  }
  if (!positiveInt(steps)) {
    problems.push({
      code: 'bad-steps',
      message: `steps must be a positive whole number, got ${steps}`,
      path: ['steps'],
    });
  }
  if (!Number.isInteger(seed))
    problems.push({ code: 'bad-seed', message: `seed must be a whole number, got ${seed}`, path: ['seed'] });
  if (problems.length) return fail(problems);

  const runs: PlannedRun[] = [];
  const ids = new Set<string>();
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const s of scenarios) {
      for (const agents of matchups(strategies, s.seats as number, permutations, selfPlay)) {
        const key = JSON.stringify([
          s.ref,
          s.parties ?? null,
          protocol,
          options.variant ?? null,
          steps,
          seed,
          agents,
          repetition,
        ]);
        const id = hash64(key);
        if (ids.has(id))
          throw new ConcordError('id-collision', `two runs hash to the id ${id}; change the seed`);
        ids.add(id);
        runs.push({
          id,
          scenario: s.ref,
          protocol,
          ...(options.variant ? { variant: options.variant } : {}),
          agents,
          seed: seedFrom(key),
          steps,
          ...(s.parties ? { parties: s.parties } : {}),
          repetition,
        });
      }
    }
  }
  return ok({
    runs,
    strategies,
    scenarios,
    permutations,
    selfPlay,
    repetitions,
    protocol,
    ...(options.variant ? { variant: options.variant } : {}),
    steps,
    seed,
  });
}

/**
 * Agents per seat for `seats` seats: every ordered tuple of distinct strategies (`all`), or one
 * tuple per set in listing order (`none`); with self-play, strategies may repeat.
 */
export function matchups(
  strategies: readonly string[],
  seats: number,
  permutations: 'all' | 'none',
  selfPlay: boolean,
): string[][] {
  const out: string[][] = [];
  const tuple: number[] = [];
  const used = new Array<boolean>(strategies.length).fill(false);
  const visit = (): void => {
    if (tuple.length === seats) {
      out.push(tuple.map((i) => strategies[i] as string));
      return;
    }
    const last = tuple.length ? (tuple[tuple.length - 1] as number) : 0;
    const from = permutations === 'none' ? (selfPlay || tuple.length === 0 ? last : last + 1) : 0;
    for (let i = from; i < strategies.length; i++) {
      if (!selfPlay && used[i]) continue;
      tuple.push(i);
      used[i] = true;
      visit();
      used[i] = false;
      tuple.pop();
    }
  };
  visit();
  return out;
}
