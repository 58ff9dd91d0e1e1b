// Gradient flow, gradient descent, heavy-ball momentum and noisy descent near the saddle of
// L(x) = ½ (λ₁ x₁² + λ₂ x₂²) with λ₁ > 0 (stable direction x₁) and λ₂ < 0 (unstable direction x₂).
// Closed forms and simulations side by side, so tests and the widget can compare them.
import { createRng, type Rng } from '../random/rng.ts';

export type Vec2 = [number, number];

export interface SaddleSettings {
  lambda1: number;
  lambda2: number;
  /** Learning rate η. */
  lr: number;
  /** Heavy-ball momentum β in [0, 1); 0 is plain gradient descent. */
  beta: number;
  /** Standard deviation of the isotropic Gaussian noise added to every step; 0 for none. */
  sigma: number;
  /** Escape means |x₂| ≥ radius. */
  radius: number;
  /** Most steps a simulation takes. */
  maxSteps: number;
}

export type Outcome = 'escaped' | 'diverged' | 'max-steps';

export interface Trajectory {
  points: Vec2[];
  /** Steps taken until escape, divergence or the step limit. */
  steps: number;
  outcome: Outcome;
}

/** L(x) = ½ (λ₁ x₁² + λ₂ x₂²). */
export const saddleLoss = (lambda1: number, lambda2: number, x: readonly number[]) => 0.5 * (lambda1 * x[0]! ** 2 + lambda2 * x[1]! ** 2);

/** Gradient flow ẋ = −Λx: x_i(t) = x_i(0) e^{−λ_i t}. */
export function flowPoint(lambda1: number, lambda2: number, x0: Vec2, t: number): Vec2 {
  return [x0[0] * Math.exp(-lambda1 * t), x0[1] * Math.exp(-lambda2 * t)];
}

/** Time the flow needs to carry |x₂| from ε to R: ln(R/ε)/|λ₂| (∞ for ε = 0, 0 once ε ≥ R). */
export function flowEscapeTime(epsilon: number, lambda2: number, radius: number): number {
  if (epsilon <= 0) return Infinity;
  return Math.max(0, Math.log(radius / epsilon) / Math.abs(lambda2));
}

/** Steps gradient descent needs to carry |x₂| from ε to R: ⌈ln(R/ε)/ln(1 + η|λ₂|)⌉. */
export function gdEscapeSteps(epsilon: number, lambda2: number, lr: number, radius: number): number {
  if (epsilon <= 0) return Infinity;
  if (epsilon >= radius) return 0;
  return Math.ceil(Math.log(radius / epsilon) / Math.log(1 + lr * Math.abs(lambda2)));
}

export interface Root {
  re: number;
  im: number;
  abs: number;
}

/** Roots of z² − (1 + β − ηλ) z + β = 0, the characteristic polynomial of heavy ball on one coordinate. */
export function momentumRoots(lambda: number, lr: number, beta: number): [Root, Root] {
  const b = 1 + beta - lr * lambda;
  const disc = b * b - 4 * beta;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    const r1 = (b + s) / 2;
    const r2 = (b - s) / 2;
    const [big, small] = Math.abs(r1) >= Math.abs(r2) ? [r1, r2] : [r2, r1];
    return [
      { re: big, im: 0, abs: Math.abs(big) },
      { re: small, im: 0, abs: Math.abs(small) },
    ];
  }
  const im = Math.sqrt(-disc) / 2;
  const abs = Math.hypot(b / 2, im);
  return [
    { re: b / 2, im, abs },
    { re: b / 2, im: -im, abs },
  ];
}

/** Per-step growth of |x₂| along the unstable direction: the larger root, 1 + η|λ₂| when β = 0. */
export function escapeRate(lambda2: number, lr: number, beta: number): number {
  return momentumRoots(lambda2, lr, beta)[0].abs;
}

/** Whether the stable coordinate contracts: both roots inside the unit circle (0 < ηλ₁ < 2 when β = 0). */
export function stableConverges(lambda1: number, lr: number, beta: number): boolean {
  return momentumRoots(lambda1, lr, beta)[0].abs < 1;
}

/** Largest learning rate for which the stable coordinate still contracts: 2(1 + β)/λ₁. */
export const maxStableLr = (lambda1: number, beta: number) => (2 * (1 + beta)) / lambda1;

const DIVERGED = 1e8;

/**
 * Heavy ball v ← βv − η∇L + σξ, x ← x + v (β = 0 is gradient descent, σ = 0 no noise), from x0 at rest.
 * Stops when |x₂| ≥ R (escaped), when |x| exceeds 1e8 (diverged) or after maxSteps.
 */
export function simulate(s: SaddleSettings, x0: Vec2, rng?: Rng, keepPath = true): Trajectory {
  if (s.sigma > 0 && !rng) throw new Error('simulate: noise (sigma > 0) needs an rng');
  let [x1, x2] = x0;
  let v1 = 0;
  let v2 = 0;
  const points: Vec2[] = keepPath ? [[x1, x2]] : [];
  if (Math.abs(x2) >= s.radius) return { points, steps: 0, outcome: 'escaped' };
  for (let k = 1; k <= s.maxSteps; k++) {
    v1 = s.beta * v1 - s.lr * s.lambda1 * x1;
    v2 = s.beta * v2 - s.lr * s.lambda2 * x2;
    if (s.sigma > 0) {
      v1 += s.sigma * rng!.normal();
      v2 += s.sigma * rng!.normal();
    }
    x1 += v1;
    x2 += v2;
    if (keepPath) points.push([x1, x2]);
    if (!(Math.abs(x1) < DIVERGED && Math.abs(x2) < DIVERGED)) return { points, steps: k, outcome: 'diverged' };
    if (Math.abs(x2) >= s.radius) return { points, steps: k, outcome: 'escaped' };
  }
  return { points, steps: s.maxSteps, outcome: 'max-steps' };
}

