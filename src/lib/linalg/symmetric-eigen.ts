// All eigenvalues, and optionally eigenvectors, of a dense symmetric matrix: Householder, QL, then inverse iteration or divide and conquer.
//
// Pipeline (LAPACK's dsyevd/dsyevx routes, rewritten for JavaScript):
//   1. T = Qᵀ A Q by blocked Householder reflections (householder-tridiagonal.ts)              ~ 4/3 n³ flops
//   2. split T where an off-diagonal is below eps·‖T‖; eigenvalues of each block by root-free QL (tridiagonal-ql.ts)
//   3. eigenvectors of each block of T:
//      - well separated eigenvalues: inverse iteration, O(m²) (tridiagonal-inverse-iteration.ts)
//      - big clusters, where inverse iteration would need O(m³) Gram–Schmidt (Hessian spectra: a bulk at 0),
//        or if inverse iteration fails: divide and conquer, ≤ 4/3 m³ (tridiagonal-divide-conquer.ts)
//   4. V = Q Y in compact-WY blocks (householder-back-transform.ts)                              ~ 2 n³ flops
// Classic tred2 + tql2 spends about 8.7 n³ flops, mostly in plane rotations; this spends 3.3–4.7 n³, most of them
// in the register-blocked `gemmAdd`. At n = 1000 on the course machine (2-core EPYC): 0.42–0.49 s with vectors
// against 1.5–1.65 s for ml-matrix's tred2/tql2, and 3.3 s at n = 2000 (scripts/bench-linalg.ts).

import { createRng } from '../random/rng.ts';
import { applyTridiagonalQ } from './householder-back-transform.ts';
import { householderTridiagonalSteps } from './householder-tridiagonal.ts';
import { drain, drainScheduled, type Steps } from './steps.ts';
import { ascendingOrder } from './tridiagonal-eigen.ts';
import { tridiagonalDivideConquer } from './tridiagonal-divide-conquer.ts';
import { tridiagonalInverseIteration } from './tridiagonal-inverse-iteration.ts';
import { tridiagonalQlValues } from './tridiagonal-ql.ts';

/** Unreduced blocks up to this size go straight to divide and conquer, which solves them by QL rotations. */
const SMALL_BLOCK = 24;
/** Fixed seed for inverse iteration's starting vectors: the decomposition is a deterministic function of A. */
const START_SEED = 0x5eed;

export interface SymmetricEigenResult {
  /** Eigenvalues, ascending, length n. */
  values: Float64Array;
  /** n×n row-major; column j is the unit eigenvector of values[j]. Present when requested. */
  vectors?: Float64Array;
}

/**
 * Eigen-decomposition A = V diag(values) Vᵀ of a symmetric matrix.
 * @param A symmetric n×n, row-major Float64Array; (A + Aᵀ)/2 is used, so slight asymmetry is harmless
 * @param n order of A
 * @param opts.vectors also compute the orthonormal eigenvectors
 */
export function symmetricEigen(A: Float64Array, n: number, opts: { vectors?: boolean } = {}): SymmetricEigenResult {
  return drain(symmetricEigenSteps(A, n, opts));
}

/**
 * `symmetricEigen` that awaits `tick` (a scheduler's) between the Householder panels, so a cancel is read within a
 * few milliseconds even at n = 600 (about 0.1 s of work in all). Same numbers as the synchronous call.
 */
export function symmetricEigenScheduled(
  A: Float64Array,
  n: number,
  tick: () => Promise<void>,
  opts: { vectors?: boolean } = {},
): Promise<SymmetricEigenResult> {
  return drainScheduled(symmetricEigenSteps(A, n, opts), tick);
}

function* symmetricEigenSteps(A: Float64Array, n: number, opts: { vectors?: boolean }): Steps<SymmetricEigenResult> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`symmetricEigen: n must be a non-negative integer, got ${n}`);
  if (A.length !== n * n) throw new Error(`symmetricEigen: A has length ${A.length}, expected n·n = ${n * n}`);
  const wantVectors = opts.vectors === true;
  const a = new Float64Array(n * n);
  const maxAbs = symmetrizedLower(A, n, a);
  // Scale by a power of two (exact) when entries are near overflow or underflow.
  const scale = maxAbs > 0 && (maxAbs > 2 ** 400 || maxAbs < 2 ** -400) ? 2 ** -Math.round(Math.log2(maxAbs)) : 1;
  if (scale !== 1) for (let i = 0; i < n * n; i++) a[i] = a[i]! * scale;

  const { d, e, tau } = yield* householderTridiagonalSteps(a, n);
  const starts = splitPoints(d, e, n);

  // Eigenvalues block by block (sorted within each block), then their global ascending order.
  const blockValues = new Float64Array(n);
  for (let b = 0; b + 1 < starts.length; b++) {
    const b0 = starts[b]!,
      m = starts[b + 1]! - b0;
    const dd = d.slice(b0, b0 + m),
      e2 = e.slice(b0, b0 + m).map((x) => x * x);
    tridiagonalQlValues(dd, e2, m);
    dd.sort();
    blockValues.set(dd, b0);
  }
  const order = ascendingOrder(blockValues);
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) values[j] = blockValues[order[j]!]! / scale;
  if (!wantVectors) return { values };

  // rank[k] = sorted position of the k-th block value; row rank[k] of yt receives its eigenvector of T.
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[order[j]!] = j;
  const yt = new Float64Array(n * n);
  const rng = createRng(START_SEED);
  for (let b = 0; b + 1 < starts.length; b++) {
    const b0 = starts[b]!,
      m = starts[b + 1]! - b0;
    const rows = rank.subarray(b0, b0 + m);
    if (m === 1) {
      yt[rows[0]! * n + b0] = 1;
      continue;
    }
    const lambda = blockValues.subarray(b0, b0 + m);
    const ok = m > SMALL_BLOCK && !clustered(d, e, b0, m, lambda) && tridiagonalInverseIteration(d, e, b0, m, lambda, yt, rows, n, rng);
    if (!ok) blockVectorsByDivideConquer(d, e, b0, m, yt, rows, n);
  }
  const vectors = transposeInPlace(yt, n);
  applyTridiagonalQ(a, n, tau, vectors, n);
  return { values, vectors };
}

