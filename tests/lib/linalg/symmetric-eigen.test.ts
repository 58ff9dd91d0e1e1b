import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { randomOrthogonal, symmetricFromEigen, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import {
  alignment,
  column,
  expectArraysClose,
  laplacian1d,
  laplacian1dEigenvalues,
  laplacian1dEigenvector,
  orthonormalityError,
  residualNorm,
} from './asserts.ts';

const ascending = (v: number[]) => Float64Array.from(v).sort();

/** Checks values against the known spectrum, and A v = λ v and VᵀV = I for the vectors, all relative to ‖A‖. */
function expectDecomposition(A: Float64Array, n: number, known: ArrayLike<number>, rel = 1e-10): Float64Array {
  const expected = Float64Array.from(known).sort();
  const scale = Math.max(1, ...Array.from(expected, Math.abs));
  const { values, vectors } = symmetricEigen(A, n, { vectors: true });
  expectArraysClose(values, expected, rel * scale, 'eigenvalues');
  const V = vectors!;
  let worst = 0;
  for (let j = 0; j < n; j++) worst = Math.max(worst, residualNorm(A, n, column(V, n, n, j), values[j]!));
  expect(worst, 'max ‖Av − λv‖').toBeLessThanOrEqual(rel * scale);
  expect(orthonormalityError(V, n, n), '‖VᵀV − I‖max').toBeLessThanOrEqual(rel);
  return V;
}

describe('symmetricEigen', () => {
  it('returns the diagonal of a diagonal matrix, sorted, with unit coordinate vectors', () => {
    const diag = [3, -1, 0, 2, -7.5];
    const n = diag.length;
    const A = new Float64Array(n * n);
    diag.forEach((d, i) => {
      A[i * n + i] = d;
    });
    const V = expectDecomposition(A, n, diag, 1e-15);
    const order = [4, 1, 2, 3, 0]; // positions of −7.5, −1, 0, 2, 3
    order.forEach((i, j) => expect(Math.abs(V[i * n + j]!)).toBeCloseTo(1, 15));
  });

  it('handles a diagonal matrix with repeated entries', () => {
    const diag = [2, 2, -1, 2, 0, 0];
    const n = diag.length;
    const A = new Float64Array(n * n);
    diag.forEach((d, i) => {
      A[i * n + i] = d;
    });
    expectDecomposition(A, n, diag, 1e-15);
  });

  it('finds −2 and 2 for [[0, −2], [−2, 0]], with eigenvectors (1, 1)/√2 and (1, −1)/√2', () => {
    const A = Float64Array.from([0, -2, -2, 0]);
    const V = expectDecomposition(A, 2, [-2, 2], 1e-15);
    const s = Math.SQRT1_2;
    expect(alignment(column(V, 2, 2, 0), Float64Array.from([s, s]))).toBeCloseTo(1, 14);
    expect(alignment(column(V, 2, 2, 1), Float64Array.from([s, -s]))).toBeCloseTo(1, 14);
  });

  it('solves n = 1 and n = 0', () => {
    const one = symmetricEigen(Float64Array.from([-4.25]), 1, { vectors: true });
    expect(Array.from(one.values)).toEqual([-4.25]);
    expect(Array.from(one.vectors!)).toEqual([1]);
    const none = symmetricEigen(new Float64Array(0), 0, { vectors: true });
    expect(none.values.length).toBe(0);
  });

  it('returns the zero spectrum and an orthonormal basis for the zero matrix', () => {
    expectDecomposition(new Float64Array(49), 7, new Array(7).fill(0));
  });

  it('recovers Q diag(λ) Qᵀ with repeated, zero and negative λ for n = 5, 50 and 300', () => {
    const rng = createRng(20240501);
    for (const n of [5, 50, 300]) {
      // A third zeros, a block of repeated −3, a repeated 1, and distinct values spread over [−10, 10].
      const lambda = Array.from({ length: n }, (_, i) => (i < n / 3 ? 0 : i < n / 2 ? -3 : i < (2 * n) / 3 ? 1 : -10 + (20 * i) / n));
      expectDecomposition(symmetricWithSpectrum(lambda, rng), n, lambda);
    }
  });

  it('gives eigenvectors that match the known ones: single eigenvalues up to sign, repeated ones as a subspace', () => {
    const n = 60,
      rng = createRng(7);
    const Q = randomOrthogonal(n, rng);
    const lambda = Array.from({ length: n }, (_, i) => (i < 10 ? 5 : i - 30)); // 5 ten times, then −20 … 29
    const { values, vectors } = symmetricEigen(symmetricFromEigen(lambda, Q), n, { vectors: true });
    const V = vectors!;
    for (let j = 0; j < n; j++) {
      const v = column(V, n, n, j);
      // Projection of v onto the known eigenspace of values[j] should have norm 1.
      let p2 = 0;
      for (let k = 0; k < n; k++) {
        if (Math.abs(lambda[k]! - values[j]!) < 1e-6) p2 += alignment(column(Q, n, n, k), v) ** 2;
      }
      expect(Math.sqrt(p2), `eigenvector ${j} (λ = ${values[j]})`).toBeCloseTo(1, 10);
    }
  });

  it('finds 2 − 2cos(kπ/(n+1)) and the sine eigenvectors for the [−1, 2, −1] tridiagonal matrix', () => {
    for (const n of [10, 200]) {
      const V = expectDecomposition(laplacian1d(n), n, laplacian1dEigenvalues(n), 1e-12);
      for (const k of [1, 2, n >> 1, n]) {
        expect(alignment(column(V, n, n, k - 1), laplacian1dEigenvector(n, k))).toBeCloseTo(1, 10);
      }
    }
  });

  it('keeps tight clusters orthogonal (eigenvalues 1 + j·1e-12)', () => {
    const n = 80;
    const lambda = Array.from({ length: n }, (_, i) => (i < 40 ? 1 + i * 1e-12 : -1 - i));
    expectDecomposition(symmetricWithSpectrum(lambda, createRng(3)), n, lambda);
  });

  it('handles the Wilkinson matrix W21+, whose top eigenvalues agree to 14 digits', () => {
    const n = 21;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      A[i * n + i] = Math.abs(10 - i);
      if (i + 1 < n) {
        A[i * n + i + 1] = 1;
        A[(i + 1) * n + i] = 1;
      }
    }
    const { values, vectors } = symmetricEigen(A, n, { vectors: true });
    // Known: λ₂₀, λ₂₁ = 10.746194182903322 and 10.746194182903393 (Wilkinson, The Algebraic Eigenvalue Problem).
    expect(values[n - 1]!).toBeCloseTo(10.7461941829034, 12);
    expect(values[n - 1]! - values[n - 2]!).toBeLessThan(1e-12);
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(110, 11); // trace = Σ|10 − i|
    expect(orthonormalityError(vectors!, n, n)).toBeLessThan(1e-13);
    for (let j = 0; j < n; j++) expect(residualNorm(A, n, column(vectors!, n, n, j), values[j]!)).toBeLessThan(1e-13);
  });

  it('scales safely: entries near 1e200 and near 1e-200 give the scaled spectrum', () => {
    const lambda = [-3, 0, 1, 1, 4.5];
    const B = symmetricWithSpectrum(lambda, createRng(11));
    for (const s of [1e200, 1e-200]) {
      const { values } = symmetricEigen(
        B.map((x) => x * s),
        5,
      );
      expectArraysClose(
        values.map((v) => v / s),
        ascending(lambda),
        1e-13,
      );
    }
  });

  it('gives the same values with and without vectors, and leaves A untouched', () => {
    const n = 120,
      rng = createRng(5);
    const A = symmetricWithSpectrum(
      Array.from({ length: n }, (_, i) => Math.sin(i) * 3),
      rng,
    );
    const copy = A.slice();
    const a = symmetricEigen(A, n),
      b = symmetricEigen(A, n, { vectors: true });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.vectors).toBeUndefined();
    expect(Array.from(A)).toEqual(Array.from(copy));
  });

  it('uses (A + Aᵀ)/2, so a slightly asymmetric input gives the symmetric part’s spectrum', () => {
    const A = Float64Array.from([2, 1 + 1e-9, 1 - 1e-9, 2]);
    expectArraysClose(symmetricEigen(A, 2).values, [1, 3], 1e-15);
  });

  it('rejects a wrong length and non-finite entries', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(/length/);
    expect(() => symmetricEigen(Float64Array.from([1, NaN, NaN, 1]), 2)).toThrow(/finite/);
    expect(() => symmetricEigen(Float64Array.from([Infinity, 0, 0, 1]), 2)).toThrow(/infinite|finite/);
  });
});
