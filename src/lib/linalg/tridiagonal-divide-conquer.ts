// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by Cuppen's divide and conquer with Gu–Eisenstat vectors (LAPACK dstedc).
//
// Split T at the middle coupling β: T = diag(T₁, T₂) + |β| v vᵀ with v = e_last(T₁) + sign(β) e_first(T₂), after
// taking |β| off the two touching diagonal entries. Solve both halves recursively (QL below LEAF), so that
// T = Q̂ (D + ρ z zᵀ) Q̂ᵀ with Q̂ = diag(Q₁, Q₂) and z = Q̂ᵀ v; solve the rank-one problem (secular-equation.ts);
// multiply. Deflation makes clusters cheap instead of expensive: a z_i below tolerance, or two d's closer than
// tolerance (rotated so one z vanishes), leave an eigenpair of D + ρzzᵀ unchanged. The products exploit the
// block structure of Q̂ (top rows only meet columns from Q₁, bottom rows from Q₂), about 4/3 m³ flops at most.

import { gemmAdd } from './gemm.ts';
import { secularRoots, secularVectors } from './secular-equation.ts';
import { ascendingOrder } from './tridiagonal-eigen.ts';
import { tridiagonalQl } from './tridiagonal-ql.ts';

const LEAF = 24;

/**
 * In place: d becomes the ascending eigenvalues of the m×m symmetric tridiagonal (d, e) and q (m×m, row-major)
 * receives the unit eigenvectors as columns.
 * @param d diagonal, length m (overwritten)
 * @param e off-diagonal, e[i] couples i and i+1, length ≥ m − 1 (read only)
 * @param q output, length m·m
 */
export function tridiagonalDivideConquer(d: Float64Array, e: Float64Array, m: number, q: Float64Array): void {
  q.fill(0, 0, m * m);
  solve(d, e, q, m, 0, m);
}

function solve(d: Float64Array, e: Float64Array, q: Float64Array, ld: number, off: number, size: number): void {
  if (size <= LEAF) {
    const dd = d.slice(off, off + size),
      ee = new Float64Array(size),
      z = new Float64Array(size * size);
    ee.set(e.subarray(off, off + size - 1));
    for (let i = 0; i < size; i++) z[i * size + i] = 1;
    tridiagonalQl(dd, ee, size, z, size);
    const order = ascendingOrder(dd);
    for (let j = 0; j < size; j++) d[off + j] = dd[order[j]!]!;
    for (let r = 0; r < size; r++) {
      for (let j = 0; j < size; j++) q[(off + r) * ld + off + j] = z[r * size + order[j]!]!;
    }
    return;
  }
  const n1 = size >> 1,
    beta = e[off + n1 - 1]!,
    rho = Math.abs(beta);
  d[off + n1 - 1] = d[off + n1 - 1]! - rho;
  d[off + n1] = d[off + n1]! - rho;
  solve(d, e, q, ld, off, n1);
  solve(d, e, q, ld, off + n1, size - n1);
  merge(d, q, ld, off, size, n1, 2 * rho, beta < 0 ? -1 : 1);
}

