// Deep networks Ŷ = W_L σ(W_{L−1} ⋯ σ(W_1 X)) with σ = identity (deep linear) or ReLU, no biases, the squared loss
// L = ½‖Ŷ − Y‖_F² (Kawaguchi 2016's L̄: a sum over samples, no 1/m), in float64 plain JS, many runs at once.
//
// Depth here is L, the number of weight matrices; Kawaguchi's H counts hidden layers, so L = H + 1. widths =
// [d_0 = d_x, d_1, …, d_{L−1}, d_L = d_y] and W_k ∈ R^{d_k×d_{k−1}} (columns are samples, as in the paper).
// Layout of one run's θ: W_1, W_2, …, W_L, each row-major. R runs are one flat Float64Array of R·P numbers.
//
// Gradient (backpropagation): with A_0 = X, Z_k = W_k A_{k−1}, A_k = σ(Z_k) and Δ_L = Ŷ − Y,
//   ∇_{W_k} L = Δ_k A_{k−1}ᵀ,   Δ_{k−1} = (W_kᵀ Δ_k) ⊙ σ'(Z_{k−1})   (ReLU'(0) taken as 0).
import type { Rng } from '../random/rng.ts';
import type { RegressionData } from '../data/linear-regression.ts';

export type DeepActivation = 'linear' | 'relu';

/** Number of parameters Σ_k d_k d_{k−1}. */
export function deepParamCount(widths: readonly number[]): number {
  let P = 0;
  for (let k = 1; k < widths.length; k++) P += widths[k]! * widths[k - 1]!;
  return P;
}

/** Offset of W_k (k = 1…L) in one run's θ, as offsets[k − 1]; offsets[L] = P. */
export function layerOffsets(widths: readonly number[]): number[] {
  const out = [0];
  for (let k = 1; k < widths.length; k++) out.push(out[k - 1]! + widths[k]! * widths[k - 1]!);
  return out;
}

/**
 * C (n×p) = op(A) · op(B) with op(A) n×k and op(B) k×p; `ta`/`tb` read A (k×n) or B (p×k) transposed. Row-major
 * views at offsets. For the tiny matrices of this model a plain triple loop is all it takes.
 */
export function matmul(
  n: number,
  k: number,
  p: number,
  A: ArrayLike<number>,
  aOff: number,
  ta: boolean,
  B: ArrayLike<number>,
  bOff: number,
  tb: boolean,
  C: Float64Array,
  cOff = 0,
): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += A[aOff + (ta ? q * n + i : i * k + q)]! * B[bOff + (tb ? j * k + q : q * p + j)]!;
      C[cOff + i * p + j] = s;
    }
}

/**
 * Gaussian initial weights for `runs` runs, run by run and layer by layer from `rng`: Glorot variance
 * 2/(d_{k−1} + d_k) for linear networks, He variance 2/d_{k−1} for ReLU networks (the rule of models/mlp.ts),
 * times `scale`².
 */
export function initDeepNet(widths: readonly number[], activation: DeepActivation, runs: number, rng: Rng, scale = 1): Float64Array {
  const P = deepParamCount(widths);
  const theta = new Float64Array(runs * P);
  let at = 0;
  for (let r = 0; r < runs; r++)
    for (let k = 1; k < widths.length; k++) {
      const fanIn = widths[k - 1]!,
        fanOut = widths[k]!;
      const std = scale * Math.sqrt(activation === 'relu' ? 2 / fanIn : 2 / (fanIn + fanOut));
      for (let i = 0; i < fanIn * fanOut; i++) theta[at++] = std * rng.normal();
    }
  return theta;
}

/** L(θ) and, when `grad` is given, ∇L(θ) written at `gOff`, for one run whose θ starts at `off`. */
export type DeepLossFn = (theta: ArrayLike<number>, off: number, grad?: Float64Array, gOff?: number) => number;

/**
 * The loss of a deep network on data (X, Y), computed from the data: one forward and one backward pass over the
 * m samples. Keeps its own scratch buffers, so one instance must not be used re-entrantly.
 */
export function deepNetLoss(widths: readonly number[], activation: DeepActivation, data: RegressionData): DeepLossFn {
  const L = widths.length - 1;
  const { m, X, Y } = data;
  if (widths[0] !== data.dx || widths[L] !== data.dy)
    throw new Error(`deepNetLoss: widths ${widths.join('-')} do not fit data ${data.dx}→${data.dy}`);
  const offsets = layerOffsets(widths);
  // acts[k] = A_k (d_k×m), acts[0] = X; acts[L] = Ŷ, then overwritten by Δ_L.
  const acts = widths.map((d, k) => (k === 0 ? X : new Float64Array(d * m)));
  const deltas = widths.map((d) => new Float64Array(d * m));
  return (theta, off, grad, gOff = 0) => {
    for (let k = 1; k <= L; k++) {
      const Z = acts[k]!;
      matmul(widths[k]!, widths[k - 1]!, m, theta, off + offsets[k - 1]!, false, acts[k - 1]!, 0, false, Z);
      if (activation === 'relu' && k < L) for (let i = 0; i < Z.length; i++) if (!(Z[i]! > 0)) Z[i] = 0;
    }
    const out = acts[L]!;
    const dL = deltas[L]!;
    let loss = 0;
    for (let i = 0; i < out.length; i++) {
      const e = out[i]! - Y[i]!;
      dL[i] = e;
      loss += e * e;
    }
    if (grad) {
      for (let k = L; k >= 1; k--) {
        matmul(widths[k]!, m, widths[k - 1]!, deltas[k]!, 0, false, acts[k - 1]!, 0, true, grad, gOff + offsets[k - 1]!);
        if (k === 1) break;
        const below = deltas[k - 1]!;
        matmul(widths[k - 1]!, widths[k]!, m, theta, off + offsets[k - 1]!, true, deltas[k]!, 0, false, below);
        // A stored post-ReLU activation is 0 exactly where Z ≤ 0, so it carries the mask ReLU'(Z) = 1[Z > 0].
        if (activation === 'relu') {
          const a = acts[k - 1]!;
          for (let i = 0; i < below.length; i++) if (!(a[i]! > 0)) below[i] = 0;
        }
      }
    }
    return loss / 2;
  };
}

