// Props of <TaylorApproximation>: a 1-D function or 2-D surface, the point θ′, the direction (2-D) and how far to look.
import { z } from 'zod';
import { SURFACES, SURFACE_IDS } from '../../../lib/landscape/surfaces.ts';
import { FUNCTIONS_1D, FUNCTION_1D_IDS } from '../../../lib/landscape/taylor.ts';
import { positiveNumber } from '../../../lib/config/numbers.ts';
import { widgetId } from '../shared/props.ts';
import { fieldsShape } from '../shared/fields-schema.ts';
import { fields, RADIUS_MAX } from './fields.ts';

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);

export const taylorApproximationProps = z
  .strictObject({
    /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
    id: widgetId.default('taylor-approximation'),
    /** '1d': a function f(x) from FUNCTIONS_1D; '2d': a surface from SURFACES, cut along a direction. */
    mode: z.enum(['1d', '2d'], { error: "mode must be '1d' or '2d'" }).default('1d'),
    function: z.enum(FUNCTION_1D_IDS, { error: `function must be one of ${FUNCTION_1D_IDS.join(', ')}` }).default('double-well'),
    surface: z.enum(SURFACE_IDS, { error: `surface must be one of ${SURFACE_IDS.join(', ')}` }).default('two-weight'),
    /** θ′: a number x in 1-D, a pair (w₁, w₂) in 2-D; defaults to 1 and (0, 0). */
    point: z
      .union([finite('point'), z.tuple([finite('point[0]'), finite('point[1]')])], {
        error: 'point must be a number (1-D) or a pair [w1, w2] (2-D)',
      })
      .optional(),
    /** angle: direction d in 2-D, in degrees from the w₁ axis; distance: where the slider starts (fields.ts). */
    ...fieldsShape(fields),
    /** The slider runs over s ∈ [−radius, radius]. */
    radius: positiveNumber('radius').max(RADIUS_MAX, `radius must be at most ${RADIUS_MAX}`).default(1),
    /** The quadratic model counts as useful while |true − model| ≤ tolerance (loss units). */
    tolerance: positiveNumber('tolerance').max(10, 'tolerance must be at most 10').default(0.05),
  })
  .superRefine((p, ctx) => {
    if (p.point !== undefined && (p.mode === '1d') !== (typeof p.point === 'number')) {
      ctx.addIssue({
        code: 'custom',
        path: ['point'],
        message: p.mode === '1d' ? 'point must be a single number x in 1-D mode' : 'point must be a pair [w1, w2] in 2-D mode',
      });
    }
    const [lo, hi] = p.mode === '1d' ? FUNCTIONS_1D[p.function].domain : SURFACES[p.surface].domain;
    const coords = p.point === undefined ? [] : typeof p.point === 'number' ? [p.point] : p.point;
    coords.forEach((v) => {
      if (v < lo || v > hi) ctx.addIssue({ code: 'custom', path: ['point'], message: `point must lie in the view [${lo}, ${hi}]` });
    });
    if (Math.abs(p.distance) > p.radius)
      ctx.addIssue({ code: 'custom', path: ['distance'], message: `distance must lie in [-radius, radius] = [${-p.radius}, ${p.radius}]` });
  })
  .transform(({ point, ...p }) => ({ ...p, point: point ?? (p.mode === '1d' ? 1 : ([0, 0] as [number, number])) }));

export type TaylorApproximationProps = z.output<typeof taylorApproximationProps>;

/** The props schema the registry reads (manifest.ts). */
export { taylorApproximationProps as props };
