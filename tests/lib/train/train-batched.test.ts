import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { mlpObjective } from '../../../src/lib/models/objective.ts';
import { mlpInit, type MlpSpec } from '../../../src/lib/models/mlp.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { AbortError, trainBatched, trainConfigSchema } from '../../../src/lib/train/train-batched.ts';
import { parseConfig } from '../../../src/lib/config/parse.ts';

// y = 2x₁ − x₂ + 0.5 + noise-free perturbation: least squares has a closed form to compare with.
const X = [
  [0, 1],
  [1, 0],
  [1, 1],
  [2, 1],
  [-1, 0.5],
  [0.5, -1],
];
const y = X.map(([a, b]) => 2 * a! - b! + 0.5 + 0.1 * Math.sin(7 * a! + b!));
const linear: MlpSpec = { widths: [2, 1], activation: [], bias: true };
const objective = () => mlpObjective(linear, 'mse', X.flat(), y, X.length);

/** Least squares [w₁, w₂, b] by the normal equations (3×3, Cramer's rule). */
function leastSquares(): number[] {
  const A = X.map(([a, b]) => [a!, b!, 1]);
  const AtA = [0, 1, 2].map((i) => [0, 1, 2].map((j) => A.reduce((s, r) => s + r[i]! * r[j]!, 0)));
  const Aty = [0, 1, 2].map((i) => A.reduce((s, r, n) => s + r[i]! * y[n]!, 0));
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const D = det(AtA);
  return [0, 1, 2].map((c) => det(AtA.map((row, i) => row.map((v, j) => (j === c ? Aty[i]! : v)))) / D);
}

const ctx = { rng: createRng(1) };

describe('trainBatched', () => {
  it('finds the least-squares solution of a linear model with gradient descent', async () => {
    const obj = objective();
    const { thetas, runs } = await trainBatched(
      obj,
      new Float32Array(3),
      1,
      trainConfigSchema.parse({ optimizer: { kind: 'gd', lr: 0.1 }, steps: 3000, gradTol: 1e-5 }),
      ctx,
    );
    const [w1, w2, b] = leastSquares();
    expect(thetas[0]).toBeCloseTo(w1!, 3);
    expect(thetas[1]).toBeCloseTo(w2!, 3);
    expect(thetas[2]).toBeCloseTo(b!, 3);
    expect(runs[0]!.state).toBe('converged');
    expect(runs[0]!.gradNorm).toBeLessThanOrEqual(1e-5);
    obj.dispose();
  });

  it('reports a diverging run with its step and keeps its last finite parameters', async () => {
    const obj = objective();
    const { thetas, runs } = await trainBatched(
      obj,
      new Float32Array(3),
      1,
      trainConfigSchema.parse({ optimizer: { kind: 'gd', lr: 50 }, steps: 500 }),
      ctx,
    );
    expect(runs[0]!.state).toBe('diverged');
    expect(runs[0]!.steps).toBeGreaterThan(0);
    expect(runs[0]!.steps).toBeLessThan(500);
    expect(Number.isFinite(runs[0]!.loss)).toBe(true);
    expect(thetas.every(Number.isFinite)).toBe(true);
    obj.dispose();
  });

  it('gives each run of a batch the result it would get alone, and stops runs independently', async () => {
    const spec: MlpSpec = { widths: [2, 4, 1], activation: 'tanh', bias: true };
    const obj = mlpObjective(spec, 'mse', X.flat(), y, X.length);
    const starts = [mlpInit(spec, createRng(1)), mlpInit(spec, createRng(2)), mlpInit(spec, createRng(3))];
    const P = starts[0]!.length;
    const config = trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps: 300 });
    const batched = await trainBatched(obj, Float32Array.from(starts.flatMap((s) => [...s])), 3, config, ctx);
    for (let r = 0; r < 3; r++) {
      const alone = await trainBatched(obj, starts[r]!, 1, config, ctx);
      expect(batched.runs[r]!.loss).toBeCloseTo(alone.runs[0]!.loss, 5);
      for (let i = 0; i < P; i++) expect(batched.thetas[r * P + i]).toBeCloseTo(alone.thetas[i]!, 4);
    }
    expect(batched.history.at(-1)!.losses[0]).toBeLessThan(batched.history[0]!.losses[0]!);
    obj.dispose();
  });

  it('trains with momentum and with minibatch SGD, reproducibly for a seed', async () => {
    const obj = objective();
    const sgd = trainConfigSchema.parse({ optimizer: { kind: 'momentum', lr: 0.02 }, steps: 400, batchSize: 3 });
    const a = await trainBatched(obj, new Float32Array(3), 1, sgd, { rng: createRng(5) });
    const b = await trainBatched(obj, new Float32Array(3), 1, sgd, { rng: createRng(5) });
    expect(Array.from(a.thetas)).toEqual(Array.from(b.thetas));
    expect(a.runs[0]!.loss).toBeLessThan(a.history[0]!.losses[0]! / 10);
    obj.dispose();
  });

  it('leaves no tensor behind, neither after a run nor after a cancelled one', async () => {
    const obj = objective();
    const before = tf.memory().numTensors;
    await trainBatched(obj, new Float32Array(6), 2, trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps: 10_000 }), ctx);
    expect(tf.memory().numTensors).toBe(before);
    const controller = new AbortController();
    const run = trainBatched(
      obj,
      new Float32Array(3),
      1,
      trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps: 100_000 }),
      {
        ...ctx,
        signal: controller.signal,
        onProgress: ({ step }) => {
          if (step >= 100) controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(tf.memory().numTensors).toBe(before);
    obj.dispose();
  });
});

