// Props of <DimensionsAndSaddles>: the saddle ½(a x₁² − b x₂²) and the slicing angle; the GOE experiment's sizes, samples and seed.
import { z } from 'zod';
import { count, positiveNumber } from '../../../lib/config/numbers.ts';
import { GOE_MAX_N, GOE_MAX_SAMPLES } from '../../../lib/experiments/goe-stats.ts';
import { CURVATURE_RANGE } from '../../../lib/landscape/slices.ts';
import { widgetId } from '../shared/props.ts';

export { CURVATURE_RANGE };

export const dimensionsAndSaddlesProps = z.strictObject({
  /** Names this widget's state in the page URL (use a different id for a second one on the same page). */
  id: widgetId.default('dimensions-and-saddles'),
  /** Upward curvature along x₁: the positive eigenvalue of H. */
  a: positiveNumber('a')
    .min(CURVATURE_RANGE[0], `a must be at least ${CURVATURE_RANGE[0]}`)
    .max(CURVATURE_RANGE[1], `a must be at most ${CURVATURE_RANGE[1]}`)
    .default(1),
  /** Downward curvature along x₂: H has eigenvalue −b, so b must be positive for a saddle. */
  b: positiveNumber('b (the downward curvature; H has eigenvalue −b)')
    .min(CURVATURE_RANGE[0], `b must be at least ${CURVATURE_RANGE[0]}`)
    .max(CURVATURE_RANGE[1], `b must be at most ${CURVATURE_RANGE[1]}`)
    .default(0.25),
  /** Slicing direction in degrees from the x₁ axis, 0 to 180 (a line through the origin: 180° is 0° again). */
  angle: z
    .number({ error: 'angle must be a number of degrees' })
    .min(0, 'angle must be between 0 and 180 degrees')
    .max(180, 'angle must be between 0 and 180 degrees')
    .default(30),
  /** Largest matrix size n sampled. */
  maxN: count('maxN', GOE_MAX_N).default(12),
  /** Matrices drawn per n in each batch ("More samples" adds a batch). */
  samples: count('samples', GOE_MAX_SAMPLES).default(2000),
  /** Seed of the random matrices. */
  seed: z
    .number({ error: 'seed must be a whole number' })
    .int('seed must be a whole number')
    .min(0, 'seed must be ≥ 0')
    .max(1_000_000, 'seed must be at most 1000000')
    .default(1),
});

export type DimensionsAndSaddlesProps = z.output<typeof dimensionsAndSaddlesProps>;

/** The props schema the registry reads (manifest.ts). */
export { dimensionsAndSaddlesProps as props };
