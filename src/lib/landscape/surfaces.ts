// Two-parameter losses with closed-form gradient and Hessian, for the surface widgets and the lectures.
import { twoWeightGradient, twoWeightHessian, twoWeightLoss, type Mat2, type Vec2 } from '../models/two-weight.ts';

export interface Surface {
  id: string;
  /** TeX of L(w₁, w₂), shown under the figure. */
  tex: string;
  /** Default view: [min, max] for both parameters. */
  domain: readonly [number, number];
  loss(p: Vec2): number;
  gradient(p: Vec2): Vec2;
  hessian(p: Vec2): Mat2;
}

const surface = (s: Surface) => s;

export const SURFACES = {
  /** The lectures' network y = w₁w₂x on the single sample x = 1, ŷ = 1. */
  'two-weight': surface({
    id: 'two-weight',
    tex: 'L(w_1, w_2) = (1 - w_1 w_2)^2',
    domain: [-2, 2],
    loss: (p) => twoWeightLoss(p),
    gradient: (p) => twoWeightGradient(p),
    hessian: (p) => twoWeightHessian(p),
  }),
  bowl: surface({
    id: 'bowl',
    tex: 'L(w_1, w_2) = w_1^2 + w_2^2',
    domain: [-2, 2],
    loss: ([x, y]) => x * x + y * y,
    gradient: ([x, y]) => [2 * x, 2 * y],
    hessian: () => [
      [2, 0],
      [0, 2],
    ],
  }),
  hilltop: surface({
    id: 'hilltop',
    tex: 'L(w_1, w_2) = -w_1^2 - w_2^2',
    domain: [-2, 2],
    loss: ([x, y]) => -x * x - y * y,
    gradient: ([x, y]) => [-2 * x, -2 * y],
    hessian: () => [
      [-2, 0],
      [0, -2],
    ],
  }),
  saddle: surface({
    id: 'saddle',
    tex: 'L(w_1, w_2) = w_1^2 - w_2^2',
    domain: [-2, 2],
    loss: ([x, y]) => x * x - y * y,
    gradient: ([x, y]) => [2 * x, -2 * y],
    hessian: () => [
      [2, 0],
      [0, -2],
    ],
  }),
  /** Degenerate at the origin (H = diag(2, 0)), yet a strict minimum. */
  'quartic-valley': surface({
    id: 'quartic-valley',
    tex: 'L(w_1, w_2) = w_1^2 + w_2^4',
    domain: [-1.5, 1.5],
    loss: ([x, y]) => x * x + y ** 4,
    gradient: ([x, y]) => [2 * x, 4 * y ** 3],
    hessian: ([, y]) => [
      [2, 0],
      [0, 12 * y * y],
    ],
  }),
  /** Degenerate at the origin (H = diag(2, 0)), and a saddle. */
  'quartic-saddle': surface({
    id: 'quartic-saddle',
    tex: 'L(w_1, w_2) = w_1^2 - w_2^4',
    domain: [-1.5, 1.5],
    loss: ([x, y]) => x * x - y ** 4,
    gradient: ([x, y]) => [2 * x, -4 * y ** 3],
    hessian: ([, y]) => [
      [2, 0],
      [0, -12 * y * y],
    ],
  }),
  /** The monkey saddle: three valleys, H = 0 at the origin. */
  monkey: surface({
    id: 'monkey',
    tex: 'L(w_1, w_2) = w_1^3 - 3 w_1 w_2^2',
    domain: [-1.5, 1.5],
    loss: ([x, y]) => x ** 3 - 3 * x * y * y,
    gradient: ([x, y]) => [3 * x * x - 3 * y * y, -6 * x * y],
    hessian: ([x, y]) => [
      [6 * x, -6 * y],
      [-6 * y, -6 * x],
    ],
  }),
} as const satisfies Record<string, Surface>;

export type SurfaceId = keyof typeof SURFACES;
export const SURFACE_IDS = Object.keys(SURFACES) as SurfaceId[];
