// DimensionsAndSaddles' inputs: the range of every field, how typed values are clamped, and the rotate animation's angle.
import { CURVATURE_RANGE } from '../../../lib/landscape/slices.ts';
import { GOE_MAX_N, GOE_MAX_SAMPLES } from '../../../lib/experiments/goe-stats.ts';

export type Field = 'a' | 'b' | 'maxN' | 'samples' | 'seed';
export const LIMITS: Record<Field | 'angle' | 'batches', [number, number]> = {
  angle: [0, 180],
  a: [...CURVATURE_RANGE],
  b: [...CURVATURE_RANGE],
  maxN: [1, GOE_MAX_N],
  samples: [1, GOE_MAX_SAMPLES],
  seed: [0, 1_000_000],
  batches: [1, 200],
};
const INTEGER = new Set(['maxN', 'samples', 'seed', 'batches']);
export const clamp = (f: keyof typeof LIMITS, v: number) =>
  Math.min(LIMITS[f][1], Math.max(LIMITS[f][0], INTEGER.has(f) ? Math.round(v) : v));
export const short = (v: number) => Number(v.toPrecision(6));
/** One half-turn of the rotate animation, in ms; with reduced motion the line jumps 15° at a time instead. */
const HALF_TURN_MS = 7000;

/**
 * The slicing angle `elapsed` ms into a half-turn that started at `from` degrees (taken mod 180°); with reduced
 * motion it jumps 15° every half second. At the end the line is back where it started, rounded to a degree.
 */
export function rotationAngle(from: number, elapsed: number, reducedMotion: boolean): { angle: number; finished: boolean } {
  const turned = reducedMotion ? 15 * Math.floor(elapsed / 500) : (180 * elapsed) / HALF_TURN_MS;
  if (turned >= 180) return { angle: Math.round(from) % 180, finished: true };
  return { angle: Number(((from + turned) % 180).toFixed(2)), finished: false };
}
