import { describe, expect, it } from 'vitest';
import { symmetricEigen2, twoWeightGradient, twoWeightHessian, twoWeightLoss, type Vec2 } from '../../../src/lib/models/two-weight.ts';

/** Central differences in float64: O(h²) error, so h = 1e-5 leaves about 1e-9 of truncation error. */
function fdGradient(f: (p: Vec2) => number, [a, b]: Vec2, h = 1e-5): Vec2 {
  return [(f([a + h, b]) - f([a - h, b])) / (2 * h), (f([a, b + h]) - f([a, b - h])) / (2 * h)];
}

const points: Vec2[] = [
  [0, 0],
  [1, 1],
  [0.3, -1.7],
  [-2, 0.5],
  [1.2, 0.9],
];

describe('two-weight network y = w1 w2 x on the sample (1, 1)', () => {
  it('has the gradient that finite differences of the loss give', () => {
    for (const p of points) {
      const [g1, g2] = twoWeightGradient(p);
      const [f1, f2] = fdGradient(twoWeightLoss, p);
      expect(g1).toBeCloseTo(f1, 7);
      expect(g2).toBeCloseTo(f2, 7);
    }
  });

  it('has the Hessian that finite differences of the gradient give, and it is symmetric', () => {
    for (const p of points) {
      const H = twoWeightHessian(p);
      const col1 = fdGradient((q) => twoWeightGradient(q)[0], p);
      const col2 = fdGradient((q) => twoWeightGradient(q)[1], p);
      expect(H[0][0]).toBeCloseTo(col1[0], 6);
      expect(H[0][1]).toBeCloseTo(col1[1], 6);
      expect(H[1][0]).toBeCloseTo(col2[0], 6);
      expect(H[1][1]).toBeCloseTo(col2[1], 6);
    }
  });

  it('has a saddle at the origin: L = 1, zero gradient, Hessian [[0,-2],[-2,0]] with eigenvalues -2 and 2', () => {
    expect(twoWeightLoss([0, 0])).toBe(1);
    expect(twoWeightGradient([0, 0]).map(Math.abs)).toEqual([0, 0]);
    expect(twoWeightHessian([0, 0])).toEqual([
      [0, -2],
      [-2, 0],
    ]);
    const { values, vectors } = symmetricEigen2(twoWeightHessian([0, 0]));
    expect(values).toEqual([-2, 2]);
    // The escape direction (eigenvalue −2) is ±(1, 1)/√2; the rising one is ±(1, −1)/√2.
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0][0] * vectors[0][1]).toBeCloseTo(0.5, 12);
    expect(vectors[1][0] * vectors[1][1]).toBeCloseTo(-0.5, 12);
  });

  it('lowers the loss along the negative-curvature eigenvector exactly as (1 - α²/2)²', () => {
    for (const alpha of [0.1, 0.5, 1, Math.SQRT2]) {
      const w = alpha * Math.SQRT1_2;
      expect(twoWeightLoss([w, w])).toBeCloseTo((1 - alpha ** 2 / 2) ** 2, 12);
    }
    expect(twoWeightLoss([Math.SQRT1_2, Math.SQRT1_2])).toBeCloseTo(0.25, 12);
    expect(twoWeightLoss([1, 1])).toBe(0);
  });

  it('has degenerate global minima on w1 w2 = 1: eigenvalues 0 and 2(w1² + w2²)', () => {
    for (const w1 of [1, 2, -0.5, 3.7]) {
      const p: Vec2 = [w1, 1 / w1];
      expect(twoWeightLoss(p)).toBeCloseTo(0, 14);
      const { values } = symmetricEigen2(twoWeightHessian(p));
      expect(values[0]).toBeCloseTo(0, 10);
      expect(values[1]).toBeCloseTo(2 * (w1 ** 2 + w1 ** -2), 10);
    }
    expect(symmetricEigen2(twoWeightHessian([1, 1])).values).toEqual([0, 4]);
  });
});

describe('symmetricEigen2', () => {
  it('returns eigenpairs that satisfy A v = λ v, including diagonal and repeated cases', () => {
    const cases = [
      [
        [2, 1],
        [1, 3],
      ],
      [
        [5, 0],
        [0, -1],
      ],
      [
        [4, 0],
        [0, 4],
      ],
      [
        [0, -2],
        [-2, 0],
      ],
    ] as const;
    for (const A of cases) {
      const { values, vectors } = symmetricEigen2(A);
      values.forEach((lambda, i) => {
        const [x, y] = vectors[i]!;
        expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
        expect(A[0][0] * x + A[0][1] * y).toBeCloseTo(lambda * x, 12);
        expect(A[1][0] * x + A[1][1] * y).toBeCloseTo(lambda * y, 12);
      });
    }
  });
});
