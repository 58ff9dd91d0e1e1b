// Experiment: the local minima of small ReLU regressions (Swirszcz et al. 2016): published points, probes, descent.
import { z } from 'zod';
import { lossesAndGradients } from '../autodiff/derivatives.ts';
import { readTensor, tf } from '../autodiff/tf.ts';
import { measuredObjectiveHessian, mlpObjective } from '../models/objective.ts';
import type { MlpSpec } from '../models/mlp.ts';
import { SWIRSZCZ_SETS, makeSwirszczRegression, type ReluNet1D, type SwirszczSetId } from '../data/swirszcz-regression.ts';
import { classifyPoint, type Classification } from '../landscape/classify.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import { optimizerSetting } from '../train/optimizers.ts';
import { trainBatched } from '../train/train-batched.ts';
import { createScheduler, type Scheduler } from '../train/scheduler.ts';
import { count, positiveNumber } from '../config/numbers.ts';
import { defineExperiment, fmt } from './types.ts';

export const reluRegressionConfig = z.strictObject({
  set: z.enum(['d1', 'd2', 'd3']).default('d1'),
  /** Random perturbations of each published point, each of norm at most `radius`. */
  probes: count('probes', 100_000).default(2000),
  radius: positiveNumber('radius').default(1e-3),
  /** Gradient-descent runs from seeded random starts, trained together as one batch. */
  starts: count('starts', 4096).default(256),
  steps: count('steps', 100_000).default(3000),
  optimizer: optimizerSetting({ kind: 'gd', lr: 0.005 }),
});

/** θ = (w, b, v, c) in the MLP layout [W₁ (1×m), b₁ (m), W₂ (m×1), b₂]. */
export function reluNetToTheta(p: ReluNet1D): number[] {
  return [...p.w, ...p.b, ...p.v, p.c];
}

export interface PointReport {
  what: string;
  theta: number[];
  loss: number;
  publishedLoss: number;
  gradNorm: number;
  eigenvalues: number[];
  classification: Classification;
  /** Data points whose pre-activation is 0 at some unit: the loss has a kink there and no Hessian. */
  kinks: number;
  probe: { min: number; mean: number; max: number; negative: number; count: number; radius: number };
}

export interface ReluRegressionResult {
  set: SwirszczSetId;
  hiddenUnits: number;
  points: [number, number][];
  published: PointReport[];
  descent: { starts: number; steps: number; finalLosses: number[]; clusters: { loss: number; count: number }[]; diverged: number };
}

export const reluRegressionMinima = defineExperiment({
  id: 'relu-regression-minima',
  description: 'Published local minima of 1-D ReLU regressions (Swirszcz et al. 2016): Hessians, random probes, and where descent ends.',
  source: 'Swirszcz, Czarnecki & Pascanu 2016, arXiv:1611.06310, §3.1.3 (data sets D1–D3)',
  configSchema: reluRegressionConfig,
  async run(config, ctx): Promise<ReluRegressionResult> {
    const set = SWIRSZCZ_SETS[config.set];
    const data = makeSwirszczRegression(config.set);
    const m = set.hiddenUnits;
    const spec: MlpSpec = { widths: [1, m, 1], activation: 'relu', bias: true };
    const objective = mlpObjective(spec, 'sse', data.inputs, data.targets, data.n);
    const loss = (t: tf.Tensor2D) => objective.loss(t);
    const scheduler = createScheduler(ctx.signal);
    try {
      const published: PointReport[] = [];
      for (const ref of set.reference) {
        await scheduler.tick();
        const theta = reluNetToTheta(ref.params);
        const { losses, grads } = lossesAndGradients(loss, Float32Array.from(theta), 1);
        const P = theta.length;
        const { hessian, asymmetry } = measuredObjectiveHessian(objective, theta);
        const { values } = symmetricEigen(hessian, P);
        const gradNorm = Math.hypot(...grads);
        const kinks = set.points.filter(([x]) => ref.params.w.some((w, j) => Math.abs(w * x + ref.params.b[j]!) < 1e-9)).length;
        published.push({
          what: ref.what,
          theta,
          loss: losses[0]!,
          publishedLoss: ref.loss,
          gradNorm,
          eigenvalues: Array.from(values),
          classification: classifyPoint(values, gradNorm, { accuracy: { precision: 'float32', asymmetry, size: P } }),
          kinks,
          probe: await probe(objective.loss, theta, config.probes, config.radius, ctx.rng, scheduler),
        });
      }
      scheduler.check();
      ctx.onProgress?.({ fraction: 0.1, stage: 'probed the published points' });
      const P = 3 * m + 1;
      const starts = new Float32Array(config.starts * P);
      for (let i = 0; i < starts.length; i++) starts[i] = ctx.rng.normal();
      const trained = await trainBatched(
        objective,
        starts,
        config.starts,
        { optimizer: config.optimizer, steps: config.steps, gradTol: 1e-6, recordEvery: config.steps },
        {
          rng: ctx.rng,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onProgress: ({ step, steps }) =>
            ctx.onProgress?.({ fraction: 0.1 + (0.9 * step) / steps, stage: `gradient descent, step ${step} of ${steps}` }),
        },
      );
      const finalLosses = trained.runs.filter((r) => r.state !== 'diverged').map((r) => r.loss);
      return {
        set: config.set,
        hiddenUnits: m,
        points: set.points.map(([x, y]) => [x, y]),
        published,
        descent: {
          starts: config.starts,
          steps: config.steps,
          finalLosses,
          clusters: clusterLosses(finalLosses),
          diverged: config.starts - finalLosses.length,
        },
      };
    } finally {
      objective.dispose();
    }
  },
  summarize: (r) => [
    `data set ${r.set}: ${r.points.length} points, ${r.hiddenUnits} hidden ReLU unit(s)`,
    ...r.published.map(
      (p) =>
        `${p.what}: L = ${fmt(p.loss)} (published ${fmt(p.publishedLoss)}), ‖∇L‖ = ${fmt(p.gradNorm)}, verdict ${p.classification.verdict}${p.kinks ? ` (${p.kinks} data point(s) on a kink)` : ''}; ${p.probe.negative} of ${p.probe.count} probes lowered the loss`,
    ),
    `descent from ${r.descent.starts} starts: ${r.descent.clusters
      .slice(0, 5)
      .map((c) => `${c.count}× L≈${fmt(c.loss, 4)}`)
      .join(', ')}${r.descent.diverged ? `; ${r.descent.diverged} diverged` : ''}`,
  ],
});

