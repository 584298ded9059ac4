/**
 * The dominance order of a merge step's candidates without sorting them: the kept points,
 * listed by `u0` descending, stay in that order when one issue value is added to all of them
 * (floating-point addition is monotone), so the candidates are a few sorted lists (one per
 * value) to merge; only runs of equal `u0` (ties, some made by rounding) are then ordered.
 */

/**
 * Merges runs that are each sorted by key descending (`ids` and their `keys` back to back,
 * run `r` at `bounds[r]..bounds[r+1]`) into one list by key descending; equal keys in any
 * order. Pairs of runs are merged round by round, reading memory in sequence.
 */
export function mergeRuns(ids: Int32Array, keys: Float64Array, bounds: readonly number[]): Int32Array {
  let runs = bounds.slice();
  let srcIds = ids;
  let srcKeys = keys;
  let dstIds: Int32Array = new Int32Array(ids.length);
  let dstKeys: Float64Array = new Float64Array(keys.length);
  while (runs.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const a1 = runs[r + 1] as number;
      const b1 = r + 2 < runs.length ? (runs[r + 2] as number) : a1;
      let a = runs[r] as number;
      let b = a1;
      let o = a;
      while (a < a1 && b < b1) {
        const ka = srcKeys[a] as number;
        const kb = srcKeys[b] as number;
        if (ka >= kb) {
          dstKeys[o] = ka;
          dstIds[o++] = srcIds[a++] as number;
        } else {
          dstKeys[o] = kb;
          dstIds[o++] = srcIds[b++] as number;
        }
      }
      for (; a < a1; a++, o++) {
        dstKeys[o] = srcKeys[a] as number;
        dstIds[o] = srcIds[a] as number;
      }
      for (; b < b1; b++, o++) {
        dstKeys[o] = srcKeys[b] as number;
        dstIds[o] = srcIds[b] as number;
      }
      next.push(b1);
    }
    runs = next;
    [srcIds, dstIds] = [dstIds, srcIds];
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
  }
  return srcIds;
}

/**
 * Two-party candidates of one merge step in dominance order (`u0` descending, ties by `u1`
 * descending, then by candidate index): `sorted` lists the previous kept points by `u0`
 * descending; `slot[j * q + t]` is the candidate made of kept point j and value t (−1 when
 * there is none); candidate indices follow enumeration order.
 */
export function mergedOrder2(
  u0: Float64Array,
  u1: Float64Array,
  sorted: Int32Array,
  slot: Int32Array,
  q: number,
  count: number,
): Int32Array {
  const order = mergedByKey(u0, sorted, slot, q, count);
  orderTies(order, u0, u1);
  return order;
}

/**
 * Three-party candidates in dominance order (`u0` descending, ties by `u1`, then `u2`
 * descending, then by candidate index), as {@link mergedOrder2}: the same order
 * `dominanceOrder` sorts into, without sorting.
 */
export function mergedOrder3(
  u0: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  sorted: Int32Array,
  slot: Int32Array,
  q: number,
  count: number,
): Int32Array {
  const order = mergedByKey(u0, sorted, slot, q, count);
  orderTies(order, u0, u1, u2);
  return order;
}

/**
 * The candidates by `key` descending (equal keys in any order), given the previous kept points
 * listed by that key descending: each value's candidates are then a sorted run.
 */
export function mergedByKey(
  key: Float64Array,
  sorted: Int32Array,
  slot: Int32Array,
  q: number,
  count: number,
): Int32Array {
  const ids = new Int32Array(count);
  const keys = new Float64Array(count);
  const bounds = [0];
  let n = 0;
  for (let t = 0; t < q; t++) {
    for (let r = 0; r < sorted.length; r++) {
      const c = slot[(sorted[r] as number) * q + t] as number;
      if (c < 0) continue;
      ids[n] = c;
      keys[n++] = key[c] as number;
    }
    if (n > (bounds[bounds.length - 1] as number)) bounds.push(n);
  }
  return mergeRuns(ids.subarray(0, n), keys.subarray(0, n), bounds);
}

/**
 * Orders each run of equal `u0` by `u1` descending, then (three parties) `u2` descending, then
 * index ascending. Ties are rare, so a comparator sort of each run is cheap.
 */
function orderTies(order: Int32Array, u0: Float64Array, u1: Float64Array, u2?: Float64Array): void {
  const n = order.length;
  let i = 0;
  while (i < n - 1) {
    const x = u0[order[i] as number] as number;
    let j = i + 1;
    while (j < n && u0[order[j] as number] === x) j++;
    if (j - i > 1) {
      const run = Array.from(order.subarray(i, j));
      run.sort(
        (a, b) =>
          (u1[b] as number) - (u1[a] as number) || (u2 ? (u2[b] as number) - (u2[a] as number) : 0) || a - b,
      );
      order.set(run, i);
    }
    i = j;
  }
}
