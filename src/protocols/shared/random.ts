/** Seeded pseudo-random numbers and the ids built from them, so the same seed gives the same transcript. */

/** mulberry32: a small, fast, well-distributed 32-bit generator; plenty for ids in a simulation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A string of `length` upper-case hex digits, like a Postfix queue id (e.g. 7E7AD1800F8). */
export function hexId(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(next() * 16).toString(16).toUpperCase();
  return out;
}
