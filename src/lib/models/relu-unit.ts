// One ReLU unit on 1-D data, f(x) = v·ReLU(wx + b) + c, in float64: loss, gradient, one-sided Hessians, kinks.
//
// θ = (w, b, v, c). Loss L(θ) = Σᵢ (f(xᵢ) − yᵢ)², the plain sum of squares of Swirszcz et al. (2016), Eq. (1):
// no ½ and no mean, so the published local minimum of data set D1 has L = 18.
//
// With zᵢ = w xᵢ + b, aᵢ = 1[zᵢ > 0] and rᵢ = f(xᵢ) − yᵢ:
//   Jᵢ = ∂f(xᵢ)/∂θ = (v aᵢ xᵢ, v aᵢ, ReLU(zᵢ), 1),        ∇L = 2 Σᵢ rᵢ Jᵢ,
//   ∇²L = 2 Σᵢ (Jᵢ Jᵢᵀ + rᵢ ∇²f(xᵢ)),   ∇²f(xᵢ) has only ∂²f/∂w∂v = aᵢ xᵢ and ∂²f/∂b∂v = aᵢ.
// A data point with zᵢ = 0 sits on the ReLU's kink: there L has no Hessian (and, if rᵢ ≠ 0, no gradient).
// It has two one-sided ones, from the side where the unit is off at xᵢ (aᵢ = 0, the convention ReLU′(0) = 0
// that autodiff libraries use) and where it is on (aᵢ = 1); both are returned.
//
// Every θ has a flat direction: ReLU(αz) = α ReLU(z) for α > 0, so (αw, αb, v/α, c) has the same loss. Its
// tangent t = (w, b, −v, 0) satisfies tᵀ∇²L t = 0 at a critical point, so there the second-order test
// never decides: H has a zero eigenvalue whenever (w, b, v) ≠ 0.
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';
import { classifyPoint, type Classification } from '../landscape/classify.ts';
import { arrayEngine } from '../train/array-engine.ts';
import { runStepper } from '../train/stepper.ts';

export type Theta4 = [number, number, number, number];
export type Point2 = readonly [number, number];

/** |zᵢ| at or below this counts as on the kink (inputs are typed by people: (1, −3) puts x = 3 exactly on it). */
export const KINK_TOL = 1e-12;

export function reluUnitOutput([w, b, v, c]: readonly number[], x: number): number {
  return v! * Math.max(0, w! * x + b!) + c!;
}

/** L(θ) = Σᵢ (f(xᵢ) − yᵢ)². */
export function reluUnitLoss(theta: readonly number[], points: readonly Point2[]): number {
  let sum = 0;
  for (const [x, y] of points) sum += (reluUnitOutput(theta, x) - y) ** 2;
  return sum;
}

/** ∇L with ReLU′(0) = 0. */
export function reluUnitGradient(theta: readonly number[], points: readonly Point2[]): Theta4 {
  const [w, b, v, c] = theta as Theta4;
  const g: Theta4 = [0, 0, 0, 0];
  for (const [x, y] of points) {
    const z = w * x + b;
    const on = z > 0 ? 1 : 0;
    const r = v * Math.max(0, z) + c - y;
    g[0] += 2 * r * v * on * x;
    g[1] += 2 * r * v * on;
    g[2] += 2 * r * Math.max(0, z);
    g[3] += 2 * r;
  }
  return g;
}

/**
 * The 4×4 Hessian, row-major, with every point on a kink taken as `kinkSide` ('off': aᵢ = 0, 'on': aᵢ = 1).
 * Off a kink both sides agree and this is the Hessian.
 */
export function reluUnitHessian(theta: readonly number[], points: readonly Point2[], kinkSide: 'off' | 'on' = 'off'): number[][] {
  const [w, b, v, c] = theta as Theta4;
  const H = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (const [x, y] of points) {
    const z = w * x + b;
    const on = z > KINK_TOL || (Math.abs(z) <= KINK_TOL && kinkSide === 'on') ? 1 : 0;
    const r = v * Math.max(0, z) + c - y;
    const J = [v * on * x, v * on, Math.max(0, z), 1];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) H[i]![j]! += 2 * J[i]! * J[j]!;
    H[0]![2]! += 2 * r * on * x;
    H[2]![0]! += 2 * r * on * x;
    H[1]![2]! += 2 * r * on;
    H[2]![1]! += 2 * r * on;
  }
  return H;
}

export const eigenvalues4 = (H: number[][]): number[] => Array.from(symmetricEigen(Float64Array.from(H.flat()), 4).values);

export interface Kink {
  x: number;
  /** f(x) − y there: if not 0 the loss has a corner (no gradient) at θ, not only no Hessian. */
  residual: number;
}

/**
 * Every data point that sits on the ReLU's kink, |w xᵢ + b| ≤ KINK_TOL, in ascending x. With w ≠ 0 that is at most
 * the points at x = −b/w; with w = 0 it is none (b ≠ 0) or all of them (b = 0: wx + b = 0 for every x).
 */
