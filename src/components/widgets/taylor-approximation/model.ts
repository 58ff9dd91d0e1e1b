// Which line the TaylorApproximation cuts through: the 1-D function at x, or the surface at θ′ along the angle.
import { SURFACES } from '../../../lib/landscape/surfaces.ts';
import { FUNCTIONS_1D, slice1d, slice2d, type LineSlice } from '../../../lib/landscape/taylor.ts';
import type { TaylorApproximationProps } from './props.ts';

export function lineOf(p: TaylorApproximationProps, angle: number): { line: LineSlice; tex: string } {
  if (p.mode === '1d') {
    const f = FUNCTIONS_1D[p.function];
    return { line: slice1d(f, typeof p.point === 'number' ? p.point : p.point[0]), tex: f.tex };
  }
  const surface = SURFACES[p.surface];
  const point = typeof p.point === 'number' ? ([p.point, p.point] as const) : p.point;
  return { line: slice2d(surface, point, angle), tex: surface.tex };
}
