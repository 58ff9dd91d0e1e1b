// Canary: stock tfjs 4.22 still gets d²/dx² tanh(x) wrong, the reason for autodiff/second-order-grads.ts.
//
// The stock Tanh gradient saves the op's output y and returns (1 − y²)·dy; a second backward pass then loses
// the path through the saved y (see second-order-grads.ts), so tf.grad(tf.grad(tanh)) is wrong or throws.
// We swap the stock gradient back in for the duration of one test, then restore ours. When a tfjs upgrade
// fixes this, the first test fails: the patch (and the tfjs ~4.22 pin in package.json) can then go.
import { afterEach, describe, expect, it } from 'vitest';
// Must come before tf.ts, which registers our gradient over the stock one.
import { stockTanhGradient } from './stock-gradients.ts';
import { tf } from '../../../src/lib/autodiff/tf.ts';

const POINTS = [-1.5, -0.4, 0.3, 1.2];
/** float32 second derivatives of O(1) values are good to a few ε₃₂ ≈ 1.2e-7. */
const FLOAT32_TOL = 1e-6;
/** Each function with its second derivative in closed form (t = tanh x): tanh″ = −2t(1 − t²). */
const CASES = {
  'tanh(x)': { f: (v: tf.Tensor) => tf.tanh(v), d2: (x: number, t = Math.tanh(x)) => -2 * t * (1 - t * t) },
  'x·tanh(x)': {
    f: (v: tf.Tensor) => tf.mul(v, tf.tanh(v)),
    d2: (x: number, t = Math.tanh(x)) => 2 * (1 - t * t) - 2 * x * t * (1 - t * t),
  },
};
type Case = (typeof CASES)[keyof typeof CASES];
/** tf.grad(tf.grad(f)) at x, or the error it throws. */
const secondDerivative = ({ f }: Case, x: number): number | Error => {
  const at = tf.scalar(x);
  try {
    const d2 = tf.grad(tf.grad(f) as (v: tf.Tensor) => tf.Tensor)(at);
    const value = d2.dataSync()[0]!;
    d2.dispose();
    return value;
  } catch (e) {
    return e as Error;
  } finally {
    at.dispose();
  }
};
const wrongAt = (c: Case) =>
  POINTS.filter((x) => {
    const got = secondDerivative(c, x);
    return got instanceof Error || !(Math.abs(got - c.d2(x)) <= FLOAT32_TOL);
  });

const ours = tf.getGradient(tf.Tanh);
afterEach(() => tf.registerGradient(ours));

describe('tfjs canary: second derivative of tanh', () => {
  it('is still wrong with the stock tfjs gradient (when this fails, tfjs is fixed: remove the Tanh patch of second-order-grads.ts)', () => {
    expect(tf.version_core).toMatch(/^4\.22\./);
    const warn = console.warn;
    console.warn = () => {}; // tfjs warns that a gradient is overridden
    try {
      tf.registerGradient(stockTanhGradient);
    } finally {
      console.warn = warn;
    }
    const fixed =
      'stock tfjs now differentiates tanh twice correctly: the Tanh patch in src/lib/autodiff/second-order-grads.ts (and the ~4.22 pin) can go';
    // tanh alone: the only path runs through the saved output, so the second pass finds no gradient and throws.
    for (const x of POINTS) expect(secondDerivative(CASES['tanh(x)'], x), fixed).toBeInstanceOf(Error);
    // x·tanh(x): another path exists, so a number comes back, but without the tanh″ term: wrong at every x ≠ 0.
    for (const x of POINTS) expect(secondDerivative(CASES['x·tanh(x)'], x), fixed).toEqual(expect.any(Number));
    expect(wrongAt(CASES['x·tanh(x)']), fixed).toEqual(POINTS);
  });

  it('is right to float32 precision with our patched gradient', () => {
    for (const c of Object.values(CASES)) expect(wrongAt(c)).toEqual([]);
  });
});
