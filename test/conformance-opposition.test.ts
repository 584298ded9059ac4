/**
 * Opposition against NegMAS: on every reference domain of ../shared/reference (variant
 * `genius_normalized`, as in conformance.test.ts), Concord's exact opposition level equals
 * NegMAS's `opposition_level` to 1e-9 where NegMAS enumerated the whole space (up to 10,000
 * outcomes: 81 of the 103 domains), and never exceeds it above that, where NegMAS samples
 * 10,000 outcomes (its minimum over a sample is an upper bound of the true minimum).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { loadGeniusFolder } from '../src/node.js';
import { domainsDir, hasShared, referenceDir } from './support/shared.js';

interface Reference {
  readonly scenario: { readonly id: string; readonly n_outcomes: number; readonly profile_files: string[] };
  readonly variants: Readonly<Record<string, { readonly opposition_level: number | string }>>;
}

/** NegMAS's sample size for spaces it does not enumerate (`max_tests`). */
const NEGMAS_SAMPLE = 10_000;
const TOL = 1e-9;

const shared = hasShared('opposition against NegMAS');
const files = shared
  ? readdirSync(referenceDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

/** NegMAS writes `inf` as the string "inf" (no rational outcome). */
const refNumber = (x: number | string): number =>
  typeof x === 'number' ? x : Number(x.replace('inf', 'Infinity'));

describe.skipIf(!shared)('opposition level against NegMAS', () => {
  it('equals NegMAS on the 81 enumerated domains, bounded by it on the 22 sampled ones', () => {
    let equal = 0;
    let bounded = 0;
    let infinite = 0;
    for (const file of files) {
      const ref = JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as Reference;
      const variant = ref.variants.genius_normalized ?? ref.variants.negmas_default;
      assert.ok(variant, file);
      const loaded = loadGeniusFolder(join(domainsDir, ref.scenario.id), {
        profiles: ref.scenario.profile_files,
      });
      assert.ok(loaded.ok, `load ${ref.scenario.id}`);
      const a = analyze(loaded.value, { issueZones: false, zone: false });
      assert.ok(a.exact, ref.scenario.id);
      const theirs = refNumber(variant.opposition_level);
      if (ref.scenario.n_outcomes <= NEGMAS_SAMPLE) {
        if (theirs === Number.POSITIVE_INFINITY) {
          assert.equal(a.opposition, theirs, ref.scenario.id);
          infinite++;
        } else
          assert.ok(
            Math.abs(a.opposition - theirs) <= TOL,
            `${ref.scenario.id}: ${a.opposition} vs ${theirs}`,
          );
        equal++;
      } else {
        assert.ok(a.opposition <= theirs + TOL, `${ref.scenario.id}: ${a.opposition} > ${theirs}`);
        bounded++;
      }
    }
    expect(equal).toBe(81);
    expect(bounded).toBe(22);
    // Two domains have no rational outcome at all (NegMAS: inf; Concord: Infinity, JSON null).
    expect(infinite).toBe(2);
  });
});
