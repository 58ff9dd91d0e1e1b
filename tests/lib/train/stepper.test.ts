// The stepper: one evaluation per full-batch step, minibatch evaluations only where read, exact resume, one divergence rule.
import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { mlpObjective, type Objective } from '../../../src/lib/models/objective.ts';
import { mlpInit, type MlpSpec } from '../../../src/lib/models/mlp.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { runStepper } from '../../../src/lib/train/stepper.ts';
import { tensorEngine } from '../../../src/lib/train/tensor-engine.ts';
import { arrayEngine } from '../../../src/lib/train/array-engine.ts';
import { DIVERGENCE_FACTOR, divergenceThreshold } from '../../../src/lib/train/divergence.ts';
import type { OptimizerConfig } from '../../../src/lib/train/optimizers.ts';

const X = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5];
const Y = X.map((x) => Math.sin(x) + 0.3 * x);
const spec: MlpSpec = { widths: [1, 4, 1], activation: 'tanh', bias: true };

/** The objective, counting full-batch and minibatch loss evaluations. */
function counted(): { objective: Objective; full: () => number; batch: () => number } {
  const inner = mlpObjective(spec, 'mse', X, Y, X.length);
  let full = 0;
  let batch = 0;
  const objective: Objective = {
    P: inner.P,
    n: inner.n,
    loss: (t, b) => {
      if (b) batch++;
      else full++;
      return inner.loss(t, b);
    },
    dispose: () => inner.dispose(),
  };
  return { objective, full: () => full, batch: () => batch };
}
const starts = (R: number) => Float32Array.from(Array.from({ length: R }, (_, r) => [...mlpInit(spec, createRng(r + 1))]).flat());
const adam: OptimizerConfig = { kind: 'adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

describe('runStepper', () => {
  it('evaluates L and ∇L once per full-batch step: n + 1 evaluations for n updates', async () => {
    const c = counted();
    const engine = tensorEngine(c.objective, starts(3), 3, adam);
    const r = await runStepper(engine, 40, { recordEvery: 10 });
    engine.dispose();
    c.objective.dispose();
    expect(c.full()).toBe(41);
    expect(c.batch()).toBe(0);
    expect(r.history.map((h) => h.step)).toEqual([0, 10, 20, 30, 40]);
    expect(r.state.t).toBe(40);
  });

  it('with minibatches evaluates the full batch only at history steps and the last step, unless a tolerance is tested', async () => {
    for (const [gradTol, fullEvaluations] of [
      [0, 5], // steps 0, 10, 20, 30, 40
      [1e-9, 41], // every step: the run must stop at the first step its tolerance holds
    ] as const) {
      const c = counted();
      const engine = tensorEngine(c.objective, starts(2), 2, adam);
      await runStepper(engine, 40, { batchSize: 3, recordEvery: 10, gradTol, rng: createRng(4) });
      engine.dispose();
      c.objective.dispose();
      expect(c.batch()).toBe(40);
      expect(c.full()).toBe(fullEvaluations);
    }
  });

  it('resumes exactly: 50 + 50 steps give the θ, state and history of 100, with masks and stopped runs', async () => {
    const obj = mlpObjective(spec, 'mse', X, Y, X.length);
    const masks = new Float32Array(3 * obj.P).fill(1);
    masks.fill(0, obj.P, obj.P + 4); // run 1 keeps its first-layer weights
    const options = { recordEvery: 7, gradTol: 0.05 };
    const whole = tensorEngine(obj, starts(3), 3, adam, masks);
    const all = await runStepper(whole, 100, options);
    whole.dispose();
    const first = tensorEngine(obj, starts(3), 3, adam, masks);
    const a = await runStepper(first, 50, options);
    first.dispose();
    const second = tensorEngine(obj, a.thetas, 3, adam, masks, JSON.parse(JSON.stringify(a.state)));
    const b = await runStepper(second, 50, options, JSON.parse(JSON.stringify(a.state)));
    second.dispose();
    obj.dispose();
    expect(b.thetas).toEqual(all.thetas);
    expect(b.state).toEqual(all.state);
    // The chunk's last step (50) is recorded too, so the page can show where a chunk ended.
    expect([...a.history, ...b.history].filter((h) => h.step !== 50)).toEqual(all.history);
    expect(all.runs.map((run) => run.state)).toContain('converged');
    expect(b.runs).toEqual(all.runs);
    expect(all.thetas.slice(obj.P, obj.P + 4)).toEqual(Array.from(starts(3).slice(obj.P, obj.P + 4)));
  });

  it('stops a run whose loss passes 10⁶·(L₀ + 1), long before float32 overflows, keeping the θ before that step', async () => {
    const obj = mlpObjective(spec, 'mse', X, Y, X.length);
    const engine = tensorEngine(obj, starts(2), 2, { kind: 'gd', lr: 40 });
    const r = await runStepper(engine, 500, { recordEvery: 1, recordThetas: true });
    engine.dispose();
    obj.dispose();
    expect(DIVERGENCE_FACTOR).toBe(1e6);
    for (const [i, run] of r.runs.entries()) {
      expect(run.state).toBe('diverged');
      const L0 = r.history[0]!.losses[i]!;
      expect(run.divergedLoss).toBeGreaterThan(divergenceThreshold(L0));
      expect(Number.isFinite(run.divergedLoss)).toBe(true);
      const before = r.history.find((h) => h.step === run.steps - 1)!;
      expect(run.loss).toBe(before.losses[i]);
      expect(r.thetas.slice(i * 13, (i + 1) * 13)).toEqual(before.thetas!.slice(i * 13, (i + 1) * 13));
    }
  });

  it('runs a float64 model with the same update rules as the tfjs engine (Adam on a quadratic, to float32 rounding)', async () => {
    // L(θ) = Σ (θᵢ − i)², the same in both engines: the tensor one through an Objective, the array one in closed form.
    const P = 3;
    const target = tf.keep(tf.tensor2d([[0, 1, 2]]));
    const quadratic: Objective = {
      P,
      n: 1,
      loss: (t) => tf.sum(tf.square(tf.sub(t, target)), 1) as tf.Tensor1D,
      dispose: () => target.dispose(),
    };
    const f = (t: readonly number[]) => ({ loss: t.reduce((s, x, i) => s + (x - i) ** 2, 0), grad: t.map((x, i) => 2 * (x - i)) });
    const theta0 = [1.5, -0.5, 0.25];
    for (const optimizer of [adam, { kind: 'momentum', lr: 0.05, beta: 0.9 } as const]) {
      const e32 = tensorEngine(quadratic, theta0, 1, optimizer);
      const r32 = await runStepper(e32, 60);
      e32.dispose();
      const r64 = await runStepper(arrayEngine(f, theta0, 1, optimizer), 60);
      r64.thetas.forEach((v, i) => expect(Math.abs(v - r32.thetas[i]!)).toBeLessThan(1e-5));
      expect(r64.state.t).toBe(60);
    }
    quadratic.dispose();
  });
});
