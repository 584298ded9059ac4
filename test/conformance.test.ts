/**
 * Conformance with NegMAS: for every reference file of ../shared/reference (103 bilateral
 * domains), load the domain with the GENIUS importer and reproduce NegMAS's statistics —
 * variant `genius_normalized` (GeniusWeb JSON domains only have `negmas_default`, which is the
 * same reading for them): the frontier as a set (utilities to 1e-9, outcomes by value), every
 * solution with its ties, the utility ranges, the disagreement point, and NegMAS's
 * `rational_fraction` (which counts outcomes strictly above the reservations).
 *
 * Where several outcomes share a frontier vector, NegMAS keeps whichever numpy's unstable sort
 * puts first; Concord replays that sort (the default `representative: 'negmas'`), so outcomes
 * must match exactly (28 of the 2,261 reference points, all in the Car domains, need it).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementZone, analyze, type FrontierPoint, prepareProblem } from '../src/analysis/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { type IssueValue, issueIndexOf } from '../src/outcomes/issue.js';
import { domainsDir, hasShared, referenceDir } from './support/shared.js';

interface RefSolution {
  readonly utils: number[];
  readonly outcome: IssueValue[];
  readonly frontier_index: number;
}
interface RefVariant {
  readonly reserved_values: (number | string)[];
  readonly utility_ranges: [number, number][];
  readonly disagreement_point_used: number[];
  readonly pareto: { readonly n: number; readonly utils: number[][]; readonly outcomes: IssueValue[][] };
  readonly rational_fraction: number;
  readonly [solution: string]: unknown;
}
interface Reference {
  readonly scenario: { readonly id: string; readonly format: string; readonly profile_files: string[] };
  readonly variants: { readonly genius_normalized?: RefVariant; readonly negmas_default: RefVariant };
}

const SOLUTIONS = {
  nash: 'nash',
  kalai_smorodinsky: 'kalaiSmorodinsky',
  kalai_egalitarian: 'kalaiEgalitarian',
  modified_kalai_smorodinsky: 'modifiedKalaiSmorodinsky',
  modified_kalai_egalitarian: 'modifiedKalaiEgalitarian',
  max_welfare: 'maxWelfare',
  max_relative_welfare: 'maxRelativeWelfare',
} as const;

const TOL = 1e-9;
const close = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= TOL);

const shared = hasShared('NegMAS conformance');
const files = shared
  ? readdirSync(referenceDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe.skipIf(!shared)('NegMAS reference statistics', () => {
  it('covers the 103 reference files', () => {
    expect(files.length).toBe(103);
  });

  for (const file of files) {
    it(file.replace(/\.json$/, ''), () => {
      const ref = JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as Reference;
      const variant = ref.variants.genius_normalized ?? ref.variants.negmas_default;
      if (!ref.variants.genius_normalized) expect(ref.scenario.format).toBe('geniusweb-json');
      const loaded = loadGeniusFolder(join(domainsDir, ref.scenario.id), {
        profiles: ref.scenario.profile_files,
      });
      assert.ok(loaded.ok, `load ${ref.scenario.id}`);
      const problem = prepareProblem(loaded.value);
      assert.deepEqual(
        problem.parties.map((p) => p.reservation),
        variant.reserved_values.map(Number),
      );
      const a = analyze(problem, { issueZones: false, zone: false });
      expect(a.exact).toBe(true);
      const { issues } = problem.space;
      const toIndices = (o: readonly IssueValue[]) => o.map((v, i) => issueIndexOf(issues[i] as never, v));

      /** Our point for a reference point: same utilities (to 1e-9) and the same outcome. */
      const match = (utils: readonly number[], outcome: readonly IssueValue[]): FrontierPoint => {
        const mine = a.frontier.filter((p) => close(p.utilities, utils));
        assert.equal(mine.length, 1, `one frontier point for ${utils}`);
        const p = mine[0] as FrontierPoint;
        assert.deepEqual(p.outcome, toIndices(outcome), `outcome ${outcome}`);
        return p;
      };

      // Frontier, as a set.
      expect(a.frontier.length).toBe(variant.pareto.n);
      variant.pareto.utils.forEach((u, k) => {
        match(u, variant.pareto.outcomes[k] as IssueValue[]);
      });

      // Solutions, ties as sets.
      for (const [refName, ours] of Object.entries(SOLUTIONS)) {
        const theirs = variant[refName] as RefSolution[];
        const mine = a.solutions[ours];
        assert.equal(mine.length, theirs.length, refName);
        for (const s of theirs) {
          const p = match(s.utils, s.outcome);
          const found = mine.find((m) => m.outcome.join() === p.outcome.join());
          assert.ok(found, `${refName}: ${s.outcome}`);
          assert.deepEqual(a.frontier[found.frontierIndex], p);
        }
      }

      // Ranges, disagreement point, NegMAS's rational fraction (strict).
      a.utilityRanges.forEach((r, i) => {
        assert.ok(close(r, variant.utility_ranges[i] as number[]), `range ${i}`);
      });
      assert.ok(close(a.disagreement, variant.disagreement_point_used));
      const strict = agreementZone(problem, { strict: true });
      expect(strict.exact).toBe(true);
      expect(Math.abs(strict.share - variant.rational_fraction)).toBeLessThanOrEqual(1e-12);
    });
  }
});
