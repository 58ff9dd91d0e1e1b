// Eigenvalues and eigenvectors of D + ρ z zᵀ (diagonal plus rank one) via the secular equation, for divide and conquer.
//
// The eigenvalues are the roots of g(λ) = 1/ρ + Σ_i z_i²/(d_i − λ), one in each (d_j, d_{j+1}) and the last in
// (d_k, d_k + ρ‖z‖²). Each root is found as λ_j = d_o + τ with the origin d_o the nearer pole, so that the
// differences d_i − λ_j = (d_i − d_o) − τ are known to high relative accuracy (Li 1994; LAPACK dlaed4). The
// iteration fits the two neighbouring poles with a rational model ("middle way") inside a bisection bracket.
// Eigenvectors use Gu & Eisenstat's trick (1994): instead of z, take the ẑ for which the computed λ_j are the
// exact eigenvalues (Löwner's formula); then u_j ∝ ẑ_i/(d_i − λ_j) is orthogonal to working precision even
// when roots are close, which inverse iteration could only reach by Gram–Schmidt.

const EPS = Number.EPSILON;

/**
 * Roots of 1/ρ + Σ z_i²/(d_i − λ) = 0 as λ_j = d[origin[j]] + tau[j], ascending.
 * @param d strictly increasing poles, length k
 * @param z2 squared weights z_i² (> 0), length k
 * @param rho ρ > 0
 * @param origin receives the pole index each root is measured from, length k
 * @param tau receives λ_j − d[origin[j]], length k
 */
export function secularRoots(d: Float64Array, z2: Float64Array, k: number, rho: number, origin: Int32Array, tau: Float64Array): void {
  let sumZ2 = 0;
  for (let i = 0; i < k; i++) sumZ2 += z2[i]!;
  if (k === 1) {
    origin[0] = 0;
    tau[0] = rho * z2[0]!;
    return;
  }
  const delta = new Float64Array(k),
    invRho = 1 / rho;
  for (let j = 0; j < k; j++) {
    const last = j === k - 1;
    let o: number, lo: number, hi: number;
    if (!last) {
      // The sign of g at the midpoint says which pole the root is nearer to.
      const half = (d[j + 1]! - d[j]!) / 2,
        dj = d[j]!;
      let g = invRho;
      for (let i = 0; i < k; i++) g += z2[i]! / (d[i]! - dj - half);
      if (g >= 0) {
        o = j;
        lo = 0;
        hi = half;
      } else {
        o = j + 1;
        lo = -half;
        hi = 0;
      }
    } else {
      o = k - 1;
      lo = 0;
      hi = rho * sumZ2;
    }
    const dOrigin = d[o]!;
    for (let i = 0; i < k; i++) delta[i] = d[i]! - dOrigin;
    // ψ sums the poles at or left of `split`, φ the rest; the model keeps one pole of each exactly.
    const split = last ? k - 2 : j;
    const pl = delta[split]!,
      pu = delta[split + 1]!;
    let t = (lo + hi) / 2;
    for (let iter = 0; iter < 80; iter++) {
      let psi = 0,
        dpsi = 0,
        phi = 0,
        dphi = 0;
      for (let i = 0; i <= split; i++) {
        const r = 1 / (delta[i]! - t),
          term = z2[i]! * r;
        psi += term;
        dpsi += term * r;
      }
      for (let i = split + 1; i < k; i++) {
        const r = 1 / (delta[i]! - t),
          term = z2[i]! * r;
        phi += term;
        dphi += term * r;
      }
      const g = invRho + psi + phi;
      const err = 8 * EPS * (invRho + Math.abs(psi) + Math.abs(phi)) + EPS * Math.abs(t) * (dpsi + dphi);
      if (Math.abs(g) <= err) break;
      if (g < 0) lo = t;
      else hi = t;
      if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
      t = modelStep(t, g, dpsi, dphi, pl - t, pu - t, lo, hi);
    }
    origin[j] = o;
    tau[j] = t;
  }
}

/**
 * Next iterate: the root of the model C + b/(Δl − η) + c/(Δu − η) that matches g and g′ at t (b = ψ′Δl²,
 * c = φ′Δu²), taken if it falls inside the bracket (lo, hi), else the bracket's midpoint.
 */
function modelStep(t: number, g: number, dpsi: number, dphi: number, dl: number, du: number, lo: number, hi: number): number {
  const b = dpsi * dl * dl,
    c = dphi * du * du,
    C = g - dpsi * dl - dphi * du;
  // C η² − A1 η + A0 = 0.
  const a1 = C * (dl + du) + b + c,
    a0 = g * dl * du;
  let best = NaN;
  const consider = (eta: number) => {
    const x = t + eta;
    if (x > lo && x < hi && !(Math.abs(eta) >= Math.abs(best - t))) best = x;
  };
  if (Math.abs(C) <= EPS * Math.abs(a1)) {
    if (a1 !== 0) consider(a0 / a1);
  } else {
    const disc = a1 * a1 - 4 * C * a0;
    if (disc >= 0) {
      const q = a1 >= 0 ? (a1 + Math.sqrt(disc)) / 2 : (a1 - Math.sqrt(disc)) / 2;
      consider(q / C);
      if (q !== 0) consider(a0 / q);
    }
  }
  return Number.isNaN(best) ? (lo + hi) / 2 : best;
}

/**
 * Unit eigenvectors of D + ρ z zᵀ by Gu–Eisenstat: u_j[i] = ẑ_i / (d_i − λ_j), normalised, where
 * ẑ_i² = Π_j (d_i − λ_j) / Π_{j≠i} (d_i − d_j) (up to the common factor 1/ρ) and sign(ẑ_i) = sign(z_i).
 * @param d poles, length k; z original weights (for signs), length k
 * @param origin, tau roots from `secularRoots`
 * @param u receives k×k row-major, column j = eigenvector of root j
 */
export function secularVectors(d: Float64Array, z: Float64Array, k: number, origin: Int32Array, tau: Float64Array, u: Float64Array): void {
  const dOrigin = new Float64Array(k),
    zhat = new Float64Array(k),
    norm2 = new Float64Array(k);
  for (let j = 0; j < k; j++) dOrigin[j] = d[origin[j]!]!;
  for (let i = 0; i < k; i++) {
    const di = d[i]!;
    // Ratios paired term by term stay O(1) by interlacing, so the product neither overflows nor underflows.
    let w = di - dOrigin[i]! - tau[i]!;
    for (let j = 0; j < k; j++) if (j !== i) w *= (di - dOrigin[j]! - tau[j]!) / (di - d[j]!);
    const mag = Math.sqrt(Math.abs(w));
    zhat[i] = z[i]! < 0 ? -mag : mag;
  }
  for (let i = 0; i < k; i++) {
    const di = d[i]!,
      zi = zhat[i]!,
      row = i * k;
    for (let j = 0; j < k; j++) {
      const v = zi / (di - dOrigin[j]! - tau[j]!);
      u[row + j] = v;
      norm2[j] = norm2[j]! + v * v;
    }
  }
  for (let j = 0; j < k; j++) norm2[j] = 1 / Math.sqrt(norm2[j]!);
  for (let i = 0; i < k; i++) {
    const row = i * k;
    for (let j = 0; j < k; j++) u[row + j] = u[row + j]! * norm2[j]!;
  }
}
