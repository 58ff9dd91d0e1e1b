// Experiment: deep linear networks of depth 2…5 trained by gradient descent from many random starts all reach the
// global minimum (Kawaguchi 2016, Theorem 2.3: no poor local minima); the same architectures with ReLU between the
// layers end at a spread of losses; and at W = 0 the Hessian has a negative eigenvalue with one hidden layer but is
// zero from two hidden layers on (Corollary 2.4's "bad" saddle), where the loss falls only at order L along the
// steepest direction.
//
// Depth = weight matrices L (the paper's H + 1). Loss ½‖Ŷ − Y‖_F² (the paper's L̄, no 1/m). Every hidden layer has
// the same width h; with h ≥ d_y the global minimum is the least-squares loss, below that the reduced-rank one
// (models/deep-linear-optimum.ts). The data are drawn from `dataSeed` (data/linear-regression.ts), the same for every
// job; each job draws only its runs' initial weights from its own generator. Full-batch GD at a fixed rate, stopped
// when ‖∇L‖ ≤ gradTol ("converged"), by the divergence rule ("diverged"), or after `steps` updates ("finished", the
// budget spent). A linear run's gap L − L* is computed as ½⟨E, EC⟩ (E = W − W_ols), exact far below the rounding of
// L itself.
//
// The origin analysis of depth L (models/deep-linear-origin.ts) rides on the linear job of block 0 at that depth, where
// it yields to the scheduler like the training does; the summary shows the depths whose block-0 job has finished.
//
// Jobs are block-major (block 0 of all 8 cells, then block 1, …) with each block's cell order rotated by one, so the
// first jobs of a live run and every round-robin shard cover every cell.
import { z } from 'zod';
import { count, nonNegativeNumber, positiveNumber } from '../config/numbers.ts';
import { makeLinearRegression, type RegressionData } from '../data/linear-regression.ts';
import { deepNetLoss, deepParamCount, endToEnd, initDeepNet, isDeadNetwork, linearNetLossFromMoments } from '../models/deep-linear.ts';
import { analyzeData, gapToMinimum, globalMinimum, type GlobalMinimum, type LinearOptimum } from '../models/deep-linear-optimum.ts';
import { analyzeOriginScheduled } from '../models/deep-linear-origin.ts';
import { createScheduler, type Scheduler } from '../train/scheduler.ts';
import type { Rng } from '../random/rng.ts';
import { flatGdEngine } from '../train/flat-gd-engine.ts';
import { runStepper } from '../train/stepper.ts';
import {
  DL_ACTIVATIONS,
  DL_DEPTHS,
  DL_LIVE,
  DL_MAX_BLOCKS,
  DL_MAX_DIM,
  DL_MAX_RUNS,
  DL_MAX_SAMPLES,
  DL_MAX_STEPS,
  DL_PAPER,
  type DlActivation,
} from './deep-linear-limits.ts';
import { KAWAGUCHI_SOURCE } from './deep-linear-paper.ts';
import {
  summarizeDeepLinear,
  deepLinearSummarySchema,
  deepLinearLines,
  dlJobResultSchema,
  type DlJob,
  type DlJobResult,
} from './deep-linear-summary.ts';
import { defineSweep } from './sweep.ts';

export * from './deep-linear-limits.ts';
export * from './deep-linear-paper.ts';
export type { DlJob, DlJobResult, DlSummary, DlCellSummary } from './deep-linear-summary.ts';

const dim = (label: string) => count(label, DL_MAX_DIM);

export const deepLinearConfig = z
  .strictObject({
    /** Runs in one job (one block of one cell). */
    runs: count('runs', DL_MAX_RUNS).default(DL_LIVE.runs),
    /** Blocks per cell: a cell gets runs × blocks random starts. */
    blocks: count('blocks', DL_MAX_BLOCKS).default(DL_LIVE.blocks),
    dx: dim('dx').default(5),
    dy: dim('dy').default(3),
    /** Width h of every hidden layer (p = h). */
    hidden: dim('hidden').default(4),
    /** Samples m. */
    samples: count('samples', DL_MAX_SAMPLES).default(20),
    /** Largest singular value of the planted map and the noise level of the data. */
    scale: positiveNumber('scale').default(2),
    noise: nonNegativeNumber('noise').default(0.5),
    dataSeed: z.number().int().nonnegative().default(2016),
    /** Learning rate of full-batch GD, the iteration budget and the stopping tolerance on ‖∇L‖. */
    lr: positiveNumber('lr').default(0.03),
    steps: count('steps', DL_MAX_STEPS).default(10_000),
    gradTol: positiveNumber('gradTol').default(1e-8),
    /** A run counts as "at the global minimum" when L − L* ≤ gapTol. */
    gapTol: positiveNumber('gapTol').default(1e-12),
    /** Multiplies the standard deviation of the Glorot (linear) or He (ReLU) initial weights. */
    initScale: positiveNumber('initScale').default(1),
  })
  .refine((c) => c.dy <= c.dx, { message: 'dy must be at most dx (a hypothesis of the theorem)', path: ['dy'] })
  .refine((c) => c.samples >= c.dx, { message: 'samples must be at least dx (else XXᵀ is singular)', path: ['samples'] });
