/** A pure CPU task for piscina: the machine's own 1 → 2 thread speed-up, as a yardstick for the tournament's. */
export default function spin(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + Math.sqrt(i)) % 1e9;
  return x;
}
