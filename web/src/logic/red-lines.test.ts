// The "add a red line" form's logic: every problem of the form at once with its field, and the red
// line it builds read by the library's own scenario reader and crossed (by `evaluateDraft`)
// exactly by the packages that break the requirements.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { evaluateDraft, parseScenario } from '../../../src/index.js';
import type { Option } from '../api.js';
import {
  blankClause,
  conditionText,
  type RedLine,
  type RedLineForm,
  readNumber,
  redLineFrom,
  requirementsFor,
  serverProblemsOf,
  suggestId,
  withIssue,
} from './red-lines.js';

const yaml = readFileSync(join(import.meta.dirname, '../../../scenarios/ukraine-2025/scenario.yaml'), 'utf8');
const file = parse(yaml) as { issues: Option[]; parties: { name: string; redLines?: unknown[] }[] };
const issues = file.issues.map((i) => ({ ...i }));
const byName = (n: string) => issues.find((i) => i.name === n) as Option;

const form = (over: Partial<RedLineForm>): RedLineForm => ({
  id: '',
  description: 'Sanctions must ease',
  combine: 'all',
  clauses: [{ issue: 'sanctions relief', kind: 'oneOf', options: ['phased', 'full'], value: '' }],
  ...over,
});

/** Russia's red lines crossed by `pkg` once `line` is added to its set, by the library. */
function crossed(line: RedLine, pkg: Record<string, string | number>): string[] {
  const f = structuredClone(file);
  const ru = f.parties.find((p) => p.name === 'Russia') as { redLines?: unknown[] };
  ru.redLines = [...(ru.redLines ?? []), line];
  const r = parseScenario(stringify(f), 'test');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  const e = evaluateDraft(r.value, {
    name: 'p',
    drafters: [],
    pointCount: 1,
    evidence: [],
    points: [{ number: 1, title: 'p', sets: pkg, detailed: true, evidence: [] }],
  });
  return [...(e.parties.find((p) => p.party === 'Russia')?.redLinesCrossed ?? [])];
}

const pkg = {
  Crimea: 'de facto Russian',
  Luhansk: 'line of contact',
  Donetsk: 'line of contact',
  Kherson: 'line of contact',
  Zaporizhzhia: 'line of contact',
  withdrawal: 'partial',
  NATO: 'barred',
  'armed forces cap': 600000,
  'security guarantees': 'bilateral assurances',
  sequencing: 'simultaneous',
  'sanctions relief': 'phased',
};

const built = (f: RedLineForm): RedLine => {
  const r = redLineFrom(f, issues, 'russia', []);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.redLine;
};

