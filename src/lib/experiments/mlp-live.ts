// Experiments for training an MLP live in resumable chunks, and probing the full Hessian spectrum at any θ.
//
// The worker keeps no state between requests, so the page carries it: `mlp-train-step` takes θ and the
// optimiser's state (Adam's moments m, v, the step count t, and L₀ for the divergence rule) and returns them
// after `steps` more updates. Because the state travels exactly (float32 values survive JSON as float64
// numbers), training 50 + 50 steps gives bit for bit the θ of 100 steps at once. `mlp-probe-spectrum` takes
// any θ and returns its eigenvalues, gradient norm and the verdict of the second-order test. Both rebuild the data set from the request's seed,
// so every chunk of one run sees the same samples, and θ₀ (when no θ is given) is drawn after the data set,
// exactly as `mlp-spectrum` draws it.
import { z } from 'zod';
import { lossAndGradient } from '../autodiff/derivatives.ts';
import { ACTIVATIONS, LOSSES } from '../autodiff/ops.ts';
import { count, positiveNumber } from '../config/numbers.ts';
import { makeDataset, type Dataset } from '../data/index.ts';
import { classifyPoint, type Classification } from '../landscape/classify.ts';
import { symmetricEigenScheduled } from '../linalg/symmetric-eigen.ts';
import { mlpInit, mlpParamCount, type MlpSpec } from '../models/mlp.ts';
import { mlpObjective, objectiveHessianScheduled, type Objective } from '../models/objective.ts';
import { createScheduler } from '../train/scheduler.ts';
import { optimizerSetting } from '../train/optimizers.ts';
import { runStepper } from '../train/stepper.ts';
import { tensorEngine } from '../train/tensor-engine.ts';
import type { Rng } from '../random/rng.ts';
import { defineExperiment, fmt } from './types.ts';
import { MAX_CHUNK_STEPS, MAX_LIVE_HIDDEN_LAYERS, MAX_LIVE_PARAMETERS, MAX_LIVE_WIDTH } from './mlp-live-limits.ts';

export { MAX_CHUNK_STEPS, MAX_LIVE_HIDDEN_LAYERS, MAX_LIVE_PARAMETERS, MAX_LIVE_WIDTH };

const finiteArray = (label: string) =>
  z.array(z.number({ error: `${label} must hold finite numbers` }).refine(Number.isFinite, `${label} must hold finite numbers`));

const netFields = {
  dataset: z.strictObject({ id: z.string().default('sinc'), params: z.record(z.string(), z.unknown()).default({ n: 40 }) }).prefault({}),
  hidden: z
    .array(count('every hidden width', MAX_LIVE_WIDTH))
    .max(MAX_LIVE_HIDDEN_LAYERS, `use at most ${MAX_LIVE_HIDDEN_LAYERS} hidden layers`)
    .default([10, 10]),
  activation: z.enum(ACTIVATIONS).default('tanh'),
  loss: z.enum(LOSSES).default('mse'),
  /** Parameters to start from, length P; absent → drawn from the seed (mlpInit after the data set). */
  theta: finiteArray('theta').optional(),
};

export const optimizerStateSchema = z.strictObject({
  /** Updates taken so far (Adam's bias correction needs it); also the run's step count. */
  t: z.number().int().min(0, 'optimizerState.t must be ≥ 0'),
  m: finiteArray('optimizerState.m').optional(),
  v: finiteArray('optimizerState.v').optional(),
  /** The loss at step 0: the reference of the divergence rule (train/divergence.ts), so chunks diverge where one run would. */
  startLoss: z.number().refine(Number.isFinite, 'optimizerState.startLoss must be finite').optional(),
});
export type OptimizerStateJson = z.infer<typeof optimizerStateSchema>;

export const mlpTrainStepConfig = z.strictObject({
  ...netFields,
  optimizer: optimizerSetting({ kind: 'adam', lr: 0.01 }),
  /** Updates to take (0 only evaluates L and ∇L at θ). */
  steps: z
    .number({ error: 'steps must be a whole number' })
    .int('steps must be a whole number')
    .min(0, 'steps must be ≥ 0')
    .max(MAX_CHUNK_STEPS, `steps must be at most ${MAX_CHUNK_STEPS}`)
    .default(100),
  /** Losses are recorded at global steps that are multiples of this (and at the last step). */
  recordEvery: count('recordEvery').default(1),
  /** The optimiser's state after the previous chunk; absent → a fresh optimiser at step 0. */
  optimizerState: optimizerStateSchema.optional(),
});

