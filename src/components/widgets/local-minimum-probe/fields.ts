// LocalMinimumProbe's reader-settable numbers: θ = (w, b, v, c), the probe's step length, count and seed, descent's η.
import { defineFields, seedField } from '../shared/fields.ts';
import { D1_LOCAL_MINIMUM } from '../../../lib/data/swirszcz-regression.ts';

const [w0, b0, v0, c0] = D1_LOCAL_MINIMUM;
/** Every parameter moves in [−20, 20]: far beyond D1's scale (|x|, |y| ≤ 5), yet small enough that L stays finite. */
const param = (label: string, value: number, doc: string) =>
  ({ kind: 'number', min: -20, max: 20, default: value, label, step: 0.1, doc }) as const;

export const fields = defineFields({
  w: param('fieldW', w0, 'Slope w inside the ReLU of f(x) = v·ReLU(wx + b) + c; the default is the published local minimum.'),
  b: param('fieldB', b0, 'Offset b inside the ReLU.'),
  v: param('fieldV', v0, 'Output weight v.'),
  c: param('fieldC', c0, 'Output offset c.'),
  radius: {
    kind: 'number',
    min: 1e-6,
    max: 1,
    default: 0.01,
    label: 'radius',
    step: 0.001,
    doc: 'Length ‖δ‖ of every random step the probe takes.',
  },
  probes: {
    kind: 'number',
    min: 10,
    max: 20_000,
    integer: true,
    default: 1000,
    label: 'probes',
    step: 100,
    doc: 'How many random steps the probe takes.',
  },
  seed: seedField('Seed of the probe’s random directions (each press of Probe takes the next one).'),
  lr: { kind: 'number', min: 1e-5, max: 10, default: 0.01, label: 'lr', step: 0.01, doc: 'Learning rate η of “Descend from here”.' },
});

export type ProbeFields = typeof fields;
/** The θ fields in the order of θ = (w, b, v, c). */
export const PARAMS = ['w', 'b', 'v', 'c'] as const;
