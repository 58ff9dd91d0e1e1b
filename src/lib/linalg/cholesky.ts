// Whether a symmetric matrix is positive definite, decided by attempting its Cholesky factorisation A = L Lᵀ.
//
// A symmetric A is positive definite exactly when the factorisation runs to the end with every pivot
// d_j = A_jj − Σ_{k<j} L_jk² > 0 (Golub & Van Loan, Matrix Computations, §4.2). The test stops at the first
// pivot ≤ 0, so an indefinite matrix usually costs far less than the n³/6 flops of a full factorisation
// (half of all GOE matrices already fail at A₀₀ ≤ 0). In floating point the verdict is exact up to the usual
// backward error: a matrix whose smallest eigenvalue is below about n·ε·‖A‖ may be called either way.

/**
 * Whether a symmetric matrix is positive definite (every eigenvalue > 0), by attempting its Cholesky factorisation.
 * @param A n×n row-major symmetric; only the lower triangle is read
 * @param work optional scratch of length ≥ n·n, reused across calls to avoid allocation in sampling loops
 */
export function isPositiveDefinite(A: ArrayLike<number>, n: number, work?: Float64Array): boolean {
  if (!Number.isInteger(n) || n < 0) throw new Error(`isPositiveDefinite: n must be a non-negative integer, got ${n}`);
  if (A.length !== n * n) throw new Error(`isPositiveDefinite: A has length ${A.length}, expected n·n = ${n * n}`);
  const L = work && work.length >= n * n ? work : new Float64Array(n * n);
  // Row-oriented (left-looking) so it stops as early as possible: row j needs only rows < j.
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    for (let c = 0; c < j; c++) {
      const rc = c * n;
      let s = A[rj + c]!;
      for (let k = 0; k < c; k++) s -= L[rj + k]! * L[rc + k]!;
      L[rj + c] = s / L[rc + c]!;
    }
    let d = A[rj + j]!;
    for (let k = 0; k < j; k++) d -= L[rj + k]! * L[rj + k]!;
    if (!(d > 0)) return false;
    L[rj + j] = Math.sqrt(d);
  }
  return true;
}
