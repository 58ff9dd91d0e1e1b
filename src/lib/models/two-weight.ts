// The smallest "network" y = w1 w2 x with squared error on one sample: loss, gradient and Hessian in closed form.
//
// L(w1, w2) = (ŷ − w1 w2 x)²
// ∂L/∂w1 = −2 w2 x (ŷ − w1 w2 x),          ∂L/∂w2 = −2 w1 x (ŷ − w1 w2 x)
// ∂²L/∂w1² = 2 w2² x²,  ∂²L/∂w2² = 2 w1² x²,  ∂²L/∂w1∂w2 = −2 x (ŷ − w1 w2 x) + 2 w1 w2 x²
// With x = ŷ = 1: critical points are the origin (a saddle, eigenvalues ±2) and the hyperbola w1 w2 = 1.

export interface Sample {
  x: number;
  y: number;
}

/** The lectures' single training sample: x = 1 with target ŷ = 1. */
export const LECTURE_SAMPLE: Sample = { x: 1, y: 1 };

export type Vec2 = readonly [number, number];
export type Mat2 = readonly [readonly [number, number], readonly [number, number]];

export function twoWeightLoss([w1, w2]: Vec2, { x, y } = LECTURE_SAMPLE): number {
  const r = y - w1 * w2 * x;
  return r * r;
}

export function twoWeightGradient([w1, w2]: Vec2, { x, y } = LECTURE_SAMPLE): Vec2 {
  const r = y - w1 * w2 * x;
  return [-2 * w2 * x * r, -2 * w1 * x * r];
}

export function twoWeightHessian([w1, w2]: Vec2, { x, y } = LECTURE_SAMPLE): Mat2 {
  const r = y - w1 * w2 * x;
  const off = -2 * x * r + 2 * w1 * w2 * x * x;
  return [
    [2 * w2 * w2 * x * x, off],
    [off, 2 * w1 * w1 * x * x],
  ];
}

/** Eigenvalues (ascending) and unit eigenvectors of a symmetric 2×2 matrix, in closed form. */
export function symmetricEigen2([[a, b], [, d]]: Mat2): { values: Vec2; vectors: [Vec2, Vec2] } {
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  const values: Vec2 = [mean - radius, mean + radius];
  const vectorFor = (lambda: number): Vec2 => {
    // (A − λI)v = 0: take the row with the larger entries for stability; a diagonal matrix has the axes.
    const v: Vec2 =
      Math.abs(b) < 1e-300
        ? Math.abs(a - lambda) <= Math.abs(d - lambda)
          ? [1, 0]
          : [0, 1]
        : Math.abs(a - lambda) > Math.abs(d - lambda)
          ? [-b, a - lambda]
          : [d - lambda, -b];
    const n = Math.hypot(v[0], v[1]);
    return [v[0] / n, v[1] / n];
  };
  return { values, vectors: [vectorFor(values[0]), vectorFor(values[1])] };
}
