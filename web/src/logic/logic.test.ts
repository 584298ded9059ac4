// Client logic without a browser: debouncing on a driven clock, the what-if state under
// out-of-order answers, the draft diff view model against the library's diffDrafts on random
// drafts, acceptance rows by role, and the yes/no lines a party or observer may read.
import { describe, expect, it } from 'vitest';
import { createRng, type Draft, diffDrafts } from '../../../src/index.js';
import type { DraftText } from '../api.js';
import { debounce, type Timers } from './debounce.js';
import { acceptanceRows, diffRows } from './diff-view.js';
import { capabilities, restrictedLines } from './visibility.js';
import { baselineOf, deltaPoints, initialWhatIf, isBaseline, settingsKey, whatIfReducer } from './whatif.js';

/** A clock the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h) => {
      due.delete(h as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        due.delete(id);
        t.fn();
      }
  };
  return { timers, advance };
}

describe('debounce', () => {
  it('calls once, with the last argument, after the quiet time', () => {
    const { timers, advance } = fakeTimers();
    const calls: number[] = [];
    const d = debounce((x: number) => calls.push(x), 300, timers);
    d.schedule(1);
    advance(200);
    d.schedule(2);
    advance(200);
    expect(calls).toEqual([]);
    expect(d.pending).toBe(true);
    advance(100);
    expect(calls).toEqual([2]);
    expect(d.pending).toBe(false);
    d.schedule(3);
    d.flush();
    expect(calls).toEqual([2, 3]);
    d.schedule(4);
    d.cancel();
    advance(1000);
    expect(calls).toEqual([2, 3]);
  });
});

describe('the what-if state', () => {
  const base = { levers: { sanctions: 'current', aid: 'current' }, pins: {}, samples: 1000, seed: 1 };
  const baselines = { sanctions: 'current', aid: 'current' };
  const z = (p: number) => ({ pAgreementZone: p, stdError: 0.01, samples: 1000, ms: 5 });

  it('keys ignore key order; baseline settings are recognised', () => {
    expect(settingsKey({ ...base, levers: { aid: 'current', sanctions: 'current' } })).toBe(
      settingsKey(base),
    );
    expect(settingsKey({ ...base, seed: 2 })).not.toBe(settingsKey(base));
    expect(isBaseline(base, baselines)).toBe(true);
    expect(isBaseline({ ...base, levers: { ...base.levers, sanctions: 'intensified' } }, baselines)).toBe(
      false,
    );
    expect(isBaseline({ ...base, pins: { a: 0.5 } }, baselines)).toBe(false);
    expect(
      baselineOf({ ...base, pins: { a: 1 }, levers: { sanctions: 'x' }, samples: 500 }, baselines),
    ).toEqual({
      levers: baselines,
      pins: {},
      samples: 500,
      seed: 1,
    });
  });

  it('an answer to an older request is dropped; the latest one shows with its baseline', () => {
    let s = initialWhatIf(base);
    s = whatIfReducer(s, { type: 'started', request: 1 });
    s = whatIfReducer(s, { type: 'started', request: 2 });
    s = whatIfReducer(s, { type: 'progress', request: 1, done: 5, total: 10 });
    expect(s.progress).toBeUndefined();
    s = whatIfReducer(s, { type: 'progress', request: 2, done: 3, total: 10 });
    expect(s.progress).toEqual({ done: 3, total: 10 });
    s = whatIfReducer(s, { type: 'result', request: 1, key: 'old', result: z(0.9), baseline: z(0.1) });
    expect(s.current).toBeUndefined();
    expect(s.running).toBe(true);
    s = whatIfReducer(s, { type: 'result', request: 2, key: 'new', result: z(0.6), baseline: z(0.5) });
    expect(s.running).toBe(false);
    expect(s.currentKey).toBe('new');
    expect(s.progress).toBeUndefined();
    expect(deltaPoints(s)).toBeCloseTo(10, 12);
    s = whatIfReducer(s, { type: 'started', request: 3 });
    s = whatIfReducer(s, { type: 'failed', request: 3, error: 'boom' });
    expect(s.error).toBe('boom');
    expect(s.current?.pAgreementZone).toBe(0.6);
    s = whatIfReducer(s, { type: 'started', request: 4 });
    expect(s.error).toBeUndefined();
  });
});

/** A random draft over a few issues: points fix random subsets, some fix nothing. */
function randomDraft(rng: ReturnType<typeof createRng>, name: string): DraftText {
  const issues = ['A', 'B', 'C', 'D'];
  const n = 1 + Math.floor(rng.float() * 4);
  const used = new Set<string>();
  const points = Array.from({ length: n }, (_, i) => {
    const sets: Record<string, string> = {};
    for (const is of issues)
      if (!used.has(is) && rng.float() < 0.3) sets[is] = `v${Math.floor(rng.float() * 3)}`;
    for (const k of Object.keys(sets)) used.add(k);
    return {
      number: i + 1,
      title: `t${Math.floor(rng.float() * 3)}`,
      ...(Object.keys(sets).length > 0 ? { sets } : {}),
    };
  });
  return { name, points };
}
const asDraft = (d: DraftText): Draft => ({
  name: d.name,
  drafters: [],
  pointCount: d.points.length,
  evidence: [],
  points: d.points.map((p) => ({ ...p, detailed: true, evidence: [] })),
});

