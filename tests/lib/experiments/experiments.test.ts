import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { experiments, runExperiment } from '../../../src/lib/experiments/index.ts';
import type { ToyHessianResult } from '../../../src/lib/experiments/toy-hessian.ts';
import type { ReluRegressionResult } from '../../../src/lib/experiments/relu-regression-minima.ts';
import type { MlpSpectrumResult } from '../../../src/lib/experiments/mlp-spectrum.ts';
import { symmetricEigen2, twoWeightLoss } from '../../../src/lib/models/two-weight.ts';
import { makeSinc } from '../../../src/lib/data/sinc.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

const plain = (r: unknown) => JSON.parse(JSON.stringify(r));

/** min over a (w, b) grid of the least-squares SSE of v·ReLU(wx + b) + c on D1, solving (v, c) exactly. */
function bruteForceD1(): number {
  const pts = [
    [5, 2],
    [4, 1],
    [3, 0],
    [1, -3],
    [-1, 3],
  ] as const;
  let best = Infinity;
  for (let i = 0; i <= 400; i++) {
    for (let j = 0; j <= 400; j++) {
      const w = -20 + i / 10,
        b = -60 + (3 * j) / 10;
      const h = pts.map(([x]) => Math.max(0, w * x + b));
      const n = pts.length,
        sh = h.reduce((a, v) => a + v, 0),
        shh = h.reduce((a, v) => a + v * v, 0);
      const sy = pts.reduce((a, p) => a + p[1], 0),
        shy = h.reduce((a, v, k) => a + v * pts[k]![1], 0);
      const det = n * shh - sh * sh;
      const [v, c] = Math.abs(det) < 1e-12 ? [0, sy / n] : [(n * shy - sh * sy) / det, (shh * sy - sh * shy) / det];
      best = Math.min(
        best,
        pts.reduce((a, p, k) => a + (p[1] - v * h[k]! - c) ** 2, 0),
      );
    }
  }
  return best;
}

describe('the experiment registry', () => {
  it('lists at least the toy Hessian, the ReLU regression minima and the MLP spectrum, each with a description', () => {
    for (const id of ['toy-hessian', 'relu-regression-minima', 'mlp-spectrum'] as const) {
      expect(experiments[id].description.length).toBeGreaterThan(20);
    }
    for (const [id, e] of Object.entries(experiments)) expect(e.id).toBe(id);
  });

  it('rejects bad configs naming the field, and unknown experiments naming the known ones', async () => {
    await expect(runExperiment({ id: 'toy-hessian', config: { w1: Number.NaN }, seed: 1 })).rejects.toThrow(/w1: w1 must be a number/);
    await expect(runExperiment({ id: 'mlp-spectrum', config: { hidden: [-3] }, seed: 1 })).rejects.toThrow(
      /hidden\.0: every hidden width must be at least 1/,
    );
    await expect(runExperiment({ id: 'mlp-spectrum', config: { activation: 'swish' }, seed: 1 })).rejects.toThrow(/activation/);
    await expect(runExperiment({ id: 'mlp-spectrum', config: { optimizer: { kind: 'adam', lr: -0.1 } }, seed: 1 })).rejects.toThrow(
      /optimizer\.lr/,
    );
    await expect(runExperiment({ id: 'nope', seed: 1 })).rejects.toThrow(/known: toy-hessian/);
  });
});

