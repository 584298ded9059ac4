/**
 * Minimal concessions: every reported change really opens a zone (re-checked on the scenario
 * with applyParameters + agreementZone), no smaller change of its kind does, and the
 * sufficiency flags, blocking sets and pairs agree with brute force.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Concession,
  type Concessions,
  minimalConcessions,
} from '../src/analysis/concessions/concessions.js';
import { draftFixed } from '../src/analysis/drafts/draft-evaluation.js';
import { agreementZone, prepareProblem } from '../src/analysis/index.js';
import { singleConcessionText } from '../src/brief/concession-text.js';
import { ConcordError } from '../src/core/errors.js';
import { createRng } from '../src/core/rng.js';
import { applyParameters } from '../src/model/parameters.js';
import type { Scenario } from '../src/model/scenario.js';
import { loadScenarioFile } from '../src/node.js';
import type { Draft } from '../src/record/types.js';
import { repoRoot } from './support/shared.js';
import { fixtureDraft, fixtureScenario, zoneExistsBrute } from './support/uncertainty-fixtures.js';

/** Whether the zone (among the draft's completions, when given) is non-empty after the changes. */
function opensWith(s: Scenario, changes: readonly Concession[], draft?: Draft): boolean {
  // A narrowed red line is applied by rewriting its condition; every other change is a parameter.
  const narrowed = changes.flatMap((c) => (c.kind === 'narrow-red-line' ? [c] : []));
  const s2: Scenario = {
    ...s,
    parties: s.parties.map((p) => ({
      ...p,
      redLines: p.redLines.map((r) => {
        const n = narrowed.find((c) => c.party === p.name && c.redLine === r.id);
        return n ? { ...r, forbid: n.forbid } : r;
      }),
    })),
  };
  const params = changes.flatMap((c) =>
    c.kind === 'narrow-red-line' ? [] : [[c.parameter, c.value] as const],
  );
  const x = applyParameters(s2, Object.fromEntries(params));
  return agreementZone(draft ? pinDraft(x, draft) : x).count > 0n;
}

/** The scenario with the draft's issues held at its values (a red line forbidding every other value). */
function pinDraft(s: Scenario, draft: Draft): Scenario {
  const sets = Object.assign({}, ...draft.points.map((p) => p.sets ?? {})) as Record<string, string | number>;
  const pins = Object.entries(sets).map(([issue, v], i) => ({
    id: `pin-${i}`,
    forbid: { issue, notIn: [v] },
  }));
  const [first, ...rest] = s.parties;
  return { ...s, parties: [{ ...first!, redLines: [...first!.redLines, ...pins] }, ...rest] };
}

/** The same change one step smaller: the previous bound, or a reservation a hair above. */
function smaller(c: Concession): Concession | undefined {
  if (c.kind === 'lower-reservation') return { ...c, value: c.to + 1e-9 * (1 + Math.abs(c.to)) };
  return undefined;
}

function check(s: Scenario, c: Concessions, draft?: Draft, label = ''): void {
  for (const single of c.singles) {
    const ch = single.change;
    assert.equal(opensWith(s, [ch], draft), single.suffices, `${label}: ${JSON.stringify(single.change)}`);
    if (!single.suffices) {
      for (const set of single.stillBlocking) {
        const drops = set.map((r) => ({ parameter: `${r.party}.redLines.${r.redLine}.active`, value: 0 }));
        assert.ok(
          opensWith(s, [ch, ...(drops as Concession[])], draft),
          `${label}: blockers of ${JSON.stringify(single.change)}`,
        );
      }
      continue;
    }
    const less = smaller(ch);
    if (less)
      assert.equal(
        opensWith(s, [less], draft),
        false,
        `${label}: smaller than ${JSON.stringify(single.change)}`,
      );
  }
  for (const pair of c.pairs) {
    assert.ok(opensWith(s, pair.changes, draft), `${label}: pair ${JSON.stringify(pair.changes)}`);
    assert.ok(!opensWith(s, [pair.changes[0]], draft) && !opensWith(s, [pair.changes[1]], draft));
  }
  const sizes = c.singles.filter((x) => x.suffices).map((x) => x.change.size);
  assert.deepEqual(
    sizes,
    [...sizes].sort((a, b) => a - b),
  );
}

/**
 * Cap 200,000–920,000 (step 40,000): East forbids above 600,000, West below 800,000; East's
 * utility falls, West's rises along the range; reservations 0.1 (East: cap ≤ 848,000; West: ≥ 272,000).
 */
const CAP: Scenario = {
  name: 'cap',
  issues: [{ kind: 'integer', name: 'cap', min: 200_000, max: 920_000, step: 40_000 }],
  parties: ['East', 'West'].map((name, i) => ({
    name,
    role: 'principal' as const,
    utility: {
      kind: 'linear-additive' as const,
      weights: [1],
      values: [{ kind: 'linear' as const, x0: 200_000, y0: 1 - i, slope: (2 * i - 1) / 720_000 }],
    },
    reservationValue: 0.1,
    redLines: [
      {
        id: `${name}-cap`,
        forbid: i === 0 ? { issue: 'cap', above: 600_000 } : { issue: 'cap', below: 800_000 },
      },
    ],
  })),
};

