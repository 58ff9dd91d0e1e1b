import { describe, expect, it } from 'vitest';
import { cholesky, isPositiveDefinite } from '../../../src/lib/linalg/cholesky.ts';
import { goeMatrix, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { expectArraysClose } from './asserts.ts';

describe('cholesky', () => {
  it('factors a known matrix exactly: [[4, 2], [2, 5]] = L Lᵀ with L = [[2, 0], [1, 2]]', () => {
    expect(Array.from(cholesky([4, 2, 2, 5], 2)!)).toEqual([2, 0, 1, 2]);
  });

  it('reproduces A = L Lᵀ for random positive definite matrices with known spectra', () => {
    const rng = createRng(3);
    for (const n of [1, 3, 8, 20]) {
      const values = Array.from({ length: n }, (_, i) => 0.5 + i);
      const A = symmetricWithSpectrum(values, rng);
      const L = cholesky(A, n)!;
      const LLt = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += L[i * n + k]! * L[j * n + k]!;
          LLt[i * n + j] = s;
        }
      expectArraysClose(LLt, A, 1e-12 * n, `L Lᵀ at n = ${n}`);
    }
  });

  it('returns null when a pivot is not positive', () => {
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    expect(cholesky([0, 0, 0, 1], 2)).toBeNull();
  });
});

describe('isPositiveDefinite', () => {
  it('decides matrices with known spectra right, even with one eigenvalue barely below zero', () => {
    const rng = createRng(4);
    expect(isPositiveDefinite(symmetricWithSpectrum([1e-3, 1, 2, 3, 4], rng), 5)).toBe(true);
    expect(isPositiveDefinite(symmetricWithSpectrum([-1e-3, 1, 2, 3, 4], rng), 5)).toBe(false);
    expect(isPositiveDefinite(symmetricWithSpectrum([1, 1, 1, 1, -5], rng), 5)).toBe(false);
    expect(isPositiveDefinite([], 0)).toBe(true);
    expect(isPositiveDefinite([Number.NaN], 1)).toBe(false);
  });

  it('agrees with the sign of the smallest eigenvalue (symmetricEigen) on thousands of GOE matrices, with or without scratch', () => {
    const rng = createRng(5);
    const work = new Float64Array(100);
    let checked = 0,
      positive = 0;
    for (let t = 0; t < 4000; t++) {
      const n = 1 + (t % 6);
      const A = goeMatrix(n, rng);
      const lambdaMin = symmetricEigen(A, n).values[0]!;
      if (Math.abs(lambdaMin) < 1e-10) continue;
      expect(isPositiveDefinite(A, n, work)).toBe(lambdaMin > 0);
      expect(isPositiveDefinite(A, n)).toBe(lambdaMin > 0);
      checked++;
      if (lambdaMin > 0) positive++;
    }
    expect(checked).toBeGreaterThan(3990);
    expect(positive).toBeGreaterThan(100);
  });

  it('rejects a matrix of the wrong length', () => {
    expect(() => isPositiveDefinite([1, 2, 3], 2)).toThrow(/expected n·n = 4/);
  });
});
