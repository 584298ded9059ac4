import type { Outcome } from '../outcomes/space.js';
import type { OpponentModel, OpponentModelFactory } from './parts.js';

interface PartyModel {
  readonly counts: Float64Array[];
  readonly top: Float64Array;
  readonly weights: Float64Array;
  last: Outcome | undefined;
}

/**
 * The frequency opponent model (HardHeaded; NegMAS's `FrequencyUFunModel`): per other party, a
 * value is worth more the more often that party offers it, and an issue weighs more the more
 * often its value stays unchanged between the party's consecutive offers. The estimate of an
 * outcome is the mean over the other parties of `Σ_i w_i · count_i(v) / max count_i`.
 *
 * @param learning weight added to an issue each time its value is kept; default 0.2.
 */
export function frequencyModel(learning = 0.2): OpponentModelFactory {
  return ({ self, me }) => {
    const sizes = me.space.sizes;
    const k = sizes.length;
    const models = new Map<number, PartyModel>();
    let seen = 0;
    let observations = 0;
    const modelOf = (from: number): PartyModel => {
      let m = models.get(from);
      if (!m) {
        m = {
          counts: sizes.map((s) => new Float64Array(s)),
          top: new Float64Array(k),
          weights: new Float64Array(k).fill(1),
          last: undefined,
        };
        models.set(from, m);
      }
      return m;
    };
    const model: OpponentModel = {
      get observations() {
        return observations;
      },
      update(view) {
        const h = view.history;
        for (; seen < h.length; seen++) {
          const from = h.from(seen);
          if (from === self) continue;
          const o = h.outcome(seen);
          const m = modelOf(from);
          for (let i = 0; i < k; i++) {
            const c = m.counts[i] as Float64Array;
            const v = o[i] as number;
            const x = (c[v] as number) + 1;
            c[v] = x;
            if (x > (m.top[i] as number)) m.top[i] = x;
            if (m.last && m.last[i] === v) m.weights[i] = (m.weights[i] as number) + learning;
          }
          m.last = o;
          observations++;
        }
      },
      estimate(o) {
        if (models.size === 0) return 0;
        let total = 0;
        for (const m of models.values()) {
          let wsum = 0;
          let s = 0;
          for (let i = 0; i < k; i++) {
            const w = m.weights[i] as number;
            const top = m.top[i] as number;
            wsum += w;
            if (top > 0) s += (w * ((m.counts[i] as Float64Array)[o[i] as number] as number)) / top;
          }
          total += wsum > 0 ? s / wsum : 0;
        }
        return total / models.size;
      },
    };
    return model;
  };
}
