// The scale symmetry of ReLU networks that makes unnormalised loss pictures misleading (Li et al. 2018, §4; issue
// #11, experiment 4). For c > 0, ReLU(c z) = c ReLU(z); so multiplying hidden layer l's weights and biases by c
// and the next layer's weights by 1/c leaves the function, and so the loss, unchanged, while the parameters, and any
// picture drawn along unnormalised directions around them, change. Filter normalisation scales the directions with
// the weights, so the picture along them does not change.
import { mlpLayers, type MlpSpec } from '../models/mlp.ts';

/**
 * θ with hidden layer `layer` (0-based) scaled by c (its W and b) and layer `layer + 1`'s W by 1/c. The network
 * computes the same function when layer `layer` is ReLU (or linear) and c > 0.
 */
export function rescaleAdjacentLayers(spec: MlpSpec, theta: ArrayLike<number>, layer: number, c: number): Float64Array {
  const layers = mlpLayers(spec);
  const here = layers[layer];
  const next = layers[layer + 1];
  if (!here || !next) throw new Error(`rescaleAdjacentLayers: layer must be a hidden layer, 0 to ${layers.length - 2}; got ${layer}`);
  if (!(c > 0) || !Number.isFinite(c)) throw new Error(`rescaleAdjacentLayers: the factor must be a positive number; got ${c}`);
  if (here.activation !== 'relu' && here.activation !== 'linear')
    throw new Error(`rescaleAdjacentLayers: layer ${layer} is ${here.activation}; only ReLU and linear layers are scale-symmetric`);
  const out = Float64Array.from(theta);
  for (let i = here.w; i < here.w + here.fanIn * here.fanOut; i++) out[i]! *= c;
  if (here.b >= 0) for (let i = here.b; i < here.b + here.fanOut; i++) out[i]! *= c;
  for (let i = next.w; i < next.w + next.fanIn * next.fanOut; i++) out[i]! /= c;
  return out;
}
