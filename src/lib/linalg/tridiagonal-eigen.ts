// Eigenvalues, first eigenvector components and (on request) eigenvectors of a small symmetric tridiagonal matrix.
// tridiagonalEigen is for the reproductions of issue #11, through lanczos.ts; ascendingOrder also serves symmetric-eigen.ts.
//
// This is what Lanczos needs: the Ritz values are the eigenvalues of T, Gauss quadrature for the spectral density
// uses the squared first components of T's unit eigenvectors as weights (Golub & Welsch 1969), and β_m times the
// last components are the Ritz residual norms. Tracking only the first and last rows of the eigenvector matrix
// through the QL rotations costs O(m²) instead of O(m³).

import { tridiagonalQl } from './tridiagonal-ql.ts';

export interface TridiagonalEigenResult {
  /** Eigenvalues, ascending, length m. */
  values: Float64Array;
  /** firstComponents[j] = first component of the unit eigenvector of values[j], length m (sign arbitrary). */
  firstComponents: Float64Array;
  /** lastComponents[j] = last component of the same unit eigenvector (same sign convention), length m. */
  lastComponents: Float64Array;
  /** m×m row-major; column j is the unit eigenvector of values[j]. Present when requested. */
  vectors?: Float64Array;
}

/**
 * Eigen-decomposition of the symmetric tridiagonal matrix T with diagonal alpha and off-diagonal beta.
 * @param alpha diagonal, length m ≥ 1
 * @param beta off-diagonal, beta[i] = T[i][i+1] = T[i+1][i], length ≥ m − 1 (extra entries ignored)
 * @param opts.vectors also return the full m×m eigenvector matrix
 */
export function tridiagonalEigen(
  alpha: ArrayLike<number>,
  beta: ArrayLike<number>,
  opts: { vectors?: boolean } = {},
): TridiagonalEigenResult {
  const m = alpha.length;
  if (m === 0) return { values: new Float64Array(0), firstComponents: new Float64Array(0), lastComponents: new Float64Array(0) };
  if (beta.length < m - 1) throw new Error(`tridiagonalEigen: beta needs ${m - 1} entries, got ${beta.length}`);
  const d = Float64Array.from(alpha);
  const e = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) e[i] = beta[i]!;
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(d[i]!) || !Number.isFinite(e[i]!)) throw new Error('tridiagonalEigen: entries must be finite');
  }
  // Rotate either the whole identity or just its first and last rows.
  const full = opts.vectors === true,
    rows = full ? m : 2,
    last = full ? m - 1 : 1;
  const z = new Float64Array(rows * m);
  if (full) for (let i = 0; i < m; i++) z[i * m + i] = 1;
  else {
    z[0] = 1;
    z[m + m - 1] = 1;
  }
  tridiagonalQl(d, e, m, z, rows);

  const order = ascendingOrder(d);
  const values = new Float64Array(m),
    firstComponents = new Float64Array(m),
    lastComponents = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    values[j] = d[order[j]!]!;
    firstComponents[j] = z[order[j]!]!;
    lastComponents[j] = z[last * m + order[j]!]!;
  }
  if (!full) return { values, firstComponents, lastComponents };
  const vectors = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < m; j++) vectors[r * m + j] = z[r * m + order[j]!]!;
  }
  return { values, firstComponents, lastComponents, vectors };
}

/** Indices that sort v ascending (ties keep index order). */
export function ascendingOrder(v: Float64Array): Int32Array {
  const idx = Int32Array.from({ length: v.length }, (_, i) => i);
  return idx.sort((p, q) => v[p]! - v[q]! || p - q);
}