/** Perturbations drawn, and losses evaluated (one batched call), between two ticks of the scheduler: about 20 ms. */
const PROBE_ROWS_PER_TICK = 4096;

/**
 * Loss change under `count` random perturbations δ with ‖δ‖ ≤ radius (direction uniform, length uniform). Rows are
 * drawn in order and evaluated in blocks (each row's loss does not depend on the block), ticking in between.
 */
async function probe(
  lossOf: (t: tf.Tensor2D) => tf.Tensor1D,
  theta: number[],
  count: number,
  radius: number,
  rng: { normal(): number; next(): number },
  scheduler: Scheduler,
) {
  const P = theta.length;
  const rows = new Float32Array((count + 1) * P);
  rows.set(theta);
  for (let r = 1; r <= count; r++) {
    if (r % PROBE_ROWS_PER_TICK === 0) await scheduler.tick();
    const d = Array.from({ length: P }, () => rng.normal());
    const scale = (radius * rng.next()) / Math.hypot(...d);
    for (let i = 0; i < P; i++) rows[r * P + i] = theta[i]! + scale * d[i]!;
  }
  const losses = new Float64Array(count + 1);
  for (let start = 0; start <= count; start += PROBE_ROWS_PER_TICK) {
    await scheduler.tick();
    const k = Math.min(PROBE_ROWS_PER_TICK, count + 1 - start);
    losses.set(
      readTensor(() => lossOf(tf.tensor2d(rows.subarray(start * P, (start + k) * P), [k, P]))),
      start,
    );
  }
  const base = losses[0]!;
  let min = Infinity,
    max = -Infinity,
    sum = 0,
    negative = 0;
  for (let r = 1; r <= count; r++) {
    const delta = losses[r]! - base;
    min = Math.min(min, delta);
    max = Math.max(max, delta);
    sum += delta;
    // Float32 losses near 18 are exact to about 2e-6; only a clearer drop counts as lower.
    if (delta < -1e-5 * Math.max(1, Math.abs(base))) negative++;
  }
  return { min, mean: sum / count, max, negative, count, radius };
}

/** Groups final losses that agree to 1e-3 (relative), largest group first. */
export function clusterLosses(losses: number[]): { loss: number; count: number }[] {
  const clusters: { loss: number; count: number }[] = [];
  for (const l of [...losses].sort((a, b) => a - b)) {
    const last = clusters.at(-1);
    if (last && Math.abs(l - last.loss) <= 1e-3 * Math.max(1, Math.abs(last.loss))) last.count++;
    else clusters.push({ loss: l, count: 1 });
  }
  return clusters.sort((a, b) => b.count - a.count || a.loss - b.loss);
}
