import { describe, expect, it } from 'vitest';
import {
  direction,
  eigen2,
  lineAngle,
  minimumCone,
  minimumRanges,
  quadratic,
  saddleHessian,
  sliceCurvature,
  sliceScene,
  sliceVerdict,
  type Mat2,
} from '../../../src/lib/landscape/slices.ts';

/** Second derivative of t ↦ f(t) at 0 by a central difference, in float64. */
const secondDifference = (f: (t: number) => number, h = 1e-3) => (f(h) - 2 * f(0) + f(-h)) / (h * h);

describe('slices of a quadratic saddle', () => {
  it('gives the slice curvature uᵀHu, which a finite difference of L(t u) reproduces, for general symmetric H', () => {
    const matrices: Mat2[] = [
      saddleHessian(1, 0.25),
      saddleHessian(3, 2),
      [
        [0.5, 1.2],
        [1.2, -0.7],
      ],
      [
        [2, -0.3],
        [-0.3, 1],
      ],
    ];
    for (const H of matrices) {
      for (let angle = 0; angle < 180; angle += 7.5) {
        const u = direction(angle);
        const fd = secondDifference((t) => quadratic(H, [t * u[0], t * u[1]]));
        expect(sliceCurvature(H, u)).toBeCloseTo(fd, 6);
        // And against the formula written out by hand.
        const explicit = H[0][0] * u[0] ** 2 + 2 * H[0][1] * u[0] * u[1] + H[1][1] * u[1] ** 2;
        expect(sliceCurvature(H, u)).toBeCloseTo(explicit, 12);
      }
    }
  });

  it('equals a cos²φ − b sin²φ for diag(a, −b)', () => {
    for (const [a, b, phi] of [
      [1, 0.25, 30],
      [2, 5, 100],
      [0.1, 0.1, 45],
    ] as const) {
      const r = (phi * Math.PI) / 180;
      expect(sliceCurvature(saddleHessian(a, b), direction(phi))).toBeCloseTo(a * Math.cos(r) ** 2 - b * Math.sin(r) ** 2, 12);
    }
  });

  it('puts the minimum cone at half-angle atan(√(a/b)) around the x axis, flat on its edges', () => {
    const a = 1,
      b = 0.25;
    const cone = minimumCone(saddleHessian(a, b));
    const half = (Math.atan(Math.sqrt(a / b)) * 180) / Math.PI; // atan 2 = 63.43…°
    expect(cone.centre).toBeCloseTo(0, 12);
    expect(cone.halfAngle).toBeCloseTo(half, 12);
    expect(cone.share).toBeCloseTo((2 * half) / 180, 12);
    const H = saddleHessian(a, b);
    expect(Math.abs(sliceCurvature(H, direction(half)))).toBeLessThan(1e-14);
    expect(sliceCurvature(H, direction(half - 0.5))).toBeGreaterThan(0);
    expect(sliceCurvature(H, direction(half + 0.5))).toBeLessThan(0);
    expect(sliceCurvature(H, direction(180 - half + 0.5))).toBeGreaterThan(0);
    expect(minimumRanges(cone).map(([x, y]) => [x, y].map((v) => Number(v.toFixed(6))))).toEqual([
      [0, Number(half.toFixed(6))],
      [Number((180 - half).toFixed(6)), 180],
    ]);
  });

  it('checks the cone of a rotated saddle against a scan of directions', () => {
    const H: Mat2 = [
      [0.5, 1.2],
      [1.2, -0.7],
    ];
    const cone = minimumCone(H);
    const ranges = minimumRanges(cone);
    const inside = (phi: number) => ranges.some(([x, y]) => phi > x && phi < y);
    let positive = 0;
    const steps = 36000;
    for (let i = 0; i < steps; i++) {
      const phi = (180 * (i + 0.5)) / steps;
      const c = sliceCurvature(H, direction(phi));
      if (Math.abs(c) > 1e-6) expect(inside(phi)).toBe(c > 0);
      if (c > 0) positive++;
    }
    expect(positive / steps).toBeCloseTo(cone.share, 3);
  });

  it('finds eigenvalues and the top eigenvector of a 2×2 symmetric matrix', () => {
    const H: Mat2 = [
      [0.5, 1.2],
      [1.2, -0.7],
    ];
    const { values, angle } = eigen2(H);
    const tr = 0.5 - 0.7,
      det = 0.5 * -0.7 - 1.44;
    expect(values[0] + values[1]).toBeCloseTo(tr, 12);
    expect(values[0] * values[1]).toBeCloseTo(det, 12);
    const v = direction(angle);
    expect(H[0][0] * v[0] + H[0][1] * v[1]).toBeCloseTo(values[1] * v[0], 12);
    expect(H[1][0] * v[0] + H[1][1] * v[1]).toBeCloseTo(values[1] * v[1], 12);
  });

  it('gives the whole half-turn for a minimum and nothing for a maximum', () => {
    expect(
      minimumCone([
        [1, 0],
        [0, 2],
      ]).share,
    ).toBe(1);
    expect(
      minimumRanges(
        minimumCone([
          [1, 0],
          [0, 2],
        ]),
      ),
    ).toEqual([[0, 180]]);
    expect(
      minimumCone([
        [-1, 0],
        [0, -2],
      ]).share,
    ).toBe(0);
    expect(
      minimumRanges(
        minimumCone([
          [-1, 0],
          [0, -2],
        ]),
      ),
    ).toEqual([]);
  });

  it('calls a slice a minimum, a maximum or flat by the sign of its curvature', () => {
    expect(sliceVerdict(0.3, 1)).toBe('minimum');
    expect(sliceVerdict(-0.3, 1)).toBe('maximum');
    expect(sliceVerdict(1e-12, 1)).toBe('flat');
    expect(lineAngle(-30)).toBe(150);
    expect(lineAngle(200)).toBe(20);
  });

  it('builds a scene whose slice is a minimum at 30° and a maximum at 90°, while the surface stays a saddle', () => {
    const s30 = sliceScene(1, 0.25, 30);
    expect(s30.surface).toBe('saddle');
    expect(s30.eigenvalues).toEqual([-0.25, 1]);
    expect(s30.verdict).toBe('minimum');
    expect(s30.curvature).toBeCloseTo(0.75 - 0.25 * 0.25, 12);
    const s90 = sliceScene(1, 0.25, 90);
    expect(s90.verdict).toBe('maximum');
    expect(s90.curvature).toBeCloseTo(-0.25, 12);
    // The curve is ½ t² uᵀHu.
    for (const p of s30.curve) expect(p.loss).toBeCloseTo(0.5 * p.t * p.t * s30.curvature, 12);
    expect(s30.curve[0]!.t).toBe(-1.25);
    expect(s30.curve.at(-1)!.t).toBe(1.25);
  });
});
