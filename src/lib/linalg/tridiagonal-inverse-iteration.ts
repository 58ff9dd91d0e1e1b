// Eigenvectors of an unreduced symmetric tridiagonal block from its known eigenvalues, by inverse iteration (LAPACK dstein).
//
// For each eigenvalue λ, T − λI is factored once (Gaussian elimination with partial pivoting, which keeps
// two superdiagonals) and a random vector is solved against it a few times; each solve multiplies the wanted
// component by about 1/(eps·‖T‖) and the others by at most 1/gap, so growth past sqrt(0.1/m) after
// normalisation means convergence, and one more solve squares the remaining contamination away. Starting
// vectors are cyclic shifts of one random vector per block: as good as fresh ones, and m times cheaper.
// Eigenvalues closer than 1e-3·‖T‖ form a cluster, and each vector is re-orthogonalised (modified Gram–Schmidt)
// against the earlier vectors of its cluster: inverse iteration alone only separates vectors by about
// eps‖T‖/gap. Costs O(m) per solve, so all m vectors take O(m²) plus the clusters' Gram–Schmidt (which is why
// symmetric-eigen.ts sends blocks with big clusters to divide and conquer instead).

import type { Rng } from '../random/rng.ts';

const MAX_SOLVES = 5;
const EXTRA_SOLVES = 1;
const CLUSTER_GAP = 1e-3;

/**
 * Unit eigenvectors of the m×m block of a symmetric tridiagonal matrix starting at row b0.
 * @param d diagonal of the whole matrix (block entries d[b0 .. b0+m))
 * @param e off-diagonal of the whole matrix, e[i] couples i and i+1 (block uses e[b0 .. b0+m−1)); all nonzero
 * @param b0 first row of the block
 * @param m size of the block, ≥ 2
 * @param lambda the block's eigenvalues, ascending, length m
 * @param out destination: vector j goes to out[outRow[j]·ld + b0 + i], i < m (a row-major matrix whose rows are vectors)
 * @param outRow row of `out` receiving vector j, length m
 * @param ld row stride of out
 * @param rng source of the random starting vectors
 * @returns false if some vector did not converge within the allotted solves (it is still stored)
 */
export function tridiagonalInverseIteration(
  d: Float64Array,
  e: Float64Array,
  b0: number,
  m: number,
  lambda: Float64Array,
  out: Float64Array,
  outRow: Int32Array,
  ld: number,
  rng: Rng,
): boolean {
  const eps = Number.EPSILON;
  let norm = 0;
  for (let i = 0; i < m; i++) {
    const row = Math.abs(d[b0 + i]!) + (i > 0 ? Math.abs(e[b0 + i - 1]!) : 0) + (i < m - 1 ? Math.abs(e[b0 + i]!) : 0);
    if (row > norm) norm = row;
  }
  const clusterGap = CLUSTER_GAP * norm,
    growth = Math.sqrt(0.1 / m),
    pivotFloor = eps * norm;
  const inv0 = new Float64Array(m),
    u1 = new Float64Array(m),
    u2 = new Float64Array(m),
    mult = new Float64Array(m);
  const swapped = new Uint8Array(m);
  const x = new Float64Array(m),
    start = new Float64Array(m),
    stats = new Float64Array(4);
  let startOne = 0;
  for (let i = 0; i < m; i++) {
    start[i] = 2 * rng.next() - 1;
    startOne += Math.abs(start[i]!);
  }
  let allConverged = true,
    first = 0,
    prev = 0;

  for (let j = 0; j < m; j++) {
    let shift = lambda[j]!;
    if (j > 0) {
      // Equal eigenvalues would give equal factorizations; nudge them apart by a few ulps.
      const minSep = 10 * Math.abs(eps * shift);
      if (shift - prev < minSep) shift = prev + minSep;
      if (shift - prev > clusterGap) first = j;
    }
    prev = shift;
    const lastPivot = factorShifted(d, e, b0, m, shift, pivotFloor, inv0, u1, u2, mult, swapped);
    const offset = j;
    x.set(start.subarray(offset), 0);
    x.set(start.subarray(0, offset), m - offset);
    let one = startOne,
      solves = 0,
      pastGrowth = 0;
    for (;;) {
      if (++solves > MAX_SOLVES) {
        allConverged = false;
        break;
      }
      // Scale the right-hand side so that a converged solve has max-norm of order 1.
      solveFactored(m, inv0, u1, u2, mult, swapped, x, (m * norm * Math.max(eps, Math.abs(lastPivot))) / one, stats);
      if (first < j) {
        for (let q = first; q < j; q++) {
          const oq = outRow[q]! * ld + b0;
          let s = 0;
          for (let i = 0; i < m; i++) s += out[oq + i]! * x[i]!;
          for (let i = 0; i < m; i++) x[i] = x[i]! - s * out[oq + i]!;
        }
        measure(x, m, stats);
      }
      one = stats[2]!;
      if (stats[0]! < growth) continue;
      if (++pastGrowth > EXTRA_SOLVES) break;
    }
    const imax = stats[1]!;
    const inv = (x[imax]! < 0 ? -1 : 1) / Math.sqrt(stats[3]!);
    const oj = outRow[j]! * ld + b0;
    for (let i = 0; i < m; i++) out[oj + i] = x[i]! * inv;
  }
  return allConverged;
}

