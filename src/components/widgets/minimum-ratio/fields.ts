// MinimumRatio's live fields: networks per job, jobs, hidden width, the two step budgets, and the seed. At the caps
// (10 jobs of 10 networks of width 128, 20 000 + 20 000 steps) a browser worker needs about ten minutes.
import { MR_LIVE, MR_MAX_RUNS, MR_MAX_WIDTH } from '../../../lib/experiments/minimum-ratio-limits.ts';
import { defineFields, seedField } from '../shared/fields.ts';

export const fields = defineFields({
  runs: {
    kind: 'number',
    min: 1,
    max: MR_MAX_RUNS,
    integer: true,
    default: MR_LIVE.runs,
    label: 'runs',
    step: 1,
    doc: 'Networks trained together in one job.',
  },
  blocks: {
    kind: 'number',
    min: 1,
    max: 10,
    integer: true,
    default: MR_LIVE.blocks,
    label: 'blocks',
    step: 1,
    doc: 'Jobs: the run has runs × blocks networks.',
  },
  hidden: {
    kind: 'number',
    min: 4,
    max: MR_MAX_WIDTH,
    integer: true,
    default: MR_LIVE.hidden,
    label: 'hidden',
    step: 4,
    doc: 'Hidden units h of every network (P = 3h + 1 parameters).',
  },
  trainSteps: {
    kind: 'number',
    min: 100,
    max: 20_000,
    integer: true,
    default: MR_LIVE.trainSteps,
    label: 'trainSteps',
    step: 500,
    doc: 'Adam steps on the loss L.',
  },
  criticalSteps: {
    kind: 'number',
    min: 100,
    max: 20_000,
    integer: true,
    default: MR_LIVE.criticalSteps,
    label: 'criticalSteps',
    step: 500,
    doc: 'Adam steps on ½‖∇L‖² after training (fewer if ‖∇L‖ ≤ 10⁻⁷ first).',
  },
  seed: seedField('Seed of the live run (job i draws its initial weights from a stream derived from the seed and i).'),
});
