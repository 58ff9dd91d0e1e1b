// Applies the orthogonal factor Q of a Householder tridiagonalisation to a block of vectors, Y ← Q Y, in blocked (compact WY) form.
//
// Q = H_{n−1} ⋯ H_1, so H_1 acts first. Reflectors are taken in groups H_hi ⋯ H_lo, whose product is
// I − V T Vᵀ with V = [v_hi, …, v_lo] and T upper triangular (LAPACK dlarft, forward, columnwise):
//   T[j][j] = τ_j,   T[0:j, j] = −τ_j · T[0:j, 0:j] · (V[:, 0:j]ᵀ v_j).
// Each group then costs two matrix multiplies, Y ← Y − V (T (Vᵀ Y)), instead of one rank-1 sweep per reflector.

import { gemmAdd } from './gemm.ts';

/**
 * Y ← Q Y for the Q of `householderTridiagonal`.
 * @param a the n×n array returned by `householderTridiagonal` (row i, entries 0..i−1, holds v_i with v_i[i−1] = 1)
 * @param n order of Q
 * @param tau reflector coefficients from `householderTridiagonal`, length n
 * @param y n×cols, row-major, overwritten with Q Y
 * @param cols number of columns of Y
 * @param blockSize reflectors per group
 */
export function applyTridiagonalQ(a: Float64Array, n: number, tau: Float64Array, y: Float64Array, cols: number, blockSize = 16): void {
  if (n < 2 || cols === 0) return;
  const nb = Math.max(1, Math.min(blockSize, n));
  const vt = new Float64Array(nb * n); // row j = v_(hi−j), zero beyond its support
  const vr = new Float64Array(n * nb); // the same, transposed: rows = components
  const tm = new Float64Array(nb * nb); // −T
  const g = new Float64Array(nb);
  const z = new Float64Array(nb * cols),
    tz = new Float64Array(nb * cols);

  for (let lo = 1; lo < n; lo += nb) {
    const hi = Math.min(n - 1, lo + nb - 1),
      k = hi - lo + 1,
      rows = hi;
    let active = false;
    for (let j = 0; j < k; j++) {
      const idx = hi - j,
        off = j * rows;
      vt.set(a.subarray(idx * n, idx * n + idx), off);
      vt.fill(0, off + idx, off + rows);
      if (tau[idx] !== 0) active = true;
    }
    if (!active) continue;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < k; j++) vr[r * k + j] = vt[j * rows + r]!;
    }
    // −T, upper triangular, built column by column; tm is row-major k×k.
    tm.fill(0, 0, k * k);
    for (let j = 0; j < k; j++) {
      const tj = tau[hi - j]!,
        support = hi - j,
        oj = j * rows;
      for (let q = 0; q < j; q++) {
        let s = 0;
        const oq = q * rows;
        for (let r = 0; r < support; r++) s += vt[oq + r]! * vt[oj + r]!;
        g[q] = s;
      }
      for (let q = 0; q < j; q++) {
        let s = 0;
        for (let p = q; p < j; p++) s += tm[q * k + p]! * g[p]!; // (−T)·g
        tm[q * k + j] = -tj * s; // −(−τ_j T g)·… keeps tm = −T
      }
      tm[j * k + j] = -tj;
    }
    // Z = Vᵀ Y (k×cols), TZ = −T Z, Y += V · TZ.
    z.fill(0, 0, k * cols);
    gemmAdd(k, cols, rows, vt, 0, rows, y, 0, cols, z, 0, cols);
    tz.fill(0, 0, k * cols);
    gemmAdd(k, cols, k, tm, 0, k, z, 0, cols, tz, 0, cols);
    gemmAdd(rows, cols, k, vr, 0, k, tz, 0, cols, y, 0, cols);
  }
}
