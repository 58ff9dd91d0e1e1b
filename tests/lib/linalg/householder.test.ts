import { describe, expect, it } from 'vitest';
import { applyTridiagonalQ } from '../../../src/lib/linalg/householder-back-transform.ts';
import { householderTridiagonal } from '../../../src/lib/linalg/householder-tridiagonal.ts';
import { symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { orthonormalityError } from './asserts.ts';

describe('householderTridiagonal and applyTridiagonalQ', () => {
  it('give an orthogonal Q with Qᵀ A Q equal to the tridiagonal (d, e), across several panels', () => {
    for (const n of [1, 2, 3, 17, 70]) {
      const A = symmetricWithSpectrum(
        Array.from({ length: n }, (_, i) => i - n / 3),
        createRng(n),
      );
      const a = A.slice();
      const { d, e, tau } = householderTridiagonal(a, n, 8);
      const Q = new Float64Array(n * n);
      for (let i = 0; i < n; i++) Q[i * n + i] = 1;
      applyTridiagonalQ(a, n, tau, Q, n, 5);
      expect(orthonormalityError(Q, n, n), `n = ${n}`).toBeLessThan(1e-14);
      // (Qᵀ A Q)_ij against T_ij.
      let worst = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) s += Q[k * n + i]! * A[k * n + l]! * Q[l * n + j]!;
          const t = i === j ? d[i]! : j === i + 1 ? e[i]! : i === j + 1 ? e[j]! : 0;
          worst = Math.max(worst, Math.abs(s - t));
        }
      }
      expect(worst, `n = ${n}`).toBeLessThan(1e-12 * n);
    }
  });

  it('leaves an already tridiagonal matrix unchanged (all reflections are the identity)', () => {
    const n = 6;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      A[i * n + i] = i;
      if (i > 0) A[i * n + i - 1] = A[(i - 1) * n + i] = 0.5 * i;
    }
    const { d, e, tau } = householderTridiagonal(A.slice(), n);
    expect(Array.from(d)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(e.subarray(0, n - 1)).map(Math.abs)).toEqual([0.5, 1, 1.5, 2, 2.5]);
    expect(Array.from(tau)).toEqual(new Array(n).fill(0));
  });
});
