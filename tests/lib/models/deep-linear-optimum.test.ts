import { describe, expect, it } from 'vitest';
import {
  deepNetLoss,
  deepParamCount,
  endToEnd,
  initDeepNet,
  layerOffsets,
  linearNetLossFromMoments,
} from '../../../src/lib/models/deep-linear.ts';
import { analyzeData, checkConditions, gapToMinimum, globalMinimum } from '../../../src/lib/models/deep-linear-optimum.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { flatGdEngine } from '../../../src/lib/train/flat-gd-engine.ts';
import { runStepper } from '../../../src/lib/train/stepper.ts';
import { data, widthsOf, productLoss } from './deep-linear-fixtures.ts';

describe('the rank conditions of Kawaguchi’s theorem, checked on the data', () => {
  it('hold for the default data set, with three distinct eigenvalues of Σ', () => {
    const c = checkConditions(data);
    expect(c).toMatchObject({
      xxtRank: 5,
      xxtFullRank: true,
      xytRank: 3,
      xytFullRank: true,
      dyAtMostDx: true,
      sigmaDistinct: true,
      hold: true,
    });
    expect(c.sigmaEigenvalues).toHaveLength(3);
    expect(c.sigmaMinRelativeGap!).toBeGreaterThan(0.01);
  });

  it('fail on a rank-deficient X (a repeated input row), and the least-squares analysis refuses it', () => {
    const X = data.X.slice();
    for (let j = 0; j < data.m; j++) X[4 * data.m + j] = X[3 * data.m + j]!;
    const bad = { ...data, X };
    const c = checkConditions(bad);
    expect(c.xxtRank).toBe(4);
    expect(c.xxtFullRank).toBe(false);
    expect(c.sigmaEigenvalues).toEqual([]);
    expect(c.hold).toBe(false);
    expect(() => analyzeData(bad)).toThrow(/singular/);
  });

  it('fail on a rank-deficient XYᵀ (two equal outputs), and on Σ with a repeated eigenvalue', () => {
    const Y = data.Y.slice();
    for (let j = 0; j < data.m; j++) Y[2 * data.m + j] = Y[data.m + j]!;
    const c = checkConditions({ ...data, Y });
    expect(c.xytRank).toBe(2);
    expect(c.xytFullRank).toBe(false);
    expect(c.hold).toBe(false);
    // Rows of Y orthonormal and inside the row space of X: Σ = Y Yᵀ = I, one eigenvalue repeated d_y times.
    const rows: Float64Array[] = [];
    for (let i = 0; i < data.dy; i++) {
      const r = data.X.slice(i * data.m, (i + 1) * data.m);
      for (const q of rows) {
        let d = 0;
        for (let j = 0; j < data.m; j++) d += r[j]! * q[j]!;
        for (let j = 0; j < data.m; j++) r[j] = r[j]! - d * q[j]!;
      }
      const n = Math.hypot(...r);
      rows.push(r.map((x) => x / n));
    }
    const flat = new Float64Array(data.dy * data.m);
    rows.forEach((r, i) => flat.set(r, i * data.m));
    const tied = checkConditions({ ...data, Y: flat });
    for (const v of tied.sigmaEigenvalues) expect(v).toBeCloseTo(1, 12);
    expect(tied.sigmaDistinct).toBe(false);
    expect(tied.xytFullRank).toBe(true);
    expect(tied.hold).toBe(false);
  });
});

