// Random test matrices with known spectra: Haar orthogonal Q, Q diag(λ) Qᵀ, and the Gaussian orthogonal ensemble.

import { normalVector, type Rng } from '../random/rng.ts';
import { gemmAdd } from './gemm.ts';
import { applyTridiagonalQ } from './householder-back-transform.ts';

/**
 * A Haar-distributed (uniform) random orthogonal matrix.
 *
 * Stewart's method (1980, "The efficient generation of random orthogonal matrices with an application to condition
 * estimators"): the QL factorisation G = Q L of a Gaussian matrix by Householder reflections H_n ⋯ H_1, where
 * each H_k only ever sees a fresh Gaussian vector in R^k (rotation invariance), so the vectors are drawn directly
 * and G is never formed. Multiplying column k by sign(L_kk) makes the factorisation unique and Q exactly Haar
 * (Mezzadri 2007). The reflections are applied to the identity in compact-WY blocks: about 2n³ flops of fast
 * matrix products (0.2 s at n = 1000).
 * @returns n×n row-major Float64Array Q with Q Qᵀ = Qᵀ Q = I
 */
export function randomOrthogonal(n: number, rng: Rng): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`randomOrthogonal: n must be a non-negative integer, got ${n}`);
  // Reflector k (k = 1..n) acts on coordinates 0..k−1 and is stored as row k of an (n+1)×(n+1) array, in the
  // layout applyTridiagonalQ reads (v[k−1] = 1).
  const big = n + 1;
  const a = new Float64Array(big * big),
    tau = new Float64Array(big),
    signs = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    const row = k * big,
      x = normalVector(rng, k);
    const alpha = x[k - 1]!;
    let xnorm2 = 0;
    for (let i = 0; i < k - 1; i++) xnorm2 += x[i]! * x[i]!;
    let beta = alpha;
    if (xnorm2 > 0) {
      beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + xnorm2) : Math.sqrt(alpha * alpha + xnorm2);
      tau[k] = (beta - alpha) / beta;
      const inv = 1 / (alpha - beta);
      for (let i = 0; i < k - 1; i++) a[row + i] = x[i]! * inv;
    }
    a[row + k - 1] = 1;
    signs[k - 1] = beta < 0 ? -1 : 1; // L[k−1][k−1] = β
  }
  const y = new Float64Array(big * n);
  for (let i = 0; i < n; i++) y[i * n + i] = 1;
  applyTridiagonalQ(a, big, tau, y, n);
  const q = y.subarray(0, n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) q[r * n + c] = q[r * n + c]! * signs[c]!;
  }
  return q.slice();
}

/**
 * Q diag(values) Qᵀ for a given orthogonal Q, symmetrised exactly.
 * @param values eigenvalues, length n
 * @param Q n×n row-major orthogonal; column k is the unit eigenvector of values[k]
 * @returns n×n row-major symmetric Float64Array
 */
export function symmetricFromEigen(values: ArrayLike<number>, Q: Float64Array): Float64Array {
  const n = values.length;
  if (Q.length !== n * n) throw new Error(`symmetricFromEigen: Q has length ${Q.length}, expected ${n * n}`);
  const qLambda = new Float64Array(n * n),
    qT = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      qLambda[i * n + k] = Q[i * n + k]! * values[k]!;
      qT[k * n + i] = Q[i * n + k]!;
    }
  }
  const a = new Float64Array(n * n);
  gemmAdd(n, n, n, qLambda, 0, n, qT, 0, n, a, 0, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j]! + a[j * n + i]!);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

/**
 * A random symmetric matrix with the given spectrum: Q diag(values) Qᵀ with Q Haar-orthogonal.
 * @param values eigenvalues, length n (repeats and zeros allowed)
 * @returns n×n row-major symmetric Float64Array
 */
export function symmetricWithSpectrum(values: ArrayLike<number>, rng: Rng): Float64Array {
  return symmetricFromEigen(values, randomOrthogonal(values.length, rng));
}

/**
 * A matrix from the Gaussian orthogonal ensemble, normalised so its spectrum fills the semicircle on [−2, 2].
 *
 * Normalisation: A = (G + Gᵀ)/√(2n) with G n×n of independent N(0, 1). So A_ij ~ N(0, 1/n) off the diagonal and
 * A_ii ~ N(0, 2/n); E[(1/n) tr A²] = 1 + 1/n, and as n grows the eigenvalue histogram tends to Wigner's semicircle
 * ρ(x) = √(4 − x²)/(2π) on [−2, 2], whose second moment is 1.
 * @returns n×n row-major symmetric Float64Array
 */
export function goeMatrix(n: number, rng: Rng): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`goeMatrix: n must be a positive integer, got ${n}`);
  const g = normalVector(rng, n * n);
  const a = new Float64Array(n * n);
  const s = 1 / Math.sqrt(2 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = (g[i * n + j]! + g[j * n + i]!) * s;
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}
