// A model bound to its data and loss: the batched loss Θ [R, P] → [R] that training and the Hessian tools use.
import { readTensor, tf } from '../autodiff/tf.ts';
import { lossOf, type Loss } from '../autodiff/ops.ts';
import { measuredDenseHessian, hessianVectorProducts, type HvpFunction, type MeasuredHessian } from '../autodiff/derivatives.ts';
import { mlpForward, mlpParamCount, type MlpSpec } from './mlp.ts';
import { mlpHessianVectorProducts } from './mlp-hvp.ts';

export interface Objective {
  /** Number of parameters. */
  readonly P: number;
  /** Number of training samples. */
  readonly n: number;
  /**
   * Per-run losses on all samples, or on the samples `batch` picks (int32 indices, the same for every run).
   * @param theta [R, P]
   */
  loss(theta: tf.Tensor2D, batch?: tf.Tensor1D): tf.Tensor1D;
  /**
   * Optional fast path: H(θ) v_r for k directions (k×P → k×P, row-major), exact like the autodiff one but
   * cheaper. Tools fall back to reverse-over-reverse autodiff of `loss` when it is absent.
   */
  hessianVectorProducts?(theta: ArrayLike<number>, directions: Float32Array, k: number): Float64Array;
  /** Releases the data tensors. */
  dispose(): void;
}

/** H(θ) v_r through the objective's fast path when it has one, else by autodiff of its loss. */
export function objectiveHvps(objective: Objective, theta: ArrayLike<number>): HvpFunction {
  return objective.hessianVectorProducts
    ? (d, k) => objective.hessianVectorProducts!(theta, d, k)
    : (d, k) => hessianVectorProducts((t) => objective.loss(t), theta, d, k);
}

/** The dense P×P Hessian of an objective at θ, with its measured asymmetry (the input of the zero-eigenvalue threshold). */
export function measuredObjectiveHessian(objective: Objective, theta: ArrayLike<number>, chunk = 64): MeasuredHessian {
  return measuredDenseHessian(objectiveHvps(objective, theta), objective.P, chunk);
}

/** The dense P×P Hessian of an objective at θ. */
export function objectiveHessian(objective: Objective, theta: ArrayLike<number>, chunk = 64): Float64Array {
  return measuredObjectiveHessian(objective, theta, chunk).hessian;
}

/**
 * `objectiveHessian` that calls `tick` (a scheduler's: it yields and throws when aborted) before each block of
 * `chunk` Hessian columns, so a cancel is read between blocks. The blocks are computed first and then handed, in
 * the same order, to the same `denseHessianFrom`, so the result (symmetrisation included) is the synchronous one.
 */
export async function objectiveHessianScheduled(
  objective: Objective,
  theta: ArrayLike<number>,
  tick: () => Promise<void>,
  chunk = 64,
): Promise<MeasuredHessian> {
  const hvps = objectiveHvps(objective, theta);
  const P = objective.P;
  const blocks: Float64Array[] = [];
  for (let start = 0; start < P; start += chunk) {
    await tick();
    const k = Math.min(chunk, P - start);
    const E = new Float32Array(k * P);
    for (let r = 0; r < k; r++) E[r * P + start + r] = 1;
    blocks.push(hvps(E, k));
  }
  await tick();
  let next = 0;
  return measuredDenseHessian(() => blocks[next++]!, P, chunk);
}

/**
 * An MLP with a loss on a data set.
 * @param inputs N×d row-major
 * @param targets N×k row-major
 */
export function mlpObjective(spec: MlpSpec, loss: Loss, inputs: ArrayLike<number>, targets: ArrayLike<number>, n: number): Objective {
  const d = spec.widths[0]!;
  const k = spec.widths.at(-1)!;
  if (inputs.length !== n * d) throw new Error(`mlpObjective: inputs hold ${inputs.length} numbers, expected ${n}×${d}`);
  if (targets.length !== n * k) throw new Error(`mlpObjective: targets hold ${targets.length} numbers, expected ${n}×${k}`);
  const X = tf.keep(tf.tensor2d(Float32Array.from(inputs), [n, d]));
  const Y = tf.keep(tf.tensor2d(Float32Array.from(targets), [n, k]));
  const P = mlpParamCount(spec);
  return {
    P,
    n,
    loss: (theta, batch) =>
      batch ? lossOf(loss, mlpForward(spec, theta, tf.gather(X, batch)), tf.gather(Y, batch)) : lossOf(loss, mlpForward(spec, theta, X), Y),
    hessianVectorProducts: (theta, directions, k) =>
      readTensor(() => mlpHessianVectorProducts(spec, loss, tf.tensor1d(Float32Array.from(theta)), tf.tensor2d(directions, [k, P]), X, Y)),
    dispose: () => {
      X.dispose();
      Y.dispose();
    },
  };
}
