// HessianSpectrum's fields: the data set, activation and optimiser, the learning rate, seed and step count a link
// carries, and the chunk size and gradient tolerance a lecture sets. Hidden widths are a list: model.ts parses them.
import { defineFields, seedField } from '../shared/fields.ts';

export const DATASET_KEYS = ['sinc', 'xor', 'jellyfish', 'teacher'] as const;
export const ACTIVATION_KEYS = ['tanh', 'relu', 'sigmoid', 'softplus', 'linear'] as const;
export const OPTIMIZER_KEYS = ['adam', 'momentum', 'gd'] as const;

/** A run stops here; a link can ask for at most this many steps (one request may take them all). */
export const MAX_TOTAL_STEPS = 20_000;

export const fields = defineFields({
  dataset: { kind: 'choice', values: DATASET_KEYS, default: 'sinc', label: 'dataset', doc: 'The data set the network fits.' },
  activation: {
    kind: 'choice',
    values: ACTIVATION_KEYS,
    default: 'tanh',
    label: 'activation',
    doc: 'The activation of every hidden layer.',
  },
  optimizer: { kind: 'choice', values: OPTIMIZER_KEYS, default: 'adam', label: 'optimizer', doc: 'The optimiser that trains θ.' },
  lr: {
    kind: 'number',
    min: 1e-5,
    max: 50,
    default: 0.01,
    step: 0.001,
    label: 'lr',
    doc: 'Learning rate η (large enough to diverge on purpose).',
  },
  steps: {
    kind: 'number',
    min: 0,
    max: MAX_TOTAL_STEPS,
    integer: true,
    default: 300,
    step: 100,
    label: 'step',
    doc: 'Steps trained for the first paint (at build time), and the step a shared link retrains to.',
  },
  chunk: {
    kind: 'number',
    min: 1,
    max: 1000,
    integer: true,
    default: 100,
    step: 10,
    url: false,
    label: 'chunk',
    doc: 'Steps per request while training live (the step button adds this many).',
  },
  gradTol: {
    kind: 'number',
    min: 1e-12,
    max: 1,
    default: 1e-2,
    step: 1e-3,
    url: false,
    label: 'gradTol',
    doc: '‖∇L‖ at most this counts as a critical point.',
  },
  seed: seedField('Seed of θ₀ (and of the teacher data set).'),
});
