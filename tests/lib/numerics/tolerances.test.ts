// The float32 tolerances against matrices and runs whose answers are known in closed form.
import { describe, expect, it } from 'vitest';
import { classifyPoint } from '../../../src/lib/landscape/classify.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { makeJellyfish } from '../../../src/lib/data/jellyfish.ts';
import { measuredObjectiveHessian, mlpObjective } from '../../../src/lib/models/objective.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { EPSILON, GRAD_TOL_FACTOR, effectiveGradTol, zeroEigenvalueTolerance } from '../../../src/lib/numerics/tolerances.ts';
import { trainBatched, trainConfigSchema } from '../../../src/lib/train/train-batched.ts';

const f32 = Math.fround;

/** Q diag(λ) Qᵀ with Q = I − 2uuᵀ/uᵀu (a reflection), every product and sum rounded to float32 as tfjs would. */
function float32Spectral(lambdas: number[], seed: number): Float64Array {
  const P = lambdas.length;
  const rng = createRng(seed);
  const u = lambdas.map(() => rng.normal());
  const uu = u.reduce((a, x) => a + x * x, 0);
  const Q = (i: number, j: number) => f32((i === j ? 1 : 0) - (2 * u[i]! * u[j]!) / uu);
  const H = new Float64Array(P * P);
  for (let i = 0; i < P; i++)
    for (let j = 0; j < P; j++) {
      let s = 0;
      for (let k = 0; k < P; k++) s = f32(s + f32(f32(Q(i, k) * f32(lambdas[k]!)) * Q(j, k)));
      H[i * P + j] = s;
    }
  return H;
}

describe('the zero-eigenvalue threshold', () => {
  it('calls the exact zero eigenvalues of a float32 matrix zero, which float64 rounding would call nonzero', () => {
    const lambdas = [10, 4, 2, 0.5, 0, 0, 0, 0];
    const values = symmetricEigen(float32Spectral(lambdas, 3), lambdas.length).values;
    const nearZero = Array.from(values).filter((v) => Math.abs(v) < 1e-3);
    expect(nearZero).toHaveLength(4);
    expect(nearZero.some((v) => v !== 0)).toBe(true); // rounding made them nonzero
    const c = classifyPoint(values, 0, { relTol: 0 });
    expect(c).toMatchObject({ positive: 4, negative: 0, zero: 4, zeroTolBasis: 'rounding-floor' });
    expect(c.zeroTol / (64 * EPSILON.float32 * 10)).toBeCloseTo(1, 6);
    expect(classifyPoint(values, 0, { relTol: 0, accuracy: { precision: 'float64' } }).zero).toBeLessThan(4);
  });

  it('does not call an eigenvalue of 10⁻³·‖H‖ zero, neither at the rounding bound nor at lecture 4’s 10⁻⁴', () => {
    const lambdas = [10, 3, 1e-2, 0, -2];
    const values = symmetricEigen(float32Spectral(lambdas, 5), lambdas.length).values;
    for (const relTol of [0, 1e-4])
      expect(classifyPoint(values, 0, { relTol })).toMatchObject({ positive: 3, negative: 1, zero: 1, verdict: 'saddle' });
    expect(classifyPoint(values, 0).zeroTolBasis).toBe('relative');
  });

  it('takes the threshold from a measured asymmetry when that is the larger bound, and reports it', () => {
    const t = zeroEigenvalueTolerance(10, { precision: 'float32', asymmetry: 1e-4, size: 20 });
    expect(t).toEqual({ tol: 20 * 1e-4, basis: 'asymmetry', rounding: 20 * 1e-4 });
    expect(zeroEigenvalueTolerance(0, { precision: 'float32' }).tol).toBeGreaterThan(0);
  });

  it('counts the 2m exact zeros of the closed-form jellyfish saddle from the dense Hessian and its measured asymmetry', () => {
    // All weights 0, output bias ȳ = 0.5: spectrum {2, ±‖g‖ (m each), 0 (2m)} (see tests/lib/experiments/mlp-live.test.ts).
    const m = 3;
    const data = makeJellyfish();
    const objective = mlpObjective({ widths: [2, m, 1], activation: 'tanh', bias: true }, 'mse', data.inputs, data.targets, data.n);
    const P = objective.P;
    const theta = Array.from({ length: P }, (_, i) => (i === P - 1 ? 0.5 : 0));
    const { hessian, asymmetry } = measuredObjectiveHessian(objective, theta);
    objective.dispose();
    expect(asymmetry).toBeGreaterThanOrEqual(0);
    expect(asymmetry).toBeLessThan(1e-5);
    const c = classifyPoint(symmetricEigen(hessian, P).values, 0, { relTol: 0, accuracy: { precision: 'float32', asymmetry, size: P } });
    expect(c).toMatchObject({ positive: m + 1, negative: m, zero: 2 * m });
    expect(c.zeroTol).toBeGreaterThanOrEqual(P * asymmetry);
    expect(c.zeroTol).toBeLessThan(1e-4);
  });
});

describe('gradient tolerances', () => {
  it('are raised to 8·ε₃₂·max(1, |L|) when asked for less, and left alone otherwise', () => {
    expect(effectiveGradTol(1e-9, 20)).toEqual({ tol: GRAD_TOL_FACTOR * EPSILON.float32 * 20, raised: true });
    expect(effectiveGradTol(1e-9, 0.01)).toEqual({ tol: GRAD_TOL_FACTOR * EPSILON.float32, raised: true });
    expect(effectiveGradTol(1e-3, 20)).toEqual({ tol: 1e-3, raised: false });
    expect(effectiveGradTol(0, 20)).toEqual({ tol: 0, raised: false });
    expect(effectiveGradTol(1e-9, 20, 'float64').raised).toBe(false);
  });

  it('let a float32 run asked for ‖∇L‖ ≤ 10⁻¹² converge at the floor, saying so', async () => {
    const X = [0, 1, 2, 3, 4];
    const obj = mlpObjective(
      { widths: [1, 1], activation: [], bias: true },
      'mse',
      X,
      X.map((x) => 2 * x + 1 + 0.1 * Math.sin(5 * x)),
      5,
    );
    const config = trainConfigSchema.parse({ optimizer: { kind: 'gd', lr: 0.1 }, steps: 3000, gradTol: 1e-12 });
    const r = await trainBatched(obj, new Float32Array(2), 1, config, { rng: createRng(1) });
    obj.dispose();
    expect(r.runs[0]!.state).toBe('converged');
    expect(r.runs[0]!.steps).toBeLessThan(3000);
    expect(r.runs[0]!.gradNorm).toBeLessThanOrEqual(GRAD_TOL_FACTOR * EPSILON.float32);
    expect(r.notices[0]).toMatch(/gradTol 1\.0e-12 is below float32 rounding at L = .*: used 9\.5e-7/);
  });
});