describe('trainConfigSchema', () => {
  it('rejects bad settings with a message naming the field', () => {
    const msg = (input: unknown) => {
      try {
        parseConfig(trainConfigSchema, input, 'training config');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg({ optimizer: { kind: 'gd', lr: -1 }, steps: 10 })).toContain(
      'optimizer.lr: the learning rate lr must be a positive finite number',
    );
    expect(msg({ optimizer: { kind: 'gd', lr: Number.NaN }, steps: 10 })).toContain(
      'optimizer.lr: the learning rate lr must be a positive finite number',
    );
    expect(msg({ optimizer: { kind: 'gd', lr: Infinity }, steps: 10 })).toContain('optimizer.lr');
    expect(msg({ optimizer: { kind: 'adam', lr: 0.1 }, steps: 0 })).toContain('steps: steps must be at least 1');
    expect(msg({ optimizer: { kind: 'newton', lr: 0.1 }, steps: 5 })).toContain('optimizer.kind');
    expect(msg({ optimizer: { kind: 'gd', lr: 0.1 }, steps: 5 })).toBe('');
  });
});

describe('runs of different widths in one batch', () => {
  it('train each embedded network exactly as it trains alone, keeping its extra units at zero', async () => {
    const { widthMask, initEmbedded } = await import('../../../src/lib/models/width-mask.ts');
    const widest: MlpSpec = { widths: [2, 7, 1], activation: 'tanh', bias: true };
    const obj = mlpObjective(widest, 'mse', X.flat(), y, X.length);
    const widths = [2, 5, 7];
    const starts = widths.map((h) => initEmbedded(widest, [h], createRng(h)));
    const masks = widths.map((h) => widthMask(widest, [h]));
    const config = trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps: 300 });
    const batch = await trainBatched(obj, Float32Array.from(starts.flatMap((s) => [...s])), 3, config, {
      rng: createRng(1),
      masks: Float32Array.from(masks.flatMap((m) => [...m])),
    });
    const P = obj.P;
    for (const [r, h] of widths.entries()) {
      const narrow: MlpSpec = { widths: [2, h, 1], activation: 'tanh', bias: true };
      const alone = mlpObjective(narrow, 'mse', X.flat(), y, X.length);
      const result = await trainBatched(alone, mlpInit(narrow, createRng(h)), 1, config, { rng: createRng(1) });
      expect(batch.runs[r]!.loss).toBeCloseTo(result.runs[0]!.loss, 5);
      for (let i = 0; i < P; i++) if (!masks[r]![i]) expect(batch.thetas[r * P + i]).toBe(0);
      alone.dispose();
    }
    obj.dispose();
  });

  it('refuses a width outside the widest network', async () => {
    const { widthMask } = await import('../../../src/lib/models/width-mask.ts');
    expect(() => widthMask({ widths: [2, 4, 1], activation: 'relu', bias: true }, [5])).toThrow(/outside 1…4/);
  });
});
