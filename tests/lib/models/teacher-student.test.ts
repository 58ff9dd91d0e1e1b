// Checks the closed-form teacher–student loss, gradient and Hessian against Monte Carlo, finite differences and exact values.
import { describe, expect, it } from 'vitest';
import { createRng, normalVector, permutation, type Rng } from '../../../src/lib/random/rng.ts';
import { orthonormalRows } from '../../../src/lib/data/teacher.ts';
import {
  populationGradient,
  populationHessian,
  populationLoss,
  reluKernel,
  reluKernelCrossHessian,
  reluKernelGradient,
  sampledLossEstimate,
} from '../../../src/lib/models/teacher-student.ts';

const relu = (z: number): number => (z > 0 ? z : 0);
const dot = (a: Float64Array, b: Float64Array): number => a.reduce((t, ai, r) => t + ai * b[r]!, 0);
const vec = (...xs: number[]): Float64Array => Float64Array.from(xs);

/** Mean and standard error of each component of h(x), x ~ N(0, I_d), over `samples` seeded draws. */
function monteCarlo(d: number, samples: number, rng: Rng, h: (x: Float64Array) => ArrayLike<number>): { mean: number[]; se: number[] } {
  const x = new Float64Array(d);
  let sum: number[] = [],
    sum2: number[] = [];
  for (let t = 0; t < samples; t++) {
    for (let r = 0; r < d; r++) x[r] = rng.normal();
    const y = h(x);
    if (t === 0) {
      sum = new Array<number>(y.length).fill(0);
      sum2 = new Array<number>(y.length).fill(0);
    }
    for (let c = 0; c < y.length; c++) {
      sum[c]! += y[c]!;
      sum2[c]! += y[c]! * y[c]!;
    }
  }
  const mean = sum.map((s) => s / samples);
  const se = sum2.map((s2, c) => Math.sqrt(Math.max(0, s2 / samples - mean[c]! ** 2) / (samples - 1)));
  return { mean, se };
}

/** Every component of `exact` within 4 standard errors of the Monte-Carlo mean (plus a hair for exact-zero variances). */
function expectWithinStandardErrors(exact: ArrayLike<number>, mc: { mean: number[]; se: number[] }): void {
  for (let c = 0; c < exact.length; c++) {
    expect(Math.abs(exact[c]! - mc.mean[c]!)).toBeLessThanOrEqual(4 * mc.se[c]! + 1e-12);
  }
}

/** max |a − b| ≤ rel · max(1, max |b|). */
function expectArraysClose(a: ArrayLike<number>, b: ArrayLike<number>, rel: number): void {
  expect(a.length).toBe(b.length);
  let scale = 1,
    worst = 0;
  for (let c = 0; c < b.length; c++) scale = Math.max(scale, Math.abs(b[c]!));
  for (let c = 0; c < b.length; c++) worst = Math.max(worst, Math.abs(a[c]! - b[c]!));
  expect(Number.isFinite(worst)).toBe(true);
  expect(worst).toBeLessThanOrEqual(rel * scale);
}

/** Central differences of a scalar function: O(h²) truncation, O(ε/h) rounding. */
function fdGradient(f: (p: Float64Array) => number, p: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(p.length);
  for (let c = 0; c < p.length; c++) {
    const q = Float64Array.from(p);
    q[c] = p[c]! + h;
    const up = f(q);
    q[c] = p[c]! - h;
    const down = f(q);
    g[c] = (up - down) / (2 * h);
  }
  return g;
}

/** Central differences of a vector function: column c of the Jacobian is ∂F/∂p_c. Returned row-major P×P. */
function fdJacobian(F: (p: Float64Array) => Float64Array, p: Float64Array, h = 1e-6): Float64Array {
  const P = p.length;
  const J = new Float64Array(P * P);
  for (let c = 0; c < P; c++) {
    const q = Float64Array.from(p);
    q[c] = p[c]! + h;
    const up = F(q);
    q[c] = p[c]! - h;
    const down = F(q);
    for (let r = 0; r < P; r++) J[r * P + c] = (up[r]! - down[r]!) / (2 * h);
  }
  return J;
}

