import { createRng, type Rng } from '../core/rng.js';
import type { Outcome, OutcomeSpace } from '../outcomes/space.js';
import type { CompiledParty } from '../preferences/problem.js';
import { permittedBy } from './red-lines.js';
import type { OwnPreferences } from './types.js';

/**
 * {@link OwnPreferences} for linear-additive utilities on spaces too large to enumerate (10^20,
 * 10^40 outcomes). Per issue, the permitted values sorted by contribution; an outcome near a
 * target is found by starting from the best outcome and, issue by issue, giving up the largest
 * contribution that keeps the total at or above the target (twice over, so later issues can fill
 * what earlier ones left). Cost O(issues × log values) per outcome; no enumeration.
 */
export function searchPreferences(
  space: OutcomeSpace,
  party: CompiledParty,
  discount: number,
): OwnPreferences {
  const tables = party.tables as readonly Float64Array[];
  const n = tables.length;
  const allowed = tables.map((t) => new Uint8Array(t.length).fill(1));
  let multiIssueRedLines = false;
  for (const r of party.redLines) {
    const mask = r.condition.mask;
    const i = r.condition.issues[0];
    if (mask && i !== undefined && r.condition.issues.length === 1) {
      const a = allowed[i] as Uint8Array;
      for (let v = 0; v < mask.length; v++) if (mask[v] === 1) a[v] = 0;
    } else multiIssueRedLines = true;
  }
  // Per issue: permitted values by contribution, descending, and the loss of each from the top.
  const vals: Int32Array[] = [];
  const loss: Float64Array[] = [];
  let max = 0;
  let min = 0;
  let empty = false;
  for (let i = 0; i < n; i++) {
    const t = tables[i] as Float64Array;
    const a = allowed[i] as Uint8Array;
    const vs: number[] = [];
    for (let v = 0; v < t.length; v++) if (a[v] === 1) vs.push(v);
    if (vs.length === 0) empty = true;
    vs.sort((x, y) => (t[y] as number) - (t[x] as number) || x - y);
    const top = vs.length ? (t[vs[0] as number] as number) : 0;
    vals.push(Int32Array.from(vs));
    loss.push(Float64Array.from(vs, (v) => top - (t[v] as number)));
    max += top;
    min += vs.length ? (t[vs[vs.length - 1] as number] as number) : 0;
  }
  const byRange = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => lastOf(loss[y] as Float64Array) - lastOf(loss[x] as Float64Array) || x - y,
  );
  const utility = (o: Outcome): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (tables[i] as Float64Array)[o[i] as number] as number;
    return s;
  };
  const bestArr = vals.map((v) => v[0] ?? 0);
  const best = Object.freeze(bestArr);

  /** Gives up contribution issue by issue (in `order`) while staying at or above `target`. */
  const descend = (target: number, order: readonly number[]): Outcome => {
    if (!(target < max)) return best;
    const o = bestArr.slice();
    const pos = new Int32Array(n);
    let slack = max - target - 1e-12 * Math.max(1, Math.abs(max));
    for (let pass = 0; pass < 2 && slack > 0; pass++) {
      for (const i of order) {
        const l = loss[i] as Float64Array;
        const avail = slack + (l[pos[i] as number] as number);
        // Largest loss at most `avail` (losses ascend).
        let lo = 0;
        let hi = l.length - 1;
        let p = 0;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if ((l[mid] as number) <= avail) {
            p = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        slack = avail - (l[p] as number);
        pos[i] = p;
        o[i] = (vals[i] as Int32Array)[p] as number;
      }
    }
    return Object.freeze(o);
  };
  const shuffled = (rng: Rng): number[] => {
    const order = byRange.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    return order;
  };
  const permits = (o: Outcome): boolean => party.redLines.length === 0 || permittedBy(party, o);
  /** With red lines over several issues, other issue orders may find a permitted outcome. */
  const permittedNear = (target: number, first: Outcome): Outcome => {
    if (!multiIssueRedLines || permits(first)) return first;
    const rng = createRng(Math.floor(target * 1e9));
    for (let k = 0; k < 32; k++) {
      const o = descend(target, shuffled(rng));
      if (permits(o)) return o;
    }
    return best;
  };

  return Object.freeze({
    party: party.name,
    space,
    reservation: party.reservation,
    discount,
    max: empty ? Number.NEGATIVE_INFINITY : max,
    min: empty ? Number.NEGATIVE_INFINITY : min,
    method: 'search' as const,
    utility,
    permits,
    best: () => best,
    atLeast: (target: number) => permittedNear(target, descend(target, byRange)),
    within(lo: number, hi: number, limit: number, rng: Rng): Outcome[] {
      const out: Outcome[] = [];
      const seen = new Set<string>();
      for (let k = 0; k < limit * 4 && out.length < limit; k++) {
        const target = lo + (Math.max(lo, Math.min(hi, max)) - lo) * rng.float();
        const o = descend(target, shuffled(rng));
        const u = utility(o);
        const key = o.join(',');
        if (u >= lo && u <= hi && !seen.has(key) && permits(o)) {
          seen.add(key);
          out.push(o);
        }
      }
      return out;
    },
    random(rng: Rng, floor = Number.NEGATIVE_INFINITY): Outcome {
      for (let k = 0; k < 16; k++) {
        const o = vals.map((v) => v[rng.int(0, Math.max(0, v.length - 1))] ?? 0);
        if (utility(o) >= floor && permits(o)) return Object.freeze(o);
      }
      const lo = Math.max(floor, min);
      const o = descend(lo + (max - lo) * rng.float(), shuffled(rng));
      return permits(o) ? o : best;
    },
  });
}

function lastOf(a: Float64Array): number {
  return a.length ? (a[a.length - 1] as number) : 0;
}
