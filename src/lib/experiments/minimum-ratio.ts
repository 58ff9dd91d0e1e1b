// Experiment: the "minimum ratio" plot of Hung-yi Lee's ML 2021 lecture "When gradient is small" and homework HW2-2.
// Many one-hidden-layer ReLU regression networks f(x) = Σⱼ vⱼ ReLU(wⱼx + bⱼ) + c (the homework's Linear(1, h) →
// ReLU → Linear(h, 1), PyTorch's default initialisation) are trained on sin(5πx)/(5πx) at N grid points of [−1, 1]
// with Adam on the mean squared error, then driven towards a critical point with Adam on ½‖∇L‖². At the end the
// exact Hessian (models/relu-net-1d.ts, float64) gives the minimum ratio #{λ > τ}/P at each zero tolerance τ of
// MR_TAU_GRID, τ = t·λ_max; t = 0 is the homework's count, t = 10⁻⁶ ours. Also per network: the certificate that
// bounds every negative eigenvalue by the residual part of the Hessian, the per-layer blocks' eigenvalues, and the
// dead units.
//
// Jobs are blocks of `runs` networks trained together (one batched computation); job i draws its networks' initial
// weights from its own stream, so any block can be re-run alone.
import { z } from 'zod';
import { count, positiveNumber } from '../config/numbers.ts';
import { sincGrid } from '../data/sinc.ts';
import { symmetricEigenScheduled } from '../linalg/symmetric-eigen.ts';
import {
  activationPatterns,
  deadUnits,
  initReluNet1d,
  layerBlocks,
  reluNet1dGradNormObjective,
  reluNet1dHessian,
  reluNet1dLoss,
  reluNet1dLossAndGradient,
  type Data1D,
} from '../models/relu-net-1d.ts';
import { flatEngine } from '../train/flat-gd-engine.ts';
import { runStepper } from '../train/stepper.ts';
import type { Scheduler } from '../train/scheduler.ts';
import {
  MR_LIVE,
  MR_MAX_BLOCKS,
  MR_MAX_RUNS,
  MR_MAX_SAMPLES,
  MR_MAX_STEPS,
  MR_MAX_WIDTH,
  MR_PAPER,
  MR_TAU,
  MR_TAU_GRID,
} from './minimum-ratio-limits.ts';
import { LEE_SOURCE } from './minimum-ratio-paper.ts';
import { minimumRatioLines, minimumRatioSummarySchema, mrJobResultSchema, summarizeMinimumRatio } from './minimum-ratio-summary.ts';
import type { MrJob, MrJobResult, MrNetwork } from './minimum-ratio-schema.ts';
import { defineSweep, type JobContext } from './sweep.ts';

export * from './minimum-ratio-limits.ts';
export * from './minimum-ratio-paper.ts';
export type { MrJob, MrJobResult, MrNetwork, MrSummary, MrPoint } from './minimum-ratio-schema.ts';

export const minimumRatioConfig = z.strictObject({
  /** Networks trained together in one job. */
  runs: count('runs', MR_MAX_RUNS).default(MR_LIVE.runs),
  /** Jobs: the sweep has runs × blocks networks. */
  blocks: count('blocks', MR_MAX_BLOCKS).default(MR_LIVE.blocks),
  hidden: count('hidden', MR_MAX_WIDTH).default(MR_LIVE.hidden),
  samples: z
    .number()
    .int('samples must be a whole number')
    .min(2, 'samples must be at least 2')
    .max(MR_MAX_SAMPLES, `samples must be at most ${MR_MAX_SAMPLES}`)
    .default(100),
  /** The target is sin(aπx)/(aπx) with a = frequency. */
  frequency: positiveNumber('frequency').default(5),
  trainSteps: count('trainSteps', MR_MAX_STEPS).default(MR_LIVE.trainSteps),
  trainLr: positiveNumber('trainLr').default(1e-3),
  criticalSteps: count('criticalSteps', MR_MAX_STEPS).default(MR_LIVE.criticalSteps),
  criticalLr: positiveNumber('criticalLr').default(1e-4),
  /** The descent on ½‖∇L‖² stops early once ‖∇L‖ ≤ gradStop. */
  gradStop: positiveNumber('gradStop').default(1e-7),
});
export type MinimumRatioConfig = z.output<typeof minimumRatioConfig>;

const adam = (lr: number) => ({ kind: 'adam' as const, lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 });

let cached: { key: string; data: Data1D } | undefined;
function dataOf(c: MinimumRatioConfig): Data1D {
  const key = `${c.samples}:${c.frequency}`;
  if (cached?.key !== key) cached = { key, data: sincGrid(c.samples, c.frequency) };
  return cached.data;
}

/** Eigenvalues above τ and below −τ of ascending `values`. */
function counts(values: Float64Array, tau: number): { positive: number; negative: number } {
  let positive = 0,
    negative = 0;
  for (const v of values) {
    if (v > tau) positive++;
    else if (v < -tau) negative++;
  }
  return { positive, negative };
}

