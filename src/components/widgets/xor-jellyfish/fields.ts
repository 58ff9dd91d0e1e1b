// XorJellyfish's live fields: runs per job, blocks per cell, steps per run, and the seed. The ranges keep the
// largest request a browser worker can finish in a few minutes (20 × 4 × 48 runs of 20 000 steps).
import { XJ_LIVE } from '../../../lib/experiments/xor-jellyfish-limits.ts';
import { defineFields, seedField } from '../shared/fields.ts';

export const fields = defineFields({
  runs: {
    kind: 'number',
    min: 1,
    max: 20,
    integer: true,
    default: XJ_LIVE.runs,
    label: 'runs',
    step: 1,
    doc: 'Random starts in one job (one block of one of the 48 cells).',
  },
  blocks: {
    kind: 'number',
    min: 1,
    max: 4,
    integer: true,
    default: XJ_LIVE.blocks,
    label: 'blocks',
    step: 1,
    doc: 'Blocks per cell: each cell gets runs × blocks random starts.',
  },
  steps: {
    kind: 'number',
    min: 100,
    max: 20_000,
    integer: true,
    default: XJ_LIVE.steps,
    label: 'steps',
    step: 1000,
    doc: 'Full-batch training steps of every run.',
  },
  seed: seedField('Seed of the live run (job i draws from a stream derived from the seed and i).'),
});
