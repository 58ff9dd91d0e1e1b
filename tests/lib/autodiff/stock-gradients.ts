// tfjs's own Tanh gradient, captured before src/lib/autodiff/tf.ts replaces it: import this module first.
// (Importing tfjs-core/dist/gradients/Tanh_grad directly would load a second copy of tfjs's ops under Vitest.)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

const captured = tf.getGradient(tf.Tanh);
if (!captured || (captured as { inputsToSave?: string[] }).inputsToSave?.includes('x'))
  throw new Error('stock-gradients.ts must be imported before src/lib/autodiff/tf.ts registers the patched gradients');

export const stockTanhGradient = captured;
