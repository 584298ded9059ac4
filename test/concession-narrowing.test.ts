import { describe, expect, it } from 'vitest';
import {
  agreementZone,
  createRng,
  minimalConcessions,
  randomScenario,
  type Scenario,
  singleConcessionText,
} from '../src/index.js';

/** Partial concessions: giving up one value of an `in` list or one alternative of an `any`. */
describe('narrowing a red line', () => {
  it('each reported narrowing opens a zone exactly when the rewritten scenario has one (random small spaces)', () => {
    let seen = 0;
    let opening = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      const base = randomScenario(rng, { parties: 2, issues: 3, values: 3, reservation: 0.3 });
      const v = () => `v${1 + Math.floor(rng.float() * 3)}`;
      const s: Scenario = {
        ...base,
        parties: base.parties.map((p, i) => ({
          ...p,
          redLines: [
            i === 0
              ? { id: 'r0', forbid: { issue: 'i1', in: ['v1', 'v2', 'v3'].filter((x) => x !== v()) } }
              : {
                  id: 'r1',
                  forbid: {
                    any: [
                      { issue: 'i2', in: [v()] },
                      { issue: 'i3', in: [v()] },
                      { issue: 'i1', in: [v()] },
                    ],
                  },
                },
          ],
        })),
      };
      const c = minimalConcessions(s);
      if (c.zoneExists) continue;
      for (const single of c.singles) {
        const ch = single.change;
        if (ch.kind !== 'narrow-red-line') continue;
        seen++;
        const rewritten: Scenario = {
          ...s,
          parties: s.parties.map((p) => ({
            ...p,
            redLines: p.redLines.map((r) =>
              p.name === ch.party && r.id === ch.redLine ? { ...r, forbid: ch.forbid } : r,
            ),
          })),
        };
        const opens = agreementZone(rewritten).count > 0n;
        expect(opens, singleConcessionText(s, single)).toBe(single.suffices);
        if (opens) opening++;
        expect(ch.size).toBeLessThan(1);
        expect(singleConcessionText(s, single)).toMatch(/accepts .* keeping the rest of red line/);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(opening).toBeGreaterThan(0);
  });
});
