// The origin W = 0 of a deep linear network: a critical point whose Hessian sees the saddle with one hidden layer and
// is blind to it from two hidden layers on.
//
// Expand L = ½‖W_L⋯W_1X − Y‖² at 0 along θ = tD (D = (D_1, …, D_L)), with M = Y Xᵀ and Π = D_L⋯D_1:
//   L(tD) = L(0) − t^L ⟨M, Π⟩ + ½ t^{2L} ‖Π X‖²,   L(0) = ½‖Y‖².
// Every term has order ≥ L in t, so for L ≥ 3 weight matrices (H ≥ 2 hidden layers) the gradient and the Hessian at
// 0 vanish identically. For L = 2 the quadratic part is −⟨M, D_2D_1⟩ = −Σ_j (D_2)_{·j}ᵀ M (D_1)_{j·}: for each hidden
// unit j a bilinear form in (column j of D_2, row j of D_1) whose symmetric matrix [[0, −M], [−Mᵀ, 0]] has
// eigenvalues ±σ_i(M) and zeros. So the Hessian at 0 has eigenvalues ±σ_i(M), each d_1 times, and 0 for the rest:
// λ_min = −σ_max(M) = −σ_max(XYᵀ) < 0 whenever XYᵀ ≠ 0.
//
// Steepest leading-order descent: ⟨M, Π⟩ ≤ σ_max(M)‖Π‖_* ≤ σ_max ∏‖D_k‖₂ ≤ σ_max ∏‖D_k‖_F ≤ σ_max L^{−L/2} when
// Σ‖D_k‖_F² = 1 (AM–GM). Equality: with (u, v) the top singular pair of M and a = L^{−1/2},
//   D_1 = a e_1 vᵀ,  D_k = a e_1 e_1ᵀ (1 < k < L),  D_L = a u e_1ᵀ,   Π = a^L u vᵀ,
// and then exactly L(tD) − L(0) = −c t^L + ½ a^{2L} t^{2L} ‖Xᵀv‖²,  c = σ_max(M) L^{−L/2}.
// For L = 3 that is the cubic decrease −(σ_max/3√3) t³ + O(t⁶); flipping D_1's sign flips the t^L term, so 0 is a
// saddle (not a minimum) for every L ≥ 2 with M ≠ 0, though for L ≥ 3 no second-order test can tell.
import type { RegressionData } from '../data/linear-regression.ts';
import { classifyPoint, type Verdict } from '../landscape/classify.ts';
import { symmetricEigen, symmetricEigenScheduled } from '../linalg/symmetric-eigen.ts';
import { drain, drainScheduled, type Steps } from '../linalg/steps.ts';
import { gradTolFloor } from '../numerics/tolerances.ts';
import { deepNetLoss, deepParamCount, layerOffsets } from './deep-linear.ts';
import { dataMoments } from './deep-linear-optimum.ts';

/** Step of the central differences: a power of two, so ±h e_j are exact. */
export const ORIGIN_FD_STEP = 2 ** -10;
/** Step lengths t at which L(tD) − L(0) is compared with the exact formula. */
export const ORIGIN_PROBE_T: readonly number[] = [0.4, 0.2, 0.1, 0.05];

/** The largest singular value of M (d_y×d_x) and its unit singular vectors: M v = σ u. */
export function topSingular(M: Float64Array, dy: number, dx: number): { sigma: number; u: Float64Array; v: Float64Array } {
  const G = new Float64Array(dy * dy);
  for (let i = 0; i < dy; i++)
    for (let j = 0; j < dy; j++) {
      let s = 0;
      for (let q = 0; q < dx; q++) s += M[i * dx + q]! * M[j * dx + q]!;
      G[i * dy + j] = s;
    }
  const { values, vectors } = symmetricEigen(G, dy, { vectors: true });
  const sigma = Math.sqrt(Math.max(0, values[dy - 1]!));
  const u = Float64Array.from({ length: dy }, (_, i) => vectors![i * dy + dy - 1]!);
  const v = new Float64Array(dx);
  for (let q = 0; q < dx; q++) {
    let s = 0;
    for (let i = 0; i < dy; i++) s += M[i * dx + q]! * u[i]!;
    v[q] = sigma > 0 ? s / sigma : 0;
  }
  return { sigma, u, v };
}

