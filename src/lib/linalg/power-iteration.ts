// Power iteration for the largest-magnitude eigenvalue, and its shifted form for the most negative eigenvalue of a symmetric operator.
//
// Power iteration converges like |λ₂/λ₁|^k, so it is slow next to Lanczos but needs only the latest vector; the
// course uses it to show how the top Hessian eigenvalue (sharpness) and the most negative one (a saddle's escape
// direction) are estimated in practice. Shifted version: with σ ≥ λ_max, the operator σI − A has eigenvalues
// σ − λ_i ≥ 0, the largest being σ − λ_min, so the most negative eigenvalue of A becomes the dominant one of σI − A.

import { normalVector, type Rng } from '../random/rng.ts';

export interface PowerIterationOptions {
  rng: Rng;
  /** Stop when ‖Av − λv‖ ≤ tol·max(|λ|, σ) (σ = 0 unshifted): a residual relative to ‖A‖; default 1e-10. */
  tol?: number;
  /** Most products with the operator; default 10 000. */
  maxIter?: number;
  /** Starting vector, length n; default Gaussian from rng. */
  start?: Float64Array;
}

export interface PowerIterationResult {
  /** Rayleigh quotient vᵀAv of the returned vector. */
  value: number;
  /** Unit vector, length n. */
  vector: Float64Array;
  /** Products with the operator spent. */
  iterations: number;
  /** ‖A v − value·v‖ for the returned vector and value. */
  residual: number;
  /** Whether the residual met the tolerance before maxIter. */
  converged: boolean;
}

/**
 * Power iteration v ← Av/‖Av‖ for the eigenvalue of largest magnitude of symmetric A.
 * Honest about failure: if two eigenvalues share the largest magnitude (λ and −λ) it does not converge and says so.
 * @param matvec v ↦ A v (v length n)
 * @param n dimension
 */
export function powerIteration(matvec: (v: Float64Array) => Float64Array, n: number, opts: PowerIterationOptions): PowerIterationResult {
  return iterate(matvec, n, 0, opts);
}

export interface MostNegativeResult extends PowerIterationResult {
  /** The shift σ used: an upper bound on λ_max from a first power iteration (value + residual). */
  shift: number;
  /** Products spent estimating the shift (included in iterations). */
  shiftIterations: number;
}

/**
 * The most negative (smallest) eigenvalue of symmetric A: estimate the dominant eigenvalue λ_d by power
 * iteration, then iterate on σI − A with σ = |λ_d| + residual ≥ λ_max. If λ_d < 0 it already is the smallest
 * eigenvalue, but the second phase runs anyway and confirms it.
 * @param matvec v ↦ A v (v length n)
 * @param n dimension
 * @param opts.upperBound a known σ ≥ λ_max, which skips the first phase
 */
export function mostNegativeEigenvalue(
  matvec: (v: Float64Array) => Float64Array,
  n: number,
  opts: PowerIterationOptions & { upperBound?: number },
): MostNegativeResult {
  let shift = opts.upperBound,
    shiftIterations = 0;
  if (shift === undefined) {
    const top = iterate(matvec, n, 0, { ...opts, tol: Math.max(opts.tol ?? 1e-10, 1e-6) });
    shift = Math.abs(top.value) + top.residual;
    shiftIterations = top.iterations;
  }
  const result = iterate(matvec, n, shift, opts);
  return { ...result, iterations: result.iterations + shiftIterations, shift, shiftIterations };
}

/**
 * Power iteration on B = σI − A when σ ≠ 0 (on A when σ = 0), reporting λ, v and ‖Av − λv‖ for A itself.
 * With B v = σv − A v, the eigenvalue of A is σ − μ for B's Rayleigh quotient μ, and both residuals coincide.
 */
function iterate(matvec: (v: Float64Array) => Float64Array, n: number, sigma: number, opts: PowerIterationOptions): PowerIterationResult {
  if (!Number.isInteger(n) || n < 1) throw new Error(`powerIteration: n must be a positive integer, got ${n}`);
  const tol = opts.tol ?? 1e-10,
    maxIter = opts.maxIter ?? 10_000;
  if (opts.start !== undefined && opts.start.length !== n) throw new Error('powerIteration: start must have length n');
  // v is the current unit vector, w receives B v; they swap roles each step.
  let v = Float64Array.from(opts.start ?? normalVector(opts.rng, n));
  let w = new Float64Array(n);
  const vn = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  if (!(vn > 0)) throw new Error('powerIteration: the start vector is zero');
  for (let i = 0; i < n; i++) v[i] = v[i]! / vn;
  let value = 0,
    residual = Infinity;
  for (let it = 1; it <= maxIter; it++) {
    const av = matvec(v);
    if (av.length !== n) throw new Error(`powerIteration: matvec returned length ${av.length}, expected ${n}`);
    // w = B v, λ_A = vᵀAv, r = ‖Av − λ_A v‖.
    let rq = 0;
    for (let i = 0; i < n; i++) rq += v[i]! * av[i]!;
    let rr = 0,
      ww = 0;
    for (let i = 0; i < n; i++) {
      const r = av[i]! - rq * v[i]!;
      rr += r * r;
      const b = sigma === 0 ? av[i]! : sigma * v[i]! - av[i]!;
      w[i] = b;
      ww += b * b;
    }
    value = rq;
    residual = Math.sqrt(rr);
    const scale = Math.max(Math.abs(rq), Math.abs(sigma));
    if (residual <= tol * scale || ww === 0) return { value, vector: v, iterations: it, residual, converged: true };
    if (it === maxIter) break;
    const inv = 1 / Math.sqrt(ww);
    for (let i = 0; i < n; i++) w[i] = w[i]! * inv;
    [v, w] = [w, v];
  }
  return { value, vector: v, iterations: maxIter, residual, converged: false };
}