/**
 * Block boundaries of T: zeroes every off-diagonal with |e_i| ≤ eps·‖T‖ (a perturbation at rounding level, the
 * same test QL applies) and returns the start of each unreduced block followed by n.
 */
function splitPoints(d: Float64Array, e: Float64Array, n: number): Int32Array {
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]!) + Math.abs(e[i]!) + (i > 0 ? Math.abs(e[i - 1]!) : 0));
  const starts = [0];
  for (let i = 0; i + 1 < n; i++) {
    if (Math.abs(e[i]!) <= Number.EPSILON * norm) {
      e[i] = 0;
      starts.push(i + 1);
    }
  }
  starts.push(n);
  return Int32Array.from(starts);
}

/**
 * Whether inverse iteration would spend more on Gram–Schmidt than divide and conquer spends in total: clusters
 * (chains of eigenvalues less than 1e-3·‖T‖ apart, as in tridiagonal-inverse-iteration.ts) of sizes c cost about
 * 4m·Σc² flops of dot products, against about (4/3)m³ flops of fast matrix products for divide and conquer.
 */
function clustered(d: Float64Array, e: Float64Array, b0: number, m: number, lambda: Float64Array): boolean {
  let norm = 0;
  for (let i = b0; i < b0 + m; i++) {
    norm = Math.max(norm, Math.abs(d[i]!) + (i > b0 ? Math.abs(e[i - 1]!) : 0) + Math.abs(e[i]!));
  }
  let cost = 0,
    size = 1;
  for (let j = 1; j <= m; j++) {
    if (j < m && lambda[j]! - lambda[j - 1]! <= 1e-3 * norm) size++;
    else {
      cost += size * size;
      size = 1;
    }
  }
  return cost > (m * m) / 16;
}

/** Eigenvectors of the block at b0 (size m) by divide and conquer, written as rows of yt. */
function blockVectorsByDivideConquer(
  d: Float64Array,
  e: Float64Array,
  b0: number,
  m: number,
  yt: Float64Array,
  rows: Int32Array,
  n: number,
): void {
  const dd = d.slice(b0, b0 + m),
    z = new Float64Array(m * m);
  tridiagonalDivideConquer(dd, e.subarray(b0, b0 + m), m, z);
  for (let j = 0; j < m; j++) {
    const row = rows[j]! * n + b0;
    for (let i = 0; i < m; i++) yt[row + i] = z[i * m + j]!;
  }
}

/** Tile edge for cache-friendly transposed access: two 64×64 tiles of doubles fit in L1. */
const TILE = 64;

/**
 * Writes the lower triangle of (A + Aᵀ)/2 into out (row-major n×n) tile by tile, so the transposed reads stay in
 * cache. Returns max |entry|; throws on a non-finite entry.
 */
function symmetrizedLower(A: Float64Array, n: number, out: Float64Array): number {
  let maxAbs = 0;
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = 0; j0 <= i0; j0 += TILE) {
      for (let i = i0; i < i1; i++) {
        const j1 = Math.min(i + 1, j0 + TILE);
        for (let j = j0; j < j1; j++) {
          const v = 0.5 * (A[i * n + j]! + A[j * n + i]!);
          out[i * n + j] = v;
          const av = Math.abs(v);
          if (av > maxAbs) maxAbs = av;
          else if (!(av <= maxAbs)) throw new Error(`symmetricEigen: A[${i}][${j}] is not finite`);
        }
      }
    }
  }
  if (maxAbs === Infinity) throw new Error('symmetricEigen: A has an infinite entry');
  return maxAbs;
}

/** Transposes the n×n row-major matrix x in place, tile by tile; returns x. */
function transposeInPlace(x: Float64Array, n: number): Float64Array {
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = 0; j0 <= i0; j0 += TILE) {
      for (let i = i0; i < i1; i++) {
        const j1 = Math.min(i, j0 + TILE);
        for (let j = j0; j < j1; j++) {
          const t = x[i * n + j]!;
          x[i * n + j] = x[j * n + i]!;
          x[j * n + i] = t;
        }
      }
    }
  }
  return x;
}
