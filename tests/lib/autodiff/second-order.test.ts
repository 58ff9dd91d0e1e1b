import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { ACTIVATIONS, LOSSES, activate, lossOf, type Activation, type Loss } from '../../../src/lib/autodiff/ops.ts';
import { denseHessian, hessianVectorProduct, lossAndGradient, type BatchedLoss } from '../../../src/lib/autodiff/derivatives.ts';
import { mlpForward, mlpInit, mlpParamCount, type MlpSpec } from '../../../src/lib/models/mlp.ts';
import { mlpObjective, objectiveHessian } from '../../../src/lib/models/objective.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { fdGradient, fdHessian, referenceLoss, relativeError } from './reference-mlp.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** d²/dx² [act(x)·x] in closed form: 2 act'(x) + x act''(x). */
const secondOfActTimesX: Record<Activation, (x: number) => number> = {
  sigmoid: (x) => {
    const s = sig(x);
    return 2 * s * (1 - s) + x * s * (1 - s) * (1 - 2 * s);
  },
  tanh: (x) => {
    const t = Math.tanh(x);
    return 2 * (1 - t * t) - 2 * x * t * (1 - t * t);
  },
  softplus: (x) => {
    const s = sig(x);
    return 2 * s + x * s * (1 - s);
  },
  relu: (x) => (x > 0 ? 2 : 0),
  linear: () => 2,
};

function second(f: (x: tf.Tensor) => tf.Tensor, x0: number): number {
  return tf.tidy(
    () =>
      tf
        .grad(tf.grad((x: tf.Tensor) => f(x) as tf.Scalar) as (x: tf.Tensor) => tf.Tensor)(tf.scalar(x0))
        .dataSync()[0]!,
  );
}

describe('second derivatives through each activation', () => {
  it.each(ACTIVATIONS)('are exact for %s(x)·x, the product stock tfjs 4.22 gets wrong for sigmoid', (name) => {
    for (const x0 of [-1.3, 0.4, 2.1]) {
      expect(second((x) => tf.mul(activate(name, x), x), x0)).toBeCloseTo(secondOfActTimesX[name](x0), 4);
    }
  });

  it('are exact for exp, which stock tfjs cannot differentiate twice', () => {
    expect(second((x) => tf.mul(tf.exp(x), x), 0.7)).toBeCloseTo(Math.exp(0.7) * (2 + 0.7), 4);
    expect(second((x) => tf.exp(tf.mul(x, 2)), 0.3)).toBeCloseTo(4 * Math.exp(0.6), 4);
  });

  it('are exact for a softmax entry: d²p₁/dz₁² = p₁(1 − p₁)(1 − 2p₁)', () => {
    const f = (z: tf.Tensor) => tf.sum(tf.slice(tf.softmax(tf.stack([z, tf.scalar(0.3), tf.scalar(-0.5)])), [0], [1]));
    const z0 = 0.8;
    const p = Math.exp(z0) / (Math.exp(z0) + Math.exp(0.3) + Math.exp(-0.5));
    expect(second(f, z0)).toBeCloseTo(p * (1 - p) * (1 - 2 * p), 5);
  });
});

const rng = createRng(2026);
const X = Array.from({ length: 6 }, () => [rng.normal(), rng.normal()]);
const Yreg = X.map(([a, b]) => [Math.sin(a!) + 0.5 * b!, a! * b!]);
const Ycls = X.map((_, n) => [n % 2, 1 - (n % 2)]);

function setup(activation: Activation, loss: Loss) {
  const spec: MlpSpec = { widths: [2, 3, 2], activation, bias: true };
  const y = loss === 'softmax-ce' ? Ycls : Yreg;
  const xt = tf.tensor2d(X),
    yt = tf.tensor2d(y);
  const batched: BatchedLoss = (theta) => lossOf(loss, mlpForward(spec, theta, xt), yt);
  const theta = mlpInit(spec, createRng(7));
  // Move biases off zero so no ReLU sits exactly at its kink (where no second derivative exists).
  for (let i = 0; i < theta.length; i++) theta[i] = theta[i]! + 0.05 * Math.sin(3 * i + 1);
  const reference = (t: Float64Array) => referenceLoss(spec, loss, t, X, y);
  return {
    spec,
    batched,
    theta,
    reference,
    dispose: () => {
      xt.dispose();
      yt.dispose();
    },
  };
}

