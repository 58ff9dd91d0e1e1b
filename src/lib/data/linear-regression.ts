// A synthetic multi-output linear regression set in the column convention of Kawaguchi (2016): X ∈ R^{d_x×m},
// Y ∈ R^{d_y×m}, one sample per column.
//
// X = Z/√m with Z iid N(0, 1), so XXᵀ ≈ I (the loss ½‖·‖_F² then stays of order one whatever m is).
// Y = A X + σ E/√m with E iid N(0, 1) and A = U diag(s) V₁ᵀ: U a Haar-random orthogonal d_y×d_y matrix, V₁ the first
// d_y columns of a Haar-random orthogonal d_x×d_x matrix, and s_i = sMax·(d_y − i)/d_y (i = 0…d_y−1), evenly spaced
// and distinct. Then Σ = Y Xᵀ(XXᵀ)⁻¹X Yᵀ ≈ A Aᵀ has eigenvalues near s_i², well apart, and the noise keeps the least-
// squares loss above zero. These are tendencies of the draw, not guarantees: the rank and distinct-eigenvalue
// conditions the theorem needs are checked on the drawn numbers (models/deep-linear-optimum.ts).
import { randomOrthogonal } from '../linalg/random-matrix.ts';
import { createRng } from '../random/rng.ts';

export interface LinearRegressionParams {
  dx: number;
  dy: number;
  /** Samples m (columns of X and Y). */
  m: number;
  /** Largest singular value sMax of the planted map A. */
  scale: number;
  /** Standard deviation σ of the noise, before the 1/√m. */
  noise: number;
  seed: number;
}

export interface RegressionData {
  dx: number;
  dy: number;
  m: number;
  /** d_x×m row-major: X[i·m + j] is input component i of sample j. */
  X: Float64Array;
  /** d_y×m row-major. */
  Y: Float64Array;
}

/** The planted map A = U diag(s) V₁ᵀ (d_y×d_x row-major) and the data drawn from it; all randomness from `seed`. */
export function makeLinearRegression(p: LinearRegressionParams): RegressionData & { A: Float64Array } {
  const { dx, dy, m, scale, noise } = p;
  for (const [k, v] of Object.entries({ dx, dy, m }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`makeLinearRegression: ${k} must be a whole number ≥ 1, got ${v}`);
  if (dy > dx) throw new Error(`makeLinearRegression: needs d_y ≤ d_x, got d_y = ${dy}, d_x = ${dx}`);
  const rng = createRng(p.seed);
  const U = randomOrthogonal(dy, rng);
  const V = randomOrthogonal(dx, rng);
  const A = new Float64Array(dy * dx);
  for (let a = 0; a < dy; a++)
    for (let b = 0; b < dx; b++) {
      let s = 0;
      for (let i = 0; i < dy; i++) s += U[a * dy + i]! * ((scale * (dy - i)) / dy) * V[b * dx + i]!;
      A[a * dx + b] = s;
    }
  const root = Math.sqrt(m);
  const X = new Float64Array(dx * m);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal() / root;
  const Y = new Float64Array(dy * m);
  for (let a = 0; a < dy; a++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let b = 0; b < dx; b++) s += A[a * dx + b]! * X[b * m + j]!;
      Y[a * m + j] = s + (noise * rng.normal()) / root;
    }
  return { dx, dy, m, X, Y, A };
}
