// Gradient descent on the closed-form teacher–student loss, many runs in one loop, with Safran & Shamir's step rules.
//
// Notation as in teacher-student.ts: student rows w_1..w_n ∈ ℝ^d (W, n·d), teacher rows v_1..v_k (V, k·d),
// F(W) = E[½(Σ_i ReLU(w_iᵀx) − Σ_j ReLU(v_jᵀx))²]. The gradient of row i, written so that one step costs two small
// matrix products (Gram and combination) instead of one kernel call per pair:
//   ∇_{w_i}F = (½ + a_i) w_i + Σ_{l≠i} A_il w_l − Σ_j B_ij v_j,
//   A_il = (π − θ_il)/(2π),  B_ij = (π − θ(w_i, v_j))/(2π),
//   a_i = (Σ_{l≠i} ‖w_l‖ sin θ_il − Σ_j ‖v_j‖ sin θ(w_i, v_j)) / (2π ‖w_i‖),
// which is teacher-student.ts's ½ w_i + Σ ∇_u K(w_i, w_l) − Σ ∇_u K(w_i, v_j) regrouped (∇_u K = (‖v‖ sin θ û + (π − θ) v)/(2π)).
// A zero row has gradient 0 and drops out of the other rows' sums (K(·, 0) ≡ 0), the convention of teacher-student.ts.
//
// Angles. θ = acos(c) with c rounded to [−1, 1], as the authors' GD_code/findMinimum.m does. acos loses accuracy near
// c = ±1 (an error δ in θ of up to √(2ε) ≈ 1.5e-8), but there the error cancels to first order: at θ ≈ 0 the two
// θ-terms of ∇_u K change by δ‖v‖(û − v̂), whose size is δ·θ, and at θ ≈ π by δ‖v‖(û + v̂), of size δ·(π − θ). The
// accurate atan2 form of teacher-student.ts (used for every reported loss, gradient and Hessian) costs a d-vector per
// pair; this loop is the hot path of the reproduction, so it keeps the cheaper form.
//
// The authors' protocol (findMinimum.m, findBadMinima.m; read in github ItaySafran/OneLayerGDconvergence):
// - step W ← W − η ∇F with η = 0.1 (their code steps along 2π∇F with η/(2π): the same update);
// - stop when max_i ‖2π ∇_{w_i}F‖ ≤ 10⁻⁹, i.e. max_i ‖∇_{w_i}F‖ ≤ 10⁻⁹/(2π) ≈ 1.6e-10 (the largest row norm, not ‖∇F‖);
// - "divergence": when max_i ‖2π ∇_{w_i}F‖ > 10⁴, restart from the same initial W with half the step size. The
//   course's one divergence rule (train/divergence.ts: F or ‖∇F‖ not finite, or F above 10⁶·(F₀ + 1)) triggers the
//   same restart; at the paper's step neither fires in practice, and the summary counts every restart.
// Differences, all stated in the results: a step budget (the authors ran until the rule held), a cap on restarts, an
// optional stop at F ≤ lossTol (with a count of the steps where F rose, which would make that stop unsafe), and a run
// stops at the point whose gradient met the rule (theirs takes one more step after measuring it).
//
// Speed (2-core EPYC, Node 24): one step of one run takes about 4 µs at n = k = 7 and 20–25 µs at n = k = 20; the
// Gram and combination loops are unrolled by four rows, which took k = 20 from about 35 to 22 µs, and the arc
// cosine is about a quarter of the rest (numerics/portable-math.ts: Math.acos differs between engines in the last bit).

/** Safran & Shamir's settings, in this file's units (∇F, not 2π∇F). */
export const PAPER_STEP_SIZE = 0.1;
export const PAPER_GRAD_TOL = 1e-9 / (2 * Math.PI);
export const PAPER_RESTART_GRAD = 1e4 / (2 * Math.PI);

export interface DescentOptions {
  /** Step size η. */
  lr: number;
  /** A run has converged once max_i ‖∇_{w_i}F‖ ≤ gradTol. */
  gradTol: number;
  /**
   * A run also stops, as 'low-loss', once F ≤ lossTol (0: never). With the paper's threshold 10⁻³ this ends the runs
   * headed for a global minimum early without changing any verdict, since descent at this step size does not climb.
   */
  lossTol: number;
  /** Most gradient evaluations per run (restarts included); a run still moving then ends as 'budget'. */
  maxSteps: number;
  /** A row gradient norm above this, or divergence by train/divergence.ts, restarts the run from its start with η halved. */
  restartGrad: number;
  /** Restarts allowed; one more divergence ends the run as 'diverged'. */
  maxRestarts: number;
}

