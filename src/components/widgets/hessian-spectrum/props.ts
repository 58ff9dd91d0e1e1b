// Props of <HessianSpectrum>: the fields of its table, the hidden widths (a list), and the check that the network is
// small enough for a live spectrum.
import { z } from 'zod';
import { count } from '../../../lib/config/numbers.ts';
import { fieldsShape } from '../shared/fields-schema.ts';
import { widgetId } from '../shared/props.ts';
import { datasetDims } from './dims.ts';
import { DATASET_KEYS, fields } from './fields.ts';
import { MAX_HIDDEN_LAYERS, MAX_LIVE_PARAMETERS, MAX_WIDTH, parameterCount } from './model.ts';

export const hessianSpectrumProps = z
  .strictObject({
    /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
    id: widgetId.default('hessian-spectrum'),
    ...fieldsShape(fields),
    /** Hidden layer widths, e.g. [10] (the lecture's 1-10-1 network on sinc). */
    hidden: z
      .array(count('every hidden width', MAX_WIDTH), { error: 'hidden must be a list of widths such as [10, 10]' })
      .min(1, 'hidden needs at least one hidden layer')
      .max(MAX_HIDDEN_LAYERS, `hidden may have at most ${MAX_HIDDEN_LAYERS} layers`)
      .default([10]),
  })
  .superRefine((p, ctx) => {
    // Only a valid data set and width list can be counted (their own messages cover the rest).
    if (!(DATASET_KEYS as readonly string[]).includes(p.dataset) || !Array.isArray(p.hidden) || !p.hidden.every(Number.isInteger)) return;
    const P = parameterCount(datasetDims(), p.dataset, p.hidden);
    if (P > MAX_LIVE_PARAMETERS)
      ctx.addIssue({
        code: 'custom',
        path: ['hidden'],
        message: `hidden ${JSON.stringify(p.hidden)} gives ${P} parameters on ${p.dataset}; the live spectrum allows at most ${MAX_LIVE_PARAMETERS}: use narrower or fewer layers`,
      });
  });

export type HessianSpectrumProps = z.output<typeof hessianSpectrumProps>;

/** The props schema the registry reads (manifest.ts). */
export { hessianSpectrumProps as props };