describe('the add-a-red-line form', () => {
  it('each requirement becomes the condition that breaks it, and the library crosses it exactly there', () => {
    const oneOf = built(form({}));
    expect(oneOf).toEqual({
      id: 'russia-sanctions-must-ease',
      description: 'Sanctions must ease',
      forbid: { issue: 'sanctions relief', notIn: ['phased', 'full'] },
    });
    expect(crossed(oneOf, pkg)).not.toContain(oneOf.id);
    expect(crossed(oneOf, { ...pkg, 'sanctions relief': 'none' })).toContain(oneOf.id);

    const noneOf = built(
      form({
        id: 'no-force',
        clauses: [{ issue: 'security guarantees', kind: 'noneOf', options: ['European force'], value: '' }],
      }),
    );
    expect(noneOf.forbid).toEqual({ issue: 'security guarantees', in: ['European force'] });
    expect(crossed(noneOf, pkg)).not.toContain('no-force');
    expect(crossed(noneOf, { ...pkg, 'security guarantees': 'European force' })).toContain('no-force');

    const atMost = built(
      form({
        id: 'cap',
        clauses: [{ issue: 'armed forces cap', kind: 'atMost', options: [], value: '680,000' }],
      }),
    );
    expect(atMost.forbid).toEqual({ issue: 'armed forces cap', above: 680000 });
    expect(crossed(atMost, { ...pkg, 'armed forces cap': 680000 })).not.toContain('cap');
    expect(crossed(atMost, { ...pkg, 'armed forces cap': 720000 })).toContain('cap');

    const atLeast = built(
      form({
        id: 'floor',
        clauses: [{ issue: 'armed forces cap', kind: 'atLeast', options: [], value: '400000' }],
      }),
    );
    expect(atLeast.forbid).toEqual({ issue: 'armed forces cap', below: 400000 });
    expect(crossed(atLeast, { ...pkg, 'armed forces cap': 400000 })).not.toContain('floor');
    expect(crossed(atLeast, { ...pkg, 'armed forces cap': 360000 })).toContain('floor');
  });

  it('several conditions: all must hold (crossed when one fails) or one must hold (crossed when all fail)', () => {
    const clauses = [
      { issue: 'sanctions relief', kind: 'oneOf' as const, options: ['full'], value: '' },
      { issue: 'armed forces cap', kind: 'atMost' as const, options: [], value: '600000' },
    ];
    const all = built(form({ id: 'both', combine: 'all', clauses }));
    expect(all.forbid).toEqual({
      any: [
        { issue: 'sanctions relief', notIn: ['full'] },
        { issue: 'armed forces cap', above: 600000 },
      ],
    });
    const any = built(form({ id: 'either', combine: 'any', clauses }));
    expect(any.forbid).toEqual({ all: (all.forbid as { any: unknown[] }).any });
    // Sanctions phased (fails the first), cap 600,000 (meets the second).
    expect(crossed(all, pkg)).toContain('both');
    expect(crossed(any, pkg)).not.toContain('either');
    const neither = { ...pkg, 'armed forces cap': 640000 };
    expect(crossed(any, neither)).toContain('either');
    expect(crossed(all, { ...pkg, 'sanctions relief': 'full' })).not.toContain('both');
  });

  it('reports every problem of the form at once, each at its field', () => {
    const r = redLineFrom(
      {
        id: 'bad id!',
        description: '  ',
        combine: 'all',
        clauses: [
          { issue: 'Atlantis', kind: 'oneOf', options: [], value: '' },
          { issue: 'NATO', kind: 'atLeast', options: [], value: '3' },
          { issue: 'NATO', kind: 'oneOf', options: [], value: '' },
          { issue: 'NATO', kind: 'oneOf', options: ['path open', 'deferred', 'barred'], value: '' },
          { issue: 'NATO', kind: 'noneOf', options: ['path open', 'deferred', 'barred'], value: '' },
          { issue: 'NATO', kind: 'noneOf', options: ['maybe'], value: '' },
          { issue: 'armed forces cap', kind: 'atMost', options: [], value: '' },
          { issue: 'armed forces cap', kind: 'atMost', options: [], value: 'lots' },
          { issue: 'armed forces cap', kind: 'atMost', options: [], value: '1000000' },
          { issue: 'armed forces cap', kind: 'atMost', options: [], value: '920000' },
          { issue: 'armed forces cap', kind: 'atLeast', options: [], value: '200000' },
        ],
      },
      issues,
      'russia',
      [],
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => e.field)).toEqual([
      'description',
      'id',
      'clauses/0/issue',
      'clauses/1/kind',
      'clauses/2/options',
      'clauses/3/options',
      'clauses/4/options',
      'clauses/5/options',
      'clauses/6/value',
      'clauses/7/value',
      'clauses/8/value',
      'clauses/9/value',
      'clauses/10/value',
    ]);
    const says = (field: string) => errors.find((e) => e.field === field)?.message;
    expect(says('clauses/1/kind')).toContain('has options');
    expect(says('clauses/3/options')).toContain('always hold');
    expect(says('clauses/4/options')).toContain('no outcome');
    expect(says('clauses/5/options')).toContain('maybe');
    expect(says('clauses/6/value')).toContain('200,000 to 920,000');
    expect(says('clauses/7/value')).toContain('"lots" is not a number');
    expect(says('clauses/8/value')).toContain('outside');
    expect(says('clauses/9/value')).toContain('always hold');
    expect(says('clauses/10/value')).toContain('always hold');

    const none = redLineFrom(form({ clauses: [] }), issues, 'russia', []);
    expect(none.ok ? [] : none.errors.map((e) => e.field)).toEqual(['clauses']);
  });

  it('ids: made from the description, never one already used; a taken id typed in is refused', () => {
    expect(suggestId('russia', 'No NATO, ever!', [])).toBe('russia-no-nato-ever');
    expect(suggestId('russia', '', [])).toBe('russia-red-line');
    expect(suggestId('russia', 'x', ['russia-x', 'russia-x-2'])).toBe('russia-x-3');
    const taken = ['ru-cap', 'full-withdrawal-cedes-all', 'russia-sanctions-must-ease'];
    const auto = redLineFrom(form({}), issues, 'russia', taken);
    expect(auto.ok && auto.redLine.id).toBe('russia-sanctions-must-ease-2');
    const typed = redLineFrom(form({ id: 'full-withdrawal-cedes-all' }), issues, 'russia', taken);
    expect(typed.ok ? [] : typed.errors).toEqual([
      { field: 'id', message: '"full-withdrawal-cedes-all" is already used: choose another id' },
    ]);
  });

  it('numbers as people type them; requirements per kind of issue; moving a condition to another issue', () => {
    expect(readNumber('680,000')).toBe(680000);
    expect(readNumber(' 680 000 ')).toBe(680000);
    expect(readNumber('1e5')).toBe(100000);
    expect(readNumber('12abc')).toBeUndefined();
    expect(readNumber('')).toBeUndefined();
    expect(requirementsFor(byName('NATO'))).toEqual(['oneOf', 'noneOf']);
    expect(requirementsFor(byName('armed forces cap'))).toEqual(['atLeast', 'atMost']);
    expect(blankClause(byName('armed forces cap'))).toEqual({
      issue: 'armed forces cap',
      kind: 'atLeast',
      options: [],
      value: '',
    });
    const c = { issue: 'NATO', kind: 'noneOf' as const, options: ['barred'], value: '' };
    expect(withIssue(c, byName('Crimea'))).toEqual({
      issue: 'Crimea',
      kind: 'noneOf',
      options: [],
      value: '',
    });
    expect(withIssue(c, byName('armed forces cap')).kind).toBe('atLeast');
  });

  it('conditions in words, and the server problems that concern one red line', () => {
    expect(
      conditionText({
        any: [
          { issue: 'sanctions relief', notIn: ['phased', 'full'] },
          {
            all: [
              { issue: 'armed forces cap', above: 680000 },
              { issue: 'NATO', in: ['path open'] },
            ],
          },
        ],
      }),
    ).toBe('sanctions relief is not phased or full or (armed forces cap > 680,000 and NATO is path open)');
    expect(conditionText({ not: { issue: 'cap', atLeast: 5, atMost: 9 } })).toBe('not (cap ≥ 5 and cap ≤ 9)');
    const errors = [
      { path: 'body/redLines/3/id', message: 'duplicate' },
      { path: 'body/preferences/redLines/3/forbid/in/0', message: 'no such option' },
      { path: 'body/redLines/30/id', message: 'other' },
      { path: 'body', message: "conflicts with another party's set" },
    ];
    expect(serverProblemsOf(errors, 3)).toEqual([
      { path: 'id', message: 'duplicate' },
      { path: 'forbid/in/0', message: 'no such option' },
    ]);
    expect(serverProblemsOf(errors, 1)).toEqual([]);
  });
});
