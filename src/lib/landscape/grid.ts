// The loss on a 2-D slice θ + x d₁ + y d₂ through parameter space, every grid point in one batched pass.
// For the reproductions of issue #11 (Li et al. 2018 filter-normalised surfaces); nothing calls it yet.
import { readTensor, tf } from '../autodiff/tf.ts';
import type { Objective } from '../models/objective.ts';

/**
 * @returns ys.length × xs.length row-major losses (row j is y = ys[j])
 */
export function lossGrid(
  objective: Objective,
  theta: ArrayLike<number>,
  d1: ArrayLike<number>,
  d2: ArrayLike<number>,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  chunk = 1024,
): Float64Array {
  const P = objective.P;
  const total = xs.length * ys.length;
  const out = new Float64Array(total);
  for (let start = 0; start < total; start += chunk) {
    const k = Math.min(chunk, total - start);
    const rows = new Float32Array(k * P);
    for (let r = 0; r < k; r++) {
      const x = xs[(start + r) % xs.length]!;
      const y = ys[Math.floor((start + r) / xs.length)]!;
      for (let i = 0; i < P; i++) rows[r * P + i] = theta[i]! + x * d1[i]! + y * d2[i]!;
    }
    out.set(
      readTensor(() => objective.loss(tf.tensor2d(rows, [k, P]))),
      start,
    );
  }
  return out;
}
