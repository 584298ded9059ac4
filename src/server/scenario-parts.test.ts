// The composition's red-line ids: unique, deterministic, references followed, and undone on the
// way back in (the route-level behaviour is in test/server-red-line-ids.test.ts).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../index.js';
import {
  composeScenario,
  type Json,
  ownRedLineIds,
  readComposed,
  redLineRenames,
  splitScenario,
} from './scenario-parts.js';

const line = (id: string, option = 'p'): Json => ({ id, forbid: { issue: 'a', in: [option] } });
const party = (name: string, redLines: Json[]): Json => ({
  name,
  reservation: 0.2,
  values: { a: { p: 0, q: 1 }, b: { r: 1, s: 0 } },
  redLines,
});

/** Three parties (one with a dotted name); `x` held by all, `y` by a constraint too. */
function file(): Json {
  return {
    name: 'ids',
    issues: [
      { name: 'a', options: ['p', 'q'] },
      { name: 'b', options: ['r', 's'] },
    ],
    parties: [
      party('A', [line('x'), line('x.y', 'q')]),
      party('U.S.', [line('x'), line('y')]),
      party('C', [line('x'), line('x~u-s-')]),
    ],
    constraints: [{ id: 'y', forbid: { issue: 'b', in: ['s'] } }],
    sources: [{ id: 's1', title: 'a source' }],
    evidence: [
      { id: 'e1', kind: 'fact', source: 's1', locator: 'p. 1', fact: 'said', supports: ['x', 'y', 'a'] },
    ],
    assumptions: [
      { id: 'a1', parameter: 'U.S..redLines.x.active', distribution: { bernoulli: 0.5 }, rationale: 'r' },
      { id: 'a2', parameter: 'A.redLines.x.y.active', distribution: { bernoulli: 0.5 }, rationale: 'r' },
    ],
    events: [
      {
        id: 'ev',
        date: 'early January',
        on: '2025-01-02',
        evidence: ['e1'],
        title: 'x is tabled',
        effects: [{ kind: 'add-red-line', redLine: 'x', rationale: 'said so' }],
      },
    ],
  };
}

describe('red-line ids across parties', () => {
  it('the first holder in party order (or a constraint) keeps an id; later ones are qualified, uniquely', () => {
    const parts = splitScenario(file());
    expect(redLineRenames(parts)).toEqual({
      // C's own `x~u-s-` is a bare id, so the U.S.'s `x` takes the next free name.
      'u.s.': { x: 'x~u-s-~2', y: 'y~u-s-' },
      c: { x: 'x~c' },
    });
    const out = composeScenario(parts) as { parties: Json[] };
    const ids = out.parties.flatMap((p) => (p.redLines as Json[]).map((r) => r.id));
    expect(ids).toEqual(['x', 'x.y', 'x~u-s-~2', 'y~u-s-', 'x~c', 'x~u-s-']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the composed scenario reads; references follow their red lines', () => {
    const parts = splitScenario(file());
    const r = readComposed(parts, 't');
    expect(r.ok, r.ok ? '' : JSON.stringify(r.problems)).toBe(true);
    const out = composeScenario(parts) as Record<string, Json[]>;
    expect(out.assumptions?.map((a) => a.parameter)).toEqual([
      'U.S..redLines.x~u-s-~2.active',
      'A.redLines.x.y.active',
    ]);
    // A bare reference names every red line with that id.
    expect(out.evidence?.[0]?.supports).toEqual(['x', 'y', 'a', 'x~u-s-~2', 'x~c', 'y~u-s-']);
    expect(((out.events?.[0]?.effects ?? []) as Json[]).map((f) => f.redLine)).toEqual([
      'x',
      'x~u-s-~2',
      'x~c',
    ]);
  });

  it('an export written back gives each party its own ids and the shared text as it was', () => {
    const parts = splitScenario(file());
    expect(splitScenario(composeScenario(parts))).toEqual(parts);
    // Through YAML-like data and the library's reader too.
    const text = JSON.stringify(composeScenario(parts));
    expect(parseScenario(text, 'export').ok).toBe(true);
    expect(splitScenario(JSON.parse(text) as Json)).toEqual(parts);
  });

  it('without collisions, nothing changes', () => {
    const f = file();
    f.parties = [party('A', [line('x')]), party('B', [line('z')])];
    f.constraints = [];
    f.assumptions = [];
    const parts = splitScenario(f);
    expect(redLineRenames(parts)).toEqual({});
    expect((composeScenario(parts).evidence as Json[])[0]?.supports).toEqual(['x', 'y', 'a']);
  });

  it('a party reads its own ids back, also from results computed before its ids changed', () => {
    const parts = splitScenario(file());
    const us = ownRedLineIds(parts, 'u.s.');
    expect(['x~u-s-~2', 'y~u-s-', 'x.y', 'x~c'].map(us)).toEqual(['x', 'y', 'x.y', 'x~c']);
    // An id qualified in an older composition, no longer current.
    expect(us('old~u-s-')).toBe('old');
    const c = ownRedLineIds(parts, 'c');
    // C's own literal id stays as it is.
    expect(['x~c', 'x~u-s-'].map(c)).toEqual(['x', 'x~u-s-']);
  });
});
