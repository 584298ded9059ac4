import { describe, expect, it } from 'vitest';
import { diffDrafts, draftSettings } from './diff.js';
import type { Draft } from './types.js';

const draft = (name: string, points: Draft['points']): Draft => ({
  name,
  drafters: ['x'],
  pointCount: points.length + 5,
  points,
  evidence: [],
});

describe('diffDrafts', () => {
  const a = draft('A', [
    { number: 1, title: 'land', sets: { north: 'theirs', south: 'split' }, detailed: true, evidence: [] },
    { number: 2, title: 'cap', sets: { cap: 600 }, detailed: true, evidence: [] },
    { number: 3, title: 'amnesty', detailed: false, evidence: [] },
    { number: 4, title: 'elections', sets: { elections: 'soon' }, detailed: true, evidence: [] },
  ]);
  const b = draft('B', [
    { number: 1, title: 'cap', sets: { cap: 800 }, detailed: true, evidence: [] },
    { number: 2, title: 'land', sets: { north: 'theirs', south: 'split' }, detailed: true, evidence: [] },
    { number: 3, title: 'amnesty', detailed: false, evidence: [] },
    { number: 4, title: 'guarantees', sets: { guarantees: 'strong' }, detailed: true, evidence: [] },
  ]);
  const d = diffDrafts(a, b);

  it('matches points by the issues they fix, whatever their order', () => {
    expect(d.points.map((p) => [p.before?.title, p.after?.title, p.change])).toEqual([
      ['land', 'land', 'same'],
      ['cap', 'cap', 'changed'],
      ['amnesty', 'amnesty', 'same'],
      ['elections', undefined, 'dropped'],
      [undefined, 'guarantees', 'added'],
    ]);
    expect(d.points[1]?.what).toEqual(['cap']);
  });

  it('lists every issue either draft fixes', () => {
    expect(d.issues).toEqual([
      { issue: 'north', before: 'theirs', after: 'theirs', change: 'same' },
      { issue: 'south', before: 'split', after: 'split', change: 'same' },
      { issue: 'cap', before: 600, after: 800, change: 'changed' },
      { issue: 'elections', before: 'soon', change: 'opened' },
      { issue: 'guarantees', after: 'strong', change: 'set' },
    ]);
  });

  it('a draft against itself has no change', () => {
    expect(diffDrafts(a, a).points.every((p) => p.change === 'same')).toBe(true);
  });

  it('draftSettings: a later point wins', () => {
    const c = draft('C', [
      { number: 1, title: 'x', sets: { cap: 1 }, detailed: true, evidence: [] },
      { number: 2, title: 'y', sets: { cap: 2 }, detailed: true, evidence: [] },
    ]);
    expect(draftSettings(c)).toEqual({ cap: 2 });
  });
});
