// A 2-h-1 classifier in float64 plain JS, many runs at once: z(x) = Σⱼ vⱼ·φ(wⱼ·x + bⱼ) + c, φ = ReLU or the
// logistic sigmoid, trained on the mean logistic loss (binary cross-entropy of σ(z) against 0/1 targets) by
// full-batch gradient descent or Adam. Used by the XOR / jellyfish reproduction (Swirszcz et al. 2016).
//
// Layout of one run's P = 4h + 1 parameters: W (h×2, row j is wⱼ), then b (h), then v (h), then c.
// R runs are one flat Float64Array of R·P numbers, trained in one loop.
import { hasDiverged } from '../train/divergence.ts';

export type Activation = 'relu' | 'sigmoid';

export const paramCount = (h: number) => 4 * h + 1;

/** Numerically stable log(1 + eᵘ). */
const softplus = (u: number) => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
const sigmoid = (u: number) => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));

export interface Points {
  /** n×2 inputs, row-major. */
  x: ArrayLike<number>;
  /** n targets in {0, 1}. */
  t: ArrayLike<number>;
  n: number;
}

/**
 * Loss and (when `grad` is given) its gradient for run r of `theta` (offset r·P). The loss is
 * (1/n) Σᵢ [softplus(zᵢ) − tᵢ zᵢ]; ∂/∂zᵢ = (σ(zᵢ) − tᵢ)/n. ReLU'(0) is taken as 0.
 * `grad` is written at the same offset. Returns the loss.
 */
export function lossAndGrad(
  theta: Float64Array,
  r: number,
  h: number,
  act: Activation,
  data: Points,
  grad?: Float64Array,
  hidden: Float64Array = new Float64Array(h),
): number {
  const P = paramCount(h);
  const o = r * P;
  const ob = o + 2 * h;
  const ov = o + 3 * h;
  const oc = o + 4 * h;
  if (grad) grad.fill(0, o, o + P);
  let loss = 0;
  for (let i = 0; i < data.n; i++) {
    const x0 = data.x[2 * i]!;
    const x1 = data.x[2 * i + 1]!;
    let z = theta[oc]!;
    for (let j = 0; j < h; j++) {
      const pre = theta[o + 2 * j]! * x0 + theta[o + 2 * j + 1]! * x1 + theta[ob + j]!;
      const a = act === 'relu' ? (pre > 0 ? pre : 0) : sigmoid(pre);
      hidden[j] = a;
      z += theta[ov + j]! * a;
    }
    const t = data.t[i]!;
    loss += softplus(z) - t * z;
    if (!grad) continue;
    const dz = (sigmoid(z) - t) / data.n;
    grad[oc] = grad[oc]! + dz;
    for (let j = 0; j < h; j++) {
      const a = hidden[j]!;
      grad[ov + j] = grad[ov + j]! + dz * a;
      const slope = act === 'relu' ? (a > 0 ? 1 : 0) : a * (1 - a);
      const dpre = dz * theta[ov + j]! * slope;
      if (dpre === 0) continue;
      grad[o + 2 * j] = grad[o + 2 * j]! + dpre * x0;
      grad[o + 2 * j + 1] = grad[o + 2 * j + 1]! + dpre * x1;
      grad[ob + j] = grad[ob + j]! + dpre;
    }
  }
  return loss / data.n;
}

/** Points run r classifies wrongly (zᵢ > 0 predicts class 1; zᵢ ≤ 0 class 0, so z = 0 counts as an error for t = 1). */
export function trainingErrors(theta: Float64Array, r: number, h: number, act: Activation, data: Points): number {
  const P = paramCount(h);
  const o = r * P;
  let errors = 0;
  for (let i = 0; i < data.n; i++) {
    let z = theta[o + 4 * h]!;
    for (let j = 0; j < h; j++) {
      const pre = theta[o + 2 * j]! * data.x[2 * i]! + theta[o + 2 * j + 1]! * data.x[2 * i + 1]! + theta[o + 2 * h + j]!;
      z += theta[o + 3 * h + j]! * (act === 'relu' ? Math.max(0, pre) : sigmoid(pre));
    }
    if (z > 0 !== data.t[i]! > 0.5) errors++;
  }
  return errors;
}

/** Whether every hidden ReLU of run r is inactive (pre-activation ≤ 0) on every data point. */
export function allReluDead(theta: Float64Array, r: number, h: number, data: Points): boolean {
  const o = r * paramCount(h);
  for (let j = 0; j < h; j++)
    for (let i = 0; i < data.n; i++)
      if (theta[o + 2 * j]! * data.x[2 * i]! + theta[o + 2 * j + 1]! * data.x[2 * i + 1]! + theta[o + 2 * h + j]! > 0) return false;
  return true;
}

export type Optimizer = { kind: 'gd'; lr: number } | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

export interface BatchTrainer {
  theta: Float64Array;
  /** Steps taken so far. */
  step: number;
  /** 1 where a run has diverged (it is frozen from then on). */
  diverged: Uint8Array;
  /** Takes `count` more full-batch steps of every live run. */
  advance(count: number): void;
}

/**
 * A trainer for R runs started at `theta` (R·P numbers, updated in place). Divergence follows the project rule
 * (train/divergence.ts): a run whose loss or gradient is not finite, or whose loss exceeds 10⁶·(L₀ + 1), stops.
 */
export function batchTrainer(theta: Float64Array, runs: number, h: number, act: Activation, data: Points, opt: Optimizer): BatchTrainer {
  const P = paramCount(h);
  const grad = new Float64Array(runs * P);
  const m = opt.kind === 'adam' ? new Float64Array(runs * P) : null;
  const v = opt.kind === 'adam' ? new Float64Array(runs * P) : null;
  const hidden = new Float64Array(h);
  const diverged = new Uint8Array(runs);
  const startLoss = new Float64Array(runs).fill(NaN);
  const trainer: BatchTrainer = {
    theta,
    step: 0,
    diverged,
    advance(count: number) {
      for (let s = 0; s < count; s++) {
        const t = trainer.step + 1;
        const c1 = opt.kind === 'adam' ? 1 - opt.beta1 ** t : 1;
        const c2 = opt.kind === 'adam' ? 1 - opt.beta2 ** t : 1;
        for (let r = 0; r < runs; r++) {
          if (diverged[r]) continue;
          const loss = lossAndGrad(theta, r, h, act, data, grad, hidden);
          if (Number.isNaN(startLoss[r]!)) startLoss[r] = loss;
          const o = r * P;
          let g2 = 0;
          for (let k = o; k < o + P; k++) g2 += grad[k]! * grad[k]!;
          if (hasDiverged(loss, Math.sqrt(g2), startLoss[r]!)) {
            diverged[r] = 1;
            continue;
          }
          if (opt.kind === 'gd') {
            for (let k = o; k < o + P; k++) theta[k] = theta[k]! - opt.lr * grad[k]!;
          } else {
            const { beta1, beta2, eps, lr } = opt;
            for (let k = o; k < o + P; k++) {
              const g = grad[k]!;
              m![k] = beta1 * m![k]! + (1 - beta1) * g;
              v![k] = beta2 * v![k]! + (1 - beta2) * g * g;
              theta[k] = theta[k]! - (lr * (m![k]! / c1)) / (Math.sqrt(v![k]! / c2) + eps);
            }
          }
        }
        trainer.step = t;
      }
    },
  };
  return trainer;
}
