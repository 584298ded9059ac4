/**
 * What a negotiator sees: a fresh view per call, frozen objects only, nothing that leads back to
 * the mechanism, the other negotiators or their preferences; in shuttle mediation, only the
 * mediator's proposals to it.
 */
import { describe, expect, it } from 'vitest';
import {
  createRng,
  type NegotiatorFactory,
  type NegotiatorView,
  negotiate,
  type Outcome,
  type ProtocolName,
  prepareTable,
  randomScenario,
} from '../src/index.js';
import { loadScenario } from '../src/node.js';

const VIEW_KEYS = [
  'history',
  'me',
  'parties',
  'protocol',
  'round',
  'self',
  'text',
  'time',
  'totalTurns',
  'turn',
];

/** Every object reachable from `root` through own properties (the public object graph). */
function reachable(root: unknown): Set<unknown> {
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length) {
    const x = stack.pop();
    if ((typeof x !== 'object' && typeof x !== 'function') || x === null || seen.has(x)) continue;
    seen.add(x);
    for (const k of Reflect.ownKeys(x)) {
      const d = Object.getOwnPropertyDescriptor(x, k);
      if (d && 'value' in d) stack.push(d.value);
    }
  }
  return seen;
}

/** A negotiator that records its views and tries to tamper with everything it is given. */
function spy(seen: NegotiatorView[], offers: Outcome[]): NegotiatorFactory {
  return ({ me }) => ({
    propose(view) {
      seen.push(view);
      return me.atLeast(me.max - view.time * (me.max - me.min));
    },
    respond(view, offer) {
      seen.push(view);
      offers.push(offer);
      expect(() => {
        (offer as number[])[0] = 99;
      }).toThrow(TypeError);
      return me.utility(offer) >= me.max - view.time * (me.max - me.min) ? 'accept' : 'reject';
    },
  });
}

describe('negotiator views', () => {
  const scenario = randomScenario(createRng(5), { parties: 3, issues: 3, values: 4 });
  const table = prepareTable(scenario);

  it.each(['ao', 'mao', 'single-text', 'shuttle'] as ProtocolName[])(
    '%s: a fresh view per turn, documented keys only, nothing mutable reaches the mechanism',
    (protocol) => {
      const t = protocol === 'ao' ? prepareTable(scenario, { parties: ['p1', 'p2'] }) : table;
      const seen: NegotiatorView[] = [];
      const offers: Outcome[] = [];
      const r = negotiate(
        t,
        t.names.map(() => spy(seen, offers)),
        { protocol, deadline: { rounds: 10 }, trace: true },
      );
      expect(r.endedBy).not.toBe('error');
      expect(seen.length).toBeGreaterThan(1);
      // One view per turn and party (respond and propose of the same turn share it).
      const turns = new Set(seen.map((v) => `${v.turn}:${v.self}`));
      expect(new Set(seen).size).toBe(turns.size);
      for (const v of seen) {
        expect(Object.keys(v).sort()).toEqual(VIEW_KEYS);
        expect(Object.isFrozen(v.me)).toBe(true);
        expect(Object.isFrozen(v.parties)).toBe(true);
        expect(() => {
          (v.me as { reservation: number }).reservation = -1;
        }).toThrow(TypeError);
        expect(() => {
          (v.history as { length: number }).length = 0;
        }).toThrow(TypeError);
        const graph = reachable(v);
        expect(graph.has(t)).toBe(false);
        for (let i = 0; i < t.prefs.length; i++) if (i !== v.self) expect(graph.has(t.prefs[i])).toBe(false);
        for (let k = 0; k < v.history.length; k++) expect(Object.isFrozen(v.history.outcome(k))).toBe(true);
      }
      // Changing one's own view changes nothing else.
      const v0 = seen[0] as NegotiatorView;
      (v0 as { time: number }).time = 42;
      expect(seen.slice(1).every((v) => v.time < 1)).toBe(true);
      expect(r.trace?.every((e) => e.time < 1)).toBe(true);
    },
  );

  it('shuttle: a party sees only the mediator’s proposals to it, never another party’s offers', () => {
    const seen: NegotiatorView[] = [];
    const r = negotiate(table, [spy(seen, []), spy([], []), spy([], [])], {
      protocol: 'shuttle',
      deadline: { rounds: 12 },
      trace: true,
    });
    const toMe = (r.trace ?? []).filter((e) => e.action === 'propose' && e.to === table.names[0]);
    const last = seen[seen.length - 1] as NegotiatorView;
    expect(last.history.length).toBe(toMe.length);
    for (let k = 0; k < last.history.length; k++) {
      expect(last.history.from(k)).toBe(-1);
      expect(last.history.outcome(k)).toEqual(toMe[k]?.outcome);
    }
    const counters = (r.trace ?? []).filter((e) => e.action === 'counter');
    expect(counters.every((e) => e.to === table.mediator.name)).toBe(true);
  });

  it('a history index out of range is a typed error, not undefined', () => {
    let caught: unknown;
    const probe: NegotiatorFactory = ({ me }) => ({
      propose(view) {
        try {
          view.history.outcome(view.history.length);
        } catch (e) {
          caught = e;
        }
        return me.best();
      },
      respond: () => 'reject',
    });
    negotiate(prepareTable(scenario, { parties: ['p1', 'p2'] }), [probe, probe], { deadline: { rounds: 1 } });
    expect((caught as { code?: string }).code).toBe('out-of-range');
  });

  it('the labour contract seats the principals; the conciliator mediates; the council only watches', () => {
    const labour = loadScenario('examples/labour-contract.yaml');
    if (!labour.ok) throw new Error('labour does not load');
    const t = prepareTable(labour.value);
    expect(t.names).toEqual(["Drivers' union", 'Bus company']);
    expect(t.mediator.name).toBe('State conciliator');
    expect(t.mediatorPreferences()?.party).toBe('State conciliator');
    expect(prepareTable(labour.value, { mediator: 'neutral' }).mediatorPreferences()).toBeUndefined();
  });
});