describe.each(LOSSES)('a 2-3-2 network with %s loss', (loss) => {
  it.each(ACTIVATIONS)('has the %s gradient and Hessian that float64 finite differences give', (activation) => {
    const { batched, theta, reference, dispose, spec } = setup(activation, loss);
    const before = tf.memory().numTensors;
    const { loss: L, grad } = lossAndGradient(batched, theta);
    const H = denseHessian(batched, theta);
    expect(tf.memory().numTensors).toBe(before);
    expect(H.length).toBe(mlpParamCount(spec) ** 2);
    expect(L).toBeCloseTo(reference(Float64Array.from(theta)), 4);
    expect(relativeError(grad, fdGradient(reference, theta))).toBeLessThan(2e-4);
    expect(relativeError(H, fdHessian(reference, theta))).toBeLessThan(2e-3);
    dispose();
  });
});

describe('Hessian-vector products', () => {
  it('equal the dense Hessian times the vector', () => {
    const { batched, theta, dispose } = setup('tanh', 'mse');
    const H = denseHessian(batched, theta);
    const P = theta.length;
    const v = Float64Array.from({ length: P }, (_, i) => Math.cos(i));
    const hv = hessianVectorProduct(batched, theta, v);
    const expected = Array.from({ length: P }, (_, i) => v.reduce((a, vj, j) => a + H[i * P + j]! * vj, 0));
    expect(relativeError(hv, expected)).toBeLessThan(1e-4);
    dispose();
  });
});

describe('the two-weight network y = w₁w₂x as an MLP', () => {
  it('has the saddle Hessian [[0, −2], [−2, 0]] at the origin', () => {
    const spec: MlpSpec = { widths: [1, 1, 1], activation: 'linear', bias: false };
    const x = tf.tensor2d([[1]]),
      y = tf.tensor2d([[1]]);
    const batched: BatchedLoss = (theta) => lossOf('sse', mlpForward(spec, theta, x), y);
    expect(Array.from(denseHessian(batched, [0, 0]))).toEqual([0, -2, -2, 0]);
    expect(lossAndGradient(batched, [0, 0]).loss).toBe(1);
    x.dispose();
    y.dispose();
  });
});

describe('the MLP R-operator fast path', () => {
  describe.each(LOSSES)('with %s loss', (loss) => {
    it.each(ACTIVATIONS)('gives the same %s Hessian as reverse-over-reverse autodiff and as finite differences', (activation) => {
      const { batched, theta, reference, spec, dispose } = setup(activation, loss);
      const y = loss === 'softmax-ce' ? Ycls : Yreg;
      const objective = mlpObjective(spec, loss, X.flat(), y.flat(), X.length);
      const before = tf.memory().numTensors;
      const fast = objectiveHessian(objective, theta);
      expect(tf.memory().numTensors).toBe(before);
      expect(relativeError(fast, denseHessian(batched, theta))).toBeLessThan(1e-4);
      expect(relativeError(fast, fdHessian(reference, theta))).toBeLessThan(2e-3);
      objective.dispose();
      dispose();
    });
  });

  it('also handles networks without biases and with several hidden layers', () => {
    const spec: MlpSpec = { widths: [2, 3, 4, 2], activation: ['tanh', 'softplus'], bias: false };
    const objective = mlpObjective(spec, 'mse', X.flat(), Yreg.flat(), X.length);
    const theta = mlpInit(spec, createRng(4));
    const generic = denseHessian((t) => objective.loss(t), theta);
    expect(relativeError(objectiveHessian(objective, theta), generic)).toBeLessThan(1e-4);
    objective.dispose();
  });
});