/**
 * The end-to-end matrix W = W_L ⋯ W_1 (d_L×d_0) of one run, by left multiplication from W_1.
 */
export function endToEnd(widths: readonly number[], theta: ArrayLike<number>, off = 0): Float64Array {
  const offsets = layerOffsets(widths);
  let prod = Float64Array.from({ length: widths[1]! * widths[0]! }, (_, i) => theta[off + i]!);
  for (let k = 2; k < widths.length; k++) {
    const next = new Float64Array(widths[k]! * widths[0]!);
    matmul(widths[k]!, widths[k - 1]!, widths[0]!, theta, off + offsets[k - 1]!, false, prod, 0, false, next);
    prod = next;
  }
  return prod;
}

/**
 * The same loss as `deepNetLoss` for a linear network, from the data's moments instead of its m samples. Since the
 * least-squares residual Y − W_ols X is orthogonal to the rows of X (W_ols = Y Xᵀ C⁻¹, C = XXᵀ),
 *   L(W) = L_ols + ½⟨E, E C⟩,   E = W_L⋯W_1 − W_ols,   ∇_{W_k} L = (W_L⋯W_{k+1})ᵀ (E C) (W_{k−1}⋯W_1)ᵀ.
 * Cost independent of m, and no cancellation near the least-squares fit: ½⟨E, EC⟩ is computed directly.
 * @param C XXᵀ (d_x×d_x), `wOls` W_ols (d_y×d_x), `lossOls` ½‖Y − W_ols X‖²
 */
export function linearNetLossFromMoments(widths: readonly number[], C: Float64Array, wOls: Float64Array, lossOls: number): DeepLossFn {
  const L = widths.length - 1;
  const dx = widths[0]!;
  const offsets = layerOffsets(widths);
  // prefix[k] = W_k ⋯ W_1 (d_k×d_x); prefix[0] is never read (W_1's gradient is B_1 itself).
  const prefix = widths.map((d) => new Float64Array(d * dx));
  const back = widths.map((d) => new Float64Array(d * dx));
  const E = new Float64Array(widths[L]! * dx);
  return (theta, off, grad, gOff = 0) => {
    for (let i = 0; i < widths[1]! * dx; i++) prefix[1]![i] = theta[off + i]!;
    for (let k = 2; k <= L; k++)
      matmul(widths[k]!, widths[k - 1]!, dx, theta, off + offsets[k - 1]!, false, prefix[k - 1]!, 0, false, prefix[k]!);
    const W = prefix[L]!;
    for (let i = 0; i < E.length; i++) E[i] = W[i]! - wOls[i]!;
    const G = back[L]!;
    matmul(widths[L]!, dx, dx, E, 0, false, C, 0, false, G);
    let quad = 0;
    for (let i = 0; i < E.length; i++) quad += E[i]! * G[i]!;
    if (grad) {
      for (let k = L; k >= 1; k--) {
        const o = gOff + offsets[k - 1]!;
        if (k === 1) {
          for (let i = 0; i < widths[1]! * dx; i++) grad[o + i] = back[1]![i]!;
          break;
        }
        matmul(widths[k]!, dx, widths[k - 1]!, back[k]!, 0, false, prefix[k - 1]!, 0, true, grad, o);
        matmul(widths[k - 1]!, widths[k]!, dx, theta, off + offsets[k - 1]!, true, back[k]!, 0, false, back[k - 1]!);
      }
    }
    return lossOls + quad / 2;
  };
}

/**
 * Whether a ReLU network is dead: some hidden layer outputs 0 on every sample, so Ŷ ≡ 0, L = ½‖Y‖² and every
 * gradient through that layer vanishes (a flat region gradient descent cannot leave).
 */
export function isDeadNetwork(widths: readonly number[], theta: ArrayLike<number>, off: number, data: RegressionData): boolean {
  const L = widths.length - 1;
  const offsets = layerOffsets(widths);
  let a: Float64Array = data.X;
  for (let k = 1; k < L; k++) {
    const z = new Float64Array(widths[k]! * data.m);
    matmul(widths[k]!, widths[k - 1]!, data.m, theta, off + offsets[k - 1]!, false, a, 0, false, z);
    let alive = false;
    for (let i = 0; i < z.length; i++)
      if (z[i]! > 0) alive = true;
      else z[i] = 0;
    if (!alive) return true;
    a = z;
  }
  return false;
}
