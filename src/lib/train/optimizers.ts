// Update rules for R parameter vectors at once: gradient descent, momentum and Adam, as pure tensor maps.
import { z } from 'zod';
import { tf } from '../autodiff/tf.ts';
import { fraction, positiveNumber } from '../config/numbers.ts';

export const optimizerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('gd'), lr: positiveNumber('the learning rate lr') }),
  z.strictObject({ kind: z.literal('momentum'), lr: positiveNumber('the learning rate lr'), beta: fraction('beta').default(0.9) }),
  z.strictObject({
    kind: z.literal('adam'),
    lr: positiveNumber('the learning rate lr'),
    beta1: fraction('beta1').default(0.9),
    beta2: fraction('beta2').default(0.999),
    eps: positiveNumber('eps').default(1e-8),
  }),
]);
export type OptimizerConfig = z.infer<typeof optimizerSchema>;

/** Optimiser state: tensors the caller keeps between steps (all [R, P]). */
export interface OptimizerState {
  m?: tf.Tensor2D;
  v?: tf.Tensor2D;
  t: number;
}

/**
 * One update of θ given its gradient; returns the new θ and state (new tensors, to be kept by the caller).
 * - gd: θ ← θ − η g
 * - momentum (heavy ball): m ← β m + g, θ ← θ − η m
 * - adam (Kingma & Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η m̂ / (√v̂ + ε),
 *   m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 */
export function optimizerStep(
  config: OptimizerConfig,
  theta: tf.Tensor2D,
  grad: tf.Tensor2D,
  state: OptimizerState,
): { theta: tf.Tensor2D; state: OptimizerState } {
  const t = state.t + 1;
  switch (config.kind) {
    case 'gd':
      return { theta: tf.sub(theta, tf.mul(grad, config.lr)) as tf.Tensor2D, state: { t } };
    case 'momentum': {
      const m = (state.m ? tf.add(tf.mul(state.m, config.beta), grad) : tf.clone(grad)) as tf.Tensor2D;
      return { theta: tf.sub(theta, tf.mul(m, config.lr)) as tf.Tensor2D, state: { m, t } };
    }
    case 'adam': {
      const { beta1, beta2, eps, lr } = config;
      const m = (state.m ? tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1)) : tf.mul(grad, 1 - beta1)) as tf.Tensor2D;
      const v = (
        state.v ? tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(grad), 1 - beta2)) : tf.mul(tf.square(grad), 1 - beta2)
      ) as tf.Tensor2D;
      const mHat = tf.div(m, 1 - beta1 ** t);
      const vHat = tf.div(v, 1 - beta2 ** t);
      return { theta: tf.sub(theta, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), eps)), lr)) as tf.Tensor2D, state: { m, v, t } };
    }
  }
}

/**
 * The optimizer setting of an experiment: a missing `kind` means the experiment's default kind, so that
 * `--set optimizer.lr=0.05` (or a widget's learning-rate field) changes only the rate.
 */
export function optimizerSetting(defaults: { kind: OptimizerConfig['kind']; lr: number }) {
  return z
    .preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { ...defaults, ...v } : v), optimizerSchema)
    .prefault(defaults);
}
