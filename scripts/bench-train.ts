// Times the full-batch training step of the stepper against the loop it replaced, on the same problem and backend.
//
// `trainBatchedTwoEvaluations` below is a faithful copy of src/lib/train/train-batched.ts before the stepper
// (commit 31fe986): each step evaluated L and ∇L once for stopping and history, read θ back for the last
// finite copy, then evaluated ∇L again for the update and blended stopped rows in. It is kept only as the
// baseline of `npm run bench`; nothing else may call it.
import { readTensors, tf, tidyObject } from '../src/lib/autodiff/tf.ts';
import { rowLossesAndGradients } from '../src/lib/autodiff/derivatives.ts';
import { makeDataset } from '../src/lib/data/index.ts';
import { mlpInit, type MlpSpec } from '../src/lib/models/mlp.ts';
import { mlpObjective, type Objective } from '../src/lib/models/objective.ts';
import { createRng } from '../src/lib/random/rng.ts';
import { optimizerStep, type OptimizerConfig, type OptimizerState } from '../src/lib/train/optimizers.ts';
import { trainBatched, trainConfigSchema } from '../src/lib/train/train-batched.ts';

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The old full-batch loop (two evaluations of L and ∇L per step), verbatim but for minibatches and progress. */
export async function trainBatchedTwoEvaluations(
  objective: Objective,
  thetas: Float32Array,
  runs: number,
  config: { optimizer: OptimizerConfig; steps: number; gradTol: number; recordEvery: number },
): Promise<{ thetas: Float32Array; losses: number[] }> {
  const P = objective.P;
  const result = Array.from({ length: runs }, () => ({ loss: NaN, gradNorm: NaN, steps: 0, state: 'finished' }));
  const history: { step: number; losses: number[] }[] = [];
  const active = new Float32Array(runs).fill(1);
  let theta = tf.keep(tf.tensor2d(thetas, [runs, P]));
  const lastFinite = Float32Array.from(thetas);
  let state: OptimizerState = { t: 0 };
  const keepState = (s: OptimizerState) => {
    if (s.m) tf.keep(s.m);
    if (s.v) tf.keep(s.v);
    return s;
  };
  const disposeState = (s: OptimizerState) => {
    s.m?.dispose();
    s.v?.dispose();
  };
  try {
    for (let step = 0; step <= config.steps; step++) {
      const [losses, norms] = readTensors(() => {
        const { value, grad } = rowLossesAndGradients((t) => objective.loss(t), theta);
        return [value, tf.sqrt(tf.sum(tf.square(grad), 1))];
      }) as [Float32Array, Float32Array];
      const current = theta.dataSync();
      for (let r = 0; r < runs; r++) {
        if (!active[r]) continue;
        const run = result[r]!;
        run.steps = step;
        if (!Number.isFinite(losses[r]!) || !Number.isFinite(norms[r]!)) {
          run.state = 'diverged';
          active[r] = 0;
          continue;
        }
        run.loss = losses[r]!;
        run.gradNorm = norms[r]!;
        lastFinite.set(current.subarray(r * P, (r + 1) * P), r * P);
        if (run.gradNorm <= config.gradTol) {
          run.state = 'converged';
          active[r] = 0;
        }
      }
      if (step % config.recordEvery === 0 || step === config.steps) history.push({ step, losses: Array.from(losses) });
      if (step === config.steps || !active.some(Boolean)) break;
      if (step % 50 === 0) await yieldToEventLoop();
      const next = tidyObject(() => {
        const { grad } = rowLossesAndGradients((t) => objective.loss(t), theta);
        const out = optimizerStep(config.optimizer, theta, grad, state);
        const mask = tf.tensor2d(active, [runs, 1]);
        const newTheta = tf.add(theta, tf.mul(mask, tf.sub(out.theta, theta))) as tf.Tensor2D;
        return { theta: tf.keep(newTheta), state: keepState(out.state) };
      });
      theta.dispose();
      disposeState(state);
      theta = next.theta;
      state = next.state;
    }
    return { thetas: lastFinite, losses: result.map((r) => r.loss) };
  } finally {
    theta.dispose();
    disposeState(state);
  }
}

export interface TrainStepFigure {
  backend: string;
  runs: number;
  steps: number;
  /** Milliseconds per full-batch step of all runs. */
  stepperMs: number;
  baselineMs: number;
  /** Largest |Δθ| between the two final parameter sets (both should agree to float32 rounding). */
  maxDifference: number;
}

/** R runs of a 1-10-1 tanh MLP on sinc (40 points), full-batch Adam, timed on the backend that is set. */
export async function benchTrainingStep(backend: string, runs = 64, steps = 300): Promise<TrainStepFigure> {
  const data = makeDataset('sinc', { n: 40 }, createRng(1));
  const spec: MlpSpec = { widths: [1, 10, 1], activation: 'tanh', bias: true };
  const objective = mlpObjective(spec, 'mse', data.inputs, data.targets, data.n);
  const starts = Float32Array.from(Array.from({ length: runs }, (_, r) => [...mlpInit(spec, createRng(10 + r))]).flat());
  const config = trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps, recordEvery: 10 });
  try {
    // One untimed warm-up of each, then the median of three, alternating so load on the machine hits both alike.
    const ours = () => trainBatched(objective, starts, runs, config, { rng: createRng(1) });
    const old = () => trainBatchedTwoEvaluations(objective, starts, runs, config);
    await ours();
    await old();
    const a: number[] = [];
    const b: number[] = [];
    let last: [Float32Array, Float32Array] | undefined;
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      const x = await ours();
      a.push(performance.now() - t0);
      t0 = performance.now();
      const y = await old();
      b.push(performance.now() - t0);
      last = [x.thetas, y.thetas];
    }
    const med = (v: number[]) => v.sort((p, q) => p - q)[1]! / steps;
    let maxDifference = 0;
    last![0].forEach((v, i) => (maxDifference = Math.max(maxDifference, Math.abs(v - last![1][i]!))));
    return { backend, runs, steps, stepperMs: med(a), baselineMs: med(b), maxDifference };
  } finally {
    objective.dispose();
  }
}
