// One step at a time of the Lanczos recurrence with full reorthogonalisation: the shared engine of lanczos, extremeEigenpairs and SLQ.
// For the reproductions of issue #11, through lanczos.ts and extreme-eigenpairs.ts; nothing calls it yet.
//
// Step j: w = A q_j, α_j = q_jᵀ w, w ← w − α_j q_j − β_{j−1} q_{j−1}, then w is orthogonalised against every
// earlier basis vector (and any locked vectors) by classical Gram–Schmidt run twice. In floating point the bare
// three-term recurrence loses orthogonality as soon as a Ritz value converges, producing spurious copies
// ("ghosts"); one Gram–Schmidt pass leaves an error proportional to the cancellation, a second pass brings it to
// rounding level ("twice is enough", Giraitis–Parlett; Björck). Then β_j = ‖w‖ and q_{j+1} = w/β_j.
// If β_j is negligible against the running estimate of ‖A‖, span(q_0..q_j) is invariant: Lanczos breaks down
// and the Ritz values found so far are exact eigenvalues.

import { gemmAdd } from './gemm.ts';

/** The growing Krylov basis and the tridiagonal T it produces. */
export interface KrylovBasis {
  readonly n: number;
  /** Largest number of steps this basis can hold. */
  readonly capacity: number;
  /** capacity×n row-major; rows 0..steps−1 are the orthonormal Lanczos vectors (row `steps` is the next one). */
  readonly basis: Float64Array;
  /** Diagonal of T: alpha[j] = q_jᵀ A q_j. */
  readonly alpha: Float64Array;
  /** beta[j] = ‖w‖ after step j: T[j][j+1] while j < steps − 1, and the residual coupling for j = steps − 1. */
  readonly beta: Float64Array;
  /** Unit vectors the basis is kept orthogonal to (converged eigenvectors being deflated). */
  readonly locked: readonly Float64Array[];
  /** Relative size of β below which the recurrence is declared broken down. */
  readonly breakdownTol: number;
  steps: number;
  breakdown: boolean;
  matvecs: number;
  /** Running lower estimate of ‖A‖ restricted to the Krylov space: max over rows of T of the absolute row sum. */
  normEstimate: number;
}

/**
 * Starts a Krylov basis from `start` (orthogonalised against `locked`, then normalised).
 * @param n dimension of the space
 * @param capacity most steps to allow, ≥ 1
 * @param start starting vector, length n (not modified)
 * @param locked unit vectors, length n each, to keep the basis orthogonal to
 * @param breakdownTol β_j ≤ breakdownTol · ‖T‖ counts as breakdown
 */
export function createKrylovBasis(
  n: number,
  capacity: number,
  start: Float64Array,
  locked: readonly Float64Array[] = [],
  breakdownTol = 1e-10,
): KrylovBasis {
  if (start.length !== n) throw new Error(`createKrylovBasis: start has length ${start.length}, expected ${n}`);
  const cap = Math.max(1, Math.min(capacity, n));
  const basis = new Float64Array((cap + 1) * n);
  const q0 = basis.subarray(0, n);
  q0.set(start);
  const startNorm = Math.sqrt(squaredNorm(q0));
  orthogonalize(q0, locked, basis, 0);
  const rest = Math.sqrt(squaredNorm(q0));
  if (!(rest > 1e-10 * startNorm)) {
    throw new Error('createKrylovBasis: the start vector is zero or lies in the span of the locked vectors');
  }
  for (let i = 0; i < n; i++) q0[i] = q0[i]! / rest;
  return {
    n,
    capacity: cap,
    basis,
    alpha: new Float64Array(cap),
    beta: new Float64Array(cap),
    locked,
    breakdownTol,
    steps: 0,
    breakdown: false,
    matvecs: 0,
    normEstimate: 0,
  };
}

/**
 * Takes one Lanczos step. Returns false (and does nothing) once broken down or at capacity.
 * @param matvec v ↦ A v for symmetric A; its result is copied, so it may reuse one output buffer
 */
