import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { mlpForward, mlpInit, mlpLayers, mlpParamCount, type MlpSpec } from '../../../src/lib/models/mlp.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

describe('MLPs on a flat parameter vector', () => {
  it('counts parameters layer by layer, with and without biases', () => {
    expect(mlpParamCount({ widths: [2, 30, 30, 1], activation: 'relu', bias: true })).toBe(2 * 30 + 30 + 30 * 30 + 30 + 30 + 1);
    expect(mlpParamCount({ widths: [3, 4, 2], activation: 'linear', bias: false })).toBe(12 + 8);
  });

  it('computes a deep linear network as the product X W₁ W₂ W₃, for several runs at once', () => {
    const spec: MlpSpec = { widths: [3, 4, 2, 2], activation: 'linear', bias: false };
    const thetas = [mlpInit(spec, createRng(1)), mlpInit(spec, createRng(2))];
    const X = [
      [1, 2, 3],
      [-1, 0.5, 2],
    ];
    const out = tf.tidy(() =>
      mlpForward(
        spec,
        tf.tensor2d(
          thetas.flatMap((t) => [...t]),
          [2, thetas[0]!.length],
        ),
        tf.tensor2d(X),
      ).arraySync(),
    );
    thetas.forEach((theta, r) => {
      let h = X.map((row) => row.slice());
      for (const l of mlpLayers(spec)) {
        h = h.map((row) => Array.from({ length: l.fanOut }, (_, j) => row.reduce((a, v, i) => a + v * theta[l.w + i * l.fanOut + j]!, 0)));
      }
      h.forEach((row, n) => row.forEach((v, k) => expect(out[r]![n]![k]).toBeCloseTo(v, 5)));
    });
  });

  it('gives the one-unit ReLU regression f(x) = v·ReLU(wx + b) + c for θ = (w, b, v, c)', () => {
    const spec: MlpSpec = { widths: [1, 1, 1], activation: 'relu', bias: true };
    const xs = [-1, 1, 3, 4, 5];
    const out = tf.tidy(() =>
      mlpForward(
        spec,
        tf.tensor2d([
          [1, -3, 1, 0],
          [-7, -4, 1, 0],
        ]),
        tf.tensor2d(xs.map((x) => [x])),
      ).arraySync(),
    );
    expect(out[0]!.map((r) => r[0])).toEqual(xs.map((x) => Math.max(0, x - 3)));
    expect(out[1]!.map((r) => r[0])).toEqual(xs.map((x) => Math.max(0, -7 * x - 4)));
  });

  it('initialises with He variance before ReLU and Glorot variance before tanh', () => {
    const relu = mlpInit({ widths: [400, 300, 1], activation: 'relu', bias: true }, createRng(1)).slice(0, 400 * 300);
    const tanh = mlpInit({ widths: [400, 300, 1], activation: 'tanh', bias: true }, createRng(1)).slice(0, 400 * 300);
    const variance = (v: Float32Array) => v.reduce((a, x) => a + x * x, 0) / v.length;
    expect(variance(relu)).toBeCloseTo(2 / 400, 4);
    expect(variance(tanh)).toBeCloseTo(2 / 700, 4);
  });
});
