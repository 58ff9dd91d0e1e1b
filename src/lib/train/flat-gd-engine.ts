// The stepper's arithmetic for float64 models written in place: R runs in one flat Float64Array, full-batch GD or
// Adam.
//
// arrayEngine (array-engine.ts) hands each run's θ to the model as a fresh array and copies θ on every update; for
// models of a few dozen parameters trained for thousands of steps that allocation costs more than the model. Here
// the model reads run r's θ at offset r·P and writes its gradient at the same offset of one buffer; two θ buffers
// swap on every update (so θ before the last update stays available, as the stepper needs for a diverged run);
// and a run the stepper has stopped is not evaluated again (its θ no longer changes, so its loss and gradient
// norm are those of its last evaluation).
import type { StepEngine } from './tensor-engine.ts';

/** The update rules of optimizers.ts this engine has: GD and Adam (with bias correction). */
export type FlatOptimizer = { kind: 'gd'; lr: number } | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

/** L(θ) of the run whose θ starts at `off`, with ∇L written at `gOff` of `grad`. */
export type InPlaceLoss = (theta: Float64Array, off: number, grad: Float64Array, gOff: number) => number;

/** A gradient-descent engine θ ← θ − η∇L over `runs` runs of `P` parameters starting at `theta0` (copied). */
export function flatGdEngine(loss: InPlaceLoss, theta0: ArrayLike<number>, runs: number, lr: number): StepEngine {
  return flatEngine(loss, theta0, runs, { kind: 'gd', lr });
}

/**
 * `flatGdEngine` with a choice of update: GD, or Adam m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε). βᵗ is kept as a running product (exact multiplications, where `**`
 * rounds differently in different engines). The moments of a stopped run do not change.
 */
export function flatEngine(loss: InPlaceLoss, theta0: ArrayLike<number>, runs: number, optimizer: FlatOptimizer): StepEngine {
  const lr = optimizer.lr;
  const P = theta0.length / runs;
  if (!Number.isInteger(P)) throw new Error(`flatGdEngine: ${theta0.length} numbers do not split into ${runs} runs`);
  let theta = Float64Array.from(theta0);
  let spare = new Float64Array(theta.length);
  let swapped = false;
  let t = 0;
  const grad = new Float64Array(theta.length);
  const losses = new Float64Array(runs);
  const gradNorms = new Float64Array(runs);
  const fresh = new Uint8Array(runs).fill(1);
  let evaluated = false;
  const adam = optimizer.kind === 'adam' ? optimizer : undefined;
  const m1 = adam ? new Float64Array(theta.length) : undefined;
  const m2 = adam ? new Float64Array(theta.length) : undefined;
  let b1t = 1,
    b2t = 1;
  return {
    runs,
    P,
    precision: 'float64',
    evaluate() {
      for (let r = 0; r < runs; r++) {
        if (!fresh[r]) continue;
        const o = r * P;
        losses[r] = loss(theta, o, grad, o);
        let s = 0;
        for (let i = o; i < o + P; i++) s += grad[i]! * grad[i]!;
        gradNorms[r] = Math.sqrt(s);
      }
      evaluated = true;
      return { losses, gradNorms };
    },
    update(active) {
      if (!evaluated) throw new Error('flatGdEngine: update() before evaluate()');
      t++;
      if (adam) {
        b1t *= adam.beta1;
        b2t *= adam.beta2;
      }
      for (let r = 0; r < runs; r++) {
        const o = r * P;
        fresh[r] = active[r] ? 1 : 0;
        if (!active[r]) for (let i = o; i < o + P; i++) spare[i] = theta[i]!;
        else if (!adam) for (let i = o; i < o + P; i++) spare[i] = theta[i]! - lr * grad[i]!;
        else {
          const { beta1, beta2, eps } = adam;
          for (let i = o; i < o + P; i++) {
            const g = grad[i]!;
            m1![i] = beta1 * m1![i]! + (1 - beta1) * g;
            m2![i] = beta2 * m2![i]! + (1 - beta2) * g * g;
            spare[i] = theta[i]! - (lr * (m1![i]! / (1 - b1t))) / (Math.sqrt(m2![i]! / (1 - b2t)) + eps);
          }
        }
      }
      [theta, spare] = [spare, theta];
      swapped = true;
      evaluated = false;
    },
    readTheta: (previous = false) => (previous && swapped ? spare : theta),
    exportState: () => ({ t }),
    dispose() {},
  };
}
