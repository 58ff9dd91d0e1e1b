// The Lanczos process with full reorthogonalisation: k steps give T_k = Q_kᵀ A Q_k, whose eigenvalues are the Ritz values of A.
// For the reproductions of issue #11: the most negative Hessian eigenvalue at a digits network's solution; nothing calls it yet.
//
// Only products v ↦ A v are needed, so A may be a Hessian never formed (Hessian-vector products). Reorthogonalising
// every new vector against the whole basis (twice) costs O(k²n) but keeps the Ritz values free of spurious copies;
// for k up to a few hundred that is cheaper than the Hessian-vector products themselves.

import { normalVector, type Rng } from '../random/rng.ts';
import { createKrylovBasis, extendKrylovBasis, ritzVectors } from './krylov-basis.ts';
import { tridiagonalEigen } from './tridiagonal-eigen.ts';

export { extremeEigenpairs } from './extreme-eigenpairs.ts';
export type { EigenpairSet, ExtremeEigenpairsOptions, ExtremeEigenpairsResult } from './extreme-eigenpairs.ts';

export interface LanczosOptions {
  /** Starting vector, length n (normalised internally); default a Gaussian vector from rng. */
  start?: Float64Array;
  /** Also return the Ritz vectors in the original space. */
  vectors?: boolean;
  /** β_j ≤ breakdownTol · ‖T‖ is treated as breakdown (an invariant subspace); default 1e-10. */
  breakdownTol?: number;
}

export interface LanczosResult {
  /** Diagonal of T, length steps. */
  alpha: Float64Array;
  /** Off-diagonal of T, length steps − 1. */
  beta: Float64Array;
  /** Ritz values (eigenvalues of T), ascending, length steps. */
  values: Float64Array;
  /** First components of T's unit eigenvectors, aligned with values (their squares are Gauss quadrature weights). */
  firstComponents: Float64Array;
  /** Ritz residual norms ‖A y_j − θ_j y_j‖ = |β_steps · last component of s_j|, aligned with values. */
  residualNorms: Float64Array;
  /** n×steps row-major; column j is the unit Ritz vector of values[j]. Present when requested. */
  vectors?: Float64Array;
  /** Steps actually taken: k, or fewer after breakdown (or when k > n). */
  steps: number;
  /** Whether the recurrence stopped on an invariant subspace. */
  breakdown: boolean;
}

/**
 * Runs up to k Lanczos steps on the symmetric operator A.
 * @param matvec v ↦ A v for symmetric A (v length n); the result is copied, so a reused buffer is fine
 * @param n dimension
 * @param k maximum number of steps (≥ 1); capped at n
 * @param rng source of the default starting vector
 */
export function lanczos(
  matvec: (v: Float64Array) => Float64Array,
  n: number,
  k: number,
  rng: Rng,
  opts: LanczosOptions = {},
): LanczosResult {
  if (!Number.isInteger(n) || n < 1) throw new Error(`lanczos: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`lanczos: k must be a positive integer, got ${k}`);
  const start = opts.start ?? normalVector(rng, n);
  const kb = createKrylovBasis(n, k, start, [], opts.breakdownTol ?? 1e-10);
  while (extendKrylovBasis(kb, matvec));
  const m = kb.steps;
  const alpha = kb.alpha.slice(0, m),
    beta = kb.beta.slice(0, m - 1);
  const eig = tridiagonalEigen(alpha, beta, { vectors: opts.vectors === true });
  const lastBeta = kb.breakdown ? 0 : kb.beta[m - 1]!;
  const residualNorms = eig.lastComponents.map((s) => Math.abs(lastBeta * s));
  const result: LanczosResult = {
    alpha,
    beta,
    values: eig.values,
    firstComponents: eig.firstComponents,
    residualNorms,
    steps: m,
    breakdown: kb.breakdown,
  };
  if (eig.vectors !== undefined) result.vectors = ritzVectors(kb.basis, n, m, eig.vectors);
  return result;
}
