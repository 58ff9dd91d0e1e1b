import { describe, expect, it } from 'vitest';
import { sincGrid } from '../../../src/lib/data/sinc.ts';
import {
  analyzeNetwork,
  minimumRatio,
  minimumRatioConfig,
  MR_TAU_GRID,
  MR_TAU_INDEX,
  type MrJobResult,
} from '../../../src/lib/experiments/minimum-ratio.ts';
import { certifies } from '../../../src/lib/experiments/minimum-ratio-summary.ts';
import { runJobAt, summarizeResults } from '../../../src/lib/experiments/sweep.ts';
import { initReluNet1d, reluNet1dHessian } from '../../../src/lib/models/relu-net-1d.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { createScheduler } from '../../../src/lib/train/scheduler.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';

const def = minimumRatio.sweep;
const small = minimumRatioConfig.parse({ runs: 3, blocks: 2, hidden: 16, trainSteps: 2000, criticalSteps: 2000 });

async function runAll(config = small, seed = 7) {
  const js = def.jobs(config);
  const done: { index: number; result: MrJobResult }[] = [];
  for (let index = 0; index < js.length; index++) done.push({ index, result: await runJobAt(def, config, js, index, seed) });
  return { done, summary: summarizeResults(def, config, js, done) };
}

describe('the sinc grid of the minimum-ratio experiment', () => {
  it('is sin(5πx)/(5πx) at 100 even points of [−1, 1], symmetric, with 0 left out', () => {
    const { x, y } = sincGrid(100, 5);
    expect(x[0]).toBe(-1);
    expect(x[99]).toBe(1);
    expect([...x].includes(0)).toBe(false);
    for (let i = 0; i < 100; i++) {
      const t = 5 * Math.PI * x[i]!;
      expect(Math.abs(y[i]! - Math.sin(t) / t)).toBeLessThan(1e-15);
      expect(y[i]).toBeCloseTo(y[99 - i]!, 14);
    }
    // sinc(5x) vanishes at x = 0.2: the neighbouring grid points have opposite signs.
    const i = x.findIndex((t) => t > 0.2);
    expect(y[i - 1]! * y[i]!).toBeLessThan(0);
    expect(sincGrid(3, 1).y[1]).toBe(1);
  });
});

describe('the analysis of one network', () => {
  it('computes the certificate (2/N)‖(αⱼ, βⱼ)‖ from the residuals and bounds λ_min by it', async () => {
    const data = sincGrid(40, 5);
    const h = 6,
      P = 3 * h + 1,
      N = 40;
    const rng = createRng(3);
    const theta = initReluNet1d(h, () => rng.next());
    const a = await analyzeNetwork(theta, data, createScheduler());
    // αⱼ = Σᵢ rᵢ sᵢⱼ xᵢ and βⱼ = Σᵢ rᵢ sᵢⱼ, straight from the definition.
    let expected = 0;
    for (let j = 0; j < h; j++) {
      let alpha = 0,
        beta = 0;
      for (let i = 0; i < N; i++) {
        const xi = data.x[i]!;
        let f = theta[3 * h]!;
        for (let k = 0; k < h; k++) f += theta[2 * h + k]! * Math.max(0, theta[k]! * xi + theta[h + k]!);
        const r = f - data.y[i]!;
        if (theta[j]! * xi + theta[h + j]! > 0) {
          alpha += r * xi;
          beta += r;
        }
      }
      expected = Math.max(expected, (2 / N) * Math.hypot(alpha, beta));
    }
    expect(a.certificate).toBeCloseTo(expected, 12);
    const values = symmetricEigen(reluNet1dHessian(theta, data).hessian, P).values;
    expect(a.lambdaMin).toBe(values[0]);
    expect(a.lambdaMin).toBeGreaterThanOrEqual(-a.certificate - 1e-12);
    // Far from a critical point the bound is not idle: the Hessian has a negative eigenvalue.
    expect(a.lambdaMin).toBeLessThan(0);
    // The counts at τ = t·λ_max, by hand.
    MR_TAU_GRID.forEach((t, k) => {
      const tau = t * values[P - 1]!;
      expect(a.positive[k]).toBe(values.filter((v) => v > tau).length);
      expect(a.negative[k]).toBe(values.filter((v) => v < -tau).length);
    });
  });
});

describe('the minimum-ratio sweep', () => {
  it('drives the networks towards critical points where the homework rule and the second-order test disagree', async () => {
    const { done, summary } = await runAll();
    def.summarySchema.parse(summary);
    const P = 3 * 16 + 1;
    const nets = done.flatMap((d) => d.result.networks);
    expect(nets).toHaveLength(6);
    expect(summary).toMatchObject({ networks: 6, jobsDone: 2, jobsTotal: 2, diverged: 0 });
    for (const n of nets) {
      // Counts shrink as the tolerance grows, and never exceed P.
      for (let k = 1; k < MR_TAU_GRID.length; k++) {
        expect(n.positive[k]).toBeLessThanOrEqual(n.positive[k - 1]!);
        expect(n.negative[k]).toBeLessThanOrEqual(n.negative[k - 1]!);
      }
      expect(n.positive[0]! + n.negative[0]!).toBeLessThanOrEqual(P);
      // Weyl: the Gauss–Newton part is PSD, so no eigenvalue lies below −certificate.
      expect(certifies(n, P)).toBe(true);
      // The per-layer blocks are Gauss–Newton blocks: positive semidefinite.
      expect(n.layerNegative).toBe(0);
      expect(n.layerMin).toBeGreaterThan(-1e-6 * n.lambdaMax);
    }
    expect(summary.certified).toBe(6);
    expect(summary.layerNegative).toBe(0);
    // The descent on ½‖∇L‖² lowers the gradient norm of the typical network.
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
    expect(median(nets.map((n) => n.gradNorm))).toBeLessThan(median(nets.map((n) => n.trainedGradNorm)));
    // A ratio counted with λ > τ never exceeds the one with λ > 0, so the homework rule holds at least as often with λ > 0.
    expect(summary.hwLike).toBeLessThanOrEqual(summary.hwLikeZero);
    for (const p of summary.points) expect(p.ratio).toBeLessThanOrEqual(p.ratioZero);
    expect(summary.ratioByTau).toHaveLength(MR_TAU_GRID.length);
    expect(summary.ratio.median).toBe(summary.ratioByTau[MR_TAU_INDEX]);
  });

  it('stops at a cancel', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runJobAt(def, small, def.jobs(small), 0, 1, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('rejects settings out of range, naming the field', () => {
    expect(() => minimumRatioConfig.parse({ hidden: 129 })).toThrow(/hidden/);
    expect(() => minimumRatioConfig.parse({ runs: 0 })).toThrow(/runs/);
    expect(() => minimumRatioConfig.parse({ samples: 1 })).toThrow(/samples/);
  });
});
