/**
 * The simulation API: registry texts, serialisable run specs and records, simulate() summaries,
 * deadlines, misbehaving negotiators, and the three OwnPreferences implementations (exact index,
 * additive band search, sampled index) held to one set of properties.
 */
import { describe, expect, it } from 'vitest';
import {
  builtInStrategies,
  ConcordError,
  createRng,
  type NegotiationSpec,
  type NegotiatorFactory,
  negotiate,
  type OwnPreferences,
  outcomeProblem,
  prepareTable,
  randomScenario,
  runNegotiation,
  type Scenario,
  simulate,
} from '../src/index.js';
import { loadScenario } from '../src/node.js';

const small = randomScenario(createRng(21), { issues: 4, values: 4, reservation: 0.2 });

describe('the strategy registry', () => {
  it('reads name:param=value texts and fills in defaults', () => {
    const r = builtInStrategies.parse(' Boulware:e=0.3:ac=combi ');
    expect(r.ok && r.value).toEqual({
      name: 'boulware',
      params: { e: 0.3, k: 0, ac: 'combi', a: 1, b: 0, c: 0.8, tau: 0.98 },
      text: 'Boulware:e=0.3:ac=combi',
    });
  });

  it('reports every problem of a text at once, each naming the culprit', () => {
    const r = builtInStrategies.parse('conceder:e=x:zz=1:ac=maybe:tau');
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.problems.map((p) => p.message);
    expect(messages).toEqual([
      '"conceder:e=x:zz=1:ac=maybe:tau": e must be a number, got "x"',
      '"conceder:e=x:zz=1:ac=maybe:tau": conceder has no parameter "zz" (parameters: e, k, ac, a, b, c, tau)',
      '"conceder:e=x:zz=1:ac=maybe:tau": ac must be one of next, const, time, combi, next-or-time, got "maybe"',
      '"conceder:e=x:zz=1:ac=maybe:tau": "tau" is not param=value',
    ]);
    const unknown = builtInStrategies.parse('nope');
    expect(!unknown.ok && unknown.problems[0]?.code).toBe('unknown-strategy');
    expect(() => builtInStrategies.create('linear:e=-1')).toThrow(/e must be at least 0/);
  });

  it('takes custom negotiators by name without changing the built-in registry', () => {
    const mine: NegotiatorFactory = ({ me }) => ({ propose: () => me.best(), respond: () => 'accept' });
    const registry = builtInStrategies.with({
      name: 'mine',
      description: 'accepts all',
      params: {},
      create: () => mine,
    });
    expect(registry.names).toContain('mine');
    expect(builtInStrategies.names).not.toContain('mine');
    const s = simulate(small, { agents: ['boulware', 'mine'], registry });
    expect(s.agreements).toBe(1);
    expect(s.perRun[0]?.rounds).toBe(1);
  });
});

describe('runNegotiation (serialisable spec → serialisable record)', () => {
  const spec: NegotiationSpec = {
    scenario: 'examples/job-offer.yaml',
    protocol: 'ao',
    agents: ['boulware', 'frequency:e=0.4'],
    seed: 9,
    steps: 40,
    trace: true,
  };
  const resolve = (ref: string): Scenario => {
    const r = loadScenario(ref);
    if (!r.ok) throw new Error(ref);
    return r.value;
  };

  it('gives the same record for a spec that went through JSON, and the record survives JSON', () => {
    const a = runNegotiation(spec, { resolve });
    const b = runNegotiation(JSON.parse(JSON.stringify(spec)), { resolve });
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.agents).toEqual(['boulware', 'frequency:e=0.4']);
    expect(a.scenario).toBe(resolve('examples/job-offer.yaml').name);
    expect(a.trace?.length).toBeGreaterThan(0);
  });

  it('needs a resolver for references, and one agent may stand for every seat', () => {
    expect(() => runNegotiation(spec)).toThrow(ConcordError);
    const r = runNegotiation({ scenario: small, agents: ['linear'], seed: 1 });
    expect(r.agents).toEqual(['linear', 'linear']);
    expect(() => runNegotiation({ scenario: small, agents: ['linear', 'linear', 'linear'] })).toThrow(
      /2 parties/,
    );
  });
});

