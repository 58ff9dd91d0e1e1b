// SaddleDynamics' fields: the saddle's eigenvalues, the step, the start ε, momentum, noise and its seed, with their
// ranges, steps and labels. The props (props.ts), the URL, typed values and arrow keys all read this one table.
import { defineFields, type StateOf, seedField } from '../shared/fields.ts';

export const fields = defineFields({
  lambda1: {
    kind: 'number',
    min: 0.05,
    max: 10,
    default: 1,
    step: 0.1,
    label: 'lambda1',
    doc: 'Curvature λ₁ > 0 along the stable direction x₁.',
  },
  lambda2: {
    kind: 'number',
    min: -10,
    max: -0.05,
    default: -0.5,
    step: 0.1,
    label: 'lambda2',
    doc: 'Curvature λ₂ < 0 along the unstable direction x₂ (negative, or the origin is not a saddle).',
  },
  lr: { kind: 'number', min: 0.001, max: 3, default: 0.1, step: 0.01, label: 'lr', doc: 'Learning rate η.' },
  epsilon: {
    kind: 'number',
    min: 0,
    max: 0.5,
    default: 1e-3,
    step: 0.001,
    label: 'epsilon',
    doc: 'Starting distance ε from the stable direction (0 starts exactly on it).',
  },
  beta: { kind: 'number', min: 0, max: 0.99, default: 0.9, step: 0.05, label: 'beta', doc: 'Heavy-ball momentum β.' },
  sigma: {
    kind: 'number',
    min: 0,
    max: 0.1,
    default: 0,
    step: 0.001,
    label: 'sigma',
    doc: 'Standard deviation σ of the Gaussian noise added to every step (0 for none).',
  },
  seed: seedField('Seed of the noise.'),
});

export type DynamicsFields = StateOf<typeof fields>;
