// A probe result for the widget's tests, sampled here (random steps of length r on the sphere around θ) so the
// tests do not depend on how the experiment schedules its loop.
import { analyzeReluUnit, reluUnitLoss } from '../../../src/lib/models/relu-unit.ts';
import { D1_POINTS } from '../../../src/lib/data/swirszcz-regression.ts';
import type { ProbeResult } from '../../../src/lib/experiments/relu-probe.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

export function probeFixture(theta: readonly number[], radius: number, count: number, seed = 1): ProbeResult {
  const rng = createRng(seed);
  const analysis = analyzeReluUnit(theta, D1_POINTS);
  const deltas = Array.from({ length: count }, () => {
    const u = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
    const s = radius / Math.hypot(...u);
    return (
      reluUnitLoss(
        theta.map((t, i) => t + s * u[i]!),
        D1_POINTS,
      ) - analysis.loss
    );
  });
  const tol = 1e-12 * Math.max(1, analysis.loss);
  return {
    mode: 'probe',
    analysis,
    radius,
    count,
    deltas,
    min: Math.min(...deltas),
    mean: deltas.reduce((a, b) => a + b, 0) / count,
    max: Math.max(...deltas),
    negative: deltas.filter((d) => d < -tol).length,
  };
}
