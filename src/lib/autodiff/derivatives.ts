// Loss, gradient, Hessian-vector products and dense Hessians of a batched loss, by reverse-over-reverse autodiff.
//
// Every model in src/lib/models evaluates R parameter vectors at once: Θ [R, P] → losses [R].
// Because row r of the losses depends only on row r of Θ, one backward pass of Σ_r L(Θ_r) gives
// every row's gradient, and one more pass of Σ_r g(Θ_r)·v_r gives every H(Θ_r) v_r. Stacking copies
// of θ with v_r = e_r therefore yields whole rows of the Hessian per double-backward pass.
import { readTensor, readTensors, tf } from './tf.ts';

/** Θ [R, P] → per-row losses [R]. Row r of the output must depend on row r of Θ only. */
export type BatchedLoss = (theta: tf.Tensor2D) => tf.Tensor1D;

type Vec = ArrayLike<number>;

function rowsOf(theta: Vec, rows: number): tf.Tensor2D {
  const one = tf.tensor2d(Float32Array.from(theta), [1, theta.length]);
  return rows === 1 ? one : tf.tile(one, [rows, 1]);
}

const total = (loss: BatchedLoss) => (t: tf.Tensor) => tf.sum(loss(t as tf.Tensor2D)) as tf.Scalar;

/**
 * Per-row losses [R] and gradients [R, P] from one forward and one backward pass: differentiating the
 * vector of losses against dy = 1 gives Σ_r ∇L(Θ_r), whose row r is ∇L(Θ_r) since rows do not mix.
 */
export function rowLossesAndGradients(loss: BatchedLoss, theta: tf.Tensor2D): { value: tf.Tensor1D; grad: tf.Tensor2D } {
  const { value, grad } = tf.valueAndGrad(loss as (t: tf.Tensor2D) => tf.Tensor)(theta, tf.ones([theta.shape[0]]));
  return { value: value as tf.Tensor1D, grad: grad as tf.Tensor2D };
}

/** L(θ) and ∇L(θ) for one parameter vector θ (length P). */
export function lossAndGradient(loss: BatchedLoss, theta: Vec): { loss: number; grad: Float64Array } {
  const r = lossesAndGradients(loss, Float32Array.from(theta), 1);
  return { loss: r.losses[0]!, grad: r.grads };
}

/**
 * Losses and gradients of R independent parameter vectors in one pass.
 * @param thetas R×P row-major
 * @returns losses (length R) and grads (R×P row-major)
 */
export function lossesAndGradients(loss: BatchedLoss, thetas: Float32Array, rows: number): { losses: Float64Array; grads: Float64Array } {
  const [losses, grads] = readTensors(() => {
    const { value, grad } = rowLossesAndGradients(loss, tf.tensor2d(thetas, [rows, thetas.length / rows]));
    return [value, grad];
  });
  return { losses: Float64Array.from(losses!), grads: Float64Array.from(grads!) };
}

/**
 * H(θ) v_r for k directions at once: k copies of θ through one double-backward pass.
 * @param directions k×P row-major
 * @returns k×P row-major, row r = H(θ) v_r
 */
export function hessianVectorProducts(loss: BatchedLoss, theta: Vec, directions: Float32Array, k: number): Float64Array {
  const P = theta.length;
  if (directions.length !== k * P)
    throw new Error(`hessianVectorProducts: expected ${k}×${P} directions, got ${directions.length} numbers`);
  return readTensor(() => {
    const V = tf.tensor2d(directions, [k, P]);
    const gDotV = (t: tf.Tensor) => tf.sum(tf.mul(tf.grad(total(loss))(t), V)) as tf.Scalar;
    return tf.grad(gDotV)(rowsOf(theta, k));
  });
}

/** H(θ) v for one direction v (length P): Pearlmutter's product by reverse-over-reverse differentiation. */
export function hessianVectorProduct(loss: BatchedLoss, theta: Vec, v: Vec): Float64Array {
  return hessianVectorProducts(loss, theta, Float32Array.from(v), 1);
}

/** k Hessian-vector products at a fixed θ: directions k×P → k×P (row-major). */
export type HvpFunction = (directions: Float32Array, k: number) => Float64Array;

/** A dense Hessian with the asymmetry max|H − Hᵀ| measured before symmetrising: the float32 round-off of its entries. */
export interface MeasuredHessian {
  /** P×P row-major, symmetrised. */
  hessian: Float64Array;
  asymmetry: number;
}

/**
 * The full P×P Hessian from Hessian-vector products with the unit vectors, `chunk` at a time, symmetrised:
 * (H + Hᵀ)/2 removes the float32 round-off that makes the two computed halves differ slightly. That difference
 * is returned too, since it measures how far from zero an eigenvalue may be and still be zero (numerics/tolerances.ts).
 */
export function measuredDenseHessian(hvps: HvpFunction, P: number, chunk = 256): MeasuredHessian {
  const H = new Float64Array(P * P);
  for (let start = 0; start < P; start += chunk) {
    const k = Math.min(chunk, P - start);
    const E = new Float32Array(k * P);
    for (let r = 0; r < k; r++) E[r * P + start + r] = 1;
    H.set(hvps(E, k), start * P);
  }
  let asymmetry = 0;
  for (let i = 0; i < P; i++) {
    for (let j = i + 1; j < P; j++) {
      const a = H[i * P + j]!;
      const b = H[j * P + i]!;
      asymmetry = Math.max(asymmetry, Math.abs(a - b));
      H[i * P + j] = H[j * P + i] = 0.5 * (a + b);
    }
  }
  return { hessian: H, asymmetry };
}

/** The dense Hessian of any batched loss, by reverse-over-reverse autodiff on stacked copies of θ. */
export function denseHessian(loss: BatchedLoss, theta: Vec, chunk = 256): Float64Array {
  return measuredDenseHessian((d, k) => hessianVectorProducts(loss, theta, d, k), theta.length, chunk).hessian;
}