describe('toy-hessian', () => {
  it('finds the saddle at the origin: eigenvalues −2 and 2, and escaping by 1 gives L = 0.25 against the model’s 0', async () => {
    const r = (await runExperiment({ id: 'toy-hessian', seed: 1 })) as ToyHessianResult;
    expect(r).toEqual(plain(r));
    expect(r.loss).toBe(1);
    expect(r.hessian).toEqual([
      [0, -2],
      [-2, 0],
    ]);
    expect(r.eigenvalues).toEqual([-2, 2]);
    expect(r.classification.verdict).toBe('saddle');
    expect(r.escape!.loss).toBeCloseTo(0.25, 6);
    expect(r.escape!.quadraticModel).toBeCloseTo(0, 12);
    expect(Math.abs(r.escape!.direction[0])).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('calls the valley point (1, 1) degenerate, with eigenvalues 0 and 4, and (0.5, 0.5) not critical', async () => {
    const valley = (await runExperiment({ id: 'toy-hessian', config: { w1: 1, w2: 1 }, seed: 1 })) as ToyHessianResult;
    expect(valley.classification.verdict).toBe('degenerate');
    expect(valley.eigenvalues[0]).toBeCloseTo(0, 5);
    expect(valley.eigenvalues[1]).toBeCloseTo(4, 5);
    expect(valley.escape).toBeUndefined();
    const slope = (await runExperiment({ id: 'toy-hessian', config: { w1: 0.5, w2: 0.5 }, seed: 1 })) as ToyHessianResult;
    expect(slope.classification.verdict).toBe('not-critical');
    expect(slope.loss).toBeCloseTo(twoWeightLoss([0.5, 0.5]), 6);
  });
});

describe('relu-regression-minima', () => {
  it('reproduces the loss 18 point of data set D1 as a point no small perturbation improves, and the loss 14 point', async () => {
    const r = (await runExperiment({
      id: 'relu-regression-minima',
      config: { starts: 64, steps: 1500, probes: 500 },
      seed: 3,
    })) as ReluRegressionResult;
    expect(r).toEqual(plain(r));
    const [bad, better] = r.published;
    expect(bad!.loss).toBeCloseTo(18, 4);
    expect(bad!.probe.negative).toBe(0);
    expect(bad!.probe.min).toBeGreaterThan(-1e-4);
    expect(bad!.kinks).toBe(1); // x = 3 sits exactly on the kink of ReLU(x − 3)
    expect(better!.loss).toBeCloseTo(14, 4);
    expect(r.descent.finalLosses.length + r.descent.diverged).toBe(64);
    // 14 is the global minimum of D1: a brute-force search over (w, b) with the best (v, c) for each finds no lower loss.
    expect(bruteForceD1()).toBeCloseTo(14, 6);
    expect(Math.min(...r.descent.finalLosses)).toBeCloseTo(14, 2);
    expect(Math.min(...r.descent.finalLosses)).toBeGreaterThan(14 - 1e-3);
  });
});

describe('mlp-spectrum', () => {
  it('gives the exact spectrum of the linear least-squares Hessian (2/N) Σ [x, 1]ᵀ[x, 1] when there is no hidden layer', async () => {
    const r = (await runExperiment({
      id: 'mlp-spectrum',
      config: { dataset: { id: 'sinc', params: { n: 20 } }, hidden: [], steps: 50 },
      seed: 5,
    })) as MlpSpectrumResult;
    const data = makeSinc({ n: 20, range: 3, noise: 0, sampling: 'grid', seed: 1 }, createRng(1));
    const xs = Array.from(data.inputs);
    const N = xs.length;
    const H: [[number, number], [number, number]] = [
      [(2 / N) * xs.reduce((a, x) => a + x * x, 0), (2 / N) * xs.reduce((a, x) => a + x, 0)],
      [(2 / N) * xs.reduce((a, x) => a + x, 0), 2],
    ];
    const expected = symmetricEigen2(H).values;
    expect(r.parameters).toBe(2);
    expect(r.eigenvalues[0]).toBeCloseTo(expected[0], 4);
    expect(r.eigenvalues[1]).toBeCloseTo(expected[1], 4);
    expect(r.classification.positiveFraction).toBe(1);
  });

  it('trains a tanh network, returns an ascending spectrum of P eigenvalues and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const r = (await runExperiment({
      id: 'mlp-spectrum',
      config: { hidden: [6], steps: 800, criticalSteps: 200 },
      seed: 2,
    })) as MlpSpectrumResult;
    expect(tf.memory().numTensors).toBe(before);
    expect(r).toEqual(plain(r));
    expect(r.eigenvalues).toHaveLength(r.parameters);
    expect(r.parameters).toBe(1 * 6 + 6 + 6 * 1 + 1);
    for (let i = 1; i < r.eigenvalues.length; i++) expect(r.eigenvalues[i]).toBeGreaterThanOrEqual(r.eigenvalues[i - 1]!);
    expect(r.history.at(-1)!.loss).toBeLessThan(r.history[0]!.loss);
    const { positive, negative, zero } = r.classification;
    expect(positive + negative + zero).toBe(r.parameters);
  });

  it('refuses a network too large for a full spectrum, saying which setting to change', async () => {
    await expect(runExperiment({ id: 'mlp-spectrum', config: { hidden: [60, 60] }, seed: 1 })).rejects.toThrow(
      /hidden: the network has 3841 parameters/,
    );
  });
});