/** Eigenvalues of a symmetric m×m matrix by cyclic Jacobi rotations (Numerical Recipes §11.1), ascending. */
function symmetricEigenvalues(A: Float64Array, m: number): number[] {
  const a = Float64Array.from(A);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * m + q]! - a[p * m + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p]!,
            akq = a[k * m + q]!;
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k]!,
            aqk = a[q * m + k]!;
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: m }, (_, i) => a[i * m + i]!).sort((x, y) => x - y);
}

/** u rotated by angle phi towards a unit direction e ⊥ u, keeping ‖u‖: near-parallel (small phi) or near-antiparallel (phi ≈ π). */
function rotated(u: Float64Array, e: Float64Array, phi: number): Float64Array {
  const nu = Math.sqrt(dot(u, u));
  return u.map((ur, r) => Math.cos(phi) * ur + Math.sin(phi) * nu * e[r]!);
}

/** Student rows w_i, each the teacher row v_{j(i)} turned by angle phi_i and rescaled: probes θ near 0 and π. */
function nearTeacher(V: Float64Array, d: number, specs: { j: number; phi: number; scale: number }[], rng: Rng): Float64Array {
  const W = new Float64Array(specs.length * d);
  specs.forEach(({ j, phi, scale }, i) => {
    const v = V.subarray(j * d, (j + 1) * d);
    // A random unit direction orthogonal to v (Gram–Schmidt on a Gaussian vector).
    const g = normalVector(rng, d);
    const proj = dot(g, v) / dot(v, v);
    const e = g.map((gr, r) => gr - proj * v[r]!);
    const ne = Math.sqrt(dot(e, e));
    const w = rotated(
      v,
      e.map((x) => x / ne),
      phi,
    );
    for (let r = 0; r < d; r++) W[i * d + r] = scale * w[r]!;
  });
  return W;
}

const loss = (n: number, V: Float64Array, k: number, d: number) => (W: Float64Array) => populationLoss(W, n, V, k, d);
const gradient = (n: number, V: Float64Array, k: number, d: number) => (W: Float64Array) => populationGradient(W, n, V, k, d);

describe('reluKernel K(u, v) = E[ReLU(uᵀx) ReLU(vᵀx)]', () => {
  it('takes the exact values ½‖u‖² at θ = 0, 1/(2π) for orthogonal unit vectors, and 0 at θ = π', () => {
    expect(reluKernel(vec(3, 0, 0), vec(3, 0, 0))).toBeCloseTo(4.5, 14);
    expect(reluKernel(vec(0, 2, 0), vec(0, 5, 0))).toBeCloseTo(5, 14);
    // Independent coordinates: E[ReLU(x₁)] E[ReLU(x₂)] = (1/√(2π))².
    expect(reluKernel(vec(1, 0, 0), vec(0, 1, 0))).toBeCloseTo(1 / (2 * Math.PI), 15);
    // Rounding leaves |K| at the level ε‖u‖‖v‖ (here ‖u‖‖v‖ = 12).
    expect(Math.abs(reluKernel(vec(1, 2, -1), vec(-2, -4, 2)))).toBeLessThan(1e-14);
    expect(reluKernel(vec(0, 0, 0), vec(1, 2, 3))).toBe(0);
  });

  it('agrees with a 2·10⁵-sample Monte Carlo for generic, near-parallel and near-antiparallel pairs', () => {
    const rng = createRng(11);
    const d = 3;
    const u = vec(0.8, -1.1, 0.4);
    const e = vec(1, 1, 0.5);
    const pe = dot(e, u) / dot(u, u);
    const eu = e.map((x, r) => x - pe * u[r]!);
    const ne = Math.sqrt(dot(eu, eu));
    const perp = eu.map((x) => x / ne);
    const pairs: [Float64Array, Float64Array][] = [
      [u, vec(-0.3, 0.9, 1.7)],
      [u, rotated(u, perp, 0.05).map((x) => 1.7 * x)],
      [u, rotated(u, perp, Math.PI - 0.05).map((x) => 0.6 * x)],
      [vec(2, 0, 0), vec(-1, 1, 0)],
    ];
    for (const [a, b] of pairs) {
      const mc = monteCarlo(d, 200_000, rng, (x) => [relu(dot(a, x)) * relu(dot(b, x))]);
      expectWithinStandardErrors([reluKernel(a, b)], mc);
    }
  });

  it('has gradient ∇_u K = E[1(uᵀx > 0) ReLU(vᵀx) x] (Monte Carlo, 4 standard errors)', () => {
    const rng = createRng(12);
    for (const [u, v] of [
      [vec(0.8, -1.1, 0.4), vec(-0.3, 0.9, 1.7)],
      [vec(1, 0.02, 0), vec(2, 0, 0.01)],
    ] as const) {
      const mc = monteCarlo(3, 200_000, rng, (x) => {
        const gate = dot(u, x) > 0 ? relu(dot(v, x)) : 0;
        return x.map((xr) => gate * xr);
      });
      expectWithinStandardErrors(reluKernelGradient(u, v), mc);
    }
  });

  it('has mixed Hessian ∂²K/∂u∂vᵀ = E[1(uᵀx > 0) 1(vᵀx > 0) x xᵀ], exactly [[¼, 1/2π, 0], [1/2π, ¼, 0], [0, 0, ¼]] for e₁, e₂', () => {
    const c = 1 / (2 * Math.PI);
    expectArraysClose(reluKernelCrossHessian(vec(1, 0, 0), vec(0, 3, 0)), [0.25, c, 0, c, 0.25, 0, 0, 0, 0.25], 1e-15);
    // θ = 0: E[1(x₁ > 0) x xᵀ] = I/2.  θ = π: the two gates never open together.
    expectArraysClose(reluKernelCrossHessian(vec(2, 0, 0), vec(5, 0, 0)), [0.5, 0, 0, 0, 0.5, 0, 0, 0, 0.5], 1e-15);
    expectArraysClose(reluKernelCrossHessian(vec(2, 0, 0), vec(-5, 0, 0)), new Float64Array(9), 1e-15);
    const rng = createRng(13);
    const u = vec(0.8, -1.1, 0.4),
      v = vec(-0.3, 0.9, 1.7);
    const mc = monteCarlo(3, 200_000, rng, (x) => {
      const gate = dot(u, x) > 0 && dot(v, x) > 0 ? 1 : 0;
      return Array.from({ length: 9 }, (_, rt) => gate * x[Math.floor(rt / 3)]! * x[rt % 3]!);
    });
    const M = reluKernelCrossHessian(u, v);
    expectWithinStandardErrors(M, mc);
    // Swapping the arguments transposes the block.
    const Mt = reluKernelCrossHessian(v, u);
    for (let r = 0; r < 3; r++) for (let t = 0; t < 3; t++) expect(Mt[t * 3 + r]).toBe(M[r * 3 + t]);
  });
});

