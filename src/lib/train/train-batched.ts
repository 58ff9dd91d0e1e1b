// Trains R independent runs as one batched computation (leading run axis), stopping each run on its own.
import { AbortError } from './abort.ts';
import { z } from 'zod';
import { readTensors, tf, tidyObject } from '../autodiff/tf.ts';
import { rowLossesAndGradients } from '../autodiff/derivatives.ts';
import type { Objective } from '../models/objective.ts';
import type { Rng } from '../random/rng.ts';
import { count, nonNegativeNumber } from '../config/numbers.ts';
import { optimizerSchema, optimizerStep, type OptimizerState } from './optimizers.ts';

export const trainConfigSchema = z.strictObject({
  optimizer: optimizerSchema,
  steps: count('steps'),
  /** Minibatch size for SGD; full batch when absent or ≥ the number of samples. */
  batchSize: count('batchSize').optional(),
  /** A run stops (converged) once its full-batch gradient norm is at most this. */
  gradTol: nonNegativeNumber('gradTol').default(0),
  /** A run stops (converged) once its full-batch loss is at most this (e.g. ‖∇L‖² when finding critical points). */
  lossTol: nonNegativeNumber('lossTol').optional(),
  /** Losses are recorded for the history every this many steps. */
  recordEvery: count('recordEvery').default(10),
});
export type TrainConfig = z.infer<typeof trainConfigSchema>;

export type RunState = 'finished' | 'converged' | 'diverged';

export interface RunResult {
  /** Final full-batch loss (the last finite one for a diverged run). */
  loss: number;
  gradNorm: number;
  /** Steps taken before the run stopped. */
  steps: number;
  state: RunState;
}

export interface TrainResult {
  /** Final parameters, R×P row-major; a diverged run keeps its last finite parameters. */
  thetas: Float32Array;
  runs: RunResult[];
  /** Losses of every run at recorded steps. */
  history: { step: number; losses: number[] }[];
}

export interface RunContext {
  rng: Rng;
  /** R×P: 1 where a run may change a parameter, 0 where it is held (e.g. units beyond its width). */
  masks?: Float32Array;
  onProgress?: (p: { step: number; steps: number; losses: number[] }) => void;
  signal?: AbortSignal;
}

export { AbortError };

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Trains R runs from `thetas` (R×P). Each step computes every run's loss and gradient in one pass; a run
 * whose loss turns NaN or infinite is stopped at that step and keeps its last finite parameters; a run
 * whose gradient norm falls to `gradTol` is stopped as converged. Every tensor is released, also on cancel.
 */
export async function trainBatched(
  objective: Objective,
  thetas: Float32Array,
  runs: number,
  config: TrainConfig,
  ctx: RunContext,
): Promise<TrainResult> {
  const P = objective.P;
  if (thetas.length !== runs * P) throw new Error(`trainBatched: ${thetas.length} parameters for ${runs} runs of ${P}`);
  if (ctx.masks && ctx.masks.length !== runs * P)
    throw new Error(`trainBatched: masks hold ${ctx.masks.length} numbers, expected ${runs}×${P}`);
  const paramMask = ctx.masks ? tf.keep(tf.tensor2d(ctx.masks, [runs, P])) : undefined;
  const minibatch = config.batchSize !== undefined && config.batchSize < objective.n ? config.batchSize : undefined;
  const result: RunResult[] = Array.from({ length: runs }, () => ({ loss: NaN, gradNorm: NaN, steps: 0, state: 'finished' as RunState }));
  const history: TrainResult['history'] = [];
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
      // Full-batch loss and gradient of every run: used for stopping, history, and the full-batch update.
      const [losses, norms] = readTensors(() => {
        const { value, grad: raw } = rowLossesAndGradients((t) => objective.loss(t), theta);
        const grad = paramMask ? tf.mul(raw, paramMask) : raw;
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
        if (run.gradNorm <= config.gradTol || (config.lossTol !== undefined && run.loss <= config.lossTol)) {
          run.state = 'converged';
          active[r] = 0;
        }
      }
      if (step % config.recordEvery === 0 || step === config.steps) history.push({ step, losses: Array.from(losses) });
      if (step === config.steps || !active.some(Boolean)) break;
      if (step % 50 === 0) {
        ctx.onProgress?.({ step, steps: config.steps, losses: Array.from(losses) });
        await yieldToEventLoop();
        if (ctx.signal?.aborted) throw new AbortError();
      }
      const next = tidyObject(() => {
        const batch = minibatch ? tf.tensor1d(sampleBatch(ctx.rng, objective.n, minibatch), 'int32') : undefined;
        const { grad: raw } = rowLossesAndGradients((t) => objective.loss(t, batch), theta);
        const grad = paramMask ? (tf.mul(raw, paramMask) as tf.Tensor2D) : raw;
        const out = optimizerStep(config.optimizer, theta, grad, state);
        // Stopped runs keep their parameters: θ ← θ + a ⊙ (θ_new − θ) with a = 1 for active rows, else 0.
        const mask = tf.tensor2d(active, [runs, 1]);
        const newTheta = tf.add(theta, tf.mul(mask, tf.sub(out.theta, theta))) as tf.Tensor2D;
        return { theta: tf.keep(newTheta), state: keepState(out.state) };
      });
      theta.dispose();
      disposeState(state);
      theta = next.theta;
      state = next.state;
    }
    return { thetas: lastFinite, runs: result, history };
  } finally {
    theta.dispose();
    disposeState(state);
    paramMask?.dispose();
  }
}

/** `size` distinct sample indices drawn uniformly without replacement (partial Fisher–Yates). */
export function sampleBatch(rng: Rng, n: number, size: number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, size);
}
