// Props of <LocalMinimumProbe>: the field table's numbers (θ = (w, b, v, c), probe and descent settings) and descent's step cap.
import { z } from 'zod';
import { count } from '../../../lib/config/numbers.ts';
import { widgetId } from '../shared/props.ts';
import { fieldsShape } from '../shared/fields-schema.ts';
import { fields } from './fields.ts';

export const localMinimumProbeProps = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('local-minimum-probe'),
  ...fieldsShape(fields),
  /** Most gradient-descent steps of "Descend from here" (not a reader setting: it bounds the worker's job). */
  steps: count('steps', 100_000).default(5000),
});

export type LocalMinimumProbeProps = z.output<typeof localMinimumProbeProps>;

/** The props schema the registry reads (manifest.ts). */
export { localMinimumProbeProps as props };