/** Merges the two solved halves of the block at `off` (sizes n1, size − n1) across the rank-one coupling ρ' z zᵀ. */
function merge(d: Float64Array, q: Float64Array, ld: number, off: number, m: number, n1: number, rho: number, sign: number): void {
  // z = Q̂ᵀ v / √2 (unit norm; ρ doubled to match): the last row of Q₁ and ±the first row of Q₂.
  const z = new Float64Array(m);
  for (let i = 0; i < n1; i++) z[i] = q[(off + n1 - 1) * ld + off + i]! * Math.SQRT1_2;
  for (let i = n1; i < m; i++) z[i] = sign * q[(off + n1) * ld + off + i]! * Math.SQRT1_2;
  // Sorted order of the two ascending halves; col[t] is the block column behind sorted position t.
  const col = ascendingOrder(d.subarray(off, off + m));
  const ds = new Float64Array(m),
    zs = new Float64Array(m);
  const top = new Uint8Array(m),
    bottom = new Uint8Array(m);
  let dmax = 0,
    zmax = 0;
  for (let t = 0; t < m; t++) {
    const c = col[t]!;
    ds[t] = d[off + c]!;
    zs[t] = z[c]!;
    top[t] = c < n1 ? 1 : 0;
    bottom[t] = c < n1 ? 0 : 1;
    dmax = Math.max(dmax, Math.abs(ds[t]!));
    zmax = Math.max(zmax, Math.abs(zs[t]!));
  }
  const tol = 8 * Number.EPSILON * Math.max(dmax, rho * zmax);
  const kept: number[] = [],
    deflated: number[] = [];
  let pj = -1;
  for (let t = 0; t < m; t++) {
    if (rho * Math.abs(zs[t]!) <= tol) {
      deflated.push(t);
      continue;
    }
    if (pj < 0) {
      pj = t;
      continue;
    }
    const zp = zs[pj]!,
      zt = zs[t]!,
      h = Math.hypot(zp, zt),
      c = zt / h,
      s = -zp / h;
    if (Math.abs((ds[t]! - ds[pj]!) * c * s) <= tol) {
      // Rotate columns so z_pj vanishes; pj keeps an eigenpair of the merged problem.
      rotateColumns(q, ld, off, m, col[pj]!, col[t]!, c, s);
      top[t] = top[pj] = top[t]! | top[pj]!;
      bottom[t] = bottom[pj] = bottom[t]! | bottom[pj]!;
      zs[t] = h;
      zs[pj] = 0;
      const dp = ds[pj]!,
        dt = ds[t]!;
      ds[pj] = dp * c * c + dt * s * s;
      ds[t] = dp * s * s + dt * c * c;
      deflated.push(pj);
    } else {
      kept.push(pj);
    }
    pj = t;
  }
  if (pj >= 0) kept.push(pj);

  const k = kept.length,
    n2 = m - n1;
  const values = new Float64Array(m),
    u = new Float64Array(k * k);
  if (k > 0) {
    const dk = Float64Array.from(kept, (t) => ds[t]!),
      zk = Float64Array.from(kept, (t) => zs[t]!);
    const origin = new Int32Array(k),
      tau = new Float64Array(k);
    secularRoots(
      dk,
      zk.map((x) => x * x),
      k,
      rho,
      origin,
      tau,
    );
    secularVectors(dk, zk, k, origin, tau, u);
    for (let j = 0; j < k; j++) values[j] = dk[origin[j]!]! + tau[j]!;
  }
  // New columns: [top rows; bottom rows] = Q̂ restricted to the kept columns that live there, times U.
  const upper = product(q, ld, off, n1, off, kept, top, col, u, k);
  const lower = product(q, ld, off + n1, n2, off, kept, bottom, col, u, k);
  const saved = new Float64Array(m * deflated.length);
  deflated.forEach((t, f) => {
    values[k + f] = ds[t]!;
    for (let r = 0; r < m; r++) saved[r * deflated.length + f] = q[(off + r) * ld + off + col[t]!]!;
  });
  const order = ascendingOrder(values);
  for (let j = 0; j < m; j++) d[off + j] = values[order[j]!]!;
  const nd = deflated.length;
  for (let r = 0; r < m; r++) {
    const row = (off + r) * ld + off;
    for (let j = 0; j < m; j++) {
      const s = order[j]!;
      q[row + j] = s < k ? (r < n1 ? upper[r * k + s]! : lower[(r - n1) * k + s]!) : saved[r * nd + s - k]!;
    }
  }
}

/**
 * The rows×k block [rowStart, rowStart+rows) of Q̂·U, using only the kept columns flagged in `present` (the others
 * are zero on these rows). Q̂'s block starts at column colOff; kept[j] is the sorted position of U's row j.
 */
function product(
  q: Float64Array,
  ld: number,
  rowStart: number,
  rows: number,
  colOff: number,
  kept: number[],
  present: Uint8Array,
  col: Int32Array,
  u: Float64Array,
  k: number,
): Float64Array {
  const use = kept.flatMap((t, j) => (present[t] === 1 ? [j] : []));
  const kk = use.length;
  const a = new Float64Array(rows * kk),
    b = new Float64Array(kk * k),
    c = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const src = (rowStart + r) * ld + colOff;
    for (let p = 0; p < kk; p++) a[r * kk + p] = q[src + col[kept[use[p]!]!]!]!;
  }
  for (let p = 0; p < kk; p++) b.set(u.subarray(use[p]! * k, use[p]! * k + k), p * k);
  gemmAdd(rows, k, kk, a, 0, kk, b, 0, k, c, 0, k);
  return c;
}

/** Columns x = col i, y = col j of the block at off (m rows): x ← c x + s y, y ← c y − s x. */
function rotateColumns(q: Float64Array, ld: number, off: number, m: number, i: number, j: number, c: number, s: number): void {
  for (let r = 0; r < m; r++) {
    const row = (off + r) * ld + off,
      x = q[row + i]!,
      y = q[row + j]!;
    q[row + i] = c * x + s * y;
    q[row + j] = c * y - s * x;
  }
}
