// Householder reduction of a symmetric matrix to tridiagonal form, T = Qᵀ A Q, blocked so half the work is a matrix multiply.
//
// Layout. A is row-major and only its lower triangle is used; row i, entries 0..i−1, is exactly LAPACK's column i
// of the upper triangle in column-major storage, so this is LAPACK's dsytrd/dlatrd with UPLO = 'U' read through
// that mirror. Rows are reduced from the bottom: step i builds a reflector H_i = I − τ_i v_i v_iᵀ (v_i supported on
// 0..i−1, v_i[i−1] = 1) that maps row i's entries 0..i−1 to β e_{i−1}, and A ← H_i A H_i on the leading i×i block.
//
// Blocking (dlatrd). Within a panel of `blockSize` rows the two-sided updates are kept lazy: the leading block is
// A₀ − V Wᵀ − W Vᵀ with V the panel's reflectors and W the vectors w = τ(A v) − (τ²/2)(vᵀ A v) v. Only the next
// row to reduce is brought up to date; the leading block gets one rank-2b update per panel, done by `gemmAdd`.
// The symmetric matrix-vector product against the stale leading block is the other half of the flops.

import { gemmAdd } from './gemm.ts';
import { drain, type Steps } from './steps.ts';

/** The tridiagonal form and the reflectors that produce it. */
export interface HouseholderTridiagonal {
  /** Diagonal of T, length n. */
  d: Float64Array;
  /** Off-diagonal of T: e[i] couples i and i+1, length n (e[n−1] = 0). */
  e: Float64Array;
  /** τ_i of reflector H_i for row i (0 where no reflection was needed), length n. */
  tau: Float64Array;
}

/**
 * Reduces symmetric A to tridiagonal T = Qᵀ A Q with Q = H_{n−1} ⋯ H_1.
 * @param a symmetric n×n, row-major Float64Array; only the lower triangle is read. Overwritten: row i, entries
 *          0..i−1, then holds v_i (for `applyTridiagonalQ`); the upper triangle becomes scratch.
 * @param n order of A
 * @param blockSize rows per panel
 */
export function householderTridiagonal(a: Float64Array, n: number, blockSize = 16): HouseholderTridiagonal {
  return drain(householderTridiagonalSteps(a, n, blockSize));
}

/** `householderTridiagonal`, pausing after each panel (about 21·n² flops), so a caller can yield between them. */
export function* householderTridiagonalSteps(a: Float64Array, n: number, blockSize = 16): Steps<HouseholderTridiagonal> {
  const d = new Float64Array(n),
    e = new Float64Array(n),
    tau = new Float64Array(n);
  if (n === 0) return { d, e, tau };
  const nb = Math.max(1, Math.min(blockSize, n));
  const wt = new Float64Array(nb * n); // row s = w of the panel's s-th reflector
  const coefW = new Float64Array(nb),
    coefV = new Float64Array(nb);
  const left = new Float64Array(n * 2 * nb),
    right = new Float64Array(2 * nb * n);

  for (let hi = n - 1; hi >= 1;) {
    const lo = Math.max(1, hi - nb + 1);
    for (let i = hi; i >= lo; i--) {
      const t = hi - i,
        ri = i * n,
        w0 = t * n;
      // Bring row i (entries 0..i) up to date with the panel's earlier reflectors.
      for (let s = 0; s < t; s++) {
        const vs = (hi - s) * n,
          ws = s * n;
        const vi = a[vs + i]!,
          wi = wt[ws + i]!;
        for (let c = 0; c <= i; c++) a[ri + c] = a[ri + c]! - (vi * wt[ws + c]! + wi * a[vs + c]!);
      }
      d[i] = a[ri + i]!;
      const alpha = a[ri + i - 1]!;
      let xnorm2 = 0;
      for (let k = 0; k < i - 1; k++) xnorm2 += a[ri + k]! * a[ri + k]!;
      if (xnorm2 === 0) {
        // Already tridiagonal in this row: H_i = I, and w = 0 keeps the lazy update exact.
        tau[i] = 0;
        e[i - 1] = alpha;
        a[ri + i - 1] = 1;
        wt.fill(0, w0, w0 + i);
        continue;
      }
      const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + xnorm2) : Math.sqrt(alpha * alpha + xnorm2);
      const ti = (beta - alpha) / beta;
      tau[i] = ti;
      e[i - 1] = beta;
      const inv = 1 / (alpha - beta);
      for (let k = 0; k < i - 1; k++) a[ri + k] = a[ri + k]! * inv;
      a[ri + i - 1] = 1;

      // w = τ (A₀ v − V (Wᵀ v) − W (Vᵀ v)) on 0..i−1, then w −= (τ/2)(wᵀv) v.
      symmetricProductLower(a, n, i, ri, wt, w0);
      for (let s = 0; s < t; s++) {
        const vs = (hi - s) * n,
          ws = s * n;
        let cw = 0,
          cv = 0;
        for (let k = 0; k < i; k++) {
          cw += wt[ws + k]! * a[ri + k]!;
          cv += a[vs + k]! * a[ri + k]!;
        }
        coefW[s] = cw;
        coefV[s] = cv;
      }
      for (let s = 0; s < t; s++) {
        const vs = (hi - s) * n,
          ws = s * n,
          fw = coefW[s]!,
          fv = coefV[s]!;
        for (let k = 0; k < i; k++) wt[w0 + k] = wt[w0 + k]! - (a[vs + k]! * fw + wt[ws + k]! * fv);
      }
      let wv = 0;
      for (let k = 0; k < i; k++) {
        const w = wt[w0 + k]! * ti;
        wt[w0 + k] = w;
        wv += w * a[ri + k]!;
      }
      const half = -0.5 * ti * wv;
      for (let k = 0; k < i; k++) wt[w0 + k] = wt[w0 + k]! + half * a[ri + k]!;
    }

    // Rank-2b update of the leading lo×lo block: A −= V Wᵀ + W Vᵀ = [−V | −W] · [Wᵀ ; Vᵀ], lower triangle only.
    const kb = hi - lo + 1,
      k2 = 2 * kb;
    for (let s = 0; s < kb; s++) {
      const vs = (hi - s) * n,
        ws = s * n;
      for (let r = 0; r < lo; r++) {
        left[r * k2 + s] = -a[vs + r]!;
        left[r * k2 + kb + s] = -wt[ws + r]!;
      }
      right.set(wt.subarray(ws, ws + lo), s * lo);
      right.set(a.subarray(vs, vs + lo), (kb + s) * lo);
    }
    const rowBlock = 32;
    for (let r0 = 0; r0 < lo; r0 += rowBlock) {
      const rows = Math.min(rowBlock, lo - r0);
      gemmAdd(rows, r0 + rows, k2, left, r0 * k2, k2, right, 0, lo, a, r0 * n, n);
    }
    hi = lo - 1;
    yield;
  }
  d[0] = a[0]!;
  return { d, e, tau };
}

