// DimensionsAndSaddles' fields: the saddle's curvatures and slicing angle, the GOE sizes, samples, seed and batches.
import { CURVATURE_RANGE } from '../../../lib/landscape/slices.ts';
import { GOE_MAX_N, GOE_MAX_SAMPLES } from '../../../lib/experiments/goe-stats.ts';
import { defineFields, seedField } from '../shared/fields.ts';

/** Most batches a page (or a link) may ask for: 200 full batches already take hours at the largest sizes. */
export const MAX_BATCHES = 200;

export const fields = defineFields({
  a: {
    kind: 'number',
    min: CURVATURE_RANGE[0],
    max: CURVATURE_RANGE[1],
    default: 1,
    label: 'a',
    step: 0.05,
    doc: 'Upward curvature along x₁: the positive eigenvalue of H.',
  },
  b: {
    kind: 'number',
    min: CURVATURE_RANGE[0],
    max: CURVATURE_RANGE[1],
    default: 0.25,
    label: 'b',
    step: 0.05,
    doc: 'Downward curvature along x₂: H has eigenvalue −b, so b must be positive for a saddle.',
  },
  angle: {
    kind: 'number',
    min: 0,
    max: 180,
    default: 30,
    label: 'angle',
    step: 1,
    doc: 'Slicing direction in degrees from the x₁ axis (a line through the origin: 180° is 0° again).',
  },
  maxN: {
    kind: 'number',
    min: 1,
    max: GOE_MAX_N,
    integer: true,
    default: 12,
    label: 'maxN',
    step: 1,
    doc: 'Largest matrix size n sampled.',
  },
  samples: {
    kind: 'number',
    min: 1,
    max: GOE_MAX_SAMPLES,
    integer: true,
    default: 2000,
    label: 'samples',
    step: 1000,
    doc: 'Matrices drawn per n in each batch ("More samples" adds a batch).',
  },
  seed: seedField('Seed of the random matrices.'),
  batches: {
    kind: 'number',
    min: 1,
    max: MAX_BATCHES,
    integer: true,
    default: 1,
    label: 'batches',
    step: 1,
    doc: 'Batches sampled when the page opens (the first is painted at build time; the page samples the rest).',
  },
});

/** The fields typed into number inputs (the angle has a slider; batches grow with More samples). */
export const typedFields = { a: fields.a, b: fields.b, maxN: fields.maxN, samples: fields.samples, seed: fields.seed };
/** The fields that change what is sampled: a new value starts the counts over. */
export const GOE_FIELDS = ['maxN', 'samples', 'seed'] as const;
