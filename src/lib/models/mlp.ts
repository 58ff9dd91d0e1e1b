// Multilayer perceptrons on a flat parameter vector, evaluated for R parameter vectors at once.
//
// Layout of θ: for each layer l = 1..L, first W_l (fan_in × fan_out, row-major), then b_l (fan_out)
// when the network has biases. Layer l computes h_l = act_l(h_{l−1} W_l + b_l); the last layer is linear.
// Special cases: the one-unit ReLU regression f(x) = v·ReLU(wx + b) + c is widths [1, 1, 1] with ReLU
// (θ = w, b, v, c; relu-regression-minima); the two-weight toy y = w₁w₂x is [1, 1, 1], linear, no bias
// (toy-hessian); deep linear networks (issue #9) are linear with or without biases.
import { z } from 'zod';
import { tf } from '../autodiff/tf.ts';
import { ACTIVATIONS, activate, type Activation } from '../autodiff/ops.ts';
import type { Rng } from '../random/rng.ts';
import { mlpParamCount } from './mlp-size.ts';

export const mlpSpecSchema = z.strictObject({
  /** [input, hidden…, output]; at least input and output. */
  widths: z.array(z.number().int().positive('every width must be a positive whole number')).min(2, 'give at least input and output widths'),
  /** One activation for all hidden layers, or one per hidden layer. */
  activation: z.union([z.enum(ACTIVATIONS), z.array(z.enum(ACTIVATIONS))]).default('relu'),
  bias: z.boolean().default(true),
});
export type MlpSpec = z.infer<typeof mlpSpecSchema>;

export interface LayerSlice {
  fanIn: number;
  fanOut: number;
  /** Offset of W in θ. */
  w: number;
  /** Offset of b in θ, or −1 without biases. */
  b: number;
  activation: Activation;
}

export function mlpLayers(spec: MlpSpec): LayerSlice[] {
  const hidden = spec.widths.length - 2;
  const acts = Array.isArray(spec.activation) ? spec.activation : Array.from({ length: hidden }, () => spec.activation as Activation);
  if (acts.length !== hidden) throw new Error(`mlp: ${hidden} hidden layers but ${acts.length} activations`);
  const layers: LayerSlice[] = [];
  let at = 0;
  for (let l = 0; l + 1 < spec.widths.length; l++) {
    const fanIn = spec.widths[l]!;
    const fanOut = spec.widths[l + 1]!;
    const w = at;
    at += fanIn * fanOut;
    const b = spec.bias ? at : -1;
    if (spec.bias) at += fanOut;
    layers.push({ fanIn, fanOut, w, b, activation: l < hidden ? acts[l]! : 'linear' });
  }
  return layers;
}

/** Counted in mlp-size.ts, which page code can import without tfjs or zod. */
export { mlpParamCount };

/**
 * Predictions of R networks on the same inputs.
 * @param theta parameters [R, P]
 * @param x inputs [N, d]
 * @returns outputs [R, N, k]
 */
export function mlpForward(spec: MlpSpec, theta: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor3D {
  const R = theta.shape[0];
  let h: tf.Tensor3D = tf.expandDims(x, 0) as tf.Tensor3D;
  for (const layer of mlpLayers(spec)) {
    const W = tf.reshape(tf.slice(theta, [0, layer.w], [R, layer.fanIn * layer.fanOut]), [R, layer.fanIn, layer.fanOut]);
    let z: tf.Tensor = tf.matMul(h, W as tf.Tensor3D);
    if (layer.b >= 0) z = tf.add(z, tf.reshape(tf.slice(theta, [0, layer.b], [R, layer.fanOut]), [R, 1, layer.fanOut]));
    h = activate(layer.activation, z) as tf.Tensor3D;
  }
  return h;
}

/**
 * Random initial parameters: Gaussian weights with He variance 2/fan_in before ReLU and softplus,
 * Glorot variance 2/(fan_in + fan_out) otherwise; zero biases.
 */
export function mlpInit(spec: MlpSpec, rng: Rng): Float32Array {
  const theta = new Float32Array(mlpParamCount(spec));
  for (const layer of mlpLayers(spec)) {
    const he = layer.activation === 'relu' || layer.activation === 'softplus';
    const std = Math.sqrt(he ? 2 / layer.fanIn : 2 / (layer.fanIn + layer.fanOut));
    for (let i = 0; i < layer.fanIn * layer.fanOut; i++) theta[layer.w + i] = std * rng.normal();
  }
  return theta;
}
