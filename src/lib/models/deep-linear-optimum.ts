// The data side of Kawaguchi's theorem for deep linear networks: its rank conditions, checked on the numbers, and the
// global minimum of L = ½‖W_L⋯W_1X − Y‖_F² in closed form (least squares, or reduced-rank regression when the
// narrowest hidden layer is a bottleneck).
//
// The product W = W_L⋯W_1 can be any d_y×d_x matrix of rank ≤ p = min(d_1, …, d_{L−1}), and every such matrix is a
// product of that shape, so min_θ L = min_{rank W ≤ p} ½‖WX − Y‖². With C = XXᵀ invertible and W_ols = Y Xᵀ C⁻¹,
//   ‖WX − Y‖² = ‖Y − W_ols X‖² + ‖(W − W_ols)X‖²
// (the least-squares residual is orthogonal to the rows of X). The second term is the distance of WX to
// Ŷ_ols = W_ols X, whose Gram matrix is Ŷ_ols Ŷ_olsᵀ = Y Xᵀ C⁻¹ X Yᵀ = Σ. By Eckart–Young its best rank-r
// approximation is U_r U_rᵀ Ŷ_ols, U_r the top r eigenvectors of Σ, so
//   W* = U_r U_rᵀ W_ols,   L* = ½‖Y − W_ols X‖² + ½ Σ_{i>r} λ_i(Σ),   r = min(p, d_y),
// unique when λ_r > λ_{r+1} (which distinct eigenvalues of Σ guarantee). With p ≥ d_y, W* = W_ols.
import type { RegressionData } from '../data/linear-regression.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import { matmul } from './deep-linear.ts';

/**
 * Relative threshold on the eigenvalues of a Gram matrix (XXᵀ, or (XYᵀ)ᵀXYᵀ): an eigenvalue at or below
 * RANK_REL_TOL·λ_max counts as zero. Rounding puts an exact zero at about 1e-16·λ_max; a well-posed data set sits
 * many orders above 1e-10 (the default data: about 0.1).
 */
export const RANK_REL_TOL = 1e-10;
/** Eigenvalues of Σ count as distinct when every gap λ_i − λ_{i+1} exceeds this times λ_max. */
export const DISTINCT_REL_TOL = 1e-8;

export interface DataConditions {
  /** Rank of XXᵀ and whether it is d_x. */
  xxtRank: number;
  xxtFullRank: boolean;
  /** Rank of XYᵀ (d_x×d_y) and whether it is min(d_x, d_y). */
  xytRank: number;
  xytFullRank: boolean;
  dyAtMostDx: boolean;
  /** Eigenvalues of Σ, descending (empty when XXᵀ is singular: Σ is then undefined). */
  sigmaEigenvalues: number[];
  /** min_i (λ_i − λ_{i+1}) / λ_max (null when Σ is undefined or d_y = 1). */
  sigmaMinRelativeGap: number | null;
  sigmaDistinct: boolean;
  /** Every hypothesis of the theorem holds. */
  hold: boolean;
}

/** Eigenvalues of a symmetric n×n matrix, descending, with their eigenvectors as columns (same order). */
function eigenDescending(S: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const { values, vectors } = symmetricEigen(S, n, { vectors: true });
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) out[i * n + j] = vectors![i * n + (n - 1 - j)]!;
  return { values: Array.from(values).reverse(), vectors: out };
}

const rankOf = (values: readonly number[]) => {
  const top = Math.max(0, ...values);
  return top > 0 ? values.filter((v) => v > RANK_REL_TOL * top).length : 0;
};

/** The moments of the data: C = XXᵀ (d_x×d_x), M = YXᵀ (d_y×d_x), ‖Y‖². */
export function dataMoments(data: RegressionData): { C: Float64Array; M: Float64Array; yy: number } {
  const { dx, dy, m, X, Y } = data;
  const C = new Float64Array(dx * dx);
  const M = new Float64Array(dy * dx);
  matmul(dx, m, dx, X, 0, false, X, 0, true, C);
  matmul(dy, m, dx, Y, 0, false, X, 0, true, M);
  let yy = 0;
  for (let i = 0; i < Y.length; i++) yy += Y[i]! * Y[i]!;
  return { C, M, yy };
}