/**
 * y[yOff .. yOff+m) = A x for the leading m×m block of symmetric A stored in its lower triangle (row-major, stride n),
 * x = a[xOff .. xOff+m). Four rows at a time: row j contributes Σ_k a_jk x_k to y_j and a_jk x_j to each y_k (k < j),
 * and each x_k and y_k loaded serves all four rows.
 */
function symmetricProductLower(a: Float64Array, n: number, m: number, xOff: number, y: Float64Array, yOff: number): void {
  y.fill(0, yOff, yOff + m);
  let j = 0;
  for (; j + 3 < m; j += 4) {
    const r0 = j * n,
      r1 = r0 + n,
      r2 = r1 + n,
      r3 = r2 + n;
    const x0 = a[xOff + j]!,
      x1 = a[xOff + j + 1]!,
      x2 = a[xOff + j + 2]!,
      x3 = a[xOff + j + 3]!;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let k = 0; k < j; k++) {
      const a0 = a[r0 + k]!,
        a1 = a[r1 + k]!,
        a2 = a[r2 + k]!,
        a3 = a[r3 + k]!,
        xk = a[xOff + k]!;
      s0 += a0 * xk;
      s1 += a1 * xk;
      s2 += a2 * xk;
      s3 += a3 * xk;
      y[yOff + k] = y[yOff + k]! + (a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
    }
    // The 4×4 diagonal block, lower triangle: a_pq (q ≤ p) acts at (p, q) and, off the diagonal, at (q, p).
    const a10 = a[r1 + j]!,
      a20 = a[r2 + j]!,
      a21 = a[r2 + j + 1]!;
    const a30 = a[r3 + j]!,
      a31 = a[r3 + j + 1]!,
      a32 = a[r3 + j + 2]!;
    y[yOff + j] = y[yOff + j]! + (s0 + a[r0 + j]! * x0 + a10 * x1 + a20 * x2 + a30 * x3);
    y[yOff + j + 1] = y[yOff + j + 1]! + (s1 + a10 * x0 + a[r1 + j + 1]! * x1 + a21 * x2 + a31 * x3);
    y[yOff + j + 2] = y[yOff + j + 2]! + (s2 + a20 * x0 + a21 * x1 + a[r2 + j + 2]! * x2 + a32 * x3);
    y[yOff + j + 3] = y[yOff + j + 3]! + (s3 + a30 * x0 + a31 * x1 + a32 * x2 + a[r3 + j + 3]! * x3);
  }
  for (; j < m; j++) {
    const r0 = j * n,
      x0 = a[xOff + j]!;
    let s0 = 0;
    for (let k = 0; k < j; k++) {
      const a0 = a[r0 + k]!;
      s0 += a0 * a[xOff + k]!;
      y[yOff + k] = y[yOff + k]! + a0 * x0;
    }
    y[yOff + j] = y[yOff + j]! + (s0 + a[r0 + j]! * x0);
  }
}
