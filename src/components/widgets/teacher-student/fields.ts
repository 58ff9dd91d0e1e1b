// TeacherStudent's live fields: runs per job, blocks per cell, the largest teacher, and the seed. The ranges keep the
// largest request (k up to 12, n = k and k + 1, 200 runs a cell) a few minutes in a browser worker.
import { TS_LIVE, TS_LIVE_MAX } from '../../../lib/experiments/teacher-student-limits.ts';
import { defineFields, seedField } from '../shared/fields.ts';

export const fields = defineFields({
  runs: {
    kind: 'number',
    min: 1,
    max: TS_LIVE_MAX.runs,
    integer: true,
    default: TS_LIVE.runs,
    label: 'runs',
    step: 1,
    doc: 'Random starts in one job (one block of one (k, n) cell), descended together.',
  },
  blocks: {
    kind: 'number',
    min: 1,
    max: TS_LIVE_MAX.blocks,
    integer: true,
    default: TS_LIVE.blocks,
    label: 'blocks',
    step: 1,
    doc: 'Blocks per cell: each cell gets runs × blocks random starts.',
  },
  kMax: {
    kind: 'number',
    min: TS_LIVE.kMin,
    max: TS_LIVE_MAX.kMax,
    integer: true,
    default: TS_LIVE.kMax,
    label: 'kMax',
    step: 1,
    doc: 'Largest teacher: the live run covers k = 6 … kMax, each with n = k and n = k + 1 students.',
  },
  seed: seedField('Seed of the live run (job i draws from a stream derived from the seed and i).'),
});
