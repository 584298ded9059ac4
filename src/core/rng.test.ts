import { describe, expect, it } from 'vitest';
import { createRng, rngFromState } from './rng.js';

describe('createRng', () => {
  it('same seed, same stream', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 20 }, () => a.float());
    expect(Array.from({ length: 20 }, () => b.float())).toEqual(xs);
  });
  it('different seeds differ', () => {
    expect(createRng(1).float()).not.toBe(createRng(2).float());
  });
  it('int stays in range and hits both ends', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const x = r.int(1, 6);
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(6);
      seen.add(x);
    }
    expect(seen.size).toBe(6);
  });
  it('split gives an independent stream and successive splits differ', () => {
    const r = createRng(9);
    const s1 = r.split();
    const s2 = r.split();
    expect(s1.float()).not.toBe(s2.float());
  });
  it('state resumes exactly', () => {
    const r = createRng(11);
    r.float();
    const saved = r.state();
    const next = r.float();
    expect(rngFromState(saved).float()).toBe(next);
  });
});