describe('simulate', () => {
  it('summarises runs; run r replays alone with seed + r', () => {
    let clock = 0;
    const s = simulate(small, {
      agents: ['random', 'conceder'],
      runs: 20,
      seed: 100,
      steps: 30,
      now: () => (clock += 1),
    });
    expect(s.runs).toBe(20);
    expect(s.perRun).toHaveLength(20);
    expect(s.agreements).toBe(s.perRun.filter((r) => r.agreement).length);
    expect(s.agreementRate).toBe(s.agreements / 20);
    expect(s.meanRounds).toBeCloseTo(s.perRun.reduce((a, r) => a + r.rounds, 0) / 20, 12);
    expect(s.elapsedMs).toBeGreaterThan(0);
    const r7 = runNegotiation({ scenario: small, agents: ['random', 'conceder'], seed: 107, steps: 30 });
    expect(s.perRun[7]?.agreement).toEqual(r7.agreement);
    expect(s.perRun[7]?.utilities).toEqual(r7.utilities);
    const mean0 = s.perRun.reduce((a, r) => a + (r.utilities[0] as number), 0) / 20;
    expect(s.perParty[0]?.meanUtility).toBeCloseTo(mean0, 12);
    for (const r of s.perRun) if (r.agreement) expect(r.frontierDistance).toBeGreaterThanOrEqual(0);
  });

  it('keeps traces only when asked, for the first runs', () => {
    const s = simulate(small, { agents: ['linear', 'linear'], runs: 3, traces: 2 });
    expect(s.traces?.map((t) => t.run)).toEqual([0, 1]);
    expect(simulate(small, { agents: ['linear', 'linear'] }).traces).toBeUndefined();
  });
});

describe('deadlines and misbehaviour', () => {
  const table = prepareTable(small);
  const linear = builtInStrategies.create('linear');

  it('a deadline in ms reads only the given clock (deterministic with a fake one)', () => {
    let t = 0;
    const hardliner = builtInStrategies.create('hardliner');
    const r = negotiate(table, [hardliner, hardliner], { deadline: { ms: 50 }, now: () => (t += 1) });
    expect(r.endedBy).toBe('deadline');
    // One clock reading per step, 1 ms apart: the 50th reading is past the deadline.
    expect(r.turns).toBe(49);
    // Without a clock, time advances 0.001 ms per step: still deterministic, still ends.
    const a = negotiate(
      table,
      [builtInStrategies.create('hardliner'), builtInStrategies.create('hardliner')],
      {
        deadline: { ms: 0.05 },
      },
    );
    expect(a.endedBy).toBe('deadline');
    expect(a).toEqual(
      negotiate(table, [builtInStrategies.create('hardliner'), builtInStrategies.create('hardliner')], {
        deadline: { ms: 0.05 },
      }),
    );
  });

  it('an invalid offer ends the run as illegal, naming the party', () => {
    const bad: NegotiatorFactory = () => ({ propose: () => [99, 0, 0, 0], respond: () => 'reject' });
    const r = negotiate(table, [linear, bad]);
    expect(r.endedBy).toBe('illegal');
    expect(r.problem).toMatch(/^p2: propose: value 99 of issue "i1"/);
    expect(r.agreement).toBeNull();
  });

  it('a throwing negotiator ends the run as an error; the caller is never thrown at', () => {
    const boom: NegotiatorFactory = () => ({
      propose: () => {
        throw new Error('boom');
      },
      respond: () => 'reject',
    });
    const r = negotiate(table, [boom, linear], { protocol: 'shuttle' });
    expect(r.endedBy).toBe('error');
    expect(r.problem).toBe('p1 threw: boom');
    const nonsense: NegotiatorFactory = () => ({
      propose: () => [0, 0, 0, 0],
      respond: () => 'maybe' as 'accept',
    });
    expect(negotiate(table, [linear, nonsense]).endedBy).toBe('illegal');
  });

  it('walking away gives each party its reservation value, discounted to that time', () => {
    const d = { ...small, parties: small.parties.map((p) => ({ ...p, discountFactor: 0.5 })) };
    const t = prepareTable(d);
    const quitter: NegotiatorFactory = () => ({ propose: () => 'end', respond: () => 'end' });
    const r = negotiate(t, [linear, quitter], { deadline: { rounds: 10 } });
    expect(r.endedBy).toBe('walk-away');
    expect(r.time).toBeCloseTo(1 / 20, 12);
    expect(r.utilities).toEqual([0.2, 0.2]);
    expect(r.discounted[0]).toBeCloseTo(0.2 * 0.5 ** (1 / 20), 12);
  });

  it('refuses misuse with typed errors', () => {
    expect(() => negotiate(table, [linear])).toThrow(/2 parties at the table but 1 negotiators/);
    const three = prepareTable(randomScenario(createRng(3), { parties: 3, issues: 2, values: 3 }));
    expect(() => negotiate(three, [linear, linear, linear], { protocol: 'ao' })).toThrow(
      /ao takes 2 parties/,
    );
    expect(() => prepareTable(small, { parties: ['p1', 'zz'] })).toThrow(/no party named "zz"/);
    expect(() => prepareTable(small, { parties: ['p1', 'p2'], mediator: 'p1' })).toThrow(ConcordError);
    expect(() => negotiate(table, [linear, linear], { deadline: { rounds: 0 } })).toThrow(
      /positive whole number/,
    );
  });
});

