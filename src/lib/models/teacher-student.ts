// Two-layer ReLU teacher–student on Gaussian inputs (Safran & Shamir 2018): closed-form population loss, gradient and Hessian.
// Used by the reproduction of Safran & Shamir's tables (experiments/teacher-student.ts).
//
// Notation of the paper: student f_W(x) = Σ_{i=1..n} ReLU(w_iᵀx) with n neurons, teacher g(x) = Σ_{j=1..k} ReLU(v_jᵀx)
// with k neurons, output weights fixed to 1, x ~ N(0, I_d). Parameters W are the n rows w_i ∈ ℝ^d flattened
// row-major: P = n·d, W[i·d + r] = (w_i)_r. Every function takes (W, n, V, k, d) in that order.
//
// Convention — the ½ is in: F(W) = E_x[ ½ (f_W(x) − g(x))² ], as in the authors' own objective (GD_code/objval.m of
// github ItaySafran/OneLayerGDconvergence, whose gradient step also uses ∇ of this F). With the ½ the gradient has
// no stray 2, and at a global minimum the Hessian is exactly E[J Jᵀ] (J = ∂f/∂W), the Gauss–Newton matrix.
//
// Closed form. With the arc-cosine kernel of degree 1 (Cho & Saul 2009), for u, v ≠ 0 at angle θ,
//   K(u, v) = E[ReLU(uᵀx) ReLU(vᵀx)] = ‖u‖‖v‖ (sin θ + (π − θ) cos θ) / (2π),   K(u, u) = ‖u‖²/2,
// expanding the square gives
//   F(W) = ½ Σ_{i,i'} K(w_i, w_i') − Σ_{i,j} K(w_i, v_j) + ½ Σ_{j,j'} K(v_j, v_j').
//
// Derivatives of K (all derived below, then checked against finite differences and Monte Carlo in the tests).
// Write û = u/‖u‖, v̂ = v/‖v‖, c = cos θ = ûᵀv̂, s = sin θ, and the two tangent vectors
//   a = v̂ − c û  (v̂ with its û part removed; ‖a‖ = s),   b = û − c v̂  (‖b‖ = s).
// Since ∂c/∂u = a/‖u‖ and θ = arccos c, ∂θ/∂u = −a / (‖u‖ s); likewise ∂θ/∂v = −b / (‖v‖ s).
// Write 2πK = ‖u‖‖v‖ s + (π − θ) uᵀv (because ‖u‖‖v‖ c = uᵀv). Then
//   2π ∇_u K = ‖v‖ s û + ‖u‖‖v‖ c ∂θ/∂u + (π − θ) v − uᵀv ∂θ/∂u = ‖v‖ s û + (π − θ) v      (the c-terms cancel).
// Differentiating that again in u (∂û/∂u = (I − ûûᵀ)/‖u‖, ∂s/∂u = c ∂θ/∂u):
//   2π ∇²_uu K = (‖v‖/‖u‖) [ s (I − ûûᵀ) − c û aᵀ/s ] + v aᵀ/(‖u‖ s) = (‖v‖/‖u‖) [ s (I − ûûᵀ) + a aᵀ/s ],
// using v − c‖v‖û = ‖v‖ a. Differentiating 2π ∇_u K in v instead gives the mixed block (rows: u, columns: v):
//   2π ∂²K/∂u∂vᵀ = û (s v̂ᵀ − c bᵀ/s) + (π − θ) I + v bᵀ/(‖v‖ s) = (π − θ) I + s û v̂ᵀ + a bᵀ/s,
// using v̂ − c û = a. It depends on the directions only (K is 1-homogeneous in each argument), its transpose is the
// same formula with u and v swapped, and it equals E[1(uᵀx > 0) 1(vᵀx > 0) x xᵀ] — a second independent check.
//
// Limits. a aᵀ/s and a bᵀ/s have norm s, so they → 0 as θ → 0 or π; we drop them when s = 0 exactly.
// At θ → 0: ∇²_uu K → 0 and ∂²K/∂u∂vᵀ → I/2; at θ → π both → 0. K is C² but not C³ across θ = 0 and θ = π
// (its angular profile sin θ + (π − θ) cos θ is π − πθ²/2 + θ³/3 + … near 0 and φ³/3 + … in φ = π − θ,
// and θ, φ behave like the distance of û from ±v̂), so the Hessian is continuous there.
// θ is computed as atan2(‖a‖, c) with c clamped to [−1, 1]: accurate near 0 and π, where arccos is not.
//
// A zero row. K(w, y) = ‖w‖ · (function of the direction of w) is not differentiable at w = 0 unless that function is
// linear in the direction, so F is in general not differentiable where some w_i = 0. There we drop the derivatives of
// every K(w_i, y) with y ≠ w_i — as autodiff does with ReLU'(0) = 0 (tfjs, PyTorch), a zero row is a dead unit —
// and keep the exact derivatives of the smooth self-term ‖w_i‖²/4: gradient 0 (what autodiff returns too) and
// Hessian block ½ I (autodiff would give 0 there). A zero teacher row contributes nothing (K(·, 0) ≡ 0).

