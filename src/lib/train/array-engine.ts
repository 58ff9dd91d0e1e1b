// The stepper's arithmetic for closed-form float64 models: θ as plain arrays, the update rules of optimizers.ts in JS.
import type { OptimizerConfig } from './optimizers.ts';
import type { StepEngine } from './tensor-engine.ts';

/** L(θ) and ∇L(θ) of one parameter vector, in float64. */
export type LossAndGradient = (theta: readonly number[]) => { loss: number; grad: readonly number[] };

/**
 * A float64 engine for R runs of a model given by `f`, starting at `theta0` (R×P). The formulas are those of
 * optimizers.ts (gd θ ← θ − ηg; momentum m ← βm + g, θ ← θ − ηm; Adam with bias correction), element by element.
 */
export function arrayEngine(
  f: LossAndGradient,
  theta0: ArrayLike<number>,
  runs: number,
  optimizer: OptimizerConfig,
  masks?: ArrayLike<number>,
  state?: { t: number; m?: number[] | undefined; v?: number[] | undefined },
): StepEngine {
  const P = theta0.length / runs;
  let theta = Array.from(theta0);
  let previous: number[] | undefined;
  let grad: number[] | undefined;
  let t = state?.t ?? 0;
  const m = state?.m ? [...state.m] : optimizer.kind === 'gd' ? undefined : new Array<number>(theta.length).fill(0);
  const v = state?.v ? [...state.v] : optimizer.kind === 'adam' ? new Array<number>(theta.length).fill(0) : undefined;
  return {
    runs,
    P,
    precision: 'float64',
    evaluate() {
      const losses = new Float64Array(runs);
      const gradNorms = new Float64Array(runs);
      grad = new Array<number>(theta.length);
      for (let r = 0; r < runs; r++) {
        const out = f(theta.slice(r * P, (r + 1) * P));
        losses[r] = out.loss;
        const g = out.grad.map((x, i) => (masks ? x * masks[r * P + i]! : x));
        for (let i = 0; i < P; i++) grad[r * P + i] = g[i]!;
        gradNorms[r] = Math.hypot(...g);
      }
      return { losses, gradNorms };
    },
    update(active) {
      if (!grad) throw new Error('arrayEngine: update() before evaluate()');
      t++;
      const next = theta.slice();
      for (let k = 0; k < theta.length; k++) {
        const g = grad[k]!;
        let step: number;
        if (optimizer.kind === 'gd') step = optimizer.lr * g;
        else if (optimizer.kind === 'momentum') {
          m![k] = m![k]! * optimizer.beta + g;
          step = optimizer.lr * m![k]!;
        } else {
          const { beta1, beta2, eps, lr } = optimizer;
          m![k] = m![k]! * beta1 + g * (1 - beta1);
          v![k] = v![k]! * beta2 + g * g * (1 - beta2);
          step = lr * (m![k]! / (1 - beta1 ** t) / (Math.sqrt(v![k]! / (1 - beta2 ** t)) + eps));
        }
        if (active[Math.floor(k / P)]) next[k] = theta[k]! - step;
      }
      previous = theta;
      theta = next;
      grad = undefined;
    },
    readTheta: (prev = false) => (prev && previous) || theta,
    exportState: () => ({ t, ...(m ? { m: [...m] } : {}), ...(v ? { v: [...v] } : {}) }),
    dispose() {},
  };
}