export const mlpProbeSpectrumConfig = z.strictObject({
  ...netFields,
  /** ‖∇L‖ above this means "not a critical point yet". */
  gradTol: positiveNumber('gradTol').default(1e-3),
});

export interface MlpTrainStepResult {
  parameters: number;
  /** Total updates taken (the step θ is at). */
  step: number;
  /** θ after the chunk (the last finite θ when the run diverged). */
  theta: number[];
  /** Pass back with the next chunk. After a divergence only t is kept (the run should be reset). */
  optimizerState: OptimizerStateJson;
  /** Full-batch loss at recorded global steps within this chunk (step 0 only in the first chunk). */
  history: { step: number; loss: number }[];
  loss: number;
  gradNorm: number;
  /** Set when the run diverged by the rule of train/divergence.ts: the step where it did, and the loss there. */
  diverged: { step: number; loss: number } | null;
}

export interface MlpProbeSpectrumResult {
  parameters: number;
  widths: number[];
  loss: number;
  gradNorm: number;
  /** Ascending, length P. */
  eigenvalues: number[];
  lambdaMin: number;
  lambdaMax: number;
  /** tr H = Σ H_ii, from the dense Hessian (equals the sum of the eigenvalues). */
  trace: number;
  gradTol: number;
  classification: Classification;
}

interface Net {
  data: Dataset;
  spec: MlpSpec;
  P: number;
  objective: Objective;
  theta: Float32Array;
}

type NetConfig = z.output<typeof mlpProbeSpectrumConfig> | z.output<typeof mlpTrainStepConfig>;

/** Data set, network and starting θ of a request; throws a readable error for a too-large net or a wrong θ. */
function buildNet(config: NetConfig, rng: Rng): Net {
  const data = makeDataset(config.dataset.id, config.dataset.params, rng.fork());
  const spec: MlpSpec = { widths: [data.inputDim, ...config.hidden, data.outputDim], activation: config.activation, bias: true };
  const P = mlpParamCount(spec);
  if (P > MAX_LIVE_PARAMETERS) {
    throw new Error(
      `hidden: widths ${spec.widths.join('-')} give ${P} parameters; a live Hessian spectrum is limited to ${MAX_LIVE_PARAMETERS}. Use narrower or fewer hidden layers.`,
    );
  }
  const init = mlpInit(spec, rng);
  if (config.theta && config.theta.length !== P)
    throw new Error(`theta: has ${config.theta.length} numbers, but widths ${spec.widths.join('-')} have ${P} parameters`);
  const theta = config.theta ? Float32Array.from(config.theta) : init;
  return { data, spec, P, objective: mlpObjective(spec, config.loss, data.inputs, data.targets, data.n), theta };
}

/**
 * Hessian columns computed between two ticks of the probe's scheduler (one batched Hessian-vector product): about
 * 10 ms at the largest live P on the course machine, so a cancel waits for at most one such block.
 */
export const HESSIAN_COLUMNS_PER_TICK = 8;

