// Experiment: probe the one-ReLU-unit loss on data set D1 around any θ (random steps on a sphere), or descend from θ.
import { z } from 'zod';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../data/swirszcz-regression.ts';
import {
  analyzeReluUnit,
  descendReluUnit,
  reluUnitLoss,
  type Point2,
  type ReluUnitAnalysis,
  type ReluUnitDescent,
} from '../models/relu-unit.ts';
import type { Rng } from '../random/rng.ts';
import { count, positiveNumber } from '../config/numbers.ts';
import { defineExperiment, fmt } from './types.ts';

export { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS };

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);

export const reluProbeConfig = z.strictObject({
  mode: z.enum(['probe', 'descend']).default('probe'),
  /** θ = (w, b, v, c) of f(x) = v·ReLU(wx + b) + c. */
  theta: z
    .tuple([finite('theta[0] (w)'), finite('theta[1] (b)'), finite('theta[2] (v)'), finite('theta[3] (c)')])
    .default([...D1_LOCAL_MINIMUM]),
  /** Probe: every perturbation δ has ‖δ‖ = radius exactly (uniform direction on the sphere). */
  radius: positiveNumber('radius').max(10, 'radius must be at most 10').default(1e-2),
  probes: count('probes', 100_000).default(1000),
  /** Descend: learning rate η and most steps of plain gradient descent. */
  lr: positiveNumber('lr').default(0.01),
  steps: count('steps', 200_000).default(5000),
});
export type ReluProbeConfig = z.output<typeof reluProbeConfig>;

export interface ProbeResult {
  mode: 'probe';
  analysis: ReluUnitAnalysis;
  radius: number;
  count: number;
  /** ΔL = L(θ + δ) − L(θ) for each probe, in sampling order. */
  deltas: number[];
  min: number;
  mean: number;
  max: number;
  /** Probes with ΔL below −1e-12·max(1, L) (float64 rounding of L is far smaller). */
  negative: number;
}

export interface DescendResult {
  mode: 'descend';
  lr: number;
  start: ReluUnitAnalysis;
  descent: ReluUnitDescent;
  /** The analysis where descent stopped (absent when it diverged). */
  end?: ReluUnitAnalysis;
}

export type ReluProbeResult = ProbeResult | DescendResult;

/** ΔL for `count` steps δ = radius·u, u uniform on the unit sphere of R⁴ (a normalised Gaussian vector). */
export function probeReluUnit(
  theta: readonly number[],
  points: readonly Point2[],
  radius: number,
  count: number,
  rng: Pick<Rng, 'normal'>,
  signal?: AbortSignal,
): ProbeResult {
  const analysis = analyzeReluUnit(theta, points);
  const base = analysis.loss;
  const deltas: number[] = new Array<number>(count);
  let min = Infinity,
    max = -Infinity,
    sum = 0,
    negative = 0;
  const tol = 1e-12 * Math.max(1, Math.abs(base));
  for (let k = 0; k < count; k++) {
    if (k % 4096 === 0) signal?.throwIfAborted();
    const u = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    const s = radius / Math.hypot(...u);
    const d =
      reluUnitLoss(
        theta.map((t, i) => t + s * u[i]!),
        points,
      ) - base;
    deltas[k] = d;
    min = Math.min(min, d);
    max = Math.max(max, d);
    sum += d;
    if (d < -tol) negative++;
  }
  return { mode: 'probe', analysis, radius, count, deltas, min, mean: sum / count, max, negative };
}

export const reluProbe = defineExperiment({
  id: 'relu-probe',
  description:
    'One ReLU unit on data set D1 (Swirszcz et al. 2016): loss changes under random small steps around θ, or gradient descent from θ.',
  source: 'Swirszcz, Czarnecki & Pascanu 2016, arXiv:1611.06310, §3.1.3, Proposition 1; lecture "Do deep networks have local minima?"',
  configSchema: reluProbeConfig,
  async run(config, ctx): Promise<ReluProbeResult> {
    if (config.mode === 'probe') return probeReluUnit(config.theta, D1_POINTS, config.radius, config.probes, ctx.rng, ctx.signal);
    const descent = await descendReluUnit(config.theta, D1_POINTS, {
      lr: config.lr,
      steps: config.steps,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    ctx.signal?.throwIfAborted();
    const out: DescendResult = { mode: 'descend', lr: config.lr, start: analyzeReluUnit(config.theta, D1_POINTS), descent };
    if (descent.outcome !== 'diverged') out.end = analyzeReluUnit(descent.theta, D1_POINTS);
    return out;
  },
  summarize: (r) =>
    r.mode === 'probe'
      ? [
          `θ = (${r.analysis.theta.map((t) => fmt(t)).join(', ')}): L = ${fmt(r.analysis.loss, 8)}, ‖∇L‖ = ${fmt(r.analysis.gradNorm)}, eigenvalues of H ${r.analysis.eigenvalues.map((l) => fmt(l)).join(', ')}${r.analysis.eigenvaluesOn ? ` (other side of the kink: ${r.analysis.eigenvaluesOn.map((l) => fmt(l)).join(', ')})` : ''}`,
          `${r.count} probes at radius ${fmt(r.radius)}: ΔL from ${fmt(r.min)} to ${fmt(r.max)} (mean ${fmt(r.mean)}), ${r.negative} lowered the loss`,
        ]
      : [
          `gradient descent, η = ${fmt(r.lr)}: ${r.descent.outcome} after ${r.descent.steps} steps at L = ${fmt(r.descent.loss, 8)}, θ = (${r.descent.theta.map((t) => fmt(t)).join(', ')})`,
        ],
});