/**
 * P L U factorization of T − λI (block of size m at b0) with partial pivoting: U row i holds columns i, i+1, i+2
 * as (1/inv0[i], u1[i], u2[i]); mult[i] eliminates row i+1 and swapped[i] records an interchange of rows i, i+1.
 * Pivots smaller than `floor` are raised to it (the standard perturbation for inverse iteration); reciprocals
 * are stored so the solves multiply instead of divide. Returns the last pivot.
 */
function factorShifted(
  d: Float64Array,
  e: Float64Array,
  b0: number,
  m: number,
  lambda: number,
  floor: number,
  inv0: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  mult: Float64Array,
  swapped: Uint8Array,
): number {
  // (c0, c1, c2): the current row i restricted to columns i, i+1, i+2 after the previous eliminations.
  let c0 = d[b0]! - lambda,
    c1 = e[b0]!,
    c2 = 0;
  for (let i = 0; i < m - 1; i++) {
    const sub = e[b0 + i]!,
      diag = d[b0 + i + 1]! - lambda,
      sup = i + 1 < m - 1 ? e[b0 + i + 1]! : 0;
    if (Math.abs(c0) >= Math.abs(sub)) {
      if (Math.abs(c0) < floor) c0 = c0 < 0 ? -floor : floor;
      const r = 1 / c0,
        t = sub * r;
      inv0[i] = r;
      u1[i] = c1;
      u2[i] = c2;
      mult[i] = t;
      swapped[i] = 0;
      c0 = diag - t * c1;
      c1 = sup - t * c2;
    } else {
      const p = Math.abs(sub) < floor ? (sub < 0 ? -floor : floor) : sub;
      const r = 1 / p,
        t = c0 * r;
      inv0[i] = r;
      u1[i] = diag;
      u2[i] = sup;
      mult[i] = t;
      swapped[i] = 1;
      c0 = c1 - t * diag;
      c1 = c2 - t * sup;
    }
    c2 = 0;
  }
  if (Math.abs(c0) < floor) c0 = c0 < 0 ? -floor : floor;
  inv0[m - 1] = 1 / c0;
  return c0;
}

/**
 * Solves (P L U) x = scale·b in place (b given in x) and leaves in stats: [‖x‖∞, index of that entry, ‖x‖₁, ‖x‖₂²],
 * gathered during the back substitution so the vector is not walked again.
 */
function solveFactored(
  m: number,
  inv0: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  mult: Float64Array,
  swapped: Uint8Array,
  x: Float64Array,
  scale: number,
  stats: Float64Array,
): void {
  let xi = x[0]! * scale;
  for (let i = 0; i < m - 1; i++) {
    let xn = x[i + 1]! * scale;
    if (swapped[i] === 1) {
      const t = xi;
      xi = xn;
      xn = t;
    }
    x[i] = xi;
    xi = xn - mult[i]! * xi;
  }
  let x2 = xi * inv0[m - 1]!;
  x[m - 1] = x2;
  let x1 = (x[m - 2]! - u1[m - 2]! * x2) * inv0[m - 2]!;
  x[m - 2] = x1;
  let big = Math.abs(x2),
    at = m - 1,
    one = Math.abs(x2),
    ss = x2 * x2;
  if (Math.abs(x1) > big) {
    big = Math.abs(x1);
    at = m - 2;
  }
  one += Math.abs(x1);
  ss += x1 * x1;
  for (let i = m - 3; i >= 0; i--) {
    const v = (x[i]! - u1[i]! * x1 - u2[i]! * x2) * inv0[i]!;
    x[i] = v;
    x2 = x1;
    x1 = v;
    const a = Math.abs(v);
    if (a > big) {
      big = a;
      at = i;
    }
    one += a;
    ss += v * v;
  }
  stats[0] = big;
  stats[1] = at;
  stats[2] = one;
  stats[3] = ss;
}

/** The same statistics as solveFactored leaves, for x as it stands. */
function measure(x: Float64Array, m: number, stats: Float64Array): void {
  let big = 0,
    at = 0,
    one = 0,
    ss = 0;
  for (let i = 0; i < m; i++) {
    const v = x[i]!,
      a = Math.abs(v);
    if (a > big) {
      big = a;
      at = i;
    }
    one += a;
    ss += v * v;
  }
  stats[0] = big;
  stats[1] = at;
  stats[2] = one;
  stats[3] = ss;
}