export function extendKrylovBasis(k: KrylovBasis, matvec: (v: Float64Array) => Float64Array): boolean {
  if (k.breakdown || k.steps >= k.capacity) return false;
  const { n, basis } = k,
    j = k.steps;
  const q = basis.subarray(j * n, (j + 1) * n);
  const w = basis.subarray((j + 1) * n, (j + 2) * n);
  const aq = matvec(q);
  if (aq.length !== n) throw new Error(`Lanczos: matvec returned length ${aq.length}, expected ${n}`);
  w.set(aq);
  k.matvecs++;
  let alpha = 0;
  for (let i = 0; i < n; i++) alpha += q[i]! * w[i]!;
  const betaPrev = j > 0 ? k.beta[j - 1]! : 0;
  const pOff = (j - 1) * n;
  for (let i = 0; i < n; i++) w[i] = w[i]! - alpha * q[i]! - (j > 0 ? betaPrev * basis[pOff + i]! : 0);
  alpha += orthogonalize(w, k.locked, basis, j + 1, j);
  const beta = Math.sqrt(squaredNorm(w));
  k.alpha[j] = alpha;
  k.beta[j] = beta;
  k.steps = j + 1;
  k.normEstimate = Math.max(k.normEstimate, Math.abs(alpha) + betaPrev + beta);
  if (!(beta > k.breakdownTol * k.normEstimate)) {
    k.breakdown = true;
    w.fill(0);
    return true;
  }
  const inv = 1 / beta;
  for (let i = 0; i < n; i++) w[i] = w[i]! * inv;
  return true;
}

/**
 * Classical Gram–Schmidt, twice, of w against the locked vectors and the first `count` rows of basis.
 * Returns the total coefficient found on basis row `track` (the correction to α_j), or 0 if track < 0.
 */
function orthogonalize(w: Float64Array, locked: readonly Float64Array[], basis: Float64Array, count: number, track = -1): number {
  const n = w.length;
  const coef = new Float64Array(count + locked.length);
  let tracked = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let r = 0; r < count; r++) coef[r] = dotAt(basis, r * n, w, n);
    for (let l = 0; l < locked.length; l++) coef[count + l] = dotAt(locked[l]!, 0, w, n);
    for (let r = 0; r < count; r++) {
      const c = coef[r]!,
        off = r * n;
      if (c !== 0) for (let i = 0; i < n; i++) w[i] = w[i]! - c * basis[off + i]!;
    }
    for (let l = 0; l < locked.length; l++) {
      const c = coef[count + l]!,
        v = locked[l]!;
      if (c !== 0) for (let i = 0; i < n; i++) w[i] = w[i]! - c * v[i]!;
    }
    if (track >= 0) tracked += coef[track]!;
  }
  return tracked;
}

function dotAt(a: Float64Array, off: number, w: Float64Array, n: number): number {
  let s0 = 0,
    s1 = 0,
    i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += a[off + i]! * w[i]!;
    s1 += a[off + i + 1]! * w[i + 1]!;
  }
  if (i < n) s0 += a[off + i]! * w[i]!;
  return s0 + s1;
}

function squaredNorm(x: Float64Array): number {
  return dotAt(x, 0, x, x.length);
}

/**
 * Y = Qᵀ S: the Ritz vectors in the original space.
 * @param basis m×n row-major (row l = Lanczos vector q_l); only the first m rows are read
 * @param s m×m row-major eigenvectors of T (columns)
 * @returns n×m row-major, column j = Σ_l s[l][j] q_l
 */
export function ritzVectors(basis: Float64Array, n: number, m: number, s: Float64Array): Float64Array {
  const qt = new Float64Array(n * m);
  for (let l = 0; l < m; l++) {
    for (let i = 0; i < n; i++) qt[i * m + l] = basis[l * n + i]!;
  }
  const y = new Float64Array(n * m);
  gemmAdd(n, m, m, qt, 0, m, s, 0, m, y, 0, m);
  return y;
}
