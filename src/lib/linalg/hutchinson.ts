// Hutchinson's stochastic trace estimator with Rademacher probes: tr(A) ≈ mean of zᵀAz over random sign vectors z.
// For the reproductions of issue #11: Hessians of digits networks, too large to form; nothing calls it yet.
//
// For z with independent ±1 entries, E[zᵀAz] = tr(A) and Var[zᵀAz] = 2 Σ_{i≠j} A_ij² (Hutchinson 1990; among
// probe distributions Rademacher has the smallest variance). The standard error of the mean is estimated from the
// probes themselves, s/√probes, so it shrinks like 1/√probes; it is exactly 0 for a diagonal A.

import type { Rng } from '../random/rng.ts';

export interface HutchinsonOptions {
  /** Number of probe vectors, ≥ 2 (so a standard error can be estimated). */
  probes: number;
  rng: Rng;
}

export interface HutchinsonResult {
  /** Mean of zᵀAz over the probes. */
  estimate: number;
  /** Sample standard deviation of zᵀAz divided by √probes. */
  standardError: number;
  /** Probes used (= products with A). */
  probes: number;
}

/**
 * Estimates tr(A) from products with A only.
 * @param matvec v ↦ A v (v length n); A need not be symmetric
 * @param n dimension
 */
export function hutchinsonTrace(matvec: (v: Float64Array) => Float64Array, n: number, opts: HutchinsonOptions): HutchinsonResult {
  const { probes, rng } = opts;
  if (!Number.isInteger(n) || n < 1) throw new Error(`hutchinsonTrace: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(probes) || probes < 2) throw new Error(`hutchinsonTrace: probes must be an integer ≥ 2, got ${probes}`);
  const z = new Float64Array(n);
  // Welford's running mean and sum of squared deviations.
  let mean = 0,
    m2 = 0;
  for (let p = 1; p <= probes; p++) {
    for (let i = 0; i < n; i++) z[i] = rng.sign();
    const az = matvec(z);
    if (az.length !== n) throw new Error(`hutchinsonTrace: matvec returned length ${az.length}, expected ${n}`);
    let sample = 0;
    for (let i = 0; i < n; i++) sample += z[i]! * az[i]!;
    const delta = sample - mean;
    mean += delta / p;
    m2 += delta * (sample - mean);
  }
  return { estimate: mean, standardError: Math.sqrt(m2 / (probes - 1) / probes), probes };
}
