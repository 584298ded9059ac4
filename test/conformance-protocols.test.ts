/**
 * ONE conformance suite for every protocol × every strategy (Hono's router pattern): each run
 * must end within its deadline, make only legal moves with valid outcomes, be identical for the
 * same seed, report utilities equal to a fresh evaluation, and end (if at all) in an agreement
 * every seated party can accept. A new protocol in PROTOCOLS or a new built-in strategy is
 * covered here without a new test file (a protocol only adds its move checker below).
 */
import { describe, expect, it } from 'vitest';
import {
  builtInStrategies,
  compileCondition,
  compileUtility,
  createRng,
  createSpace,
  type NegotiationResult,
  type NegotiationTable,
  type NegotiatorFactory,
  negotiate,
  outcomeProblem,
  PROTOCOLS,
  type ProtocolName,
  prepareTable,
  randomScenario,
  type Scenario,
  type SingleTextVariant,
  type TraceEvent,
} from '../src/index.js';
import { loadScenario } from '../src/node.js';

/** A custom negotiator written against the public interface only (as in docs/simulation.md). */
const stubborn: NegotiatorFactory = ({ me }) => ({
  propose: (view) => me.atLeast(me.max - 0.3 * view.time * (me.max - Math.max(me.min, me.reservation))),
  respond: (view, offer) =>
    me.permits(offer) && me.utility(offer) >= Math.max(me.reservation, me.max - 0.3 * view.time)
      ? 'accept'
      : 'reject',
});
const registry = builtInStrategies.with({
  name: 'custom',
  description: 'the custom negotiator of the docs',
  params: {},
  create: () => stubborn,
});
const STRATEGIES = registry.names;

function withExtras(s: Scenario): Scenario {
  // Discounting and a red line, so both are exercised by every protocol.
  const [a, b, ...rest] = s.parties;
  if (!a || !b) return s;
  return {
    ...s,
    parties: [
      { ...a, discountFactor: 0.9 },
      { ...b, discountFactor: 0.8, redLines: [{ id: 'no-v1', forbid: { issue: 'i1', in: ['v1'] } }] },
      ...rest,
    ],
  };
}

const labour = loadScenario('examples/labour-contract.yaml');
if (!labour.ok) throw new Error('examples/labour-contract.yaml does not load');
const SCENARIOS: Record<string, { scenario: Scenario; steps: number }> = {
  small: {
    scenario: withExtras(randomScenario(createRng(11), { issues: 4, values: 4, reservation: 0.3 })),
    steps: 30,
  },
  labour: { scenario: labour.value, steps: 30 },
  three: {
    scenario: randomScenario(createRng(12), { parties: 3, issues: 3, values: 5, reservation: 0.2 }),
    steps: 20,
  },
  huge: { scenario: randomScenario(createRng(13), { issues: 20, values: 10, reservation: 0.4 }), steps: 12 },
};

interface Case {
  readonly name: string;
  readonly protocol: ProtocolName;
  readonly variant?: SingleTextVariant;
  readonly scenarios: readonly string[];
}
const CASES: readonly Case[] = [
  { name: 'ao', protocol: 'ao', scenarios: ['small', 'labour', 'huge'] },
  { name: 'mao', protocol: 'mao', scenarios: ['small', 'three'] },
  {
    name: 'single-text (veto)',
    protocol: 'single-text',
    variant: 'veto',
    scenarios: ['small', 'labour', 'three'],
  },
  {
    name: 'single-text (hill-climbing)',
    protocol: 'single-text',
    variant: 'hill-climbing',
    scenarios: ['small', 'three', 'huge'],
  },
  { name: 'shuttle', protocol: 'shuttle', scenarios: ['small', 'labour', 'three', 'huge'] },
];

/** Checks the order and kind of moves; specific to each protocol. */
const MOVES: Record<
  ProtocolName,
  (events: readonly TraceEvent[], table: NegotiationTable, r: NegotiationResult) => void