import type { Rng } from '../random/rng.ts';
import { angleOf } from '../numerics/portable-math.ts';

const TWO_PI = 2 * Math.PI;

/** Geometry of a pair u, v ≠ 0 (see the header for the notation). */
interface PairGeometry {
  nu: number;
  nv: number;
  uh: Float64Array;
  vh: Float64Array;
  /** cos θ, clamped to [−1, 1]. */
  c: number;
  /** sin θ ≥ 0. */
  s: number;
  theta: number;
  /** v̂ − c û. */
  a: Float64Array;
  /** û − c v̂. */
  b: Float64Array;
}

function norm(x: Float64Array): number {
  let t = 0;
  for (let r = 0; r < x.length; r++) t += x[r]! * x[r]!;
  return Math.sqrt(t);
}

/** Angle and tangent vectors of u, v; null if either is zero. Symmetric: swapping u, v swaps (uh, vh) and (a, b). */
function pairGeometry(u: Float64Array, v: Float64Array): PairGeometry | null {
  const d = u.length;
  const nu = norm(u),
    nv = norm(v);
  if (nu === 0 || nv === 0) return null;
  const uh = new Float64Array(d),
    vh = new Float64Array(d);
  let cRaw = 0;
  for (let r = 0; r < d; r++) {
    uh[r] = u[r]! / nu;
    vh[r] = v[r]! / nv;
    cRaw += uh[r]! * vh[r]!;
  }
  const a = new Float64Array(d),
    b = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    a[r] = vh[r]! - cRaw * uh[r]!;
    b[r] = uh[r]! - cRaw * vh[r]!;
  }
  // ‖a‖ and ‖b‖ are both sin θ; averaging keeps the pair exactly symmetric in u, v.
  const s = 0.5 * (norm(a) + norm(b));
  const c = Math.min(1, Math.max(-1, cRaw));
  return { nu, nv, uh, vh, c, s, theta: angleOf(s, c), a, b };
}

/**
 * K(u, v) = E_{x~N(0,I)}[ReLU(uᵀx) ReLU(vᵀx)] = ‖u‖‖v‖ (sin θ + (π − θ) cos θ) / (2π); 0 if u or v is 0.
 * @param u length d
 * @param v length d
 */
export function reluKernel(u: Float64Array, v: Float64Array): number {
  const g = pairGeometry(u, v);
  if (g === null) return 0;
  return (g.nu * g.nv * (g.s + (Math.PI - g.theta) * g.c)) / TWO_PI;
}

/**
 * ∇_u K(u, v) = (‖v‖ sin θ û + (π − θ) v) / (2π) = E[1(uᵀx > 0) ReLU(vᵀx) x]. Returns 0 at u = 0 (see header).
 * @returns length d
 */
export function reluKernelGradient(u: Float64Array, v: Float64Array): Float64Array {
  const out = new Float64Array(u.length);
  const g = pairGeometry(u, v);
  if (g === null) return out;
  const t = Math.PI - g.theta;
  for (let r = 0; r < u.length; r++) out[r] = (g.nv * g.s * g.uh[r]! + t * v[r]!) / TWO_PI;
  return out;
}

