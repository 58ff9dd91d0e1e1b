// Props of <SaddleDynamics>: the fields of fields.ts, plus the ε range the escape chart sweeps and the step cap.
import { z } from 'zod';
import { count, positiveNumber } from '../../../lib/config/numbers.ts';
import { fieldsShape } from '../shared/fields-schema.ts';
import { widgetId } from '../shared/props.ts';
import { fields } from './fields.ts';

export const saddleDynamicsProps = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('saddle-dynamics'),
  ...fieldsShape(fields),
  /** Smallest and largest ε of the escape-time chart (log scale). */
  epsilonRange: z
    .tuple([positiveNumber('epsilonRange[0]'), positiveNumber('epsilonRange[1]')])
    .refine(([lo, hi]) => lo < hi, 'epsilonRange must be [smallest, largest] with smallest < largest')
    .refine(([, hi]) => hi <= fields.epsilon.max, `epsilonRange[1] must be at most ${fields.epsilon.max}`)
    .default([1e-8, 1e-1]),
  /** Most steps a simulation takes: a run that has not escaped by then is reported as hitting this cap. */
  steps: count('steps', 100_000).default(5000),
});

export type SaddleDynamicsProps = z.output<typeof saddleDynamicsProps>;

/** The props schema the registry reads (manifest.ts). */
export { saddleDynamicsProps as props };