describe('the closed-form global minimum', () => {
  const opt = analyzeData(data);

  it('is a critical point of every depth, with the loss L* (least squares when p ≥ d_y)', () => {
    const min = globalMinimum(opt, 4);
    expect(min.kind).toBe('least-squares');
    expect(min.loss).toBeCloseTo(productLoss(opt.wOls, data), 13);
    for (let depth = 2; depth <= 5; depth++) {
      const widths = widthsOf(depth);
      // W_1 = [W*; 0] (4×5), W_k = I_4 between, W_L = [I_3 0] (3×4): the product is W*.
      const theta = new Float64Array(deepParamCount(widths));
      const off = layerOffsets(widths);
      for (let a = 0; a < 3; a++) for (let b = 0; b < 5; b++) theta[a * 5 + b] = min.product[a * 5 + b]!;
      for (let k = 2; k < depth; k++) for (let i = 0; i < 4; i++) theta[off[k - 1]! + i * 4 + i] = 1;
      for (let a = 0; a < 3; a++) theta[off[depth - 1]! + a * 4 + a] = 1;
      const g = new Float64Array(theta.length);
      const loss = deepNetLoss(widths, 'linear', data)(theta, 0, g, 0);
      expect(loss).toBeCloseTo(min.loss, 13);
      expect(Math.hypot(...g)).toBeLessThan(1e-13);
      expect(gapToMinimum(opt, min, endToEnd(widths, theta))).toBeLessThan(1e-28);
    }
  });

  it('is the reduced-rank fit through a bottleneck p < d_y: a critical point no random rank-p product beats', () => {
    const p = 2;
    const min = globalMinimum(opt, p);
    expect(min.kind).toBe('reduced-rank');
    expect(min.rank).toBe(2);
    expect(min.loss).toBeCloseTo(opt.lossOls + opt.conditions.sigmaEigenvalues[2]! / 2, 13);
    expect(min.loss).toBeCloseTo(productLoss(min.product, data), 12);
    // Factor W* = U_r (U_rᵀ W_ols): W_1 = U_rᵀ W_ols (2×5), W_2 = U_r (3×2).
    const widths = [5, 2, 3];
    const theta = new Float64Array(deepParamCount(widths));
    const U = opt.sigmaVectors;
    for (let q = 0; q < 2; q++)
      for (let b = 0; b < 5; b++) {
        let s = 0;
        for (let a = 0; a < 3; a++) s += U[a * 3 + q]! * opt.wOls[a * 5 + b]!;
        theta[q * 5 + b] = s;
      }
    for (let a = 0; a < 3; a++) for (let q = 0; q < 2; q++) theta[10 + a * 2 + q] = U[a * 3 + q]!;
    const g = new Float64Array(theta.length);
    expect(deepNetLoss(widths, 'linear', data)(theta, 0, g, 0)).toBeCloseTo(min.loss, 13);
    expect(Math.hypot(...g)).toBeLessThan(1e-12);
    const rng = createRng(77);
    for (let s = 0; s < 300; s++) {
      // A random rank-2 product near W* (and far): never below L*.
      const t = initDeepNet(widths, 'linear', 1, rng, s % 2 ? 0.05 : 1).map((x, i) => x + (s % 2 ? theta[i]! : 0));
      expect(productLoss(endToEnd(widths, t), data)).toBeGreaterThanOrEqual(min.loss - 1e-14);
    }
  });

  it('lies below every trained linear run, which gradient descent brings to it, through a bottleneck too', async () => {
    for (const h of [4, 2]) {
      const min = globalMinimum(opt, h);
      const widths = widthsOf(3, h);
      const f = linearNetLossFromMoments(widths, opt.C, opt.wOls, opt.lossOls);
      const R = 6;
      const out = await runStepper(flatGdEngine(f, initDeepNet(widths, 'linear', R, createRng(h)), R, 0.03), 6000, {
        gradTol: 1e-8,
        recordEvery: 6000,
      });
      const P = deepParamCount(widths);
      for (let r = 0; r < R; r++) {
        const gap = gapToMinimum(opt, min, endToEnd(widths, out.thetas, r * P));
        expect(out.runs[r]!.state).toBe('converged');
        expect(gap).toBeGreaterThanOrEqual(-1e-14);
        expect(gap).toBeLessThan(1e-12);
        expect(out.runs[r]!.loss).toBeGreaterThanOrEqual(min.loss - 1e-14);
      }
    }
  });
});