/** The exact Hessian at θ and what the widget reads from it (eigenvalues yield to the scheduler between panels). */
export async function analyzeNetwork(
  theta: Float64Array,
  data: Data1D,
  scheduler: Scheduler,
): Promise<Omit<MrNetwork, 'trainedLoss' | 'trainedGradNorm' | 'state'>> {
  const P = theta.length;
  const h = (P - 1) / 3;
  const { loss, grad } = reluNet1dLossAndGradient(theta, data);
  const { hessian, gaussNewton } = reluNet1dHessian(theta, data);
  const tick = () => scheduler.tick();
  const { values } = await symmetricEigenScheduled(hessian, P, tick);
  const lambdaMax = values[P - 1]!;
  let certificate = 0;
  for (let j = 0; j < h; j++) {
    const a = hessian[j * P + 2 * h + j]! - gaussNewton[j * P + 2 * h + j]!;
    const b = hessian[(h + j) * P + 2 * h + j]! - gaussNewton[(h + j) * P + 2 * h + j]!;
    certificate = Math.max(certificate, Math.hypot(a, b));
  }
  const grid = MR_TAU_GRID.map((t) => counts(values, t * Math.abs(lambdaMax)));
  const blocks = layerBlocks(hessian, P);
  const first = (await symmetricEigenScheduled(blocks.first, blocks.n1, tick)).values;
  const second = (await symmetricEigenScheduled(blocks.second, blocks.n2, tick)).values;
  const tau = MR_TAU * Math.abs(lambdaMax);
  const c1 = counts(first, tau),
    c2 = counts(second, tau);
  return {
    loss,
    gradNorm: Math.hypot(...grad),
    lambdaMin: values[0]!,
    lambdaMax,
    certificate,
    positive: grid.map((g) => g.positive),
    negative: grid.map((g) => g.negative),
    layerPositive: c1.positive + c2.positive,
    layerNegative: c1.negative + c2.negative,
    layerMin: Math.min(first[0]!, second[0]!),
    dead: deadUnits(theta, data),
    patterns: activationPatterns(theta, data),
  };
}

export async function runMinimumRatioJob(_job: MrJob, c: MinimumRatioConfig, ctx: JobContext): Promise<MrJobResult> {
  const data = dataOf(c);
  const h = c.hidden;
  const P = 3 * h + 1;
  const theta0 = new Float64Array(c.runs * P);
  for (let r = 0; r < c.runs; r++)
    theta0.set(
      initReluNet1d(h, () => ctx.rng.next()),
      r * P,
    );
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  const progress = (from: number, span: number) =>
    ctx.onProgress ? { onProgress: (p: { step: number; steps: number }) => ctx.onProgress!(from + (span * p.step) / p.steps) } : {};
  const trained = await runStepper(flatEngine(reluNet1dLoss(h, data), theta0, c.runs, adam(c.trainLr)), c.trainSteps, {
    recordEvery: c.trainSteps,
    ...signal,
    ...progress(0, 0.4),
  });
  const critical = await runStepper(
    flatEngine(reluNet1dGradNormObjective(h, data), trained.thetas, c.runs, adam(c.criticalLr)),
    c.criticalSteps,
    { lossTol: 0.5 * c.gradStop * c.gradStop, recordEvery: c.criticalSteps, ...signal, ...progress(0.4, 0.5) },
  );
  const networks: MrNetwork[] = [];
  for (let r = 0; r < c.runs; r++) {
    const theta = Float64Array.from(critical.thetas.slice(r * P, (r + 1) * P));
    const a = await analyzeNetwork(theta, data, ctx.scheduler);
    const t = trained.runs[r]!;
    networks.push({
      trainedLoss: t.loss,
      trainedGradNorm: t.gradNorm,
      state: t.state === 'diverged' ? 'diverged' : critical.runs[r]!.state,
      ...a,
    });
    ctx.onProgress?.(0.9 + (0.1 * (r + 1)) / c.runs);
  }
  return { networks };
}

export const minimumRatio = defineSweep({
  id: 'minimum-ratio',
  description:
    'Many 1-h-1 ReLU regression networks trained on sinc, then driven to a critical point by minimising ½‖∇L‖²: the exact Hessian, the minimum ratio at each zero tolerance, and the homework rule against the second-order test.',
  source: `${LEE_SOURCE} Lecture "Saddle point or local minimum?".`,
  configSchema: minimumRatioConfig,
  presets: { live: { ...MR_LIVE }, paper: { ...MR_PAPER } },
  version: 1,
  resultSchema: mrJobResultSchema,
  summarySchema: minimumRatioSummarySchema,
  jobs: (c) => Array.from({ length: c.blocks }, (_, block) => ({ block })),
  runJob: runMinimumRatioJob,
  summarize: summarizeMinimumRatio,
  lines: minimumRatioLines,
  bench: {
    // Two blocks of 10 networks of the paper's width with a tenth of its steps, batched; then the same 20 one per job.
    config: { runs: 10, blocks: 2, hidden: 128, trainSteps: 1000, criticalSteps: 1000 },
    single: (c) => ({ ...c, runs: 1, blocks: (c.runs ?? 1) * (c.blocks ?? 1) }),
    runs: (r) => r.networks.length,
    paperRuns: (c) => c.runs * c.blocks,
  },
});
