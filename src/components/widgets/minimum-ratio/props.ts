// Props of <MinimumRatio>: its field table (fields.ts) as zod props, plus the id naming its URL state.
import { z } from 'zod';
import { fieldsShape } from '../shared/fields-schema.ts';
import { widgetId } from '../shared/props.ts';
import { fields } from './fields.ts';

export const props = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('minimum-ratio'),
  ...fieldsShape(fields),
});

export type MinimumRatioProps = z.output<typeof props>;