/** Mean escape steps over `runs` independent noise streams forked from rng (runs that never escape count as maxSteps). */
export function meanNoisyEscapeSteps(s: SaddleSettings, x0: Vec2, rng: Rng, runs: number): { mean: number; escaped: number } {
  let total = 0;
  let escaped = 0;
  for (let i = 0; i < runs; i++) {
    const t = simulate(s, x0, rng.fork(), false);
    total += t.steps;
    if (t.outcome === 'escaped') escaped++;
  }
  return { mean: total / runs, escaped };
}

/** ε values spaced evenly in log scale from lo to hi, `n` of them. */
export function logSpace(lo: number, hi: number, n: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

export interface EscapeRow {
  epsilon: number;
  /** Steps of plain gradient descent, simulated. */
  gd: number;
  /** The closed form ⌈ln(R/ε)/ln(1 + η|λ₂|)⌉. */
  gdClosedForm: number;
  /** Steps of heavy ball with the widget's β, simulated. */
  momentum: number;
  /** Flow time ln(R/ε)/|λ₂| in units of η: the number of steps of size η it corresponds to. */
  flowSteps: number;
  /** Mean steps with noise σ over several seeds, when σ > 0. */
  noisy: number | null;
}

/** Escape steps against the initial distance ε from the stable direction (start (x₁₀, ε), at rest). */
export function escapeSweep(s: SaddleSettings, epsilons: number[], x10: number, rng: Rng, noiseRuns = 8): EscapeRow[] {
  return epsilons.map((epsilon) => {
    const gd = simulate({ ...s, beta: 0, sigma: 0 }, [x10, epsilon], undefined, false);
    const mom = simulate({ ...s, sigma: 0 }, [x10, epsilon], undefined, false);
    return {
      epsilon,
      gd: gd.outcome === 'escaped' ? gd.steps : Infinity,
      gdClosedForm: gdEscapeSteps(epsilon, s.lambda2, s.lr, s.radius),
      momentum: mom.outcome === 'escaped' ? mom.steps : Infinity,
      flowSteps: flowEscapeTime(epsilon, s.lambda2, s.radius) / s.lr,
      noisy: s.sigma > 0 ? meanNoisyEscapeSteps({ ...s, beta: 0 }, [x10, epsilon], rng.fork(), noiseRuns).mean : null,
    };
  });
}

/** Everything the widget shows for one state: three trajectories from (x₁₀, ε), the ε sweep and the diagnostics. */
export interface DynamicsState {
  lambda1: number;
  lambda2: number;
  lr: number;
  beta: number;
  sigma: number;
  epsilon: number;
  seed: number;
}

export interface DynamicsScene {
  gd: Trajectory;
  momentum: Trajectory;
  /** Noisy gradient descent from the same start; null when σ = 0. */
  noisy: Trajectory | null;
  sweep: EscapeRow[];
  /** 1 − ηλ₁: the stable coordinate's factor per plain descent step. */
  stableFactor: number;
  stable: boolean;
  momentumStable: boolean;
  gdClosedForm: number;
  flowTime: number;
  momentumRate: number;
  noisyMean: number | null;
}

export const SCENE_START_X1 = 1;
export const SCENE_RADIUS = 1;
export const NOISE_RUNS = 8;

export function dynamicsScene(st: DynamicsState, epsilonRange: readonly [number, number], maxSteps: number, points = 15): DynamicsScene {
  const s: SaddleSettings = {
    lambda1: st.lambda1,
    lambda2: st.lambda2,
    lr: st.lr,
    beta: st.beta,
    sigma: st.sigma,
    radius: SCENE_RADIUS,
    maxSteps,
  };
  const rng = createRng(st.seed);
  const start: Vec2 = [SCENE_START_X1, st.epsilon];
  const noisyRng = rng.fork();
  return {
    gd: simulate({ ...s, beta: 0, sigma: 0 }, start),
    momentum: simulate({ ...s, sigma: 0 }, start),
    noisy: st.sigma > 0 ? simulate({ ...s, beta: 0 }, start, noisyRng.fork()) : null,
    sweep: escapeSweep(
      { ...s, sigma: st.sigma },
      logSpace(epsilonRange[0], epsilonRange[1], points),
      SCENE_START_X1,
      rng.fork(),
      NOISE_RUNS,
    ),
    stableFactor: 1 - st.lr * st.lambda1,
    stable: stableConverges(st.lambda1, st.lr, 0),
    momentumStable: stableConverges(st.lambda1, st.lr, st.beta),
    gdClosedForm: gdEscapeSteps(st.epsilon, st.lambda2, st.lr, SCENE_RADIUS),
    flowTime: flowEscapeTime(st.epsilon, st.lambda2, SCENE_RADIUS),
    momentumRate: escapeRate(st.lambda2, st.lr, st.beta),
    noisyMean: st.sigma > 0 ? meanNoisyEscapeSteps({ ...s, beta: 0 }, start, noisyRng.fork(), NOISE_RUNS).mean : null,
  };
}
