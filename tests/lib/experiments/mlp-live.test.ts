// mlp-train-step and mlp-probe-spectrum against an independent float64 MLP, finite differences and a closed-form saddle.
import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import { divergenceThreshold } from '../../../src/lib/train/divergence.ts';
import { MAX_LIVE_PARAMETERS, type MlpProbeSpectrumResult, type MlpTrainStepResult } from '../../../src/lib/experiments/mlp-live.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { makeJellyfish } from '../../../src/lib/data/jellyfish.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

const train = (config: object, seed = 1) => runExperiment({ id: 'mlp-train-step', config, seed }) as Promise<MlpTrainStepResult>;
const probe = (config: object, seed = 1) => runExperiment({ id: 'mlp-probe-spectrum', config, seed }) as Promise<MlpProbeSpectrumResult>;

const ACT: Record<string, (z: number) => number> = {
  tanh: Math.tanh,
  softplus: (z) => Math.log1p(Math.exp(z)),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
};

/**
 * The MSE of an MLP in float64, written from the layout documented in models/mlp.ts (per layer W row-major
 * fan_in × fan_out, then b), independently of tfjs.
 */
function mseLoss(widths: number[], act: string, x: ArrayLike<number>, y: ArrayLike<number>, n: number) {
  return (theta: ArrayLike<number>): number => {
    let total = 0;
    for (let s = 0; s < n; s++) {
      let h = Array.from({ length: widths[0]! }, (_, i) => x[s * widths[0]! + i]!);
      let at = 0;
      for (let l = 0; l + 1 < widths.length; l++) {
        const [fi, fo] = [widths[l]!, widths[l + 1]!];
        const z = Array.from({ length: fo }, (_, j) => {
          let v = theta[at + fi * fo + j]!;
          for (let i = 0; i < fi; i++) v += h[i]! * theta[at + i * fo + j]!;
          return v;
        });
        at += fi * fo + fo;
        h = l + 2 < widths.length ? z.map(ACT[act]!) : z;
      }
      h.forEach((v, k) => (total += (v - y[s * h.length + k]!) ** 2));
    }
    return total / (n * widths.at(-1)!);
  };
}

/** Central-difference Hessian of a float64 function: error O(h²) plus round-off O(ε/h²). */
function fdHessian(f: (t: number[]) => number, theta: number[], h = 1e-4): Float64Array {
  const P = theta.length;
  const H = new Float64Array(P * P);
  const at = (i: number, si: number, j: number, sj: number) => {
    const t = theta.slice();
    t[i]! += si * h;
    t[j]! += sj * h;
    return f(t);
  };
  for (let i = 0; i < P; i++) {
    for (let j = i; j < P; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      H[i * P + j] = v;
      H[j * P + i] = v;
    }
  }
  return H;
}

function fdGradient(f: (t: number[]) => number, theta: number[], h = 1e-6): number[] {
  return theta.map((_, i) => {
    const [p, m] = [theta.slice(), theta.slice()];
    p[i]! += h;
    m[i]! -= h;
    return (f(p) - f(m)) / (2 * h);
  });
}

/** θ with float32-representable entries, so tfjs and the float64 reference start from the same point. */
const randomTheta = (P: number, seed: number, scale = 0.8) => {
  const rng = createRng(seed);
  return Array.from(Float32Array.from({ length: P }, () => scale * rng.normal()));
};

const jelly = makeJellyfish();
const jellyfish = { id: 'jellyfish', params: {} };

