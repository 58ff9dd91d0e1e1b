// The stepper's arithmetic for tfjs objectives: θ as an R×P float32 tensor, updated by optimizers.ts.
import { readTensors, tf, tidyObject } from '../autodiff/tf.ts';
import { rowLossesAndGradients } from '../autodiff/derivatives.ts';
import type { Objective } from '../models/objective.ts';
import { optimizerStep, type OptimizerConfig, type OptimizerState } from './optimizers.ts';

/** Optimiser state as plain JSON: step count t and, for momentum and Adam, the moments (R×P, row-major). */
export interface OptimizerStateJson {
  t: number;
  m?: number[];
  v?: number[];
}

/** What the stepper needs of an arithmetic: evaluate L and ∇L at θ once, then update θ with that ∇L. */
export interface StepEngine {
  readonly runs: number;
  readonly P: number;
  readonly precision: 'float32' | 'float64';
  /** Samples in the data set, when the objective can evaluate on a minibatch of them. */
  readonly samples?: number;
  /**
   * Per-run losses and (masked) gradient norms at the current θ, on all samples or on `batch`; the gradient
   * is kept for the next update().
   */
  evaluate(batch?: Int32Array): { losses: ArrayLike<number>; gradNorms: ArrayLike<number> };
  /** One optimiser step with the kept gradient, for the runs with active[r] = 1; the others keep θ. */
  update(active: Float32Array): void;
  /** θ of every run (R×P), or θ before the last update (the current θ when there was none). */
  readTheta(previous?: boolean): ArrayLike<number>;
  exportState(): OptimizerStateJson;
  dispose(): void;
}

const fromJson = (rows: number, P: number, a: number[] | undefined) =>
  a ? tf.keep(tf.tensor2d(Float32Array.from(a), [rows, P])) : undefined;

/**
 * A tensor engine over `objective` for R runs starting at `theta0` (R×P).
 * @param masks R×P: 1 where a run may change a parameter, 0 where it is held
 */
export function tensorEngine(
  objective: Objective,
  theta0: ArrayLike<number>,
  runs: number,
  optimizer: OptimizerConfig,
  masks?: Float32Array,
  state?: { t: number; m?: number[] | undefined; v?: number[] | undefined },
): StepEngine {
  const P = objective.P;
  const paramMask = masks ? tf.keep(tf.tensor2d(masks, [runs, P])) : undefined;
  let theta = tf.keep(tf.tensor2d(Float32Array.from(theta0), [runs, P]));
  let previous: tf.Tensor2D | undefined;
  let grad: tf.Tensor2D | undefined;
  let opt: OptimizerState = { t: state?.t ?? 0 };
  const m = fromJson(runs, P, state?.m);
  const v = fromJson(runs, P, state?.v);
  if (m) opt.m = m;
  if (v) opt.v = v;
  const disposeOpt = (s: OptimizerState) => {
    s.m?.dispose();
    s.v?.dispose();
  };
  return {
    runs,
    P,
    precision: 'float32',
    samples: objective.n,
    evaluate(batch) {
      grad?.dispose();
      let out: { losses: Float32Array; gradNorms: Float32Array } | undefined;
      const kept = tidyObject(() => {
        const idx = batch ? tf.tensor1d(batch, 'int32') : undefined;
        const { value, grad: raw } = rowLossesAndGradients((t) => objective.loss(t, idx), theta);
        const g = paramMask ? (tf.mul(raw, paramMask) as tf.Tensor2D) : raw;
        const [losses, gradNorms] = readTensors(() => [tf.clone(value), tf.sqrt(tf.sum(tf.square(g), 1))]);
        out = { losses: losses!, gradNorms: gradNorms! };
        return { g: tf.keep(g) };
      });
      grad = kept.g;
      return out!;
    },
    update(active) {
      if (!grad) throw new Error('tensorEngine: update() before evaluate()');
      const g = grad;
      const next = tidyObject(() => {
        const out = optimizerStep(optimizer, theta, g, opt);
        // Stopped runs keep their parameters; active ones take θ_new exactly (a select, not a blend that rounds).
        const all = active.every(Boolean);
        const newTheta = all ? out.theta : (tf.where(tf.cast(tf.tensor2d(active, [runs, 1]), 'bool'), out.theta, theta) as tf.Tensor2D);
        if (out.state.m) tf.keep(out.state.m);
        if (out.state.v) tf.keep(out.state.v);
        return { theta: tf.keep(newTheta), state: out.state };
      });
      previous?.dispose();
      previous = theta;
      theta = next.theta;
      disposeOpt(opt);
      opt = next.state;
      g.dispose();
      grad = undefined;
    },
    readTheta: (prev = false) => ((prev && previous) || theta).dataSync() as Float32Array,
    exportState() {
      const read = (x: tf.Tensor2D | undefined) => (x ? Array.from(x.dataSync()) : undefined);
      const m = read(opt.m);
      const v = read(opt.v);
      return { t: opt.t, ...(m ? { m } : {}), ...(v ? { v } : {}) };
    },
    dispose() {
      theta.dispose();
      previous?.dispose();
      grad?.dispose();
      paramMask?.dispose();
      disposeOpt(opt);
    },
  };
}
