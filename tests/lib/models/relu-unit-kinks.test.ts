// Which data points of D1 sit on the ReLU's kink w·x + b = 0, and the one-sided Hessians there, against hand cases.
import { describe, expect, it } from 'vitest';
import { analyzeReluUnit, pointsOnKink, reluUnitHessian } from '../../../src/lib/models/relu-unit.ts';
import { D1_BETTER_POINT, D1_LOCAL_MINIMUM, D1_POINTS } from '../../../src/lib/data/swirszcz-regression.ts';

const xs = (theta: readonly number[]) => pointsOnKink(theta, D1_POINTS).map((k) => k.x);

describe('pointsOnKink', () => {
  it('puts x = 3 on the kink at the lecture’s local minimum (1, −3, 1, 0), with error 0 there', () => {
    expect(pointsOnKink(D1_LOCAL_MINIMUM, D1_POINTS)).toEqual([{ x: 3, residual: 0 }]);
  });

  it('puts every data point on the kink at w = b = 0 (w·x + b = 0 for every x), in ascending x, each with error c − y', () => {
    const kinks = pointsOnKink([0, 0, 1, 0.5], D1_POINTS);
    expect(kinks.map((k) => k.x)).toEqual([-1, 1, 3, 4, 5]);
    // f(x) = c = 0.5 everywhere: errors 0.5 − y for y = 3, −3, 0, 1, 2.
    expect(kinks.map((k) => k.residual)).toEqual([-2.5, 3.5, 0.5, -0.5, -1.5]);
  });

  it('puts no point on the kink when w = 0 and b ≠ 0 (the unit is on or off everywhere)', () => {
    expect(xs([0, 1, 1, 0])).toEqual([]);
    expect(xs([0, -1, 1, 0])).toEqual([]);
  });

  it('finds the one point at x = −b/w when it is a data point, and none when −b/w falls between them', () => {
    expect(xs([2, -2, 1, 0])).toEqual([1]);
    expect(xs([-0.5, -0.5, 1, 0])).toEqual([-1]);
    expect(xs([1, -5, 3, 1])).toEqual([5]);
    // The better point's kink is at −4/7, between the data.
    expect(xs(D1_BETTER_POINT)).toEqual([]);
  });

  it('counts |w·x + b| ≤ 10⁻¹² as on the kink (typed inputs), and 10⁻⁹ away as off it', () => {
    expect(xs([1, -3 + 1e-13, 1, 0])).toEqual([3]);
    expect(xs([1, -3 + 1e-9, 1, 0])).toEqual([]);
  });
});

describe('analyzeReluUnit at kinks', () => {
  it('names all five points at w = b = 0 and gives both one-sided Hessians', () => {
    const a = analyzeReluUnit([0, 0, 1, 0], D1_POINTS);
    expect(a.kinks.map((k) => k.x)).toEqual([-1, 1, 3, 4, 5]);
    // Unit off everywhere: only c moves f, so H = 2·n·e₄e₄ᵀ = diag(0, 0, 0, 10).
    expect(a.hessian).toEqual(reluUnitHessian([0, 0, 1, 0], D1_POINTS, 'off'));
    expect(a.hessian[3]![3]).toBe(10);
    expect(a.hessian.flat().filter((h) => h !== 0)).toEqual([10]);
    // Unit on everywhere (z = 0, so ReLU(z) = 0 but its slope is 1): J = (v·x, v, 0, 1), H = 2 Σ JJᵀ + 2 Σ r·∇²f.
    expect(a.hessianOn).toBeDefined();
    const sx = D1_POINTS.reduce((s, [x]) => s + x, 0); // 12
    const sxx = D1_POINTS.reduce((s, [x]) => s + x * x, 0); // 52
    expect(a.hessianOn![0]![0]).toBe(2 * sxx);
    expect(a.hessianOn![0]![1]).toBe(2 * sx);
    expect(a.hessianOn![1]![1]).toBe(2 * D1_POINTS.length);
    // ∂²L/∂w∂v = 2 Σ (J_w J_v + rᵢ xᵢ) with J_v = ReLU(0) = 0 and rᵢ = −yᵢ: −2 Σ xᵢ yᵢ.
    const sxy = D1_POINTS.reduce((s, [x, y]) => s + x * y, 0);
    expect(a.hessianOn![0]![2]).toBe(-2 * sxy);
  });

  it('gives no second Hessian away from a kink', () => {
    const a = analyzeReluUnit(D1_BETTER_POINT, D1_POINTS);
    expect(a.kinks).toEqual([]);
    expect(a.hessianOn).toBeUndefined();
    expect(a.eigenvaluesOn).toBeUndefined();
  });
});
