// Shared fixtures of the deep-linear model tests: the default data set and independent reference computations.
import { makeLinearRegression, type RegressionData } from '../../../src/lib/data/linear-regression.ts';
import { deepNetLoss, matmul } from '../../../src/lib/models/deep-linear.ts';

export const data = makeLinearRegression({ dx: 5, dy: 3, m: 20, scale: 2, noise: 0.5, seed: 2016 });
export const widthsOf = (depth: number, h = 4, d = data) => [d.dx, ...Array<number>(depth - 1).fill(h), d.dy];

/** The loss of one parameter vector, from a loss function of the model. */
export const lossAt = (f: ReturnType<typeof deepNetLoss>, theta: ArrayLike<number>) => f(theta, 0);

/** σ_max of a d_y×d_x matrix by power iteration on MᵀM (independent of the eigensolver the code uses). */
export function sigmaMaxByPowerIteration(M: Float64Array, dy: number, dx: number): number {
  let v = Float64Array.from({ length: dx }, (_, i) => 1 + i);
  let s = 0;
  for (let it = 0; it < 2000; it++) {
    const Mv = new Float64Array(dy);
    matmul(dy, dx, 1, M, 0, false, v, 0, false, Mv);
    const w = new Float64Array(dx);
    matmul(dx, dy, 1, M, 0, true, Mv, 0, false, w);
    s = Math.hypot(...w);
    v = w.map((x) => x / s);
  }
  return Math.sqrt(s);
}

/** ½‖WX − Y‖² straight from the data. */
export function productLoss(W: Float64Array, d: RegressionData): number {
  const fit = new Float64Array(d.dy * d.m);
  matmul(d.dy, d.dx, d.m, W, 0, false, d.X, 0, false, fit);
  let s = 0;
  for (let i = 0; i < fit.length; i++) s += (fit[i]! - d.Y[i]!) ** 2;
  return s / 2;
}
