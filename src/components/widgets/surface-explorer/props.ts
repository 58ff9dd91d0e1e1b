// Props of <SurfaceExplorer>: which loss surface, where θ′ starts, and the descent and escape settings.
import { z } from 'zod';
import { SURFACES, SURFACE_IDS } from '../../../lib/landscape/surfaces.ts';
import { count, positiveNumber } from '../../../lib/config/numbers.ts';
import { accepts } from '../shared/fields.ts';
import { fieldsShape } from '../shared/fields-schema.ts';
import { widgetId } from '../shared/props.ts';
import { fields, pointFields } from './fields.ts';

const finite = (label: string) => z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);

export const surfaceExplorerProps = z
  .strictObject({
    /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
    id: widgetId.default('surface-explorer'),
    surface: z.enum(SURFACE_IDS, { error: `surface must be one of ${SURFACE_IDS.join(', ')}` }).default('two-weight'),
    /** θ′ = (w₁, w₂) when the page opens. */
    start: z.tuple([finite('start[0]'), finite('start[1]')]).default([0.6, -0.4]),
    ...fieldsShape(fields),
    /** Most steps a descent path takes. */
    steps: count('steps', 20_000).default(2000),
    /** Length of one step along the escape direction. */
    alpha: positiveNumber('alpha').max(3, 'alpha must be at most 3').default(1),
  })
  .superRefine((p, ctx) => {
    // The same rule the page applies to w₁ and w₂ from a link or a field (pointFields).
    const domain = SURFACES[p.surface].domain;
    const table = pointFields(domain, [domain[0], domain[0]]);
    p.start.forEach((v, i) => {
      if (!accepts(i === 0 ? table.w1 : table.w2, v))
        ctx.addIssue({ code: 'custom', path: ['start', i], message: `start must lie in the surface's view [${domain[0]}, ${domain[1]}]` });
    });
  });

export type SurfaceExplorerProps = z.output<typeof surfaceExplorerProps>;

/** The props schema the registry reads (manifest.ts). */
export { surfaceExplorerProps as props };
