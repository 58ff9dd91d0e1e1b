import { describe, expect, it } from 'vitest';
import { deepNetLoss, deepParamCount, endToEnd } from '../../../src/lib/models/deep-linear.ts';
import { analyzeData } from '../../../src/lib/models/deep-linear-optimum.ts';
import {
  analyticOriginHessian,
  analyzeOrigin,
  analyzeOriginScheduled,
  steepestOriginDirection,
  topSingular,
} from '../../../src/lib/models/deep-linear-origin.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { data, widthsOf, lossAt, sigmaMaxByPowerIteration, productLoss } from './deep-linear-fixtures.ts';

describe('the origin W = 0', () => {
  const { M } = analyzeData(data);
  const sigma = sigmaMaxByPowerIteration(M, 3, 5);

  it('has, with one hidden layer, a Hessian whose smallest eigenvalue is −σ_max(XYᵀ), d_1·rank(XYᵀ) negative ones', () => {
    const o = analyzeOrigin(widthsOf(2), data);
    expect(o.gradNorm).toBe(0);
    expect(o.hessianMin).toBeCloseTo(-sigma, 10);
    expect(o.hessianMax).toBeCloseTo(sigma, 10);
    expect(o.analyticMin).toBeCloseTo(-sigma, 10);
    expect(o.fdError).toBeLessThan(1e-12);
    expect(o.negative).toBe(4 * 3);
    expect(o.verdict).toBe('saddle');
  });

  it('has the analytic Hessian that second differences of the loss give along random directions', () => {
    const widths = widthsOf(2);
    const P = deepParamCount(widths);
    const H = analyticOriginHessian(widths, M);
    const f = deepNetLoss(widths, 'linear', data);
    const rng = createRng(5);
    const l0 = lossAt(f, new Float64Array(P));
    for (let s = 0; s < 5; s++) {
      const D = Float64Array.from({ length: P }, () => rng.normal());
      let quad = 0;
      for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) quad += D[i]! * H[i * P + j]! * D[j]!;
      const t = 1e-2;
      // Exactly L(tD) + L(−tD) − 2L(0) = t² DᵀHD + t⁴‖D₂D₁X‖² (the cubic terms cancel, there are no others).
      const quartic = 2 * productLoss(endToEnd(widths, D), { ...data, Y: new Float64Array(data.Y.length) });
      const second =
        (lossAt(
          f,
          D.map((d) => d * t),
        ) +
          lossAt(
            f,
            D.map((d) => -d * t),
          ) -
          2 * l0 -
          t ** 4 * quartic) /
        (t * t);
      expect(Math.abs(second - quad)).toBeLessThan(1e-9 * Math.abs(quad));
    }
  });

  it.each([3, 4, 5])('has, with depth %i (two hidden layers or more), a zero gradient and an exactly zero Hessian', (depth) => {
    const o = analyzeOrigin(widthsOf(depth), data);
    expect(o.gradNorm).toBe(0);
    expect(o.hessianMin).toBe(0);
    expect(o.hessianMax).toBe(0);
    expect(o.fdError).toBe(0);
    expect(o.negative).toBe(0);
    expect(o.zero).toBe(o.P);
    expect(o.verdict).toBe('degenerate');
  });

  it('falls at third order along the steepest direction at depth 3: L(tD) − L(0) = −(σ_max/3√3) t³ + O(t⁶)', () => {
    const o = analyzeOrigin(widthsOf(3), data);
    expect(o.order).toBe(3);
    expect(o.coefficient).toBeCloseTo(sigma / 3 ** 1.5, 10);
    for (const p of o.probes) expect(p.measured).toBeCloseTo(p.exact, 8);
    // The ratio tends to −c as t → 0, with the t³ correction shrinking 8-fold per halving of t.
    const dev = o.probes.map((p) => p.measured + o.coefficient);
    for (let i = 1; i < dev.length; i++) expect(dev[i]! / dev[i - 1]!).toBeCloseTo(1 / 8, 3);
    // A saddle, not a minimum: flipping D_1 flips the cubic term, and the loss rises.
    const widths = widthsOf(3);
    const { u, v } = topSingular(M, 3, 5);
    const D = steepestOriginDirection(widths, u, v);
    for (let i = 0; i < 5; i++) D[i] = -D[i]!;
    const f = deepNetLoss(widths, 'linear', data);
    const l0 = lossAt(f, new Float64Array(D.length));
    // Along the flipped direction L(tD) − L(0) = +c t³ + (the same t⁶ term), here at t = 0.1.
    const p = o.probes.find((q) => q.t === 0.1)!;
    const rise = (o.coefficient + (p.exact + o.coefficient)) * 1e-3;
    expect(rise).toBeGreaterThan(0);
    expect(
      lossAt(
        f,
        D.map((d) => 0.1 * d),
      ) - l0,
    ).toBeCloseTo(rise, 12);
  });

  it('is analysed to the same numbers with yields to a scheduler as straight through', async () => {
    let ticks = 0;
    const widths = widthsOf(5);
    const scheduled = await analyzeOriginScheduled(widths, data, async () => void ticks++);
    expect(scheduled).toEqual(analyzeOrigin(widths, data));
    expect(ticks).toBeGreaterThan(deepParamCount(widths) / 8);
  });

  it('has no unit direction that falls faster at order L than the one it reports (L = 3, 4)', () => {
    const rng = createRng(9);
    for (const depth of [3, 4]) {
      const widths = widthsOf(depth);
      const o = analyzeOrigin(widths, data);
      const P = deepParamCount(widths);
      for (let s = 0; s < 500; s++) {
        const D = Float64Array.from({ length: P }, () => rng.normal());
        const n = Math.hypot(...D);
        const Pi = endToEnd(
          widths,
          D.map((d) => d / n),
        );
        let inner = 0;
        for (let i = 0; i < Pi.length; i++) inner += M[i]! * Pi[i]!;
        expect(Math.abs(inner)).toBeLessThanOrEqual(o.coefficient * (1 + 1e-12));
      }
    }
  });
});