/** Adds sign·∇²_uu K(u, v) into the d×d block of H (row stride P) at (row0, row0). */
function addHessianUU(H: Float64Array, P: number, row0: number, g: PairGeometry, sign: number): void {
  const d = g.uh.length;
  const scale = (sign * g.nv) / (TWO_PI * g.nu);
  for (let r = 0; r < d; r++) {
    for (let t = 0; t < d; t++) {
      // s (I − ûûᵀ) + a aᵀ/s; each product is formed symmetrically in (r, t) so the block is exactly symmetric.
      const value = g.s * ((r === t ? 1 : 0) - g.uh[r]! * g.uh[t]!) + (g.s > 0 ? (g.a[r]! * g.a[t]!) / g.s : 0);
      H[(row0 + r) * P + row0 + t]! += scale * value;
    }
  }
}

/**
 * Entry (r, t) of 2π ∂²K/∂u∂vᵀ = (π − θ) I + s û v̂ᵀ + a bᵀ/s (the last term dropped at s = 0). Products are
 * grouped so that swapping u and v gives the transpose bit for bit. (a_r b_t can underflow only when s < 1e-150,
 * where the term is below 1e-150 anyway.)
 */
function crossEntry(g: PairGeometry, r: number, t: number): number {
  const abOverS = g.s > 0 ? (g.a[r]! * g.b[t]!) / g.s : 0;
  return (r === t ? Math.PI - g.theta : 0) + g.s * (g.uh[r]! * g.vh[t]!) + abOverS;
}

/** Writes ∂²K/∂u∂vᵀ into the block at (row0, col0) and its transpose into (col0, row0). */
function setCrossBlocks(H: Float64Array, P: number, row0: number, col0: number, g: PairGeometry): void {
  const d = g.uh.length;
  for (let r = 0; r < d; r++) {
    for (let t = 0; t < d; t++) {
      const value = crossEntry(g, r, t) / TWO_PI;
      H[(row0 + r) * P + col0 + t] = value;
      H[(col0 + t) * P + row0 + r] = value;
    }
  }
}

/**
 * ∂²K/∂u∂vᵀ = [(π − θ) I + sin θ û v̂ᵀ + a bᵀ / sin θ] / (2π) = E[1(uᵀx > 0) 1(vᵀx > 0) x xᵀ],
 * with a = v̂ − cos θ û, b = û − cos θ v̂; entry (r, t) is ∂²K/∂u_r∂v_t. 0 at u = 0 or v = 0.
 * @returns d×d row-major
 */
export function reluKernelCrossHessian(u: Float64Array, v: Float64Array): Float64Array {
  const d = u.length;
  const g = pairGeometry(u, v);
  const out = new Float64Array(d * d);
  if (g === null) return out;
  for (let r = 0; r < d; r++) for (let t = 0; t < d; t++) out[r * d + t] = crossEntry(g, r, t) / TWO_PI;
  return out;
}

function checkShapes(W: Float64Array, n: number, V: Float64Array, k: number, d: number): void {
  for (const [name, x] of [
    ['n', n],
    ['k', k],
    ['d', d],
  ] as const) {
    if (!Number.isInteger(x) || x < 1) throw new Error(`teacher-student: ${name} must be a positive integer, got ${x}`);
  }
  if (W.length !== n * d) throw new Error(`teacher-student: W must have length n·d = ${n * d}, got ${W.length}`);
  if (V.length !== k * d) throw new Error(`teacher-student: V must have length k·d = ${k * d}, got ${V.length}`);
}

const row = (M: Float64Array, i: number, d: number): Float64Array => M.subarray(i * d, (i + 1) * d);

/**
 * Population loss F(W) = E_x[½ (f_W(x) − g(x))²] = ½ΣK(w_i, w_i') − ΣK(w_i, v_j) + ½ΣK(v_j, v_j'), exactly.
 * @param W student rows w_1..w_n, length n·d (row-major)
 * @param n student neurons
 * @param V teacher rows v_1..v_k, length k·d (row-major)
 * @param k teacher neurons
 */
export function populationLoss(W: Float64Array, n: number, V: Float64Array, k: number, d: number): number {
  checkShapes(W, n, V, k, d);
  let ww = 0,
    wv = 0,
    vv = 0;
  for (let i = 0; i < n; i++) {
    const wi = row(W, i, d);
    const ni = norm(wi);
    ww += 0.5 * ni * ni; // K(w_i, w_i) = ‖w_i‖²/2
    for (let l = i + 1; l < n; l++) ww += 2 * reluKernel(wi, row(W, l, d));
    for (let j = 0; j < k; j++) wv += reluKernel(wi, row(V, j, d));
  }
  for (let j = 0; j < k; j++) {
    const vj = row(V, j, d);
    const nj = norm(vj);
    vv += 0.5 * nj * nj;
    for (let l = j + 1; l < k; l++) vv += 2 * reluKernel(vj, row(V, l, d));
  }
  return 0.5 * ww - wv + 0.5 * vv;
}