export type DescentState = 'converged' | 'low-loss' | 'budget' | 'diverged';

export interface DescentRun {
  /** Where the run stopped, n·d (for a diverged run: its start). */
  W: Float64Array;
  /** Gradient evaluations, restarts included. */
  steps: number;
  state: DescentState;
  restarts: number;
  /** The step size in use at the end (η / 2^restarts). */
  lr: number;
  /** max_i ‖∇_{w_i}F‖ at the stopping point (by this loop's arithmetic; NaN for a diverged run). */
  gradMax: number;
  /** F at the stopping point (by this loop's arithmetic; NaN for a diverged run). */
  loss: number;
  /**
   * Steps after which F was higher than before (by more than CLIMB_TOL), restarts aside: 0 whenever descent was
   * monotone, which is what makes stopping at lossTol safe.
   */
  climbs: number;
}

/** A rise of F smaller than this is rounding (F sums O(n² + k²) terms of size ≈ 1 that cancel). */
export const CLIMB_TOL = 1e-12;

/** Scratch buffers of one gradient evaluation, reused across steps and runs. */
interface Scratch {
  norms: Float64Array;
  sinSum: Float64Array;
  A: Float64Array;
  B: Float64Array;
  /** F at the last evaluation, minus the teacher's constant ½ΣK(v_j, v_j'). */
  loss: number;
}

import { hasDiverged } from '../train/divergence.ts';
import { reluKernel } from './teacher-student.ts';
import { acos } from '../numerics/portable-math.ts';

const TWO_PI = 2 * Math.PI;

const isIdentityRows = (V: Float64Array, k: number, d: number): boolean => {
  if (k > d) return false;
  for (let j = 0; j < k; j++) for (let r = 0; r < d; r++) if (V[j * d + r] !== (r === j ? 1 : 0)) return false;
  return true;
};

/**
 * ∇F at the n×d block of `W` starting at `off`, written into `G` at the same offset; returns max_i ‖∇_{w_i}F‖²
 * (NaN if any is not finite). F itself, less the teacher's constant, is left in `s.loss`: its pair terms
 * K = ‖u‖‖v‖ (sin θ + (π − θ) cos θ)/(2π) reuse the angles of the gradient.
 */