> = {
  ao: alternatingMoves,
  mao: alternatingMoves,
  'single-text': singleTextMoves,
  shuttle: shuttleMoves,
};

function alternatingMoves(
  events: readonly TraceEvent[],
  table: NegotiationTable,
  r: NegotiationResult,
): void {
  const n = table.names.length;
  let standing: readonly number[] | undefined;
  let accepts = 0;
  events.forEach((e, k) => {
    expect(e.turn).toBe(k);
    expect(e.actor).toBe(table.names[k % n]);
    expect(e.round).toBe(Math.floor(k / n));
    expect(e.to).toBeUndefined();
    if (k === 0) expect(e.action).toBe('offer');
    if (e.action === 'offer') {
      standing = e.outcome;
      accepts = 0;
    } else if (e.action === 'accept') {
      expect(e.outcome).toEqual(standing);
      accepts++;
    } else {
      expect(e.action).toBe('end');
      expect(k).toBe(events.length - 1);
    }
  });
  if (r.agreement) {
    expect(r.agreement).toEqual(standing);
    expect(accepts).toBe(n - 1);
  } else expect(accepts).toBeLessThan(n - 1);
}

function singleTextMoves(events: readonly TraceEvent[], table: NegotiationTable, r: NegotiationResult): void {
  const n = table.names.length;
  const mediator = table.mediator.name;
  // A draft turn: the parties' positions (to the mediator only), then a fresh text. It opens the
  // talks and follows every refused ratification.
  const drafts = new Set(events.filter((e) => e.action === 'counter').map((e) => e.turn));
  drafts.add(0);
  expect(events[0]?.turn).toBe(0);
  let text: readonly number[] | undefined;
  let candidate: readonly number[] | undefined;
  let scores: number[] = [];
  const passed = new Set<string>();
  let turn = -1;
  let signed = 0;
  let refused = false;
  for (const e of events) {
    if (e.turn !== turn) {
      if (turn >= 0 && refused) expect(drafts.has(e.turn) || e.action === 'ratify').toBe(true);
      passed.clear();
      turn = e.turn;
      refused = false;
    }
    switch (e.action) {
      case 'counter':
        expect(e.to).toBe(mediator);
        break;
      case 'text': {
        expect(e.actor).toBe(mediator);
        expect(drafts.has(e.turn)).toBe(false);
        candidate = e.outcome as readonly number[];
        expect(candidate.filter((v, i) => v !== text?.[i]).length).toBe(1);
        scores = [];
        break;
      }
      case 'vote': {
        expect(e.to).toBe(mediator);
        expect(e.outcome).toEqual(candidate);
        expect(e.actor).toBe(table.names[scores.length]);
        if (r.variant === 'veto') expect([-1, 0, 1]).toContain(e.score);
        scores.push(e.score as number);
        if (scores.length === n && Math.min(...scores) >= 0 && Math.max(...scores) > 0)
          passed.add(String(candidate));
        break;
      }
      case 'adopt':
        expect(e.actor).toBe(mediator);
        // A revision must have passed the vote; a fresh draft follows the positions.
        if (!drafts.has(e.turn)) expect(passed.has(String(e.outcome))).toBe(true);
        text = e.outcome as readonly number[];
        break;
      case 'ratify':
        expect(e.outcome).toEqual(text);
        signed = 0;
        break;
      case 'accept':
      case 'reject':
        expect(e.outcome).toEqual(text);
        if (e.action === 'accept') signed++;
        else refused = true;
        break;
      default:
        expect(e.action).toBe('end');
    }
  }
  if (r.agreement) {
    expect(r.agreement).toEqual(text);
    expect(signed).toBe(n);
  }
}

