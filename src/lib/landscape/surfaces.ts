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
  /** Where the surface has a curve of minima (a valley floor), its equation and the curve as polylines in a view. */
  valley?: {
    /** The curve's equation as a reader sees it, e.g. "w₁w₂ = 1" (the same in every language; no-break spaces keep it on one line). */
    equation: string;
    /** The curve within [lo, hi]², one polyline per branch, `n` points each. */
    curves(lo: number, hi: number, n?: number): Vec2[][];
  };
}

const surface = (s: Surface) => s;

/** The branches of w₁w₂ = 1 inside [lo, hi]² (none when the view does not reach it), each from one edge to the other. */
function hyperbolaBranches(lo: number, hi: number, n: number): Vec2[][] {
  const branch = (sign: 1 | -1): Vec2[] => {
    // On the branch with sign s both coordinates have that sign: |w₁| runs over [1/m, m], m = the view's reach.
    const m = sign > 0 ? hi : -lo;
    if (!(m >= 1)) return [];
    return Array.from({ length: n }, (_, i) => {
      const a = (1 / m) * m ** ((2 * i) / (n - 1));
      return [sign * a, sign / a] as Vec2;
    });
  };
  return [branch(1), branch(-1)].filter((b) => b.length > 1);
}

export const SURFACES = {
  /** The lectures' network y = w₁w₂x on the single sample x = 1, ŷ = 1. */
  'two-weight': surface({
    id: 'two-weight',
    tex: 'L(w_1, w_2) = (1 - w_1 w_2)^2',
    domain: [-2, 2],
    loss: (p) => twoWeightLoss(p),
    gradient: (p) => twoWeightGradient(p),
    hessian: (p) => twoWeightHessian(p),
    // L = 0 exactly on the hyperbola w₁w₂ = 1: both branches, w₁ spaced geometrically so the points are as dense on
    // the steep part near an axis as on the flat part.
    valley: {
      equation: 'w₁w₂\u00a0=\u00a01',
      curves: (lo, hi, n = 64) => hyperbolaBranches(lo, hi, n),
    },
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
