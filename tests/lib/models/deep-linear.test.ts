import { describe, expect, it } from 'vitest';
import { makeLinearRegression, type RegressionData } from '../../../src/lib/data/linear-regression.ts';
import {
  deepNetLoss,
  deepParamCount,
  endToEnd,
  initDeepNet,
  isDeadNetwork,
  layerOffsets,
  linearNetLossFromMoments,
  matmul,
  type DeepActivation,
} from '../../../src/lib/models/deep-linear.ts';
import { analyzeData, checkConditions, gapToMinimum, globalMinimum } from '../../../src/lib/models/deep-linear-optimum.ts';
import {
  analyticOriginHessian,
  analyzeOrigin,
  analyzeOriginScheduled,
  steepestOriginDirection,
  topSingular,
} from '../../../src/lib/models/deep-linear-origin.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { flatGdEngine } from '../../../src/lib/train/flat-gd-engine.ts';
import { runStepper } from '../../../src/lib/train/stepper.ts';

const data = makeLinearRegression({ dx: 5, dy: 3, m: 20, scale: 2, noise: 0.5, seed: 2016 });
const widthsOf = (depth: number, h = 4, d = data) => [d.dx, ...Array<number>(depth - 1).fill(h), d.dy];

/** The loss of one parameter vector, from a loss function of the model. */
const lossAt = (f: ReturnType<typeof deepNetLoss>, theta: ArrayLike<number>) => f(theta, 0);

/** σ_max of a d_y×d_x matrix by power iteration on MᵀM (independent of the eigensolver the code uses). */
function sigmaMaxByPowerIteration(M: Float64Array, dy: number, dx: number): number {
  let v = Float64Array.from({ length: dx }, (_, i) => 1 + i);
  let s = 0;
  for (let it = 0; it < 2000; it++) {
    const Mv = new Float64Array(dy);
    matmul(dy, dx, 1, M, 0, false, v, 0, false, Mv);
    const w = new Float64Array(dx);
    matmul(dx, dy, 1, M, 0, true, Mv, 0, false, w);
    s = Math.hypot(...w);
    v = w.map((x) => x / s);
  }
  return Math.sqrt(s);
}

/** ½‖WX − Y‖² straight from the data. */
function productLoss(W: Float64Array, d: RegressionData): number {
  const fit = new Float64Array(d.dy * d.m);
  matmul(d.dy, d.dx, d.m, W, 0, false, d.X, 0, false, fit);
  let s = 0;
  for (let i = 0; i < fit.length; i++) s += (fit[i]! - d.Y[i]!) ** 2;
  return s / 2;
}

describe('deep networks on a flat parameter vector', () => {
  it('lay out W_1 … W_L row-major and multiply them end to end', () => {
    const widths = [3, 2, 4, 2];
    expect(deepParamCount(widths)).toBe(6 + 8 + 8);
    expect(layerOffsets(widths)).toEqual([0, 6, 14, 22]);
    const theta = initDeepNet(widths, 'linear', 1, createRng(3));
    const W = endToEnd(widths, theta);
    // Entry (a, b) of W_3 W_2 W_1 by explicit sums.
    const at = (k: number, i: number, j: number) => theta[layerOffsets(widths)[k - 1]! + i * widths[k - 1]! + j]!;
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 3; b++) {
        let s = 0;
        for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) s += at(3, a, i) * at(2, i, j) * at(1, j, b);
        expect(W[a * 3 + b]).toBeCloseTo(s, 14);
      }
  });

  it.each(['linear', 'relu'] as DeepActivation[])('have the gradient central differences give (%s, depths 2–5)', (activation) => {
    for (let depth = 2; depth <= 5; depth++) {
      const widths = widthsOf(depth);
      const P = deepParamCount(widths);
      const f = deepNetLoss(widths, activation, data);
      const theta = initDeepNet(widths, activation, 1, createRng(10 + depth));
      const grad = new Float64Array(P);
      f(theta, 0, grad, 0);
      const h = 1e-6;
      for (let i = 0; i < P; i++) {
        const p = theta.slice(),
          q = theta.slice();
        p[i] = p[i]! + h;
        q[i] = q[i]! - h;
        const fd = (lossAt(f, p) - lossAt(f, q)) / (2 * h);
        // Central differences: O(h²) truncation, O(ε/h) rounding. A ReLU kink inside ±h would break this: with
        // Gaussian weights a pre-activation within 1e-6 of 0 has probability ~1e-6 per entry.
        expect(Math.abs(fd - grad[i]!), `${activation} depth ${depth} θ_${i}`).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('give the same linear loss and gradient from the data’s moments as from its samples', () => {
    const opt = analyzeData(data);
    for (let depth = 2; depth <= 5; depth++) {
      const widths = widthsOf(depth);
      const P = deepParamCount(widths);
      const theta = initDeepNet(widths, 'linear', 2, createRng(depth));
      const a = new Float64Array(P),
        b = new Float64Array(P);
      const la = deepNetLoss(widths, 'linear', data)(theta, P, a, 0);
      const lb = linearNetLossFromMoments(widths, opt.C, opt.wOls, opt.lossOls)(theta, P, b, 0);
      expect(lb).toBeCloseTo(la, 12);
      for (let i = 0; i < P; i++) expect(b[i]).toBeCloseTo(a[i]!, 11);
    }
  });

  it('flag a ReLU network dead when a hidden layer is off on every sample', () => {
    const widths = widthsOf(3);
    const theta = initDeepNet(widths, 'relu', 1, createRng(4));
    expect(isDeadNetwork(widths, theta, 0, data)).toBe(false);
    theta.fill(0, layerOffsets(widths)[1], layerOffsets(widths)[2]); // W_2 = 0: layer 2 outputs 0 everywhere
    expect(isDeadNetwork(widths, theta, 0, data)).toBe(true);
    const f = deepNetLoss(widths, 'relu', data);
    const g = new Float64Array(deepParamCount(widths));
    let yy = 0;
    for (const y of data.Y) yy += y * y;
    expect(f(theta, 0, g, 0)).toBeCloseTo(yy / 2, 14);
    // Every weight above the dead layer gets no gradient (W_1's gradient also vanishes: nothing flows back).
    expect(g.every((x) => x === 0 || Object.is(x, -0))).toBe(true);
  });
});

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

describe('the flat gradient-descent engine', () => {
  it('steps every run as θ ← θ − η∇L, and stops a run that has converged', async () => {
    const widths = widthsOf(2);
    const P = deepParamCount(widths);
    const f = deepNetLoss(widths, 'linear', data);
    const theta0 = initDeepNet(widths, 'linear', 2, createRng(1));
    const out = await runStepper(flatGdEngine(f, theta0, 2, 0.03), 5, { recordEvery: 5 });
    const by = theta0.slice();
    const g = new Float64Array(2 * P);
    for (let s = 0; s < 5; s++)
      for (let r = 0; r < 2; r++) {
        f(by, r * P, g, r * P);
        for (let i = r * P; i < (r + 1) * P; i++) by[i] = by[i]! - 0.03 * g[i]!;
      }
    expect(out.thetas).toEqual(Array.from(by));
    // Run 1 starts at a critical point (the origin): converged at step 0, θ untouched.
    const start = theta0.slice();
    start.fill(0, P);
    const stop = await runStepper(flatGdEngine(f, start, 2, 0.03), 50, { gradTol: 1e-12, recordEvery: 50 });
    expect(stop.runs[1]).toMatchObject({ state: 'converged', steps: 0 });
    expect(stop.thetas.slice(P).every((x) => x === 0)).toBe(true);
    expect(stop.runs[0]!.steps).toBe(50);
  });
});
