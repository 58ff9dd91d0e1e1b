// Tolerance helpers for the linear-algebra tests: explicit absolute tolerances and definitional checks (A v = λ v, VᵀV = I).
import { expect } from 'vitest';

/** |actual − expected| ≤ tol. */
export function expectClose(actual: number, expected: number, tol: number, what = 'value'): void {
  expect(Math.abs(actual - expected), `${what}: got ${actual}, expected ${expected} ± ${tol}`).toBeLessThanOrEqual(tol);
}

/** Same length and |actual[i] − expected[i]| ≤ tol for every i. */
export function expectArraysClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = 'array'): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0,
    at = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - expected[i]!);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  expect(worst, `${what}: worst difference at index ${at} (got ${actual[at]}, expected ${expected[at]})`).toBeLessThanOrEqual(tol);
}

/** Column j of a row-major rows×cols matrix. */
export function column(V: Float64Array, rows: number, cols: number, j: number): Float64Array {
  return Float64Array.from({ length: rows }, (_, i) => V[i * cols + j]!);
}

/** ‖A v − λ v‖₂ for dense row-major n×n A, computed with plain loops. */
export function residualNorm(A: Float64Array, n: number, v: Float64Array, lambda: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[i * n + k]! * v[k]!;
    ss += (s - lambda * v[i]!) ** 2;
  }
  return Math.sqrt(ss);
}

/** max |(VᵀV − I)_ij| for the rows×cols matrix V (columns should be orthonormal). */
export function orthonormalityError(V: Float64Array, rows: number, cols: number): number {
  let worst = 0;
  for (let a = 0; a < cols; a++) {
    for (let b = a; b < cols; b++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += V[i * cols + a]! * V[i * cols + b]!;
      worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

/** The n×n tridiagonal matrix with 2 on the diagonal and −1 beside it (the discrete 1-D Laplacian), row-major. */
export function laplacian1d(n: number): Float64Array {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = 2;
    if (i > 0) A[i * n + i - 1] = -1;
    if (i + 1 < n) A[i * n + i + 1] = -1;
  }
  return A;
}

/** Its known spectrum, ascending: 2 − 2cos(kπ/(n+1)), k = 1..n. */
export function laplacian1dEigenvalues(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
}

/** Its known unit eigenvector for the k-th eigenvalue (k = 1..n): √(2/(n+1)) sin(jkπ/(n+1)), j = 1..n. */
export function laplacian1dEigenvector(n: number, k: number): Float64Array {
  const c = Math.sqrt(2 / (n + 1));
  return Float64Array.from({ length: n }, (_, j) => c * Math.sin(((j + 1) * k * Math.PI) / (n + 1)));
}

/** |uᵀv| for unit vectors: 1 when they span the same line. */
export function alignment(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return Math.abs(s);
}
