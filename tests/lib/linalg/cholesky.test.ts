import { describe, expect, it } from 'vitest';
import { isPositiveDefinite } from '../../../src/lib/linalg/cholesky.ts';
import { goeMatrix, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

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