function shuttleMoves(events: readonly TraceEvent[], table: NegotiationTable, r: NegotiationResult): void {
  const n = table.names.length;
  const mediator = table.mediator.name;
  let proposal: readonly number[] | undefined;
  let accepts = 0;
  let lastAnswer: { actor: string; action: string } | undefined;
  for (const e of events) {
    if (e.round === 0) expect(e.action === 'counter' || e.action === 'end').toBe(true);
    if (e.action === 'propose') {
      expect(e.actor).toBe(mediator);
      expect(e.to).toBe(table.names[e.turn % n]);
      if (e.turn % n === 0) {
        proposal = e.outcome;
        accepts = 0;
      } else expect(e.outcome).toEqual(proposal);
      continue;
    }
    expect(e.actor).toBe(table.names[e.turn % n]);
    expect(e.to).toBe(mediator);
    if (e.action === 'accept' || e.action === 'reject') {
      expect(e.outcome).toEqual(proposal);
      if (e.action === 'accept') accepts++;
    } else if (e.action === 'counter' && e.round > 0) {
      expect(lastAnswer).toEqual({ actor: e.actor, action: 'reject' });
    } else if (e.action !== 'counter') expect(e.action).toBe('end');
    lastAnswer = { actor: e.actor, action: e.action };
  }
  if (r.agreement) {
    expect(r.agreement).toEqual(proposal);
    expect(accepts).toBe(n);
  }
}

/** Utilities and acceptability checked against a fresh compilation of the scenario. */
function freshCheck(table: NegotiationTable, r: NegotiationResult): void {
  const space = createSpace(table.scenario.issues);
  table.seats.forEach((p, i) => {
    const party = table.scenario.parties[p];
    if (!party) throw new Error('no party');
    const u = r.agreement
      ? compileUtility(space, party.utility).evaluate(r.agreement)
      : party.reservationValue;
    expect(r.utilities[i]).toBeCloseTo(u, 12);
    expect(r.discounted[i]).toBeCloseTo(u * (party.discountFactor ?? 1) ** r.time, 12);
    if (r.agreement) {
      expect(u).toBeGreaterThanOrEqual(party.reservationValue);
      for (const line of party.redLines)
        expect(compileCondition(space, line.forbid).test(r.agreement)).toBe(false);
    }
  });
}

for (const c of CASES) {
  describe(`protocol ${c.name}`, () => {
    for (const key of c.scenarios) {
      const { scenario, steps } = SCENARIOS[key] as { scenario: Scenario; steps: number };
      const table = prepareTable(scenario);
      const n = table.names.length;
      it.each(STRATEGIES)(
        `%s on ${key}: terminates legally, deterministic, utilities verified`,
        (strategy) => {
          const matchups = [Array(n).fill(strategy), [strategy, 'conceder', 'boulware'].slice(0, n)];
          for (const agents of matchups) {
            for (const seed of [1, 2]) {
              const run = () =>
                negotiate(
                  table,
                  agents.map((a) => registry.create(a)),
                  {
                    protocol: c.protocol,
                    ...(c.variant ? { variant: c.variant } : {}),
                    deadline: { rounds: steps },
                    seed,
                    trace: true,
                  },
                );
              const r = run();
              const where = `${agents.join(' vs ')} seed ${seed}: ${r.problem ?? ''}`;
              expect(['agreement', 'deadline', 'walk-away'], where).toContain(r.endedBy);
              expect(r.rounds, where).toBeLessThanOrEqual(steps);
              expect(r.turns, where).toBeLessThanOrEqual(c.protocol === 'single-text' ? steps : steps * n);
              if (r.agreement) expect(r.time).toBeLessThan(1);
              const events = r.trace ?? [];
              for (const e of events)
                if (e.outcome) expect(outcomeProblem(table.space, e.outcome)).toBeUndefined();
              MOVES[c.protocol](events, table, r);
              freshCheck(table, r);
              expect(run(), `same seed, same run (${where})`).toEqual(r);
            }
          }
        },
      );
    }
  });
}

describe('the suite covers every protocol', () => {
  it('each protocol in PROTOCOLS has a case and a move checker', () => {
    for (const name of Object.keys(PROTOCOLS) as ProtocolName[]) {
      expect(CASES.some((c) => c.protocol === name)).toBe(true);
      expect(typeof MOVES[name]).toBe('function');
    }
  });
});
