// Trains R independent runs as one batched computation (leading run axis) on the stepper, from a validated config.
import { AbortError } from './abort.ts';
import { z } from 'zod';
import type { Objective } from '../models/objective.ts';
import type { Rng } from '../random/rng.ts';
import { count, nonNegativeNumber } from '../config/numbers.ts';
import { optimizerSchema } from './optimizers.ts';
import { runStepper, type RunResult, type RunState } from './stepper.ts';
import { tensorEngine } from './tensor-engine.ts';

export const trainConfigSchema = z.strictObject({
  optimizer: optimizerSchema,
  steps: count('steps'),
  /** Minibatch size for SGD; full batch when absent or ≥ the number of samples. */
  batchSize: count('batchSize').optional(),
  /** A run stops (converged) once its full-batch gradient norm is at most this (at least the float32 floor of numerics/tolerances.ts). */
  gradTol: nonNegativeNumber('gradTol').default(0),
  /** A run stops (converged) once its full-batch loss is at most this (e.g. ‖∇L‖² when finding critical points). */
  lossTol: nonNegativeNumber('lossTol').optional(),
  /** Losses are recorded for the history every this many steps. */
  recordEvery: count('recordEvery').default(10),
});
export type TrainConfig = z.infer<typeof trainConfigSchema>;

export type { RunResult, RunState };

export interface TrainResult {
  /** Final parameters, R×P row-major; a diverged run keeps its last finite parameters. */
  thetas: Float32Array;
  runs: RunResult[];
  /** Losses of every run at recorded steps. */
  history: { step: number; losses: number[] }[];
  /** Settings the stepper adjusted (a gradient tolerance raised to float32's floor). */
  notices: string[];
}

export interface RunContext {
  rng: Rng;
  /** R×P: 1 where a run may change a parameter, 0 where it is held (e.g. units beyond its width). */
  masks?: Float32Array;
  onProgress?: (p: { step: number; steps: number; losses: number[] }) => void;
  signal?: AbortSignal;
}

export { AbortError };

/**
 * Trains R runs from `thetas` (R×P) on the one stepper (stepper.ts: one evaluation of L and ∇L per full-batch
 * step, its divergence rule, per-run stopping). Every tensor is released, also on cancel.
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
  const engine = tensorEngine(objective, thetas, runs, config.optimizer, ctx.masks);
  try {
    const out = await runStepper(engine, config.steps, {
      ...(config.batchSize !== undefined ? { batchSize: config.batchSize } : {}),
      gradTol: config.gradTol,
      ...(config.lossTol !== undefined ? { lossTol: config.lossTol } : {}),
      recordEvery: config.recordEvery,
      rng: ctx.rng,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    });
    return { thetas: Float32Array.from(out.thetas), runs: out.runs, history: out.history, notices: out.notices };
  } finally {
    engine.dispose();
  }
}
