/**
 * How one issue's values are scored by one party, before the issue weight.
 *
 * - `table`: a score per value index (discrete issues, or any issue by index).
 * - `linear`: `y0 + slope × (x − x0)`, optionally clamped to `[clampMin, clampMax]`
 *   (GENIUS's integer/real evaluator is `x0 = lowerbound`, `y0 = offset`, clamp `[0, 1]`).
 * - `piecewise`: linear interpolation between `points` (sorted by x), flat beyond the ends.
 */
export type ValueFunction = TableValue | LinearValue | PiecewiseValue;

export interface TableValue {
  readonly kind: 'table';
  readonly values: readonly number[];
}

export interface LinearValue {
  readonly kind: 'linear';
  readonly x0: number;
  readonly y0: number;
  readonly slope: number;
  readonly clampMin?: number;
  readonly clampMax?: number;
}

export interface PiecewiseValue {
  readonly kind: 'piecewise';
  readonly points: readonly (readonly [number, number])[];
}

/** Scores a value. `x` is the numeric value (numeric issues), `index` its position. */
export function evaluateValue(fn: ValueFunction, x: number, index: number): number {
  switch (fn.kind) {
    case 'table':
      return fn.values[index] ?? 0;
    case 'linear': {
      let y = fn.y0 + fn.slope * (x - fn.x0);
      if (fn.clampMin !== undefined && y < fn.clampMin) y = fn.clampMin;
      if (fn.clampMax !== undefined && y > fn.clampMax) y = fn.clampMax;
      return y;
    }
    case 'piecewise': {
      const pts = fn.points;
      const first = pts[0];
      const last = pts[pts.length - 1];
      if (!first || !last) return 0;
      if (x <= first[0]) return first[1];
      if (x >= last[0]) return last[1];
      for (let i = 1; i < pts.length; i++) {
        const b = pts[i] as readonly [number, number];
        if (x <= b[0]) {
          const a = pts[i - 1] as readonly [number, number];
          return b[0] === a[0] ? b[1] : a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
        }
      }
      return last[1];
    }
  }
}
