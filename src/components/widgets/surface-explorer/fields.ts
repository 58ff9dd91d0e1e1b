// SurfaceExplorer's fields: the learning rate (one table for every page), and θ′ = (w₁, w₂), whose range is the view
// of the surface shown, so its table is built per widget from the surface and the start point.
import { defineFields, type NumberField } from '../shared/fields.ts';

export const fields = defineFields({
  lr: {
    kind: 'number',
    min: 0.001,
    max: 2,
    default: 0.05,
    url: 'lr',
    label: 'lr',
    step: 0.01,
    doc: 'Learning rate η of the descent paths (at 1.5 and above the two-weight descent diverges).',
  },
});

/** What one arrow press on the map moves θ′ by, and with Shift. */
export const MAP_STEP = { small: 0.05, large: 0.25 } as const;

/**
 * The table of θ′'s coordinates on a surface viewed over [lo, hi]²: the props' `start` is their default, the URL
 * carries them as `w1` and `w2`, and the number fields step by 0.01.
 */
export function pointFields(domain: readonly [number, number], start: readonly [number, number]) {
  const coordinate = (i: 0 | 1): NumberField => ({
    kind: 'number',
    min: domain[0],
    max: domain[1],
    default: start[i],
    url: `w${i + 1}`,
    label: `w${i + 1}`,
    step: 0.01,
    doc: `θ′'s coordinate w${i + 1 === 1 ? '₁' : '₂'}, within the surface's view.`,
  });
  return defineFields({ w1: coordinate(0), w2: coordinate(1) });
}

export type PointFields = ReturnType<typeof pointFields>;