function gradientInto(
  W: Float64Array,
  off: number,
  n: number,
  V: Float64Array,
  vNorms: Float64Array,
  k: number,
  d: number,
  identity: boolean,
  G: Float64Array,
  s: Scratch,
): number {
  const { norms, sinSum, A, B } = s;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let r = 0; r < d; r++) t += W[off + i * d + r]! ** 2;
    norms[i] = Math.sqrt(t);
    sinSum[i] = 0;
    loss += t / 4; // ½ K(w_i, w_i) = ‖w_i‖²/4
  }
  // Gram matrix w_iᵀw_l (l > i) into A, four columns per pass to share the loads of w_i.
  for (let i = 0; i < n; i++) {
    const a = off + i * d;
    let l = i + 1;
    for (; l + 3 < n; l += 4) {
      const b0 = off + l * d,
        b1 = b0 + d,
        b2 = b1 + d,
        b3 = b2 + d;
      let t0 = 0,
        t1 = 0,
        t2 = 0,
        t3 = 0;
      for (let r = 0; r < d; r++) {
        const x = W[a + r]!;
        t0 += x * W[b0 + r]!;
        t1 += x * W[b1 + r]!;
        t2 += x * W[b2 + r]!;
        t3 += x * W[b3 + r]!;
      }
      A[i * n + l] = t0;
      A[i * n + l + 1] = t1;
      A[i * n + l + 2] = t2;
      A[i * n + l + 3] = t3;
    }
    for (; l < n; l++) {
      const b = off + l * d;
      let t = 0;
      for (let r = 0; r < d; r++) t += W[a + r]! * W[b + r]!;
      A[i * n + l] = t;
    }
  }
  // Student pairs: A_il from the angles, and the sin θ sums (symmetric, so each pair once).
  for (let i = 0; i < n; i++) {
    const ni = norms[i]!;
    A[i * n + i] = 0;
    for (let l = i + 1; l < n; l++) {
      const nl = norms[l]!;
      if (ni === 0 || nl === 0) {
        A[i * n + l] = A[l * n + i] = 0;
        continue;
      }
      let c = A[i * n + l]! / (ni * nl);
      c = c > 1 ? 1 : c < -1 ? -1 : c;
      const sin = Math.sqrt(1 - c * c);
      const coefA = (Math.PI - acos(c)) / TWO_PI;
      A[i * n + l] = A[l * n + i] = coefA;
      loss += ni * nl * (sin / TWO_PI + coefA * c);
      sinSum[i]! += nl * sin;
      sinSum[l]! += ni * sin;
    }
  }
  // Student–teacher pairs: B_ij (for the identity teacher, w_iᵀv_j is the j-th coordinate of w_i).
  for (let i = 0; i < n; i++) {
    const ni = norms[i]!;
    const a = off + i * d;
    for (let j = 0; j < k; j++) {
      const nj = vNorms[j]!;
      if (ni === 0 || nj === 0) {
        B[i * k + j] = 0;
        continue;
      }
      let dot: number;
      if (identity) dot = W[a + j]!;
      else {
        dot = 0;
        for (let r = 0; r < d; r++) dot += W[a + r]! * V[j * d + r]!;
      }
      let c = dot / (ni * nj);
      c = c > 1 ? 1 : c < -1 ? -1 : c;
      const coefB = (Math.PI - acos(c)) / TWO_PI;
      const sin = Math.sqrt(1 - c * c);
      B[i * k + j] = coefB;
      loss -= ni * nj * (sin / TWO_PI + coefB * c);
      sinSum[i]! -= nj * sin;
    }
  }
  s.loss = loss;
  // Rows of the gradient: (½ + a_i) w_i + Σ_l A_il w_l − Σ_j B_ij v_j.
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const g = off + i * d;
    const ni = norms[i]!;
    if (ni === 0) {
      G.fill(0, g, g + d);
      continue;
    }
    const self = 0.5 + sinSum[i]! / (TWO_PI * ni);
    for (let r = 0; r < d; r++) G[g + r] = self * W[g + r]!;
    // Four rows per pass (A_ii = 0 joins in harmlessly): a quarter of the loads and stores of G.
    let l = 0;
    for (; l + 3 < n; l += 4) {
      const c0 = A[i * n + l]!,
        c1 = A[i * n + l + 1]!,
        c2 = A[i * n + l + 2]!,
        c3 = A[i * n + l + 3]!;
      const b0 = off + l * d,
        b1 = b0 + d,
        b2 = b1 + d,
        b3 = b2 + d;
      for (let r = 0; r < d; r++) G[g + r]! += c0 * W[b0 + r]! + c1 * W[b1 + r]! + c2 * W[b2 + r]! + c3 * W[b3 + r]!;
    }
    for (; l < n; l++) {
      const c = A[i * n + l]!;
      const b = off + l * d;
      for (let r = 0; r < d; r++) G[g + r]! += c * W[b + r]!;
    }
    if (identity) for (let j = 0; j < k; j++) G[g + j]! -= B[i * k + j]!;
    else
      for (let j = 0; j < k; j++) {
        const c = B[i * k + j]!;
        for (let r = 0; r < d; r++) G[g + r]! -= c * V[j * d + r]!;
      }
    let t = 0;
    for (let r = 0; r < d; r++) t += G[g + r]! ** 2;
    if (!(t <= Infinity)) return NaN;
    if (t > worst) worst = t;
  }
  return worst;
}

/** Floating-point work of one gradient, in multiply–adds (for spacing the scheduler's ticks). */
export const descentStepWork = (n: number, k: number, d: number, identity = true) =>
  n * n * d * 1.5 + (identity ? n * k : 2 * n * k * d) + 20 * (n * n + n * k);

/** Work between two `tick()` calls: about a millisecond of this loop. */
const WORK_PER_TICK = 1e6;

/**
 * Runs gradient descent from each of R starts (R×n×d, row-major: run r's row i at (r·n + i)·d) until each converges,
 * exhausts the budget or diverges past its restarts. All runs step together, one sweep of the active runs per step,
 * and `tick` is awaited about every millisecond of work (a scheduler's tick: it yields and reads the abort signal).
 * @param V teacher rows, k·d
 */