export function pointsOnKink(theta: readonly number[], points: readonly Point2[]): Kink[] {
  const [w, b] = theta as Theta4;
  return points
    .filter(([x]) => Math.abs(w * x + b) <= KINK_TOL)
    .map(([x, y]) => ({ x, residual: reluUnitOutput(theta, x) - y }))
    .sort((p, q) => p.x - q.x);
}

export interface ReluUnitAnalysis {
  theta: Theta4;
  loss: number;
  /** f(xᵢ) − yᵢ per data point, in the order given. */
  residuals: number[];
  gradient: Theta4;
  gradNorm: number;
  /** Hessian with kink points taken as off (the Hessian itself when there is no kink). */
  hessian: number[][];
  /** Its eigenvalues, ascending. */
  eigenvalues: number[];
  /** Eigenvalues of the other one-sided Hessian (kink points on); present only when there is a kink. */
  eigenvaluesOn?: number[];
  /** The other one-sided Hessian (kink points on); present only when there is a kink. */
  hessianOn?: number[][];
  /** Data points on the kink, ascending in x (pointsOnKink). */
  kinks: Kink[];
  classification: Classification;
}

/** Tolerances of the verdict: float64 sums of a few terms of size ≤ 10³ are exact to ~1e-12. */
export const GRAD_TOL = 1e-6;
const EIG_ABS_TOL = 1e-6;

export function analyzeReluUnit(theta: readonly number[], points: readonly Point2[]): ReluUnitAnalysis {
  const t = [...theta] as Theta4;
  const residuals = points.map(([x, y]) => reluUnitOutput(t, x) - y);
  const gradient = reluUnitGradient(t, points);
  const gradNorm = Math.hypot(...gradient);
  const hessian = reluUnitHessian(t, points, 'off');
  const eigenvalues = eigenvalues4(hessian);
  const kinks = pointsOnKink(t, points);
  const tol = { gradTol: GRAD_TOL, accuracy: { precision: 'float64' as const }, absTol: EIG_ABS_TOL, relTol: 1e-6 };
  let classification = classifyPoint(eigenvalues, gradNorm, tol);
  const out: ReluUnitAnalysis = {
    theta: t,
    loss: residuals.reduce((s, r) => s + r * r, 0),
    residuals,
    gradient,
    gradNorm,
    hessian,
    eigenvalues,
    kinks,
    classification,
  };
  if (kinks.length) {
    out.hessianOn = reluUnitHessian(t, points, 'on');
    out.eigenvaluesOn = eigenvalues4(out.hessianOn);
    // A corner in the loss (a kink point with a residual) means no gradient: the one-sided ones differ.
    const corner = kinks.some((k) => Math.abs(k.residual) > 1e-12);
    const both = classifyPoint(out.eigenvaluesOn, gradNorm, tol);
    if (corner) classification = { ...classification, verdict: 'not-critical' };
    else if (both.verdict !== classification.verdict) classification = both.negative > classification.negative ? both : classification;
    out.classification = classification;
  }
  return out;
}

/** Kinds of Descent result: converged (‖∇L‖ small), ran all steps, or diverged (non-finite or blown-up loss). */
export type DescentOutcome = 'converged' | 'max-steps' | 'diverged';

export interface ReluUnitDescent {
  outcome: DescentOutcome;
  steps: number;
  /** Subsampled path: step index, θ and L, first and last included. */
  path: { step: number; theta: Theta4; loss: number }[];
  theta: Theta4;
  loss: number;
  gradNorm: number;
}

/**
 * Plain gradient descent θ ← θ − η∇L for at most `steps` steps on the one stepper (train/stepper.ts), in float64;
 * stops when ‖∇L‖ ≤ gradTol, and diverges by the stepper's rule (train/divergence.ts). Records about `record`
 * points of the path; a diverged descent ends its path at the last finite θ.
 */
export async function descendReluUnit(
  theta0: readonly number[],
  points: readonly Point2[],
  {
    lr,
    steps,
    gradTol = GRAD_TOL,
    record = 200,
    signal,
  }: { lr: number; steps: number; gradTol?: number; record?: number; signal?: AbortSignal },
): Promise<ReluUnitDescent> {
  const every = Math.max(1, Math.ceil(steps / record));
  const f = (t: readonly number[]) => ({ loss: reluUnitLoss(t, points), grad: reluUnitGradient(t, points) });
  const out = await runStepper(arrayEngine(f, theta0, 1, { kind: 'gd', lr }), steps, {
    gradTol,
    recordEvery: every,
    recordThetas: true,
    ...(signal ? { signal } : {}),
  });
  const run = out.runs[0]!;
  const theta = out.thetas as Theta4;
  const path: ReluUnitDescent['path'] = out.history.map((h) => ({ step: h.step, theta: h.thetas as Theta4, loss: h.losses[0]! }));
  const end = run.state === 'diverged' ? run.steps - 1 : run.steps;
  while (path.length && path.at(-1)!.step > end) path.pop();
  if (path.at(-1)?.step !== end) path.push({ step: end, theta, loss: run.loss });
  const outcome: DescentOutcome = run.state === 'finished' ? 'max-steps' : run.state;
  return { outcome, steps: run.steps, path, theta, loss: run.loss, gradNorm: run.gradNorm };
}