/** The exact Hessian at 0 (P×P row-major): −M_{ab} between (W_2)_{aj} and (W_1)_{jb} for L = 2, zero for L ≥ 3. */
export function analyticOriginHessian(widths: readonly number[], M: Float64Array): Float64Array {
  const P = deepParamCount(widths);
  const H = new Float64Array(P * P);
  if (widths.length !== 3) return H;
  const [dx, d1, dy] = widths as [number, number, number];
  const w2 = layerOffsets(widths)[1]!;
  for (let j = 0; j < d1; j++)
    for (let a = 0; a < dy; a++)
      for (let b = 0; b < dx; b++) {
        const p = w2 + a * d1 + j,
          q = j * dx + b;
        H[p * P + q] = H[q * P + p] = -M[a * dx + b]!;
      }
  return H;
}

/** The steepest unit direction D of the header (length P). */
export function steepestOriginDirection(widths: readonly number[], u: Float64Array, v: Float64Array): Float64Array {
  const L = widths.length - 1;
  const a = 1 / Math.sqrt(L);
  const offsets = layerOffsets(widths);
  const D = new Float64Array(deepParamCount(widths));
  const dx = widths[0]!;
  for (let b = 0; b < dx; b++) D[b] = a * v[b]!; // row 0 of D_1
  for (let k = 2; k < L; k++) D[offsets[k - 1]!] = a; // entry (0, 0) of D_k
  const dL = widths[L - 1]!;
  for (let i = 0; i < widths[L]!; i++) D[offsets[L - 1]! + i * dL] = a * u[i]!; // column 0 of D_L
  return D;
}

export interface OriginProbe {
  t: number;
  /** (L(tD) − L(0)) / t^L, measured from the loss. */
  measured: number;
  /** The same from the exact two-term formula. */
  exact: number;
}

export interface OriginAnalysis {
  /** Weight matrices L and hidden layers H = L − 1. */
  depth: number;
  hiddenLayers: number;
  P: number;
  /** ‖∇L(0)‖ (0 for L ≥ 2). */
  gradNorm: number;
  /** Extreme eigenvalues of the Hessian at 0 by central differences of the exact gradient. */
  hessianMin: number;
  hessianMax: number;
  /** The analytic values: −σ_max(XYᵀ), +σ_max(XYᵀ) for L = 2; 0, 0 for L ≥ 3. */
  analyticMin: number;
  analyticMax: number;
  /** max |H_fd − H_exact| over all entries (the check of the finite differences). */
  fdError: number;
  /** Eigenvalue counts and verdict of the second-order test (classifyPoint, float64 rounding bound). */
  negative: number;
  zero: number;
  positive: number;
  verdict: Verdict;
  /** Order L of the first non-zero term of L(tD) − L(0), and c in −c t^L. */
  order: number;
  coefficient: number;
  probes: OriginProbe[];
}

/** Hessian columns computed between two pauses of the scheduled analysis (each is two gradient evaluations). */
const COLUMNS_PER_PAUSE = 8;

interface OriginSetup {
  f: ReturnType<typeof deepNetLoss>;
  P: number;
  loss0: number;
  gradNorm: number;
}

function setupOrigin(widths: readonly number[], data: RegressionData): OriginSetup {
  const P = deepParamCount(widths);
  const f = deepNetLoss(widths, 'linear', data);
  const g0 = new Float64Array(P);
  const loss0 = f(new Float64Array(P), 0, g0, 0);
  return { f, P, loss0, gradNorm: Math.hypot(...g0) };
}

