// Props of <SaddleDynamics>: the saddle's eigenvalues, the optimiser's step, momentum and noise, and the ε range swept.
import { z } from 'zod';
import { count, fraction, nonNegativeNumber, positiveNumber } from '../../../lib/config/numbers.ts';
import { widgetId } from '../shared/props.ts';

export const saddleDynamicsProps = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('saddle-dynamics'),
  /** Curvature along the stable direction x₁: must be positive. */
  lambda1: positiveNumber('lambda1').max(10, 'lambda1 must be at most 10').default(1),
  /** Curvature along the unstable direction x₂: must be negative. */
  lambda2: z
    .number({ error: 'lambda2 must be a negative number' })
    .refine((v) => Number.isFinite(v) && v < 0, 'lambda2 must be a negative finite number (the unstable direction of a saddle)')
    .refine((v) => v >= -10, 'lambda2 must be at least −10')
    .default(-0.5),
  /** Learning rate η. */
  lr: positiveNumber('lr').max(3, 'lr must be at most 3').default(0.1),
  /** Starting distance ε of the trajectory from the stable direction (0 starts exactly on it). */
  epsilon: nonNegativeNumber('epsilon').max(0.5, 'epsilon must be at most 0.5').default(1e-3),
  /** Smallest and largest ε of the escape-time chart (log scale). */
  epsilonRange: z
    .tuple([positiveNumber('epsilonRange[0]'), positiveNumber('epsilonRange[1]')])
    .refine(([lo, hi]) => lo < hi, 'epsilonRange must be [smallest, largest] with smallest < largest')
    .refine(([, hi]) => hi <= 0.5, 'epsilonRange[1] must be at most 0.5')
    .default([1e-8, 1e-1]),
  /** Standard deviation σ of the Gaussian noise added to every step (0 for none). */
  sigma: nonNegativeNumber('sigma').max(0.1, 'sigma must be at most 0.1').default(0),
  /** Heavy-ball momentum β in [0, 1). */
  beta: fraction('beta').default(0.9),
  /** Most steps a simulation takes. */
  steps: count('steps', 100_000).default(5000),
  /** Seed of the noise. */
  seed: z.number({ error: 'seed must be a whole number' }).int('seed must be a whole number').min(0, 'seed must be ≥ 0').default(1),
});

export type SaddleDynamicsProps = z.output<typeof saddleDynamicsProps>;

/** The props schema the registry reads (manifest.ts). */
export { saddleDynamicsProps as props };
