/**
 * A 64-bit string hash (two 32-bit multiply–xorshift lanes, as in cyrb53) for stable run ids and
 * per-run seeds. Not cryptographic: ids only need to be stable across machines and versions and
 * collide with negligible probability (the planner checks for collisions anyway).
 */
function lanes(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** 16 hex digits. */
export function hash64(text: string): string {
  const [h1, h2] = lanes(text, 0);
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

/** A seed in [1, 2^31 − 1] derived from a text (a different lane seed from {@link hash64}). */
export function seedFrom(text: string): number {
  const [h1] = lanes(text, 0x5eed);
  return (h1 % 0x7fffffff) + 1;
}