/** The properties every OwnPreferences implementation must have. */
function checkPreferences(me: OwnPreferences, targets: readonly number[], seed: number): void {
  const rng = createRng(seed);
  expect(me.utility(me.best())).toBeCloseTo(me.max, 12);
  expect(me.permits(me.best())).toBe(true);
  for (const target of targets) {
    const o = me.atLeast(target);
    expect(outcomeProblem(me.space, o)).toBeUndefined();
    expect(Object.isFrozen(o)).toBe(true);
    expect(me.permits(o)).toBe(true);
    if (target <= me.max) expect(me.utility(o)).toBeGreaterThanOrEqual(target - 1e-9);
    const band = me.within(target, target + 0.05, 8, rng);
    for (const b of band) {
      expect(me.utility(b)).toBeGreaterThanOrEqual(target - 1e-9);
      expect(me.utility(b)).toBeLessThanOrEqual(target + 0.05 + 1e-9);
      expect(me.permits(b)).toBe(true);
    }
    const r = me.random(rng, target);
    if (target <= me.max) expect(me.utility(r)).toBeGreaterThanOrEqual(target - 1e-9);
  }
}

describe('OwnPreferences: exact index, band search and sampled index', () => {
  const red: Scenario = {
    ...small,
    parties: small.parties.map((p, i) =>
      i === 0
        ? {
            ...p,
            redLines: [
              { id: 'one', forbid: { issue: 'i2', in: ['v1'] } },
              {
                id: 'two',
                forbid: {
                  all: [
                    { issue: 'i1', in: ['v2'] },
                    { issue: 'i3', in: ['v3'] },
                  ],
                },
              },
            ],
          }
        : p,
    ),
  };
  const targets = Array.from({ length: 21 }, (_, k) => k / 20);

  it('the band search keeps every property of the exact index and finds nearby utilities', () => {
    const exact = prepareTable(red).prefs[0] as OwnPreferences;
    const search = prepareTable(red, { indexLimit: 10 }).prefs[0] as OwnPreferences;
    expect(exact.method).toBe('exact');
    expect(search.method).toBe('search');
    expect(search.max).toBeCloseTo(exact.max, 12);
    checkPreferences(exact, targets, 1);
    checkPreferences(search, targets, 1);
    for (const t of targets.filter((x) => x <= exact.max)) {
      // The exact index finds the smallest utility ≥ t; the search is never below it.
      expect(search.utility(search.atLeast(t))).toBeGreaterThanOrEqual(
        exact.utility(exact.atLeast(t)) - 1e-12,
      );
    }
  });

  it('the sampled index (non-linear utilities beyond the limit) keeps the same properties', () => {
    const labour = loadScenario('examples/labour-contract.yaml');
    if (!labour.ok) throw new Error('labour');
    const t = prepareTable(labour.value, { indexLimit: 100 });
    const sampled = t.mediatorPreferences() as OwnPreferences;
    expect(sampled.method).toBe('sampled');
    const exact = prepareTable(labour.value).mediatorPreferences() as OwnPreferences;
    expect(sampled.max).toBeLessThanOrEqual(exact.max + 1e-12);
    expect(sampled.max).toBeGreaterThanOrEqual(exact.max - 0.1);
    checkPreferences(sampled, targets, 2);
  });

  it.each([20, 40])('offers near a target on 10^%i outcomes without enumerating', (issues) => {
    const huge = randomScenario(createRng(issues), { issues, values: 10 });
    const t = prepareTable(huge);
    const me = t.prefs[0] as OwnPreferences;
    expect(me.method).toBe('search');
    checkPreferences(me, targets, 3);
    // Many issues give fine steps: the outcome found is within 0.01 of the target.
    for (const x of [0.9, 0.7, 0.5].map((f) => me.min + f * (me.max - me.min))) {
      expect(me.utility(me.atLeast(x)) - x).toBeLessThan(0.01);
    }
    const s = simulate(huge, { agents: ['boulware', 'frequency'], steps: 50, analysis: false });
    expect(s.agreements).toBe(1);
  });
});
