// Eigenvalues of a symmetric tridiagonal matrix by implicit QL with Wilkinson shifts (EISPACK tql2 / JAMA), rotating vectors along.
//
// Each QL sweep is a chain of plane rotations on neighbouring columns (i, i+1), for i from m−1 down to l. Instead of
// applying each rotation to a whole column pair as it is made (a strided walk over all rows per rotation), the
// sweep's cosines and sines are stored and then applied row by row: in a row the chain only carries one number
// from column i+1 to column i, so the row is walked once, contiguously. Four rows go together so that the
// carried values form four independent dependency chains the CPU can overlap.

/** Largest QL sweeps spent on one eigenvalue before giving up (tql2 converges in 1–2 on average). */
const MAX_SWEEPS = 60;

/**
 * In place: d becomes the eigenvalues (unsorted) of the symmetric tridiagonal matrix with diagonal d and
 * off-diagonal e (e[i] couples i and i+1); e is destroyed. If z is given, the same rotations are applied to its
 * columns: starting from the identity, column j of z ends as the unit eigenvector of d[j]; starting from the
 * first row of the identity (rows = 1), z ends as the first components of those eigenvectors.
 * @param d diagonal, length n
 * @param e off-diagonal, length ≥ n (e[n−1] is ignored and overwritten)
 * @param n order
 * @param z optional rows×n, row-major
 * @param rows number of rows of z
 */
export function tridiagonalQl(d: Float64Array, e: Float64Array, n: number, z?: Float64Array, rows = 0): void {
  if (n <= 1) return;
  e[n - 1] = 0;
  const cs = new Float64Array(n),
    sn = new Float64Array(n);
  const eps = Number.EPSILON;
  let f = 0,
    tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        if (++sweeps > MAX_SWEEPS) throw new Error(`tridiagonalQl: no convergence for eigenvalue ${l} of ${n}`);
        // Wilkinson shift from the leading 2×2 of the unreduced block; it is folded into d and accumulated in f.
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f += h;
        p = d[m]!;
        let c = 1,
          c2 = 1,
          c3 = 1,
          s = 0,
          s2 = 0;
        const el1 = e[l + 1]!;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          cs[i] = c;
          sn[i] = s;
        }
        if (z !== undefined && rows > 0) applyRotationChain(z, n, rows, l, m, cs, sn);
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

/** √(a² + b²) without overflow; Math.hypot is correct but several times slower in V8. */
function hypot(a: number, b: number): number {
  const x = Math.abs(a),
    y = Math.abs(b);
  if (x > y) {
    const t = y / x;
    return x * Math.sqrt(1 + t * t);
  }
  if (y === 0) return 0;
  const t = x / y;
  return y * Math.sqrt(1 + t * t);
}

/**
 * For every row of z (stride n): for i = m−1 down to l, rotate columns (i, i+1) by (cs[i], sn[i]):
 * z[i+1] ← s·z[i] + c·z[i+1],  z[i] ← c·z[i] − s·z[i+1].
 */
function applyRotationChain(z: Float64Array, n: number, rows: number, l: number, m: number, cs: Float64Array, sn: Float64Array): void {
  let k = 0;
  for (; k + 3 < rows; k += 4) {
    const r0 = k * n,
      r1 = r0 + n,
      r2 = r1 + n,
      r3 = r2 + n;
    let h0 = z[r0 + m]!,
      h1 = z[r1 + m]!,
      h2 = z[r2 + m]!,
      h3 = z[r3 + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i]!,
        s = sn[i]!;
      const v0 = z[r0 + i]!,
        v1 = z[r1 + i]!,
        v2 = z[r2 + i]!,
        v3 = z[r3 + i]!;
      z[r0 + i + 1] = s * v0 + c * h0;
      h0 = c * v0 - s * h0;
      z[r1 + i + 1] = s * v1 + c * h1;
      h1 = c * v1 - s * h1;
      z[r2 + i + 1] = s * v2 + c * h2;
      h2 = c * v2 - s * h2;
      z[r3 + i + 1] = s * v3 + c * h3;
      h3 = c * v3 - s * h3;
    }
    z[r0 + l] = h0;
    z[r1 + l] = h1;
    z[r2 + l] = h2;
    z[r3 + l] = h3;
  }
  for (; k < rows; k++) {
    const r0 = k * n;
    let h0 = z[r0 + m]!;
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i]!,
        s = sn[i]!,
        v0 = z[r0 + i]!;
      z[r0 + i + 1] = s * v0 + c * h0;
      h0 = c * v0 - s * h0;
    }
    z[r0 + l] = h0;
  }
}

/**
 * Eigenvalues only (unsorted, in place in d) by the root-free rational QL of Pal, Walker and Kahan (EISPACK
 * tqlrat): it iterates on the squared off-diagonal, so a QL step needs no square roots; about 2–3 times faster
 * than `tridiagonalQl` without vectors, and as accurate (errors of order eps·‖T‖).
 * @param d diagonal, length n (overwritten with the eigenvalues)
 * @param e2 squared off-diagonal, e2[i] = T[i][i+1]², length ≥ n (destroyed)
 */
export function tridiagonalQlValues(d: Float64Array, e2: Float64Array, n: number): void {
  if (n <= 1) return;
  e2[n - 1] = 0;
  let f = 0,
    t = 0,
    b = 0,
    c = 0;
  for (let l = 0; l < n; l++) {
    const h0 = Math.abs(d[l]!) + Math.sqrt(e2[l]!);
    if (t <= h0) {
      t = h0;
      b = Number.EPSILON * t;
      c = b * b;
    }
    let m = l;
    while (e2[m]! > c) m++;
    for (let sweeps = 0; m > l;) {
      if (++sweeps > MAX_SWEEPS) throw new Error(`tridiagonalQlValues: no convergence for eigenvalue ${l} of ${n}`);
      let s = Math.sqrt(e2[l]!),
        g = d[l]!;
      let p = (d[l + 1]! - g) / (2 * s);
      const r0 = Math.sqrt(p * p + 1);
      d[l] = s / (p + (p < 0 ? -r0 : r0));
      let h = g - d[l]!;
      for (let i = l + 1; i < n; i++) d[i] = d[i]! - h;
      f += h;
      // Rational QL sweep from m−1 up to l; g is never allowed to be exactly 0.
      g = d[m]! === 0 ? b : d[m]!;
      h = g;
      s = 0;
      for (let i = m - 1; i >= l; i--) {
        p = g * h;
        const r = p + e2[i]!;
        e2[i + 1] = s * r;
        s = e2[i]! / r;
        d[i + 1] = h + s * (h + d[i]!);
        g = d[i]! - e2[i]! / g;
        if (g === 0) g = b;
        h = (g * p) / r;
      }
      e2[l] = s * g;
      d[l] = h;
      // Converged when the new e2[l] is negligible (tested without underflow).
      if (h === 0 || Math.abs(e2[l]!) <= Math.abs(c / h)) break;
      e2[l] = h * e2[l]!;
      if (e2[l] === 0) break;
    }
    d[l] = d[l]! + f;
  }
}