describe('minimalConcessions', () => {
  it('moves one cap bound to the nearest grid value (in the issue’s units), or drops a red line', () => {
    const c = minimalConcessions(CAP);
    expect(c.zoneExists).toBe(false);
    expect(c.blocking).toEqual([
      [{ party: 'East', redLine: 'East-cap' }],
      [{ party: 'West', redLine: 'West-cap' }],
    ]);
    const [first, second] = c.singles;
    expect(first?.change).toMatchObject({
      kind: 'move-bound',
      party: 'East',
      bound: 'above',
      to: 800_000,
      admits: 800_000,
    });
    expect(first?.change.size).toBeCloseTo(200 / 720, 12);
    expect(first && singleConcessionText(CAP, first)).toBe(
      'East accepts cap as high as 800,000 (red line East-cap: above 600,000 → 800,000)',
    );
    expect(second?.change).toMatchObject({ kind: 'move-bound', party: 'West', bound: 'below', to: 600_000 });
    expect(c.singles.filter((x) => x.change.kind === 'drop-red-line').every((x) => x.suffices)).toBe(true);
    // Reservations are not the obstacle: lowering them alone does not help.
    const res = c.singles.filter((x) => x.change.kind === 'lower-reservation');
    expect(res.every((x) => !x.suffices && x.stillBlocking.length === 2)).toBe(true);
    expect(c.pairs).toEqual([]);
    check(CAP, c);
  });

  it('reports nothing to concede when a zone exists', () => {
    const open = applyParameters(CAP, { 'East.redLines.East-cap.above': 800_000 });
    expect(minimalConcessions(open)).toEqual({ zoneExists: true, blocking: [], singles: [], pairs: [] });
  });

  it('every reported change opens a zone, and none smaller of its kind does (random cases)', () => {
    const rng = createRng(61);
    let tried = 0;
    let withPairs = 0;
    for (let t = 0; t < 400 && tried < 60; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(1, 3), redLines: 3 });
      if (zoneExistsBrute(s)) continue;
      tried++;
      const c = minimalConcessions(s);
      if (c.pairs.length > 0) withPairs++;
      check(s, c, undefined, `case ${t}`);
      // Each sufficient bound move is the nearest: the previous move in its chain does not open.
      for (const single of c.singles) {
        const ch = single.change;
        if (ch.kind !== 'move-bound' || !single.suffices) continue;
        const issue = s.issues.find((x) => x.name === ch.issue);
        if (!issue || issue.kind === 'discrete') continue;
        const step = issue.kind === 'integer' ? (issue.step ?? 1) : (issue.max - issue.min) / 10;
        const back = ch.bound === 'below' || ch.bound === 'atMost' ? ch.to + step : ch.to - step;
        const between = ch.bound === 'below' || ch.bound === 'atMost' ? back < ch.from : back > ch.from;
        if (between)
          assert.equal(
            opensWith(s, [{ ...ch, value: back }]),
            false,
            `case ${t}: ${JSON.stringify(single.change)}`,
          );
      }
    }
    expect(tried).toBe(60);
    expect(withPairs).toBeGreaterThan(0);
  });

  it('opens a zone among a draft’s completions, so that every party accepts it', () => {
    const rng = createRng(62);
    let tried = 0;
    for (let t = 0; t < 400 && tried < 40; t++) {
      const s = fixtureScenario(rng, { issues: rng.int(2, 4), redLines: 2 });
      const d = fixtureDraft(rng, s);
      const fixed = draftFixed(prepareProblem(s).space, d);
      if (zoneExistsBrute(s, fixed)) continue;
      tried++;
      const c = minimalConcessions(
        { ...s, record: { sources: [], evidence: [], assumptions: [], drafts: [d], events: [], levers: [] } },
        { draft: 'draft' },
      );
      expect(c.draft).toBe('draft');
      check(s, c, d, `draft case ${t}`);
    }
    expect(tried).toBe(40);
  });

  it('refuses an unknown draft with a code', () => {
    expect(() => minimalConcessions(CAP, { draft: 'nope' })).toThrow(ConcordError);
  });
});

const ukraine = join(repoRoot, 'scenarios', 'ukraine-2025', 'scenario.yaml');
describe.skipIf(!existsSync(ukraine))('minimalConcessions on ukraine-2025', () => {
  it('reports changes that really open a zone, for the scenario and for each draft', () => {
    const r = loadScenarioFile(ukraine);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const s = r.value;
    const whole = minimalConcessions(s);
    if (!whole.zoneExists) {
      expect(whole.singles.some((x) => x.suffices) || whole.pairs.length > 0).toBe(true);
      for (const single of whole.singles.filter((x) => x.suffices))
        expect(opensWith(s, [single.change])).toBe(true);
    }
    for (const d of s.record?.drafts ?? []) {
      const c = minimalConcessions(s, { draft: d.name });
      expect(c.zoneExists).toBe(agreementZone(pinDraft(s, d)).count > 0n);
      for (const single of c.singles.filter((x) => x.suffices))
        expect(opensWith(s, [single.change], d)).toBe(true);
    }
  });
});
