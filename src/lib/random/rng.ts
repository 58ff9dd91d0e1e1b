// Seeded pseudo-random numbers, identical in Node and every browser: xoshiro128** with SplitMix32 seeding.
//
// All arithmetic is 32-bit integer (Math.imul, >>> 0), so the stream depends only on the seed,
// never on the JavaScript engine. Never use Math.random in src/lib: pass an Rng in.

import { log, sinCos } from '../numerics/portable-math.ts';

export interface Rng {
  /** Uniform on [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal, by Box–Muller (both values of each pair are used). */
  normal(): number;
  /** ±1 with equal probability (Rademacher). */
  sign(): number;
  /** An independent generator derived from this one (for sub-tasks that must not shift this stream). */
  fork(): Rng;
  /** The seed this generator started from. */
  readonly seed: number;
}

/** SplitMix32: spreads one 32-bit seed into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  const mix = splitmix32(Math.trunc(seed));
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;

  const nextU32 = (): number => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c = (c ^ t) >>> 0;
    d = ((d << 11) | (d >>> 21)) >>> 0;
    a >>>= 0;
    b >>>= 0;
    return result;
  };

  const rng: Rng = {
    seed,
    next: () => nextU32() / 4294967296,
    int: (n) => {
      if (!(n >= 1)) throw new Error(`rng.int: n must be ≥ 1, got ${n}`);
      return Math.floor((nextU32() / 4294967296) * n);
    },
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      // 1 − u keeps the logarithm finite (u can be 0, never 1).
      // log, sin and cos from numerics/portable-math.ts: Math's differ between engines in the last bit.
      const r = Math.sqrt(-2 * log(1 - nextU32() / 4294967296));
      const [sin, cos] = sinCos((2 * Math.PI * nextU32()) / 4294967296);
      spare = r * sin;
      return r * cos;
    },
    sign: () => (nextU32() & 1 ? 1 : -1),
    fork: () => createRng(nextU32()),
  };
  return rng;
}

/** Fills a new Float64Array with standard normals. */
export function normalVector(rng: Rng, n: number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * rng.normal();
  return out;
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates), for issue #11's permuted digit labels; nothing calls it yet. */
export function permutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
