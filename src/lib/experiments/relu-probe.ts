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
import { createScheduler, type Scheduler } from '../train/scheduler.ts';
import { defineExperiment, fmt } from './types.ts';
import { RELU_PROBE_MAX_PROBES, RELU_PROBE_MAX_RADIUS, RELU_PROBE_MAX_STEPS, RELU_PROBES_PER_TICK } from './relu-probe-limits.ts';

export * from './relu-probe-limits.ts';

export { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS };

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);

export const reluProbeConfig = z.strictObject({
  mode: z.enum(['probe', 'descend']).default('probe'),
  /** θ = (w, b, v, c) of f(x) = v·ReLU(wx + b) + c. */
  theta: z
    .tuple([finite('theta[0] (w)'), finite('theta[1] (b)'), finite('theta[2] (v)'), finite('theta[3] (c)')])
    .default([...D1_LOCAL_MINIMUM]),
  /** Probe: every perturbation δ has ‖δ‖ = radius exactly (uniform direction on the sphere). */
  radius: positiveNumber('radius').max(RELU_PROBE_MAX_RADIUS, `radius must be at most ${RELU_PROBE_MAX_RADIUS}`).default(1e-2),
  probes: count('probes', RELU_PROBE_MAX_PROBES).default(1000),
  /** Descend: learning rate η and most steps of plain gradient descent. */
  lr: positiveNumber('lr').default(0.01),
  steps: count('steps', RELU_PROBE_MAX_STEPS).default(5000),
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

/** The running tally of a probe: ΔL of each step so far and their summary. */
interface ProbeTally {
  analysis: ReluUnitAnalysis;
  deltas: number[];
  min: number;
  max: number;
  sum: number;
  negative: number;
  tol: number;
}

function startProbe(theta: readonly number[], points: readonly Point2[], count: number): ProbeTally {
  const analysis = analyzeReluUnit(theta, points);
  return {
    analysis,
    deltas: new Array<number>(count),
    min: Infinity,
    max: -Infinity,
    sum: 0,
    negative: 0,
    tol: 1e-12 * Math.max(1, Math.abs(analysis.loss)),
  };
}

/** Probes k = from … to − 1, drawing their directions from `rng` in order (so any split gives the same numbers). */
function probeRange(
  t: ProbeTally,
  theta: readonly number[],
  points: readonly Point2[],
  radius: number,
  rng: Pick<Rng, 'normal'>,
  from: number,
  to: number,
): void {
  const base = t.analysis.loss;
  for (let k = from; k < to; k++) {
    const u = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    const s = radius / Math.hypot(...u);
    const d =
      reluUnitLoss(
        theta.map((x, i) => x + s * u[i]!),
        points,
      ) - base;
    t.deltas[k] = d;
    t.min = Math.min(t.min, d);
    t.max = Math.max(t.max, d);
    t.sum += d;
    if (d < -t.tol) t.negative++;
  }
}

const probeResult = (t: ProbeTally, radius: number, count: number): ProbeResult => ({
  mode: 'probe',
  analysis: t.analysis,
  radius,
  count,
  deltas: t.deltas,
  min: t.min,
  mean: t.sum / count,
  max: t.max,
  negative: t.negative,
});

/** ΔL for `count` steps δ = radius·u, u uniform on the unit sphere of R⁴ (a normalised Gaussian vector). */
export function probeReluUnit(
  theta: readonly number[],
  points: readonly Point2[],
  radius: number,
  count: number,
  rng: Pick<Rng, 'normal'>,
  signal?: AbortSignal,
): ProbeResult {
  const t = startProbe(theta, points, count);
  for (let k = 0; k < count; k += RELU_PROBES_PER_TICK) {
    signal?.throwIfAborted();
    probeRange(t, theta, points, radius, rng, k, Math.min(count, k + RELU_PROBES_PER_TICK));
  }
  return probeResult(t, radius, count);
}

/** `probeReluUnit` that yields to the scheduler between blocks of probes (same numbers), so Stop is read at once. */
export async function probeReluUnitScheduled(
  theta: readonly number[],
  points: readonly Point2[],
  radius: number,
  count: number,
  rng: Pick<Rng, 'normal'>,
  scheduler: Scheduler,
): Promise<ProbeResult> {
  const t = startProbe(theta, points, count);
  for (let k = 0; k < count; k += RELU_PROBES_PER_TICK) {
    await scheduler.tick();
    probeRange(t, theta, points, radius, rng, k, Math.min(count, k + RELU_PROBES_PER_TICK));
  }
  scheduler.check();
  return probeResult(t, radius, count);
}

export const reluProbe = defineExperiment({
  id: 'relu-probe',
  description:
    'One ReLU unit on data set D1 (Swirszcz et al. 2016): loss changes under random small steps around θ, or gradient descent from θ.',
  source: 'Swirszcz, Czarnecki & Pascanu 2016, arXiv:1611.06310, §3.1.3, Proposition 1; lecture "Do deep networks have local minima?"',
  configSchema: reluProbeConfig,
  async run(config, ctx): Promise<ReluProbeResult> {
    if (config.mode === 'probe')
      return probeReluUnitScheduled(config.theta, D1_POINTS, config.radius, config.probes, ctx.rng, createScheduler(ctx.signal));
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
