// Counting positive definite GOE matrices: intervals, merging batches, seeds, and the reference values (no zod, no tfjs: page code uses it).
export const GOE_MAX_N = 40;
export const GOE_MAX_SAMPLES = 1_000_000;
/** Dean & Majumdar's rate θ(0) = (ln 3)/4 for β = 1: P(all n eigenvalues > 0) ≈ exp(−θ n²) for large n. */
export const DEAN_MAJUMDAR_THETA = Math.log(3) / 4;
/** Two-sided 95% normal quantile. */

const Z95 = 1.959963984540054;

export interface GoeCount {
  n: number;
  samples: number;
  positiveDefinite: number;
}

export interface GoeDefiniteResult {
  maxN: number;
  samplesPerN: number;
  rows: GoeCount[];
}

/** Leading-order large-n asymptotics exp(−θ n²) = 3^(−n²/4) (no prefactor: a guide to the slope, not a prediction). */
export const deanMajumdar = (n: number) => Math.exp(-DEAN_MAJUMDAR_THETA * n * n);

/**
 * The exact probability that an n×n GOE matrix is positive definite, for n ≤ 2 (null otherwise).
 *
 * n = 1: A₁₁ is a centred Gaussian, positive with probability 1/2.
 * n = 2: A = [[a, c], [c, b]] with Var a = Var b = 2 Var c (goeMatrix's convention; positivity is scale-free, so
 * take Var c = 1). Then m = (a + b)/2 and u = (a − b)/2 are independent N(0, 1), and the eigenvalues are m ± r
 * with r = √(u² + c²), a Rayleigh variable independent of m: P(r < m) = 1 − e^(−m²/2) for m > 0. So
 * P = ∫₀^∞ (1 − e^(−m²/2)) φ(m) dm = 1/2 − (1/√(2π)) ∫₀^∞ e^(−m²) dm = 1/2 − 1/(2√2) = (2 − √2)/4.
 */
export function exactPositiveDefinite(n: number): number | null {
  if (n === 1) return 0.5;
  if (n === 2) return (2 - Math.SQRT2) / 4;
  return null;
}

export interface GoeStats extends GoeCount {
  fraction: number;
  /** 95% interval: Wilson's score interval when k > 0; [0, 3/K] (the rule of three) when none was positive definite. */
  lower: number;
  upper: number;
  /** True when no sample was positive definite, so only the upper bound 3/K is known. */
  zero: boolean;
  exact: number | null;
  asymptotic: number;
}

/** Wilson's 95% score interval for k successes in K trials (Wilson 1927): good coverage even for tiny k/K. */
export function wilsonInterval(k: number, K: number, z = Z95): [number, number] {
  if (K <= 0) return [0, 1];
  const p = k / K,
    z2 = z * z;
  const centre = (p + z2 / (2 * K)) / (1 + z2 / K);
  const half = (z / (1 + z2 / K)) * Math.sqrt((p * (1 - p)) / K + z2 / (4 * K * K));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Fractions, intervals and reference values for accumulated counts. */
export function goeStats(rows: readonly GoeCount[]): GoeStats[] {
  return rows.map((r) => {
    const zero = r.positiveDefinite === 0;
    const [lower, upper] = zero ? [0, Math.min(1, 3 / r.samples)] : wilsonInterval(r.positiveDefinite, r.samples);
    return {
      ...r,
      fraction: r.samples > 0 ? r.positiveDefinite / r.samples : 0,
      lower,
      upper,
      zero,
      exact: exactPositiveDefinite(r.n),
      asymptotic: deanMajumdar(r.n),
    };
  });
}

/** Adds the counts of `more` to `base`, n by n (sizes missing from `base` are appended). */
export function mergeCounts(base: readonly GoeCount[], more: readonly GoeCount[]): GoeCount[] {
  const out = new Map(base.map((r) => [r.n, { ...r }]));
  for (const r of more) {
    const b = out.get(r.n);
    if (b) {
      b.samples += r.samples;
      b.positiveDefinite += r.positiveDefinite;
    } else out.set(r.n, { ...r });
  }
  return [...out.values()].sort((x, y) => x.n - y.n);
}

/**
 * The seed of the k-th batch of samples (k = 0 is the first paint): distinct batches draw independent streams,
 * and a page restores the same counts from (seed, batches).
 */
export function batchSeed(seed: number, batch: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(batch + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 12)) >>> 0;
}

/** Standard normals the first batch may draw (Σ samples·n²): keeps the build-time figure well under a second. */
export const INITIAL_BUDGET = 3_000_000;

/** Samples per n of the first batch, which the page also paints at build time: `samples`, or fewer if over budget. */
export function initialSamples(maxN: number, samples: number): number {
  const perSample = (maxN * (maxN + 1) * (2 * maxN + 1)) / 6;
  return Math.max(1, Math.min(samples, Math.floor(INITIAL_BUDGET / perSample)));
}

/**
 * The work of one batch in the units goe-definite reports progress in: Σₙ samples·n² standard normals drawn
 * (the Cholesky test of an n×n matrix costs about n³/6 more, but stops early on most matrices past n = 3).
 */
export function goeWork(maxN: number, samples: number): number {
  return (samples * maxN * (maxN + 1) * (2 * maxN + 1)) / 6;
}

/**
 * A rough cost model of one batch, in ms: normals at about 12,500 a ms, plus about 1.4 µs a matrix of overhead
 * (measured with Node 22 on this project's 2-core build machine: maxN 40 × 1,000 samples took 1.8 s, maxN 5 ×
 * 100,000 took 1.2 s). A page refines it with the throughput it measures (see the widget's model.ts).
 */
export const GOE_NORMALS_PER_MS = 12_500;
export const GOE_MS_PER_MATRIX = 0.0014;
export function goeCostMs(maxN: number, samples: number): number {
  return goeWork(maxN, samples) / GOE_NORMALS_PER_MS + GOE_MS_PER_MATRIX * samples * maxN;
}