export async function descendBatch(
  starts: Float64Array,
  runs: number,
  n: number,
  V: Float64Array,
  k: number,
  d: number,
  options: DescentOptions,
  tick: () => Promise<void>,
): Promise<DescentRun[]> {
  const size = n * d;
  if (starts.length !== runs * size) throw new Error(`descendBatch: starts has length ${starts.length}, expected R·n·d = ${runs * size}`);
  if (V.length !== k * d) throw new Error(`descendBatch: V has length ${V.length}, expected k·d = ${k * d}`);
  const identity = isIdentityRows(V, k, d);
  const vNorms = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let t = 0;
    for (let r = 0; r < d; r++) t += V[j * d + r]! ** 2;
    vNorms[j] = Math.sqrt(t);
  }
  // The teacher's part of F, ½ Σ_{j,j'} K(v_j, v_j'), a constant.
  let teacherLoss = 0;
  for (let j = 0; j < k; j++) {
    teacherLoss += vNorms[j]! ** 2 / 4;
    for (let l = j + 1; l < k; l++) teacherLoss += reluKernel(V.subarray(j * d, (j + 1) * d), V.subarray(l * d, (l + 1) * d));
  }
  const W = Float64Array.from(starts);
  const G = new Float64Array(runs * size);
  const scratch: Scratch = {
    norms: new Float64Array(n),
    sinSum: new Float64Array(n),
    A: new Float64Array(n * n),
    B: new Float64Array(n * k),
    loss: 0,
  };
  const tol2 = options.gradTol ** 2,
    restart2 = options.restartGrad ** 2;
  const lr = new Float64Array(runs).fill(options.lr);
  const steps = new Int32Array(runs),
    restarts = new Int32Array(runs);
  const gradMax = new Float64Array(runs),
    losses = new Float64Array(runs),
    startLoss = new Float64Array(runs).fill(NaN),
    previous = new Float64Array(runs).fill(Infinity);
  const climbs = new Int32Array(runs);
  const state: (DescentState | null)[] = new Array<DescentState | null>(runs).fill(null);
  let active = Array.from({ length: runs }, (_, r) => r);
  const perTick = Math.max(1, Math.floor(WORK_PER_TICK / descentStepWork(n, k, d, identity)));
  let sinceTick = 0;
  while (active.length > 0) {
    for (const r of active) {
      const off = r * size;
      const g2 = gradientInto(W, off, n, V, vNorms, k, d, identity, G, scratch);
      steps[r]!++;
      gradMax[r] = Math.sqrt(g2);
      losses[r] = scratch.loss + teacherLoss;
      if (Number.isNaN(startLoss[r]!)) startLoss[r] = losses[r]!;
      if (losses[r]! > previous[r]! + CLIMB_TOL) climbs[r]!++;
      previous[r] = losses[r]!;
      if (!(g2 <= restart2) || hasDiverged(losses[r]!, gradMax[r]!, startLoss[r]!)) {
        // Divergence: back to the start, half the step (the authors' rule).
        if (restarts[r]! >= options.maxRestarts) {
          state[r] = 'diverged';
          W.set(starts.subarray(off, off + size), off);
          gradMax[r] = losses[r] = NaN;
          continue;
        }
        restarts[r]!++;
        lr[r] = lr[r]! / 2;
        previous[r] = Infinity;
        W.set(starts.subarray(off, off + size), off);
      } else if (g2 <= tol2) {
        state[r] = 'converged';
        continue;
      } else if (losses[r]! <= options.lossTol) {
        state[r] = 'low-loss';
        continue;
      } else if (steps[r]! >= options.maxSteps) {
        state[r] = 'budget';
        continue;
      } else {
        const eta = lr[r]!;
        for (let p = off; p < off + size; p++) W[p] = W[p]! - eta * G[p]!;
      }
    }
    active = active.filter((r) => state[r] === null);
    sinceTick += active.length;
    if (sinceTick >= perTick) {
      sinceTick = 0;
      await tick();
    }
  }
  return Array.from({ length: runs }, (_, r) => ({
    W: W.slice(r * size, (r + 1) * size),
    steps: steps[r]!,
    state: state[r]!,
    restarts: restarts[r]!,
    lr: lr[r]!,
    gradMax: gradMax[r]!,
    loss: losses[r]!,
    climbs: climbs[r]!,
  }));
}
