/**
 * numpy's classic `argsort(kind='quicksort')` for float64 (introsort: median-of-three
 * quicksort, insertion sort below 17 elements, heapsort past a depth limit), reproduced step
 * by step so that equal keys come out in the same order as numpy (1.x, no SIMD) puts them.
 * NegMAS's choices among tied outcomes follow from that order (see `negmasOrder`).
 */

const SMALL = 15;

function aheapsort(v: Float64Array, a: Int32Array, from: number, n: number): void {
  // 1-based heap over a[from .. from + n - 1].
  const at = (i: number) => from + i - 1;
  for (let l = n >> 1; l > 0; l--) {
    const tmp = a[at(l)] as number;
    let i = l;
    let j = l << 1;
    while (j <= n) {
      if (j < n && (v[a[at(j)] as number] as number) < (v[a[at(j + 1)] as number] as number)) j++;
      if ((v[tmp] as number) < (v[a[at(j)] as number] as number)) {
        a[at(i)] = a[at(j)] as number;
        i = j;
        j += j;
      } else break;
    }
    a[at(i)] = tmp;
  }
  for (; n > 1; ) {
    const tmp = a[at(n)] as number;
    a[at(n)] = a[at(1)] as number;
    n--;
    let i = 1;
    let j = 2;
    while (j <= n) {
      if (j < n && (v[a[at(j)] as number] as number) < (v[a[at(j + 1)] as number] as number)) j++;
      if ((v[tmp] as number) < (v[a[at(j)] as number] as number)) {
        a[at(i)] = a[at(j)] as number;
        i = j;
        j += j;
      } else break;
    }
    a[at(i)] = tmp;
  }
}

/** Indices that sort `v` ascending, ties broken exactly as numpy's classic introsort does. */
export function numpyArgsort(v: Float64Array): Int32Array {
  const num = v.length;
  const a = new Int32Array(num);
  for (let i = 0; i < num; i++) a[i] = i;
  if (num < 2) return a;
  const stack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let depth = (31 - Math.clz32(num)) * 2;
  let t: number;
  for (;;) {
    if (depth < 0) {
      aheapsort(v, a, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL) {
        // Median of three, then Hoare partition around it (numpy's aquicksort_).
        const pm = pl + ((pr - pl) >> 1);
        if ((v[a[pm] as number] as number) < (v[a[pl] as number] as number)) {
          t = a[pm] as number;
          a[pm] = a[pl] as number;
          a[pl] = t;
        }
        if ((v[a[pr] as number] as number) < (v[a[pm] as number] as number)) {
          t = a[pr] as number;
          a[pr] = a[pm] as number;
          a[pm] = t;
        }
        if ((v[a[pm] as number] as number) < (v[a[pl] as number] as number)) {
          t = a[pm] as number;
          a[pm] = a[pl] as number;
          a[pl] = t;
        }
        const vp = v[a[pm] as number] as number;
        let pi = pl;
        let pj = pr - 1;
        t = a[pm] as number;
        a[pm] = a[pj] as number;
        a[pj] = t;
        for (;;) {
          do pi++;
          while ((v[a[pi] as number] as number) < vp);
          do pj--;
          while (vp < (v[a[pj] as number] as number));
          if (pi >= pj) break;
          t = a[pi] as number;
          a[pi] = a[pj] as number;
          a[pj] = t;
        }
        t = a[pi] as number;
        a[pi] = a[pr - 1] as number;
        a[pr - 1] = t;
        depth--;
        // The larger part waits on the stack, with the depth it will resume at.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr, depth);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1, depth);
          pl = pi + 1;
        }
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = a[pi] as number;
        const x = v[vi] as number;
        let pj = pi;
        while (pj > pl && x < (v[a[pj - 1] as number] as number)) {
          a[pj] = a[pj - 1] as number;
          pj--;
        }
        a[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    depth = stack.pop() as number;
    pr = stack.pop() as number;
    pl = stack.pop() as number;
  }
  return a;
}
