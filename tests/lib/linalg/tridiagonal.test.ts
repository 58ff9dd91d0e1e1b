import { describe, expect, it } from 'vitest';
import { tridiagonalEigen } from '../../../src/lib/linalg/tridiagonal-eigen.ts';
import { tridiagonalDivideConquer } from '../../../src/lib/linalg/tridiagonal-divide-conquer.ts';
import { tridiagonalInverseIteration } from '../../../src/lib/linalg/tridiagonal-inverse-iteration.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { alignment, column, expectArraysClose, laplacian1dEigenvalues, laplacian1dEigenvector, orthonormalityError } from './asserts.ts';

/** Diagonal and off-diagonal of the [−1, 2, −1] matrix (off-diagonal padded to length n). */
const laplacian = (n: number) => ({ d: new Float64Array(n).fill(2), e: new Float64Array(n).fill(-1).fill(0, n - 1) });

describe('tridiagonalEigen', () => {
  it('gives the eigenvalues 2 − 2cos(kπ/(n+1)) and first components √(2/(n+1)) sin(kπ/(n+1)) of [−1, 2, −1]', () => {
    const n = 40;
    const { values, firstComponents, lastComponents } = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    expectArraysClose(values, laplacian1dEigenvalues(n), 1e-13, 'values');
    const c = Math.sqrt(2 / (n + 1));
    expectArraysClose(
      firstComponents.map(Math.abs),
      Float64Array.from({ length: n }, (_, k) => c * Math.sin(((k + 1) * Math.PI) / (n + 1))),
      1e-13,
      'first components',
    );
    // The last component of the k-th sine vector is c·sin(nkπ/(n+1)) = ±c·sin(kπ/(n+1)).
    expectArraysClose(lastComponents.map(Math.abs), firstComponents.map(Math.abs), 1e-13, 'last components');
  });

  it('gives squared first components that sum to 1 (Gauss quadrature weights)', () => {
    const rng = createRng(2);
    const m = 30;
    const alpha = Float64Array.from({ length: m }, () => rng.normal());
    const beta = Float64Array.from({ length: m - 1 }, () => Math.abs(rng.normal()) + 0.1);
    const { firstComponents } = tridiagonalEigen(alpha, beta);
    expect(firstComponents.reduce((s, c) => s + c * c, 0)).toBeCloseTo(1, 14);
  });

  it('returns full vectors on request: the sine vectors of [−1, 2, −1]', () => {
    const n = 12;
    const { vectors } = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1), { vectors: true });
    expect(orthonormalityError(vectors!, n, n)).toBeLessThan(1e-14);
    for (let k = 1; k <= n; k++) expect(alignment(column(vectors!, n, n, k - 1), laplacian1dEigenvector(n, k))).toBeCloseTo(1, 13);
  });

  it('handles m = 1 and a zero off-diagonal (two decoupled blocks)', () => {
    const one = tridiagonalEigen([3], []);
    expect(Array.from(one.values)).toEqual([3]);
    expect(Array.from(one.firstComponents)).toEqual([1]);
    const split = tridiagonalEigen([5, 1, 2], [0, 1]);
    expectArraysClose(split.values, [1.5 - Math.sqrt(5) / 2, 1.5 + Math.sqrt(5) / 2, 5], 1e-14);
    expect(Math.abs(split.firstComponents[2]!)).toBeCloseTo(1, 15); // e₁ is the eigenvector of 5
  });
});

describe('tridiagonalInverseIteration', () => {
  it('recovers the sine eigenvectors of [−1, 2, −1] from the known eigenvalues', () => {
    const n = 150;
    const { d, e } = laplacian(n);
    const out = new Float64Array(n * n);
    const ok = tridiagonalInverseIteration(
      d,
      e,
      0,
      n,
      laplacian1dEigenvalues(n),
      out,
      Int32Array.from({ length: n }, (_, i) => i),
      n,
      createRng(1),
    );
    expect(ok).toBe(true);
    // Rows of out are the vectors.
    for (const k of [1, 2, 75, 149, 150]) {
      expect(alignment(out.subarray((k - 1) * n, k * n), laplacian1dEigenvector(n, k))).toBeCloseTo(1, 11);
    }
  });
});

describe('tridiagonalDivideConquer', () => {
  it('finds the known spectrum and sine eigenvectors of [−1, 2, −1]', () => {
    const n = 300;
    const { d, e } = laplacian(n);
    const q = new Float64Array(n * n);
    tridiagonalDivideConquer(d, e, n, q);
    expectArraysClose(d, laplacian1dEigenvalues(n), 1e-13, 'values');
    expect(orthonormalityError(q, n, n)).toBeLessThan(1e-13);
    for (const k of [1, 2, 150, 300]) expect(alignment(column(q, n, n, k - 1), laplacian1dEigenvector(n, k))).toBeCloseTo(1, 10);
  });

  it('deflates a matrix of equal diagonals and tiny couplings (spectrum 1 ± 2e-9 cos) into an orthonormal basis', () => {
    const n = 200;
    const d = new Float64Array(n).fill(1),
      e = new Float64Array(n).fill(1e-9);
    const q = new Float64Array(n * n);
    tridiagonalDivideConquer(d, e, n, q);
    expectArraysClose(
      d,
      laplacian1dEigenvalues(n)
        .map((l) => 1 + 1e-9 * (l - 2) * -1)
        .sort(),
      1e-15,
      'values',
    );
    expect(orthonormalityError(q, n, n)).toBeLessThan(1e-13);
  });
});