/**
 * ∇F(W): block i is ½ w_i + Σ_{l≠i} ∇_u K(w_i, w_l) − Σ_j ∇_u K(w_i, v_j) (the ½Σ_{i,i'} counts each
 * off-diagonal pair twice, and ∇ of ½·‖w_i‖²/2 is ½ w_i). Block i is 0 where w_i = 0 (see header).
 * @returns length n·d, same layout as W
 */
export function populationGradient(W: Float64Array, n: number, V: Float64Array, k: number, d: number): Float64Array {
  checkShapes(W, n, V, k, d);
  const grad = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const wi = row(W, i, d);
    if (norm(wi) === 0) continue;
    const gi = row(grad, i, d);
    for (let r = 0; r < d; r++) gi[r] = 0.5 * wi[r]!;
    for (let l = 0; l < n; l++) {
      if (l === i) continue;
      const gk = reluKernelGradient(wi, row(W, l, d));
      for (let r = 0; r < d; r++) gi[r]! += gk[r]!;
    }
    for (let j = 0; j < k; j++) {
      const gk = reluKernelGradient(wi, row(V, j, d));
      for (let r = 0; r < d; r++) gi[r]! -= gk[r]!;
    }
  }
  return grad;
}

/**
 * ∇²F(W), P×P row-major with P = n·d. Diagonal block (i, i): ½ I + Σ_{l≠i} ∇²_uu K(w_i, w_l) − Σ_j ∇²_uu K(w_i, v_j).
 * Off-diagonal block (i, l): ∂²K(w_i, w_l)/∂w_i∂w_lᵀ (the pair appears twice in ½Σ_{i,i'}, cancelling the ½).
 * Exactly symmetric. Blocks touching a zero row follow the convention in the header.
 * @returns length (n·d)², entry (i·d + r, l·d + t) = ∂²F/∂(w_i)_r∂(w_l)_t
 */
export function populationHessian(W: Float64Array, n: number, V: Float64Array, k: number, d: number): Float64Array {
  checkShapes(W, n, V, k, d);
  const P = n * d;
  const H = new Float64Array(P * P);
  for (let i = 0; i < n; i++) {
    const wi = row(W, i, d);
    for (let r = 0; r < d; r++) H[(i * d + r) * P + i * d + r] = 0.5;
    for (let l = 0; l < n; l++) {
      if (l === i) continue;
      const g = pairGeometry(wi, row(W, l, d));
      if (g === null) continue;
      addHessianUU(H, P, i * d, g, 1);
      if (l > i) setCrossBlocks(H, P, i * d, l * d, g);
    }
    for (let j = 0; j < k; j++) {
      const g = pairGeometry(wi, row(V, j, d));
      if (g !== null) addHessianUU(H, P, i * d, g, -1);
    }
  }
  return H;
}

/** Monte-Carlo estimate of F with its standard error: ½ mean of (f − g)² over `samples` draws x ~ N(0, I_d). */
export function sampledLossEstimate(
  W: Float64Array,
  n: number,
  V: Float64Array,
  k: number,
  d: number,
  samples: number,
  rng: Rng,
): { loss: number; standardError: number } {
  checkShapes(W, n, V, k, d);
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`sampledLossEstimate: samples must be an integer ≥ 2, got ${samples}`);
  const x = new Float64Array(d);
  const net = (M: Float64Array, m: number): number => {
    let out = 0;
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let r = 0; r < d; r++) z += M[i * d + r]! * x[r]!;
      if (z > 0) out += z;
    }
    return out;
  };
  let sum = 0,
    sum2 = 0;
  for (let t = 0; t < samples; t++) {
    for (let r = 0; r < d; r++) x[r] = rng.normal();
    const e = net(W, n) - net(V, k);
    const q = 0.5 * e * e;
    sum += q;
    sum2 += q * q;
  }
  const mean = sum / samples;
  const variance = Math.max(0, (sum2 - samples * mean * mean) / (samples - 1));
  return { loss: mean, standardError: Math.sqrt(variance / samples) };
}
