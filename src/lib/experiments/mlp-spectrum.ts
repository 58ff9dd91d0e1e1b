// Experiment: train a small MLP, optionally descend to a nearby critical point, and take its full Hessian spectrum.
import { z } from 'zod';
import { lossAndGradient } from '../autodiff/derivatives.ts';
import { ACTIVATIONS, LOSSES } from '../autodiff/ops.ts';
import type { tf } from '../autodiff/tf.ts';
import { makeDataset } from '../data/index.ts';
import { mlpObjective, objectiveHessianScheduled } from '../models/objective.ts';
import { createScheduler } from '../train/scheduler.ts';
import { HESSIAN_COLUMNS_PER_TICK } from './mlp-live.ts';
import { mlpInit, mlpParamCount, type MlpSpec } from '../models/mlp.ts';
import { classifyPoint, type Classification } from '../landscape/classify.ts';
import { symmetricEigenScheduled } from '../linalg/symmetric-eigen.ts';
import { optimizerSetting } from '../train/optimizers.ts';
import { trainBatched } from '../train/train-batched.ts';
import { findCriticalPoints } from '../train/critical-points.ts';
import { count } from '../config/numbers.ts';
import { defineExperiment, fmt } from './types.ts';

/** Dense eigendecomposition beyond this many parameters is too slow for a click in the browser. */
export const MAX_SPECTRUM_PARAMETERS = 2000;

export const mlpSpectrumConfig = z.strictObject({
  dataset: z.strictObject({ id: z.string().default('sinc'), params: z.record(z.string(), z.unknown()).default({ n: 40 }) }).prefault({}),
  hidden: z.array(count('every hidden width', 512)).max(6, 'use at most 6 hidden layers').default([10]),
  activation: z.enum(ACTIVATIONS).default('tanh'),
  loss: z.enum(LOSSES).default('mse'),
  optimizer: optimizerSetting({ kind: 'adam', lr: 0.01 }),
  steps: count('steps', 200_000).default(2000),
  /** After training, descend on ‖∇L‖² for this many steps (0 = analyse the trained point as it is). */
  criticalSteps: z.number().int().min(0, 'criticalSteps must be ≥ 0').max(200_000).default(0),
});

export interface MlpSpectrumResult {
  dataset: string;
  widths: number[];
  parameters: number;
  loss: number;
  gradNorm: number;
  /** Ascending. */
  eigenvalues: number[];
  lambdaMin: number;
  lambdaMax: number;
  classification: Classification;
  history: { step: number; loss: number }[];
  divergedAtStep?: number;
}

export const mlpSpectrum = defineExperiment({
  id: 'mlp-spectrum',
  description:
    'Train a small MLP on a data set, then compute the full Hessian spectrum and say whether the point looks like a minimum or a saddle.',
  source: 'Lecture 1–2; Dauphin et al. 2014 (index of critical points); the "minimum ratio" course exercise',
  configSchema: mlpSpectrumConfig,
  async run(config, ctx): Promise<MlpSpectrumResult> {
    const data = makeDataset(config.dataset.id, config.dataset.params, ctx.rng.fork());
    const spec: MlpSpec = { widths: [data.inputDim, ...config.hidden, data.outputDim], activation: config.activation, bias: true };
    const P = mlpParamCount(spec);
    if (P > MAX_SPECTRUM_PARAMETERS) {
      throw new Error(
        `hidden: the network has ${P} parameters; the full spectrum is limited to ${MAX_SPECTRUM_PARAMETERS}. Use narrower hidden layers.`,
      );
    }
    const objective = mlpObjective(spec, config.loss, data.inputs, data.targets, data.n);
    const loss = (t: tf.Tensor2D) => objective.loss(t);
    const signal = ctx.signal ? { signal: ctx.signal } : {};
    try {
      const share = config.criticalSteps > 0 ? 0.6 : 0.9;
      const trained = await trainBatched(
        objective,
        mlpInit(spec, ctx.rng),
        1,
        { optimizer: config.optimizer, steps: config.steps, gradTol: 0, recordEvery: Math.max(1, Math.floor(config.steps / 100)) },
        {
          rng: ctx.rng,
          ...signal,
          onProgress: ({ step, steps }) =>
            ctx.onProgress?.({ fraction: (share * step) / steps, stage: `training, step ${step} of ${steps}` }),
        },
      );
      const run = trained.runs[0]!;
      let theta = trained.thetas;
      if (config.criticalSteps > 0 && run.state !== 'diverged') {
        const [point] = await findCriticalPoints(
          objective,
          theta,
          1,
          {
            optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
            steps: config.criticalSteps,
            gradTol: 1e-6,
            recordEvery: config.criticalSteps,
          },
          {
            rng: ctx.rng,
            ...signal,
            onProgress: ({ step, steps }) =>
              ctx.onProgress?.({ fraction: share + (0.3 * step) / steps, stage: `descending on ‖∇L‖², step ${step} of ${steps}` }),
          },
        );
        theta = point!.theta;
      }
      // The analysis after training yields between blocks of Hessian columns and between the eigensolver's panels.
      const scheduler = createScheduler(ctx.signal);
      await scheduler.yieldNow(() => ctx.onProgress?.({ fraction: 0.9, stage: 'computing the Hessian and its eigenvalues' }));
      const { loss: L, grad } = lossAndGradient(loss, theta);
      const { hessian, asymmetry } = await objectiveHessianScheduled(objective, theta, () => scheduler.tick(), HESSIAN_COLUMNS_PER_TICK);
      const { values } = await symmetricEigenScheduled(hessian, P, () => scheduler.tick());
      scheduler.check();
      const gradNorm = Math.sqrt(grad.reduce((a, g) => a + g * g, 0));
      return {
        dataset: data.id,
        widths: spec.widths,
        parameters: P,
        loss: L,
        gradNorm,
        eigenvalues: Array.from(values),
        lambdaMin: values[0]!,
        lambdaMax: values[P - 1]!,
        classification: classifyPoint(values, gradNorm, { gradTol: 1e-2, accuracy: { precision: 'float32', asymmetry, size: P } }),
        history: trained.history.map((h) => ({ step: h.step, loss: h.losses[0]! })),
        ...(run.state === 'diverged' ? { divergedAtStep: run.steps } : {}),
      };
    } finally {
      objective.dispose();
    }
  },
  summarize: (r) => [
    `${r.dataset}, widths ${r.widths.join('-')} (${r.parameters} parameters): L = ${fmt(r.loss)}, ‖∇L‖ = ${fmt(r.gradNorm)}`,
    `λ_min = ${fmt(r.lambdaMin)}, λ_max = ${fmt(r.lambdaMax)}, positive ${r.classification.positive}, negative ${r.classification.negative}, ~zero ${r.classification.zero} (minimum ratio ${fmt(r.classification.positiveFraction, 3)})`,
    `verdict: ${r.classification.verdict}${r.divergedAtStep !== undefined ? ` — training diverged at step ${r.divergedAtStep}` : ''}`,
  ],
});
