/**
 * The draft acceptance tornado: its bins and counts equal brute force on the instantiated draws,
 * and a hand-computable case gives the expected split.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDraft } from '../src/analysis/drafts/draft-evaluation.js';
import { createRng } from '../src/core/rng.js';
import { ALL_PARTIES, instantiate, monteCarlo, quantileOf, topDrivers } from '../src/uncertainty/index.js';
import { fixtureWithRecord } from './support/uncertainty-fixtures.js';

describe('acceptance drivers', () => {
  it('each bar’s bins hold the draws a brute-force split by the drawn value gives, with the same acceptance counts', () => {
    const rng = createRng(77);
    let bars = 0;
    let moved = 0;
    for (let t = 0; t < 8; t++) {
      const s = fixtureWithRecord(rng, { issues: rng.int(2, 4) });
      const drafts = s.record?.drafts ?? [];
      if (drafts.length === 0) continue;
      const mc = monteCarlo(s, { samples: 120, seed: t, perSample: true, nashEvery: 0 });
      const accepts = (mc.perSample ?? []).map((d) => {
        const x = instantiate(s, d.values);
        return drafts.map((draft) => evaluateDraft(x, draft));
      });
      const parties = s.parties.map((p) => p.name);
      drafts.forEach((_draft, j) => {
        const drivers = mc.drafts[j]?.drivers ?? [];
        for (const a of s.record?.assumptions ?? []) {
          const bar = drivers.find((b) => b.assumption === a.id);
          const d = a.distribution;
          if (d.kind === 'fixed') {
            expect(bar).toBeUndefined();
            continue;
          }
          const binOf = (v: number): number =>
            d.kind === 'bernoulli' ? v : v < quantileOf(d, 0.2) ? 0 : v >= quantileOf(d, 0.8) ? 1 : -1;
          const n = [0, 0];
          const acc = [parties.map(() => 0), parties.map(() => 0)];
          const all = [0, 0];
          (mc.perSample ?? []).forEach((sample, i) => {
            const b = binOf(sample.values[a.id] as number);
            if (b < 0) return;
            n[b] = (n[b] as number) + 1;
            const e = (accepts[i] as ReturnType<typeof evaluateDraft>[])[j];
            e?.parties.forEach((p, q) => {
              if (p.accepts) (acc[b] as number[])[q] = ((acc[b] as number[])[q] as number) + 1;
            });
            if (e?.acceptedByAll) all[b] = (all[b] as number) + 1;
          });
          if (n[0] === 0 || n[1] === 0) {
            expect(bar).toBeUndefined();
            continue;
          }
          bars++;
          expect(bar?.low.draws).toBe(n[0]);
          expect(bar?.high.draws).toBe(n[1]);
          parties.forEach((name, q) => {
            expect(Math.round((bar?.low.pAccept[name] as number) * (n[0] as number))).toBe(acc[0]?.[q]);
            expect(Math.round((bar?.high.pAccept[name] as number) * (n[1] as number))).toBe(acc[1]?.[q]);
            const e = bar?.effect[name];
            expect(e?.delta).toBeCloseTo(
              (acc[1]?.[q] as number) / (n[1] as number) - (acc[0]?.[q] as number) / (n[0] as number),
              12,
            );
            if (Math.abs(e?.delta ?? 0) > 2 * (e?.stdError ?? 0)) moved++;
          });
          expect(Math.round((bar?.high.pAll as number) * (n[1] as number))).toBe(all[1]);
          expect(bar?.effect[ALL_PARTIES]?.delta).toBeCloseTo(
            (all[1] as number) / (n[1] as number) - (all[0] as number) / (n[0] as number),
            12,
          );
        }
      });
    }
    expect(bars).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(0);
  });

  it('a red line that is real or not splits acceptance exactly: never accepted when real, always when not', () => {
    const s = fixtureWithRecord(createRng(5), { issues: 2 });
    const party = s.parties[0];
    if (!party) throw new Error('fixture without parties');
    // Party 0 forbids every value of the first issue when its red line is real: it can accept nothing.
    const issue = s.issues[0];
    const scenario = {
      ...s,
      parties: s.parties.map((p, i) =>
        i === 0
          ? {
              ...p,
              reservationValue: -1,
              redLines: [{ id: 'never', forbid: { issue: issue?.name ?? '', notIn: [] } }],
            }
          : p,
      ),
      record: {
        ...(s.record as NonNullable<typeof s.record>),
        // The party's own sampled parameters are left out, so only the red line decides.
        assumptions: [
          ...(s.record?.assumptions ?? []).filter((a) => !a.parameter.startsWith(`${party.name}.`)),
          {
            id: 'a-never-real',
            parameter: `${party.name}.redLines.never.active`,
            value: 1,
            distribution: { kind: 'bernoulli' as const, p: 0.4 },
            rationale: 'test',
          },
        ],
      },
    };
    const mc = monteCarlo(scenario, { samples: 400, seed: 3, nashEvery: 0 });
    for (const d of mc.drafts) {
      const bar = d.drivers.find((b) => b.assumption === 'a-never-real');
      expect(bar?.split).toBe('value');
      expect(bar?.low.pAccept[party.name]).toBe(1);
      expect(bar?.high.pAccept[party.name]).toBe(0);
      expect((bar?.low.draws ?? 0) + (bar?.high.draws ?? 0)).toBe(400);
      expect(bar?.effect[party.name]?.delta).toBe(-1);
      expect(topDrivers(d.drivers, party.name, 1)[0]?.assumption).toBe('a-never-real');
    }
  });
});