/** The Hessian at 0, column j = (∇L(h e_j) − ∇L(−h e_j)) / 2h, symmetrised; pauses every few columns. */
function* originHessianSteps({ f, P }: OriginSetup): Steps<{ H: Float64Array; asymmetry: number }> {
  const H = new Float64Array(P * P);
  const plus = new Float64Array(P),
    minus = new Float64Array(P),
    e = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    if (j % COLUMNS_PER_PAUSE === COLUMNS_PER_PAUSE - 1) yield;
    e[j] = ORIGIN_FD_STEP;
    f(e, 0, plus, 0);
    e[j] = -ORIGIN_FD_STEP;
    f(e, 0, minus, 0);
    e[j] = 0;
    for (let i = 0; i < P; i++) H[i * P + j] = (plus[i]! - minus[i]!) / (2 * ORIGIN_FD_STEP);
  }
  let asymmetry = 0;
  for (let i = 0; i < P; i++)
    for (let j = 0; j < i; j++) {
      asymmetry = Math.max(asymmetry, Math.abs(H[i * P + j]! - H[j * P + i]!));
      H[i * P + j] = H[j * P + i] = (H[i * P + j]! + H[j * P + i]!) / 2;
    }
  return { H, asymmetry };
}

function finishOrigin(
  widths: readonly number[],
  data: RegressionData,
  { f, P, loss0, gradNorm }: OriginSetup,
  { H, asymmetry }: { H: Float64Array; asymmetry: number },
  eig: Float64Array,
): OriginAnalysis {
  const L = widths.length - 1;
  const { M } = dataMoments(data);
  const exactH = analyticOriginHessian(widths, M);
  let fdError = 0;
  for (let i = 0; i < P * P; i++) fdError = Math.max(fdError, Math.abs(H[i]! - exactH[i]!));
  const cls = classifyPoint(eig, gradNorm, {
    gradTol: gradTolFloor(loss0, 'float64'),
    accuracy: { precision: 'float64', asymmetry, size: P },
    relTol: 0,
  });
  const { sigma, u, v } = topSingular(M, data.dy, data.dx);
  const D = steepestOriginDirection(widths, u, v);
  const coefficient = sigma * L ** (-L / 2);
  // ‖Xᵀv‖² for the t^{2L} term.
  let xv = 0;
  for (let j = 0; j < data.m; j++) {
    let s = 0;
    for (let b = 0; b < data.dx; b++) s += data.X[b * data.m + j]! * v[b]!;
    xv += s * s;
  }
  const a2L = L ** -L;
  const probes = ORIGIN_PROBE_T.map((t) => {
    const loss = f(
      D.map((d) => d * t),
      0,
    );
    const tL = t ** L;
    return { t, measured: (loss - loss0) / tL, exact: -coefficient + 0.5 * a2L * tL * xv };
  });
  return {
    depth: L,
    hiddenLayers: L - 1,
    P,
    gradNorm,
    hessianMin: eig[0]!,
    hessianMax: eig[P - 1]!,
    analyticMin: L === 2 ? -sigma : 0,
    analyticMax: L === 2 ? sigma : 0,
    fdError,
    negative: cls.negative,
    zero: cls.zero,
    positive: cls.positive,
    verdict: cls.verdict,
    order: L,
    coefficient,
    probes,
  };
}

/** The origin analysis of the linear network with these widths on this data (see the header). */
export function analyzeOrigin(widths: readonly number[], data: RegressionData): OriginAnalysis {
  const setup = setupOrigin(widths, data);
  const hessian = drain(originHessianSteps(setup));
  return finishOrigin(widths, data, setup, hessian, symmetricEigen(hessian.H.slice(), setup.P).values);
}

/** `analyzeOrigin` awaiting `tick` (a scheduler's) between blocks of Hessian columns and inside the eigensolver: same numbers. */
export async function analyzeOriginScheduled(
  widths: readonly number[],
  data: RegressionData,
  tick: () => Promise<void>,
): Promise<OriginAnalysis> {
  const setup = setupOrigin(widths, data);
  const hessian = await drainScheduled(originHessianSteps(setup), tick);
  await tick();
  const eig = (await symmetricEigenScheduled(hessian.H.slice(), setup.P, tick)).values;
  await tick();
  return finishOrigin(widths, data, setup, hessian, eig);
}
