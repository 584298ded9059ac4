// Moving an assumption's range: the shape is kept, the point value stays inside, bad ranges are
// all reported at once, and the flagship's Monte Carlo drawn from a moved range is the library's
// run on the scenario with that distribution written in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monteCarlo, parseScenario, type Scenario } from '../../../src/index.js';
import { rerange, withRanges } from './ranges.js';
import { isBaseline, settingsKey } from './whatif.js';

const flagship = (): Scenario => {
  const yaml = readFileSync(
    join(import.meta.dirname, '../../../scenarios/ukraine-2025/scenario.yaml'),
    'utf8',
  );
  const r = parseScenario(yaml, 'ukraine-2025');
  if (!r.ok) throw new Error('the flagship does not read');
  return r.value;
};

describe('assumption ranges in the what-if', () => {
  it('keeps the shape: a triangular mode at the same fraction of the range', () => {
    expect(rerange({ kind: 'triangular', min: 0, mode: 0.25, max: 1 }, 2, 6)).toEqual({
      kind: 'triangular',
      min: 2,
      mode: 3,
      max: 6,
    });
    expect(rerange({ kind: 'uniform', min: 0, max: 1 }, 0.2, 0.4)).toEqual({
      kind: 'uniform',
      min: 0.2,
      max: 0.4,
    });
    expect(rerange({ kind: 'bernoulli', p: 0.3 }, 0, 1)).toBeUndefined();
  });

  it('draws the flagship from the moved range, as the library does with it written in', () => {
    const s = flagship();
    const a = s.record?.assumptions.find((x) => x.parameter === 'Russia.reservation');
    if (!a) throw new Error('no Russia.reservation assumption');
    const moved = withRanges(s, { [a.id]: [0.45, 0.5] });
    const written: Scenario = {
      ...s,
      record: {
        ...(s.record as NonNullable<Scenario['record']>),
        assumptions: (s.record?.assumptions ?? []).map((x) =>
          x.id === a.id
            ? {
                ...x,
                distribution: rerange(x.distribution, 0.45, 0.5) as typeof x.distribution,
                value: Math.min(0.5, Math.max(0.45, x.value)),
              }
            : x,
        ),
      },
    };
    const o = { samples: 400, seed: 3 };
    const p = monteCarlo(moved, o).pAgreementZone;
    expect(p).toBe(monteCarlo(written, o).pAgreementZone);
    // A lower walk-away value for Russia can only widen the zone, and here it does.
    expect(p).toBeGreaterThan(monteCarlo(s, o).pAgreementZone);
    expect(s.record?.assumptions.find((x) => x.id === a.id)?.distribution).toEqual(a.distribution);
  });

  it('reports every bad range at once', () => {
    const s = flagship();
    const a = s.record?.assumptions[0];
    expect(() => withRanges(s, { nosuch: [0, 1], [a?.id as string]: [0.5, 0.5] })).toThrow(
      /nosuch: no such assumption; .*low end \(0\.5\) must be below its high end \(0\.5\)/,
    );
  });

  it('counts in the settings key and the baseline test', () => {
    const base = { levers: {}, pins: {}, samples: 1000, seed: 1 };
    const moved = { ...base, ranges: { x: [0, 1] as const } };
    expect(settingsKey(moved)).not.toBe(settingsKey(base));
    expect(isBaseline(moved, {})).toBe(false);
    expect(isBaseline(base, {})).toBe(true);
  });
});
