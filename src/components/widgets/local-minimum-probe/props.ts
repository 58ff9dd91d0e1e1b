// Props of <LocalMinimumProbe>: θ = (w, b, v, c) of the one-ReLU-unit fit to D1, the probe's radius and count, descent's η and steps.
import { z } from 'zod';
import { count, positiveNumber } from '../../../lib/config/numbers.ts';
import { widgetId } from '../shared/props.ts';

const param = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be finite`)
    .refine((v) => Math.abs(v) <= 20, `${label} must be between -20 and 20`);

export const localMinimumProbeProps = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('local-minimum-probe'),
  /** θ = (w, b, v, c) of f(x) = v·ReLU(wx + b) + c; the default is the published local minimum (L = 18). */
  theta: z
    .tuple([param('theta[0] (w)'), param('theta[1] (b)'), param('theta[2] (v)'), param('theta[3] (c)')], {
      error: 'theta must be [w, b, v, c]',
    })
    .default([1, -3, 1, 0]),
  /** Length ‖δ‖ of every random step the probe takes. */
  radius: positiveNumber('radius').max(1, 'radius must be at most 1').default(0.01),
  /** How many random steps the probe takes. */
  probes: count('probes', 20_000).min(10, 'probes must be at least 10').default(1000),
  /** Learning rate η of "Descend from here". */
  lr: positiveNumber('lr').max(10, 'lr must be at most 10').default(0.01),
  /** Most gradient-descent steps. */
  steps: count('steps', 100_000).default(5000),
  /** Seed of the probe's random directions. */
  seed: z
    .number({ error: 'seed must be a whole number' })
    .int('seed must be a whole number')
    .min(0, 'seed must be ≥ 0')
    .max(1_000_000, 'seed must be at most 1000000')
    .default(1),
});

export type LocalMinimumProbeProps = z.output<typeof localMinimumProbeProps>;

/** The props schema the registry reads (manifest.ts). */
export { localMinimumProbeProps as props };