describe('populationLoss F(W) = E[½ (f_W(x) − g(x))²]', () => {
  it('matches the Monte-Carlo loss sampledLossEstimate within 4 standard errors', () => {
    const rng = createRng(21);
    const cases = [
      { n: 3, k: 3, d: 4, V: orthonormalRows(3, 4) },
      { n: 4, k: 2, d: 3, V: normalVector(rng, 6) },
      { n: 2, k: 3, d: 5, V: normalVector(rng, 15, 0.7) },
    ];
    for (const { n, k, d, V } of cases) {
      const W = normalVector(rng, n * d, 0.8);
      const { loss: mcLoss, standardError } = sampledLossEstimate(W, n, V, k, d, 200_000, createRng(1000 + n));
      expect(Math.abs(populationLoss(W, n, V, k, d) - mcLoss)).toBeLessThanOrEqual(4 * standardError);
    }
  });

  it('is ½(n/2 + n(n−1)/(2π)) at W = 0 for the orthonormal teacher (½E[(Σⱼ ReLU(xⱼ))²])', () => {
    for (const n of [1, 3, 6]) {
      const d = n + 2;
      expect(populationLoss(new Float64Array(n * d), n, orthonormalRows(n, d), n, d)).toBeCloseTo(
        0.5 * (n / 2 + (n * (n - 1)) / (2 * Math.PI)),
        13,
      );
    }
  });

  it('is zero, with zero gradient, when the student equals the teacher up to a permutation of rows', () => {
    const rng = createRng(22);
    for (const { k, d, V } of [
      { k: 4, d: 4, V: orthonormalRows(4, 4) },
      { k: 3, d: 5, V: normalVector(rng, 15) },
    ]) {
      for (let trial = 0; trial < 3; trial++) {
        const perm = permutation(rng, k);
        const W = new Float64Array(k * d);
        for (let i = 0; i < k; i++) W.set(V.subarray(perm[i]! * d, (perm[i]! + 1) * d), i * d);
        expect(Math.abs(populationLoss(W, k, V, k, d))).toBeLessThan(1e-14);
        for (const g of populationGradient(W, k, V, k, d)) expect(Math.abs(g)).toBeLessThan(1e-14);
      }
    }
  });

  it('drops a zero student row continuously: F equals the loss of the student without that row', () => {
    const rng = createRng(23);
    const d = 3,
      V = orthonormalRows(2, d);
    const W = normalVector(rng, 3 * d);
    W.fill(0, d, 2 * d);
    const without = Float64Array.from([...W.subarray(0, d), ...W.subarray(2 * d)]);
    expect(populationLoss(W, 3, V, 2, d)).toBeCloseTo(populationLoss(without, 2, V, 2, d), 14);
  });
});