export const mlpTrainStep = defineExperiment({
  id: 'mlp-train-step',
  description: 'Train a small MLP for a chunk of full-batch steps from a given θ and optimiser state, returning both for the next chunk.',
  source: 'Lecture 4 (HessianSpectrum widget): live training in resumable chunks',
  configSchema: mlpTrainStepConfig,
  async run(config, ctx): Promise<MlpTrainStepResult> {
    const { P, objective, theta: theta0 } = buildNet(config, ctx.rng);
    const st = config.optimizerState;
    for (const [key, arr] of [
      ['m', st?.m],
      ['v', st?.v],
    ] as const) {
      if (arr && arr.length !== P) throw new Error(`optimizerState.${key}: has ${arr.length} numbers, expected ${P}`);
    }
    const engine = tensorEngine(objective, theta0, 1, config.optimizer, undefined, st);
    try {
      // Step t evaluates L and ∇L at θ_t once; the same gradient then makes the update θ_t → θ_{t+1}.
      const out = await runStepper(
        engine,
        config.steps,
        {
          recordEvery: config.recordEvery,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onProgress: ({ step, losses }) =>
            ctx.onProgress?.({
              fraction: config.steps ? (step - (st?.t ?? 0)) / config.steps : 1,
              stage: `training, step ${step} (loss ${fmt(losses[0]!)})`,
            }),
        },
        st ? { t: st.t, ...(st.startLoss ? { startLoss: [st.startLoss] } : {}) } : undefined,
      );
      const run = out.runs[0]!;
      const diverged = run.state === 'diverged' ? { step: run.steps, loss: run.divergedLoss! } : null;
      const history = out.history.map((h) => ({ step: h.step, loss: h.losses[0]! }));
      if (diverged && history.at(-1)?.step !== diverged.step) history.push({ step: diverged.step, loss: diverged.loss });
      const step = diverged ? Math.max(st?.t ?? 0, diverged.step - 1) : out.state.t;
      const { m, v } = out.state;
      return {
        parameters: P,
        step,
        theta: out.thetas,
        optimizerState: diverged ? { t: step } : { t: step, ...(m ? { m } : {}), ...(v ? { v } : {}), startLoss: out.state.startLoss![0]! },
        history,
        loss: run.loss,
        gradNorm: run.gradNorm,
        diverged,
      };
    } finally {
      engine.dispose();
      objective.dispose();
    }
  },
  summarize: (r) => [
    `step ${r.step}: L = ${fmt(r.loss)}, ‖∇L‖ = ${fmt(r.gradNorm)} (${r.parameters} parameters)`,
    ...(r.diverged ? [`diverged at step ${r.diverged.step} (loss ${fmt(r.diverged.loss)})`] : []),
  ],
});

export const mlpProbeSpectrum = defineExperiment({
  id: 'mlp-probe-spectrum',
  description: 'The full Hessian spectrum, gradient norm and second-order verdict of a small MLP at a given θ (or at θ₀ from the seed).',
  source: 'Lecture 4 (HessianSpectrum widget); Dauphin et al. 2014 (index of critical points)',
  configSchema: mlpProbeSpectrumConfig,
  async run(config, ctx): Promise<MlpProbeSpectrumResult> {
    const scheduler = createScheduler(ctx.signal);
    const { spec, P, objective, theta } = buildNet(config, ctx.rng);
    try {
      await scheduler.tick();
      const { loss, grad } = lossAndGradient((t) => objective.loss(t), theta);
      const gradNorm = Math.sqrt(grad.reduce((a, g) => a + g * g, 0));
      let column = 0;
      const { hessian: H, asymmetry } = await objectiveHessianScheduled(
        objective,
        theta,
        () =>
          scheduler
            .tick(() => ctx.onProgress?.({ fraction: (0.8 * column) / P, stage: `Hessian, columns ${column} of ${P}` }))
            .then(() => {
              column = Math.min(P, column + HESSIAN_COLUMNS_PER_TICK);
            }),
        HESSIAN_COLUMNS_PER_TICK,
      );
      let trace = 0;
      for (let i = 0; i < P; i++) trace += H[i * P + i]!;
      await scheduler.yieldNow(() => ctx.onProgress?.({ fraction: 0.8, stage: 'eigenvalues of the Hessian' }));
      const { values } = await symmetricEigenScheduled(H, P, () => scheduler.tick());
      scheduler.check();
      return {
        parameters: P,
        widths: spec.widths,
        loss,
        gradNorm,
        eigenvalues: Array.from(values),
        lambdaMin: values[0] ?? Number.NaN,
        lambdaMax: values[P - 1] ?? Number.NaN,
        trace,
        gradTol: config.gradTol,
        classification: classifyPoint(values, gradNorm, {
          gradTol: config.gradTol,
          accuracy: { precision: 'float32', asymmetry, size: P },
        }),
      };
    } finally {
      objective.dispose();
    }
  },
  summarize: (r) => [
    `widths ${r.widths.join('-')} (${r.parameters} parameters): L = ${fmt(r.loss)}, ‖∇L‖ = ${fmt(r.gradNorm)}`,
    `λ_min = ${fmt(r.lambdaMin)}, λ_max = ${fmt(r.lambdaMax)}, positive ${r.classification.positive}, negative ${r.classification.negative}, ~zero ${r.classification.zero} (share positive ${fmt(r.classification.positiveFraction, 3)})`,
    `verdict: ${r.classification.verdict}`,
  ],
});
