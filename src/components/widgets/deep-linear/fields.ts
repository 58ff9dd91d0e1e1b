// DeepLinear's live fields: runs per job, blocks per cell, steps per run, and the seed. The ranges keep the largest
// request a browser worker finishes in a few minutes (8 cells × 8 blocks × 20 runs of 20 000 steps) and a job's step
// under the scheduler's slice (DL_MAX_RUNS).
import { DL_LIVE, DL_MAX_RUNS } from '../../../lib/experiments/deep-linear-limits.ts';
import { defineFields, seedField } from '../shared/fields.ts';

export const fields = defineFields({
  runs: {
    kind: 'number',
    min: 1,
    max: DL_MAX_RUNS,
    integer: true,
    default: DL_LIVE.runs,
    label: 'runs',
    step: 1,
    doc: 'Random starts in one job (one block of one of the 8 cells: linear or ReLU, depth 2 to 5).',
  },
  blocks: {
    kind: 'number',
    min: 1,
    max: 8,
    integer: true,
    default: DL_LIVE.blocks,
    label: 'blocks',
    step: 1,
    doc: 'Blocks per cell: each cell gets runs × blocks random starts.',
  },
  steps: {
    kind: 'number',
    min: 100,
    max: 20_000,
    integer: true,
    default: 10_000,
    label: 'steps',
    step: 1000,
    doc: 'Most full-batch gradient steps of a run (a run stops earlier once ‖∇L‖ ≤ 10⁻⁸).',
  },
  seed: seedField('Seed of the live run (job i draws its initial weights from a stream derived from the seed and i).'),
});