describe('populationGradient', () => {
  const rng = createRng(31);
  const d = 4,
    k = 3;
  const V = normalVector(rng, k * d);
  const configurations: [string, number, Float64Array][] = [
    ['random W (n = k = 3)', 3, normalVector(rng, 3 * d)],
    ['random W, over-parameterised (n = 5)', 5, normalVector(rng, 5 * d, 0.6)],
    [
      'rows near-parallel to teacher rows (θ = 10⁻³, 10⁻²)',
      3,
      nearTeacher(
        V,
        d,
        [
          { j: 0, phi: 1e-3, scale: 1.3 },
          { j: 1, phi: 1e-2, scale: 0.7 },
          { j: 2, phi: 0.9, scale: 1 },
        ],
        rng,
      ),
    ],
    [
      'rows near-antiparallel to teacher rows (θ = π − 10⁻³, π − 10⁻²)',
      3,
      nearTeacher(
        V,
        d,
        [
          { j: 0, phi: Math.PI - 1e-3, scale: 1.1 },
          { j: 2, phi: Math.PI - 1e-2, scale: 0.5 },
          { j: 1, phi: 2, scale: 1 },
        ],
        rng,
      ),
    ],
  ];

  it.each(configurations)('matches central differences of populationLoss at %s', (_, n, W) => {
    expectArraysClose(populationGradient(W, n, V, k, d), fdGradient(loss(n, V, k, d), W), 1e-7);
  });

  it('matches central differences for the orthonormal teacher with nearly parallel student rows (θ(w₁, w₂) = 10⁻³)', () => {
    const V0 = orthonormalRows(3, 3);
    const W = Float64Array.from([0.9, 0.3, 0.1, 0.9, 0.3 + 1e-3, 0.1, -0.2, 0.1, 1.2]);
    expectArraysClose(populationGradient(W, 3, V0, 3, 3), fdGradient(loss(3, V0, 3, 3), W), 1e-7);
  });

  it('is exactly zero on a zero row and finite when a row is exactly (anti)parallel to a teacher row', () => {
    const V0 = orthonormalRows(2, 3);
    const W = Float64Array.from([0, 0, 0, 2, 0, 0, -0.5, 0, 0]);
    const g = populationGradient(W, 3, V0, 2, 3);
    expect(Array.from(g.subarray(0, 3))).toEqual([0, 0, 0]);
    for (const x of g) expect(Number.isFinite(x)).toBe(true);
    // Exact θ ∈ {0, π} sits on no kink of F's first derivative: central differences still agree.
    const W2 = Float64Array.from([2, 0, 0, -0.5, 0, 0, 0.3, 0.4, -0.2]);
    expectArraysClose(populationGradient(W2, 3, V0, 2, 3), fdGradient(loss(3, V0, 2, 3), W2), 1e-7);
  });
});

