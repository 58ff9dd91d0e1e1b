// Experiment: loss, gradient, Hessian, eigenpairs and verdict of the two-weight network y = w₁w₂x at a point.
import { z } from 'zod';
import { denseHessian, lossAndGradient } from '../autodiff/derivatives.ts';
import { mlpObjective } from '../models/objective.ts';
import { symmetricEigen2 } from '../models/two-weight.ts';
import { lossAlongLine } from '../landscape/interpolation.ts';
import { classifyPoint, type Classification } from '../landscape/classify.ts';
import { createScheduler } from '../train/scheduler.ts';
import { defineExperiment, fmt } from './types.ts';

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);
const bounded = (label: string, limit: number) =>
  finite(label).refine((v) => Math.abs(v) <= limit, `${label} must lie in [−${limit}, ${limit}]`);

export const toyHessianConfig = z.strictObject({
  w1: bounded('w1', 100).default(0),
  w2: bounded('w2', 100).default(0),
  /** The single training sample (x, ŷ); the lectures use (1, 1). */
  x: bounded('x', 100).default(1),
  y: bounded('y', 100).default(1),
  /** Step length α along the unit eigenvector of the most negative eigenvalue. */
  step: bounded('step', 100).default(1),
});

export interface ToyHessianResult {
  theta: [number, number];
  loss: number;
  gradient: [number, number];
  gradNorm: number;
  hessian: [[number, number], [number, number]];
  /** Ascending. */
  eigenvalues: [number, number];
  /** Unit eigenvectors, eigenvectors[i] for eigenvalues[i]. */
  eigenvectors: [[number, number], [number, number]];
  classification: Classification;
  /** Present when an eigenvalue is negative: the loss after stepping α along its eigenvector. */
  escape?: { direction: [number, number]; step: number; loss: number; quadraticModel: number };
}

export const toyHessian = defineExperiment({
  id: 'toy-hessian',
  description: 'Loss, gradient, Hessian and its eigenpairs for y = w1·w2·x at one point, with the second-order verdict.',
  source: 'Lecture 2 (Taylor expansion and the Hessian), the two-weight example',
  configSchema: toyHessianConfig,
  async run(config, ctx): Promise<ToyHessianResult> {
    // Two parameters: the whole run takes well under a millisecond, so checkpoints without yields are enough.
    const scheduler = createScheduler(ctx.signal);
    scheduler.check();
    const objective = mlpObjective({ widths: [1, 1, 1], activation: 'linear', bias: false }, 'sse', [config.x], [config.y], 1);
    try {
      const theta: [number, number] = [config.w1, config.w2];
      const loss = (t: Parameters<typeof objective.loss>[0]) => objective.loss(t);
      const { loss: L, grad } = lossAndGradient(loss, theta);
      const H = denseHessian(loss, theta);
      const hessian: [[number, number], [number, number]] = [
        [H[0]!, H[1]!],
        [H[2]!, H[3]!],
      ];
      scheduler.check();
      const { values, vectors } = symmetricEigen2(hessian);
      const gradNorm = Math.hypot(grad[0]!, grad[1]!);
      const result: ToyHessianResult = {
        theta,
        loss: L,
        gradient: [grad[0]!, grad[1]!],
        gradNorm,
        hessian,
        eigenvalues: [values[0], values[1]],
        eigenvectors: [[...vectors[0]], [...vectors[1]]],
        classification: classifyPoint(values, gradNorm),
      };
      if (values[0] < -result.classification.zeroTol) {
        const u = vectors[0];
        const after = lossAlongLine(objective, theta, [theta[0] + u[0], theta[1] + u[1]], [config.step])[0]!;
        result.escape = { direction: [u[0], u[1]], step: config.step, loss: after, quadraticModel: L + 0.5 * values[0] * config.step ** 2 };
      }
      return result;
    } finally {
      objective.dispose();
    }
  },
  summarize: (r) => [
    `θ = (${r.theta.map((v) => fmt(v)).join(', ')}), L = ${fmt(r.loss)}, ‖∇L‖ = ${fmt(r.gradNorm)}`,
    `H = [[${r.hessian[0].map((v) => fmt(v)).join(', ')}], [${r.hessian[1].map((v) => fmt(v)).join(', ')}]], eigenvalues ${r.eigenvalues.map((v) => fmt(v)).join(', ')}`,
    `verdict: ${r.classification.verdict}`,
    ...(r.escape
      ? [
          `escape along (${r.escape.direction.map((v) => fmt(v)).join(', ')}) by ${fmt(r.escape.step)}: L = ${fmt(r.escape.loss)} (quadratic model ${fmt(r.escape.quadraticModel)})`,
        ]
      : []),
  ],
});
