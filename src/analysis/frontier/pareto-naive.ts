/**
 * The points no other point weakly dominates, by comparing every pair (O(n²·k)): the obviously
 * correct reference the fast filters are tested against.
 *
 * Point i is dropped when some j ≠ i has `cols[p][j] >= cols[p][i]` for every p and either
 * differs somewhere (i is dominated) or is identical with a smaller index (identical vectors
 * collapse to the first). Returns the kept indices, ascending.
 */
export function nonDominatedNaive(cols: readonly Float64Array[], n: number): Int32Array {
  const k = cols.length;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let dropped = false;
    for (let j = 0; j < n && !dropped; j++) {
      if (j === i) continue;
      let geq = true;
      let differs = false;
      for (let p = 0; p < k; p++) {
        const a = (cols[p] as Float64Array)[j] as number;
        const b = (cols[p] as Float64Array)[i] as number;
        if (a < b) {
          geq = false;
          break;
        }
        if (a !== b) differs = true;
      }
      if (geq && (differs || j < i)) dropped = true;
    }
    if (!dropped) keep.push(i);
  }
  return Int32Array.from(keep);
}