describe('mlp-train-step', () => {
  it('continues exactly where it stopped: 50 + 50 steps give the θ, optimiser state and losses of 100 steps', async () => {
    for (const optimizer of [
      { kind: 'adam', lr: 0.02 },
      { kind: 'momentum', lr: 0.05 },
      { kind: 'gd', lr: 0.1 },
    ]) {
      const base = { hidden: [6], optimizer };
      const whole = await train({ ...base, steps: 100 });
      const first = await train({ ...base, steps: 50 });
      const second = await train({ ...base, steps: 50, theta: first.theta, optimizerState: first.optimizerState });
      expect(second.step).toBe(100);
      expect(second.theta).toEqual(whole.theta);
      expect(second.optimizerState).toEqual(whole.optimizerState);
      expect([...first.history, ...second.history]).toEqual(whole.history);
      expect(whole.history.map((h) => h.step)).toEqual(Array.from({ length: 101 }, (_, i) => i));
      expect(whole.history.at(-1)!.loss).toBeLessThan(whole.history[0]!.loss);
    }
  });

  it('takes the step θ − η∇L of gradient descent, with the loss and gradient of an independent float64 network', async () => {
    const widths = [2, 3, 1];
    const P = 2 * 3 + 3 + 3 + 1;
    const theta = randomTheta(P, 7);
    const f = mseLoss(widths, 'tanh', jelly.inputs, jelly.targets, jelly.n);
    const g = fdGradient(f, theta);
    const r = await train({
      dataset: jellyfish,
      hidden: [3],
      optimizer: { kind: 'gd', lr: 0.1 },
      steps: 1,
      theta,
      optimizerState: { t: 0 },
    });
    expect(r.parameters).toBe(P);
    expect(r.history[0]!.step).toBe(0);
    expect(r.history[0]!.loss).toBeCloseTo(f(theta), 6);
    r.theta.forEach((v, i) => expect(v).toBeCloseTo(theta[i]! - 0.1 * g[i]!, 5));
    expect(r.gradNorm).toBeCloseTo(Math.hypot(...fdGradient(f, r.theta)), 5);
  });

  it('records losses at global multiples of recordEvery and the last step, without repeating the chunk’s first step', async () => {
    const a = await train({ steps: 30, recordEvery: 10 });
    expect(a.history.map((h) => h.step)).toEqual([0, 10, 20, 30]);
    const b = await train({ steps: 25, recordEvery: 10, theta: a.theta, optimizerState: a.optimizerState });
    expect(b.history.map((h) => h.step)).toEqual([40, 50, 55]);
  });

  it('reports a diverging run (gradient descent with η = 5 on sinc) and returns its last finite θ', async () => {
    const r = await train({ optimizer: { kind: 'gd', lr: 5 }, steps: 200 });
    expect(r.diverged).not.toBeNull();
    const last = r.diverged!.loss;
    expect(!Number.isFinite(last) || last > divergenceThreshold(r.history[0]!.loss)).toBe(true);
    expect(r.history.at(-1)).toEqual(r.diverged);
    expect(r.step).toBe(r.diverged!.step - 1);
    expect(r.step).toBeLessThan(200);
    expect(r.theta.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(r.optimizerState).toEqual({ t: r.step });
  });

  it('refuses a θ of the wrong length, a net too large for a live spectrum, and a mismatched optimiser state', async () => {
    await expect(train({ hidden: [3], theta: [1, 2, 3] })).rejects.toThrow(/theta: has 3 numbers, but widths 1-3-1 have 10 parameters/);
    await expect(train({ hidden: [30, 30] })).rejects.toThrow(
      new RegExp(`hidden: widths 1-30-30-1 give 1021 parameters; a live Hessian spectrum is limited to ${MAX_LIVE_PARAMETERS}`),
    );
    await expect(train({ hidden: [3], optimizerState: { t: 4, m: [0, 0] } })).rejects.toThrow(
      /optimizerState\.m: has 2 numbers, expected 10/,
    );
    await expect(train({ theta: [Number.NaN] })).rejects.toThrow(/theta/);
  });
});

describe('mlp-probe-spectrum', () => {
  it.each(['tanh', 'softplus', 'sigmoid'])(
    'equals the eigenvalues of a float64 finite-difference Hessian (%s, widths 2-3-2-1), whose trace is their sum',
    async (activation) => {
      const widths = [2, 3, 2, 1];
      const P = 2 * 3 + 3 + 3 * 2 + 2 + 2 + 1;
      const theta = randomTheta(P, 11);
      const f = mseLoss(widths, activation, jelly.inputs, jelly.targets, jelly.n);
      const H = fdHessian(f, theta);
      const expected = symmetricEigen(H, P).values;
      const r = await probe({ dataset: jellyfish, hidden: [3, 2], activation, theta });
      expect(r.parameters).toBe(P);
      expect(r.widths).toEqual(widths);
      expect(r.eigenvalues).toHaveLength(P);
      r.eigenvalues.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(2e-5 * Math.max(1, Math.abs(expected[i]!))));
      let trace = 0;
      for (let i = 0; i < P; i++) trace += H[i * P + i]!;
      expect(r.trace).toBeCloseTo(trace, 4);
      expect(r.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(r.trace, 6);
      expect(r.lambdaMin).toBe(r.eigenvalues[0]);
      expect(r.lambdaMax).toBe(r.eigenvalues[P - 1]);
      expect(r.loss).toBeCloseTo(f(theta), 6);
      expect(r.gradNorm).toBeCloseTo(Math.hypot(...fdGradient(f, theta)), 5);
    },
  );

  it('calls θ* = (0, …, 0, c = ȳ) on jellyfish a saddle, with the closed-form spectrum {2, ±‖g‖ (m times), 0 (2m times)}', async () => {
    // With all weights 0 and the output bias at the mean target, every residual sums to zero and every hidden unit
    // is 0, so ∇L = 0. The Hessian couples each output weight v_j only with its input weights w_j, through
    // g = (2/N) Σ_n (ȳ − y_n) x_n = ½((−0.3, 0.3)), giving ±‖g‖ per unit; ∂²L/∂c² = 2; everything else is 0.
    const m = 3;
    const P = 2 * m + m + m + 1;
    const theta = Array.from({ length: P }, (_, i) => (i === P - 1 ? 0.5 : 0));
    const g = Math.hypot(0.15, 0.15);
    const r = await probe({ dataset: jellyfish, hidden: [m], activation: 'tanh', theta });
    expect(r.gradNorm).toBeLessThan(1e-7);
    const expected = [...Array(m).fill(-g), ...Array(2 * m).fill(0), ...Array(m).fill(g), 2];
    r.eigenvalues.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(r.classification).toMatchObject({ verdict: 'saddle', positive: m + 1, negative: m, zero: 2 * m });
    expect(r.classification.positiveFraction).toBeCloseTo((m + 1) / P, 12);
  });

  it('calls a network without hidden layer a minimum once trained, and a fresh one not yet critical', async () => {
    // Linear least squares is convex: its Hessian (2/N)Σ[x,1]ᵀ[x,1] is positive definite, so the only critical point is the minimum.
    const fresh = await probe({ hidden: [], theta: [1, 1] });
    expect(fresh.classification.verdict).toBe('not-critical');
    const trained = await train({ hidden: [], optimizer: { kind: 'gd', lr: 0.3 }, steps: 400 });
    const r = await probe({ hidden: [], theta: trained.theta });
    expect(r.gradNorm).toBeLessThan(1e-3);
    expect(r.classification.verdict).toBe('local-minimum');
    expect(r.classification.positiveFraction).toBe(1);
  });

  it('starts from the seed’s θ₀ when no θ is given, the same θ₀ the training chunks start from, and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const atInit = await probe({ hidden: [4] }, 9);
    const oneStep = await train({ hidden: [4], steps: 1 }, 9);
    expect(atInit.loss).toBeCloseTo(oneStep.history[0]!.loss, 7);
    expect(tf.memory().numTensors).toBe(before);
  });
});