/** C⁻¹ from the eigen-decomposition of C (symmetric positive definite), or null when C is singular. */
function inverseSpd(C: Float64Array, n: number): Float64Array | null {
  const { values, vectors } = eigenDescending(C, n);
  if (rankOf(values) < n) return null;
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < n; q++) s += (vectors[i * n + q]! * vectors[j * n + q]!) / values[q]!;
      inv[i * n + j] = s;
    }
  return inv;
}

export interface LinearOptimum {
  conditions: DataConditions;
  C: Float64Array;
  /** YXᵀ. */
  M: Float64Array;
  /** W_ols = Y Xᵀ C⁻¹ and its loss ½‖Y − W_ols X‖² (computed from the residual itself). */
  wOls: Float64Array;
  lossOls: number;
  /** Eigenvectors of Σ as columns (d_y×d_y), in the order of conditions.sigmaEigenvalues. */
  sigmaVectors: Float64Array;
}

/** The rank conditions and the least-squares solution of the data. Throws when XXᵀ is singular (no unique W_ols). */
export function analyzeData(data: RegressionData): LinearOptimum {
  const conditions = checkConditions(data);
  const { dx, dy, m, X, Y } = data;
  const { C, M } = dataMoments(data);
  const Cinv = inverseSpd(C, dx);
  if (!Cinv) throw new Error('analyzeData: XXᵀ is singular, so the least-squares fit is not unique');
  const wOls = new Float64Array(dy * dx);
  matmul(dy, dx, dx, M, 0, false, Cinv, 0, false, wOls);
  const fit = new Float64Array(dy * m);
  matmul(dy, dx, m, wOls, 0, false, X, 0, false, fit);
  let lossOls = 0;
  for (let i = 0; i < fit.length; i++) lossOls += (Y[i]! - fit[i]!) ** 2;
  const sigma = sigmaOf(M, Cinv, dx, dy);
  return { conditions, C, M, wOls, lossOls: lossOls / 2, sigmaVectors: eigenDescending(sigma, dy).vectors };
}

/** Σ = M C⁻¹ Mᵀ (d_y×d_y), symmetrised. */
function sigmaOf(M: Float64Array, Cinv: Float64Array, dx: number, dy: number): Float64Array {
  const MC = new Float64Array(dy * dx);
  matmul(dy, dx, dx, M, 0, false, Cinv, 0, false, MC);
  const S = new Float64Array(dy * dy);
  matmul(dy, dx, dy, MC, 0, false, M, 0, true, S);
  for (let i = 0; i < dy; i++) for (let j = 0; j < i; j++) S[i * dy + j] = S[j * dy + i] = (S[i * dy + j]! + S[j * dy + i]!) / 2;
  return S;
}