describe('populationHessian', () => {
  const rng = createRng(41);
  const d = 3,
    k = 3;
  const V = normalVector(rng, k * d);
  const configurations: [string, number, Float64Array][] = [
    ['random W (n = k = 3)', 3, normalVector(rng, 3 * d)],
    ['random W, over-parameterised (n = 4)', 4, normalVector(rng, 4 * d, 0.7)],
    [
      'rows near-parallel to teacher rows (θ = 10⁻², 10⁻³)',
      3,
      nearTeacher(
        V,
        d,
        [
          { j: 0, phi: 1e-2, scale: 1.2 },
          { j: 1, phi: 1e-3, scale: 0.8 },
          { j: 2, phi: 1.1, scale: 1 },
        ],
        rng,
      ),
    ],
    [
      'rows near-antiparallel to teacher rows (θ = π − 10⁻², π − 10⁻³)',
      3,
      nearTeacher(
        V,
        d,
        [
          { j: 2, phi: Math.PI - 1e-2, scale: 1 },
          { j: 0, phi: Math.PI - 1e-3, scale: 0.6 },
          { j: 1, phi: 0.4, scale: 1.5 },
        ],
        rng,
      ),
    ],
  ];

  it.each(configurations)('matches central differences of populationGradient and is symmetric at %s', (_, n, W) => {
    const P = n * d;
    const H = populationHessian(W, n, V, k, d);
    expectArraysClose(H, fdJacobian(gradient(n, V, k, d), W), 1e-6);
    for (let r = 0; r < P; r++) for (let c = 0; c < r; c++) expect(Math.abs(H[r * P + c]! - H[c * P + r]!)).toBeLessThanOrEqual(1e-12);
  });

  it('takes its finite limits at exact θ = 0 and θ = π (no NaN), where F is C² but not C³', () => {
    const V0 = orthonormalRows(2, 3);
    const W = Float64Array.from([2, 0, 0, -0.5, 0, 0, 0.3, 0.4, -0.2]);
    const H = populationHessian(W, 3, V0, 2, 3);
    for (const x of H) expect(Number.isFinite(x)).toBe(true);
    // Central differences straddle the C³ kink at θ = 0, π, so their error is O(h) here rather than O(h²).
    expectArraysClose(H, fdJacobian(gradient(3, V0, 2, 3), W), 1e-5);
    // Rows 1 and 2 are antiparallel: their mixed block E[1(w₁ᵀx > 0) 1(w₂ᵀx > 0) x xᵀ] vanishes.
    for (let r = 0; r < 3; r++) for (let c = 3; c < 6; c++) expect(H[r * 9 + c]).toBe(0);
  });

  it('is ½ I on the diagonal block of a zero row and zero across it (the dead-unit convention)', () => {
    const V0 = orthonormalRows(2, 3);
    const W = Float64Array.from([0.4, -0.2, 0.9, 0, 0, 0]);
    const H = populationHessian(W, 2, V0, 2, 3);
    for (let r = 3; r < 6; r++) {
      for (let c = 0; c < 6; c++) expect(H[r * 6 + c]).toBe(r === c ? 0.5 : 0);
    }
  });

  it('is positive semidefinite at W = V, with zᵀHz = E[(Σᵢ 1(wᵢᵀx > 0) zᵢᵀx)²] (Gauss–Newton, Monte Carlo)', () => {
    const r2 = createRng(42);
    const cases = [
      { n: 4, dd: 4, V0: orthonormalRows(4, 4) },
      { n: 3, dd: 5, V0: orthonormalRows(3, 5) },
      { n: 3, dd: 3, V0: normalVector(r2, 9) },
    ];
    for (const { n, dd, V0 } of cases) {
      const P = n * dd;
      const H = populationHessian(V0, n, V0, n, dd);
      const eig = symmetricEigenvalues(H, P);
      let trace = 0;
      for (let r = 0; r < P; r++) trace += H[r * P + r]!;
      expect(eig.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 10);
      expect(eig[0]!).toBeGreaterThanOrEqual(-1e-12);
      const z = normalVector(r2, P);
      let zHz = 0;
      for (let r = 0; r < P; r++) for (let c = 0; c < P; c++) zHz += z[r]! * H[r * P + c]! * z[c]!;
      const mc = monteCarlo(dd, 200_000, r2, (x) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          if (dot(V0.subarray(i * dd, (i + 1) * dd), x) > 0) s += dot(z.subarray(i * dd, (i + 1) * dd), x);
        }
        return [s * s];
      });
      expectWithinStandardErrors([zHz], mc);
    }
  });
});

describe('shapes', () => {
  it('makes every closed-form function reject parameter vectors of the wrong length', () => {
    const V = orthonormalRows(2, 3);
    expect(() => populationLoss(new Float64Array(5), 2, V, 2, 3)).toThrow(/n·d = 6/);
    expect(() => populationGradient(new Float64Array(6), 2, V, 3, 3)).toThrow(/k·d = 9/);
    expect(() => populationHessian(new Float64Array(6), 2, V, 2, 0)).toThrow(/d must be a positive integer/);
  });
});