describe('the draft diff view model', () => {
  it("classifies every point as the library's diffDrafts does (300 random pairs)", () => {
    const rng = createRng(7);
    for (let k = 0; k < 300; k++) {
      const a = randomDraft(rng, 'a');
      const b = randomDraft(rng, 'b');
      const rows = diffRows(a, b);
      const lib = diffDrafts(asDraft(a), asDraft(b)).points;
      const count = (xs: readonly { change: string }[], c: string) => xs.filter((x) => x.change === c).length;
      for (const c of ['added', 'dropped'])
        expect(count(rows, c), JSON.stringify({ a, b })).toBe(count(lib, c));
      // Our rows tell wording changes apart from value changes; together they are the library's.
      expect(count(rows, 'changed') + count(rows, 'same')).toBe(count(lib, 'changed') + count(lib, 'same'));
      // Every point of both versions appears exactly once.
      expect(rows.filter((r) => r.left).length).toBe(a.points.length);
      expect(rows.filter((r) => r.right).length).toBe(b.points.length);
      for (const r of rows.filter((x) => x.change === 'changed')) expect(r.what.length).toBeGreaterThan(0);
    }
  });

  it('names the issues whose values changed', () => {
    const a: DraftText = { name: 'd', points: [{ number: 1, title: 'cap', sets: { cap: 800000 } }] };
    const b: DraftText = { name: 'd', points: [{ number: 1, title: 'cap', sets: { cap: 680000 } }] };
    const [row] = diffRows(a, b);
    expect(row?.change).toBe('changed');
    expect(row?.what).toEqual(['cap']);
    expect(row?.left?.sets).toEqual(['cap = 800,000']);
    expect(row?.right?.sets).toEqual(['cap = 680,000']);
  });

  it('acceptance rows: every party for the mediator, only "me" and "all" for a party', () => {
    const mediator = acceptanceRows(
      {
        acceptedByAll: false,
        parties: [
          { party: 'X', accepts: true },
          { party: 'Y', accepts: false },
        ],
      },
      {
        acceptedByAll: true,
        parties: [
          { party: 'X', accepts: true },
          { party: 'Y', accepts: true },
        ],
      },
    );
    expect(mediator).toEqual([
      { who: 'X', before: true, after: true },
      { who: 'Y', before: false, after: true },
      { who: 'all parties', before: false, after: true },
    ]);
    const party = acceptanceRows(
      { acceptableToAll: false, acceptableToMe: true },
      { acceptableToAll: true, acceptableToMe: true },
      'X',
    );
    expect(party).toEqual([
      { who: 'X', before: true, after: true },
      { who: 'all parties', before: false, after: true },
    ]);
    expect(acceptanceRows({ acceptableToAll: true }, undefined)).toEqual([
      { who: 'all parties', before: true },
    ]);
  });
});

describe('what each role may see', () => {
  it('controls by role', () => {
    expect(capabilities('mediator')).toMatchObject({
      whatIf: true,
      model: true,
      draftEditor: true,
      packageCheck: false,
    });
    expect(capabilities('party')).toMatchObject({
      whatIf: false,
      model: false,
      ownPreferences: true,
      packageCheck: true,
    });
    expect(Object.values(capabilities('observer')).every((x) => x === false)).toBe(true);
  });

  it('restricted lines: a party reads its own answers, an observer only the yes/no for all', () => {
    const b = {
      zoneExists: false,
      myBindingRedLines: ['ru-cap'],
      drafts: [{ draft: 'd', acceptableToAll: false, acceptableToMe: true, myRedLinesCrossed: ['ru-x'] }],
    };
    const party = restrictedLines(b, 'party').map((l) => `${l.label}=${l.value}`);
    expect(party).toEqual([
      'Is there an agreement zone?=no',
      'My red lines that close the zone=ru-cap',
      'd: acceptable to all parties?=no',
      'd: acceptable to me?=yes',
      'd: my red lines it crosses=ru-x',
    ]);
    const observer = restrictedLines(
      { zoneExists: true, drafts: [{ draft: 'd', acceptableToAll: true }] },
      'observer',
    );
    expect(observer.map((l) => l.value)).toEqual(['yes', 'yes']);
    expect(observer.map((l) => l.label).join('|')).not.toMatch(/to me|\bmy\b/i);
  });
});