/** Checks the hypotheses of Kawaguchi's Theorem 2.3 on the data (no exception on failure: each is reported). */
export function checkConditions(data: RegressionData): DataConditions {
  const { dx, dy } = data;
  const { C, M } = dataMoments(data);
  const xxt = eigenDescending(C, dx).values;
  // Singular values² of XYᵀ = Mᵀ: eigenvalues of the smaller Gram matrix M Mᵀ (d_y×d_y) or Mᵀ M (d_x×d_x).
  const small = Math.min(dx, dy);
  const G = new Float64Array(small * small);
  if (dy <= dx) matmul(dy, dx, dy, M, 0, false, M, 0, true, G);
  else matmul(dx, dy, dx, M, 0, true, M, 0, false, G);
  const xytRank = rankOf(eigenDescending(G, small).values);
  const xxtRank = rankOf(xxt);
  const Cinv = xxtRank === dx ? inverseSpd(C, dx) : null;
  const sigmaEigenvalues = Cinv ? eigenDescending(sigmaOf(M, Cinv, dx, dy), dy).values : [];
  let gap: number | null = null;
  if (sigmaEigenvalues.length > 1) {
    const top = Math.max(...sigmaEigenvalues.map(Math.abs));
    gap = Infinity;
    for (let i = 0; i + 1 < sigmaEigenvalues.length; i++) gap = Math.min(gap, sigmaEigenvalues[i]! - sigmaEigenvalues[i + 1]!);
    gap = top > 0 ? gap / top : 0;
  }
  const sigmaDistinct = sigmaEigenvalues.length === dy && (gap === null || gap > DISTINCT_REL_TOL);
  const c = {
    xxtRank,
    xxtFullRank: xxtRank === dx,
    xytRank,
    xytFullRank: xytRank === small,
    dyAtMostDx: dy <= dx,
    sigmaEigenvalues,
    sigmaMinRelativeGap: gap,
    sigmaDistinct,
  };
  return { ...c, hold: c.xxtFullRank && c.xytFullRank && c.dyAtMostDx && sigmaDistinct };
}

export interface GlobalMinimum {
  /** Rank r = min(p, d_y) of the optimal product. */
  rank: number;
  kind: 'least-squares' | 'reduced-rank';
  /** W* (d_y×d_x) and L* = L_ols + ½ Σ_{i>r} λ_i. */
  product: Float64Array;
  loss: number;
  /** ½ Σ_{i>r} λ_i: how far the bottleneck lifts L* above the least-squares loss. */
  excess: number;
}

/** The global minimum over linear networks whose narrowest hidden layer has width `p` (see the header). */
export function globalMinimum(opt: LinearOptimum, p: number): GlobalMinimum {
  const { wOls, lossOls, sigmaVectors, conditions } = opt;
  const dy = conditions.sigmaEigenvalues.length;
  const dx = wOls.length / dy;
  const r = Math.min(p, dy);
  if (r >= dy) return { rank: dy, kind: 'least-squares', product: wOls.slice(), loss: lossOls, excess: 0 };
  // Projector U_r U_rᵀ onto the top r eigenvectors of Σ.
  const Pr = new Float64Array(dy * dy);
  for (let i = 0; i < dy; i++)
    for (let j = 0; j < dy; j++) {
      let s = 0;
      for (let q = 0; q < r; q++) s += sigmaVectors[i * dy + q]! * sigmaVectors[j * dy + q]!;
      Pr[i * dy + j] = s;
    }
  const product = new Float64Array(dy * dx);
  matmul(dy, dy, dx, Pr, 0, false, wOls, 0, false, product);
  let excess = 0;
  for (let i = r; i < dy; i++) excess += conditions.sigmaEigenvalues[i]!;
  return { rank: r, kind: 'reduced-rank', product, loss: lossOls + excess / 2, excess: excess / 2 };
}

/**
 * L(W) − L* for a product W (d_y×d_x), as ½⟨E, EC⟩ − excess with E = W − W_ols: no subtraction of two losses near
 * each other when W* = W_ols (excess 0), so gaps far below the rounding of L itself are resolved.
 */
export function gapToMinimum(opt: LinearOptimum, min: GlobalMinimum, W: Float64Array): number {
  const { C, wOls } = opt;
  const dx = Math.round(Math.sqrt(C.length));
  const dy = wOls.length / dx;
  const E = new Float64Array(dy * dx);
  for (let i = 0; i < E.length; i++) E[i] = W[i]! - wOls[i]!;
  const EC = new Float64Array(dy * dx);
  matmul(dy, dx, dx, E, 0, false, C, 0, false, EC);
  let q = 0;
  for (let i = 0; i < E.length; i++) q += E[i]! * EC[i]!;
  return q / 2 - min.excess;
}
