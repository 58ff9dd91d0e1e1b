import { describe, expect, it } from 'vitest';
import { gemmAdd } from '../../../src/lib/linalg/gemm.ts';
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
