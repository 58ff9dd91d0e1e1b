import { describe, expect, it } from 'vitest';
import { gemmAdd } from '../../../src/lib/linalg/gemm.ts';
import { axpy, denseOperator, dot, matvec, norm, scale } from '../../../src/lib/linalg/vector.ts';
import { expectArraysClose } from './asserts.ts';

describe('gemmAdd', () => {
  it('multiplies a hand-checked 2×3 by 3×2 and accumulates into C', () => {
    const A = Float64Array.from([1, 2, 3, 4, 5, 6]),
      B = Float64Array.from([7, 8, 9, 10, 11, 12]);
    const C = Float64Array.from([1, 1, 1, 1]);
    gemmAdd(2, 2, 3, A, 0, 3, B, 0, 2, C, 0, 2);
    expect(Array.from(C)).toEqual([59, 65, 140, 155]);
  });

  it('agrees with the triple loop for every remainder of the 8-row, 4-row and 4-step unrolling, with offsets and strides', () => {
    for (const [m, cols, k] of [
      [13, 7, 9],
      [8, 600, 4],
      [5, 3, 1],
      [11, 530, 7],
    ] as const) {
      const lda = k + 2,
        ldb = cols + 1,
        ldc = cols + 3;
      const A = Float64Array.from({ length: 5 + m * lda }, (_, i) => Math.sin(i));
      const B = Float64Array.from({ length: 4 + k * ldb }, (_, i) => Math.cos(i * 0.7));
      const C = Float64Array.from({ length: 2 + m * ldc }, (_, i) => i % 3);
      const expected = C.slice();
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < cols; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += A[5 + i * lda + p]! * B[4 + p * ldb + j]!;
          expected[2 + i * ldc + j] = expected[2 + i * ldc + j]! + s;
        }
      }
      gemmAdd(m, cols, k, A, 5, lda, B, 4, ldb, C, 2, ldc);
      expectArraysClose(C, expected, 1e-13, `${m}×${k} · ${k}×${cols}`);
    }
  });
});

describe('vector helpers', () => {
  it('compute dot, norm, axpy and scale of small known vectors', () => {
    const x = Float64Array.from([3, 4, 12]),
      y = Float64Array.from([1, -1, 2]);
    expect(dot(x, y)).toBe(23);
    expect(norm(x)).toBe(13);
    expect(Array.from(axpy(2, y, x.slice()))).toEqual([5, 2, 16]);
    expect(Array.from(scale(-0.5, x.slice()))).toEqual([-1.5, -2, -6]);
    expect(() => dot(x, Float64Array.from([1]))).toThrow(/lengths/);
  });

  it('multiplies a dense row-major matrix by a vector, directly and as an operator', () => {
    const A = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 10]),
      x = Float64Array.from([1, 0, -1]);
    expect(Array.from(matvec(A, 3, x))).toEqual([-2, -2, -3]);
    expect(Array.from(denseOperator(A, 3)(x))).toEqual([-2, -2, -3]);
  });
});
