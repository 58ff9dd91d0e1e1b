// Props of <HessianSpectrum>: the data set, network and optimiser trained live, how far the first paint trains, and tolerances.
import { z } from 'zod';
import { count, positiveNumber } from '../../../lib/config/numbers.ts';
import { widgetId } from '../shared/props.ts';
import {
  LR_LIMITS,
  MAX_HIDDEN_LAYERS,
  MAX_LIVE_PARAMETERS,
  MAX_TOTAL_STEPS,
  MAX_WIDTH,
  SPECTRUM_ACTIVATIONS,
  SPECTRUM_DATASET_KEYS,
  SPECTRUM_OPTIMIZERS,
  parameterCount,
} from './model.ts';

export const hessianSpectrumProps = z
  .strictObject({
    /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
    id: widgetId.default('hessian-spectrum'),
    dataset: z.enum(SPECTRUM_DATASET_KEYS, { error: `dataset must be one of ${SPECTRUM_DATASET_KEYS.join(', ')}` }).default('sinc'),
    /** Hidden layer widths, e.g. [10, 10]. */
    hidden: z
      .array(count('every hidden width', MAX_WIDTH), { error: 'hidden must be a list of widths such as [10, 10]' })
      .min(1, 'hidden needs at least one hidden layer')
      .max(MAX_HIDDEN_LAYERS, `hidden may have at most ${MAX_HIDDEN_LAYERS} layers`)
      .default([10, 10]),
    activation: z.enum(SPECTRUM_ACTIVATIONS, { error: `activation must be one of ${SPECTRUM_ACTIVATIONS.join(', ')}` }).default('tanh'),
    optimizer: z.enum(SPECTRUM_OPTIMIZERS, { error: `optimizer must be one of ${SPECTRUM_OPTIMIZERS.join(', ')}` }).default('adam'),
    /** Learning rate η. */
    lr: positiveNumber('lr')
      .min(LR_LIMITS[0], `lr must be at least ${LR_LIMITS[0]}`)
      .max(LR_LIMITS[1], `lr must be at most ${LR_LIMITS[1]}`)
      .default(0.01),
    /** Steps trained at build time for the first paint (and restored on load). */
    steps: z
      .number({ error: 'steps must be a whole number' })
      .int('steps must be a whole number')
      .min(0, 'steps must be ≥ 0')
      .max(2000, 'steps must be at most 2000 (it runs at build time)')
      .default(300),
    /** Steps per request while training live. */
    chunk: count('chunk', 1000).default(100),
    /** ‖∇L‖ at most this counts as a critical point. */
    gradTol: positiveNumber('gradTol').max(1, 'gradTol must be at most 1').default(1e-2),
    /** Seed of θ₀ (and of the teacher data set's samples). */
    seed: z
      .number({ error: 'seed must be a whole number' })
      .int('seed must be a whole number')
      .min(0, 'seed must be ≥ 0')
      .max(1_000_000, 'seed must be at most 1000000')
      .default(1),
  })
  .superRefine((p, ctx) => {
    const P = parameterCount(p.dataset, p.hidden);
    if (P > MAX_LIVE_PARAMETERS)
      ctx.addIssue({
        code: 'custom',
        path: ['hidden'],
        message: `hidden ${JSON.stringify(p.hidden)} gives ${P} parameters on ${p.dataset}; the live spectrum allows at most ${MAX_LIVE_PARAMETERS}: use narrower or fewer layers`,
      });
    if (p.steps > MAX_TOTAL_STEPS) ctx.addIssue({ code: 'custom', path: ['steps'], message: `steps must be at most ${MAX_TOTAL_STEPS}` });
  });

export type HessianSpectrumProps = z.output<typeof hessianSpectrumProps>;

/** The props schema the registry reads (manifest.ts). */
export { hessianSpectrumProps as props };