export type DeepLinearConfig = z.output<typeof deepLinearConfig>;

/** The widths [d_x, h, …, h, d_y] of a network with `depth` weight matrices. */
export const widthsOf = (c: Pick<DeepLinearConfig, 'dx' | 'dy' | 'hidden'>, depth: number): number[] => [
  c.dx,
  ...Array.from({ length: depth - 1 }, () => c.hidden),
  c.dy,
];

/** The data set, its least-squares analysis and the global minimum of the config (one cached copy per data config). */
export interface DlProblem {
  data: RegressionData;
  opt: LinearOptimum;
  min: GlobalMinimum;
}
let cached: { key: string; problem: DlProblem } | undefined;
export function problemOf(c: DeepLinearConfig): DlProblem {
  const key = JSON.stringify([c.dx, c.dy, c.hidden, c.samples, c.scale, c.noise, c.dataSeed]);
  if (cached?.key !== key) {
    const data = makeLinearRegression({ dx: c.dx, dy: c.dy, m: c.samples, scale: c.scale, noise: c.noise, seed: c.dataSeed });
    const opt = analyzeData(data);
    cached = { key, problem: { data, opt, min: globalMinimum(opt, c.hidden) } };
  }
  return cached.problem;
}

/** The 8 cells in table order: activation, then depth. */
export const DL_CELLS: readonly { activation: DlActivation; depth: number }[] = DL_ACTIVATIONS.flatMap((activation) =>
  DL_DEPTHS.map((depth) => ({ activation, depth })),
);

export function deepLinearJobs(c: DeepLinearConfig): DlJob[] {
  const n = DL_CELLS.length;
  return Array.from({ length: c.blocks * n }, (_, i) => {
    const block = Math.floor(i / n);
    return { ...DL_CELLS[(i + block) % n]!, block };
  });
}

/** Trains one job's runs together and measures where each one ended. */
export async function runDeepLinearJob(
  job: DlJob,
  c: DeepLinearConfig,
  ctx: { rng: Rng; signal?: AbortSignal; onProgress?: (f: number) => void; scheduler?: Scheduler },
): Promise<DlJobResult> {
  const { data, opt, min } = problemOf(c);
  const widths = widthsOf(c, job.depth);
  const P = deepParamCount(widths);
  const f =
    job.activation === 'linear' ? linearNetLossFromMoments(widths, opt.C, opt.wOls, opt.lossOls) : deepNetLoss(widths, 'relu', data);
  const theta0 = initDeepNet(widths, job.activation, c.runs, ctx.rng, c.initScale);
  const out = await runStepper(flatGdEngine(f, theta0, c.runs, c.lr), c.steps, {
    gradTol: c.gradTol,
    recordEvery: c.steps,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.onProgress ? { onProgress: (p: { step: number; steps: number }) => ctx.onProgress!(p.step / p.steps) } : {}),
  });
  const theta = Float64Array.from(out.thetas);
  const grad = new Float64Array(P);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const res: DlJobResult = { losses: [], gaps: [], gradNorms: [], steps: [], states: [], dead: 0 };
  for (let r = 0; r < c.runs; r++) {
    const loss = f(theta, r * P, grad, 0);
    const gap = job.activation === 'linear' ? gapToMinimum(opt, min, endToEnd(widths, theta, r * P)) : loss - min.loss;
    res.losses.push(finite(loss));
    res.gaps.push(finite(gap));
    res.gradNorms.push(finite(Math.hypot(...grad)));
    res.steps.push(out.runs[r]!.steps);
    res.states.push(out.runs[r]!.state);
    if (job.activation === 'relu' && isDeadNetwork(widths, theta, r * P, data)) res.dead++;
  }
  if (job.activation === 'linear' && job.block === 0) {
    const scheduler = ctx.scheduler ?? createScheduler(ctx.signal);
    res.origin = await analyzeOriginScheduled(widths, data, () => scheduler.tick());
  }
  return res;
}

export const deepLinear = defineSweep({
  id: 'deep-linear',
  description:
    'Deep linear vs ReLU networks of depth 2–5 by GD from many random starts: gaps to the closed-form global minimum, and the Hessian at W = 0.',
  source: `${KAWAGUCHI_SOURCE} Lecture "Deep learning without poor local minima".`,
  configSchema: deepLinearConfig,
  presets: { live: { ...DL_LIVE }, paper: { ...DL_PAPER } },
  version: 1,
  resultSchema: dlJobResultSchema,
  summarySchema: deepLinearSummarySchema,
  jobs: deepLinearJobs,
  runJob: runDeepLinearJob,
  summarize: (c, done) => summarizeDeepLinear(c, done, problemOf(c)),
  lines: deepLinearLines,
  bench: {
    // One block of 16 starts in each of the 8 cells (depth 2…5, linear and ReLU), batched; then the same 128 runs one per job.
    config: { runs: 16, blocks: 1 },
    single: (c) => ({ ...c, runs: 1, blocks: (c.runs ?? 1) * (c.blocks ?? 1) }),
    runs: (r) => r.steps.length,
    paperRuns: (c) => c.runs * c.blocks * DL_CELLS.length,
  },
});
