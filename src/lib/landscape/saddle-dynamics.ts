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

/**
 * What the stable coordinate x₁ does under heavy ball with momentum β (β = 0 is plain descent). Both roots of
 * z² − (1 + β − ηλ₁)z + β lie inside the unit circle exactly when 0 < ηλ₁ < 2(1 + β) (Jury's test), so the edge is
 * ηλ₁ = 2(1 + β): there the roots are −1 and −β and x₁ oscillates forever at a constant amplitude (for β = 0 it is
 * multiplied by exactly −1 each step), neither converging nor blowing up. Beyond it a root is below −1: x₁ diverges.
 */
export type StableRegime = 'converges' | 'oscillates' | 'diverges';

/**
 * Relative distance from the edge within which ηλ₁ counts as on it: float64 rounding of the product (about 1e−16),
 * far below the gap between two products of inputs given to six significant digits (about 1e−12).
 */
export const EDGE_TOLERANCE = 1e-13;

/** The regime of the stable coordinate: compares ηλ₁ with the edge 2(1 + β) (2 for plain descent). */
export function stableRegime(lambda1: number, lr: number, beta: number): StableRegime {
  const s = lr * lambda1;
  const edge = 2 * (1 + beta);
  if (Math.abs(s - edge) <= EDGE_TOLERANCE * edge) return 'oscillates';
  return s < edge ? 'converges' : 'diverges';
}

/** Whether the stable coordinate contracts: strictly inside the edge (0 < ηλ₁ < 2 when β = 0). */
export function stableConverges(lambda1: number, lr: number, beta: number): boolean {
  return stableRegime(lambda1, lr, beta) === 'converges';
}

/** Largest learning rate for which the stable coordinate still contracts: 2(1 + β)/λ₁. */
export const maxStableLr = (lambda1: number, beta: number) => (2 * (1 + beta)) / lambda1;

/**
 * Steps heavy ball (from rest) needs to carry x₂ from ε to R, in closed form. With v₀ = 0 the recurrence
 * x_{k+1} = (1 + β − ηλ₂)x_k − βx_{k−1} starts from x₋₁ = x₀ = ε, so x_k = a z₁ᵏ + b z₂ᵏ with the two real roots
 * z₁ > 1 > z₂ > 0, a = ε(1 − ηλ₂ − z₂)/(z₁ − z₂) and b = ε − a. x_k grows with k, so the first k with x_k ≥ R is
 * found by bisection on the formula (no simulation). β = 0 gives ⌈ln(R/ε)/ln(1 + η|λ₂|)⌉.
 */
export function momentumEscapeSteps(epsilon: number, lambda2: number, lr: number, beta: number, radius: number): number {
  if (epsilon <= 0) return Infinity;
  if (epsilon >= radius) return 0;
  if (beta === 0) return gdEscapeSteps(epsilon, lambda2, lr, radius);
  const [r1, r2] = momentumRoots(lambda2, lr, beta);
  const [z1, z2] = [r1.re, r2.re];
  // x_k/ε = a z₁ᵏ + b z₂ᵏ, compared in logs so that a subnormal ε or a huge k neither underflows nor overflows.
  const a = (1 - lr * lambda2 - z2) / (z1 - z2);
  const b = 1 - a;
  const target = Math.log(radius) - Math.log(epsilon);
  const reached = (k: number) => k * Math.log(z1) + Math.log(a + b * (z2 / z1) ** k) >= target;
  let hi = 1;
  while (!reached(hi)) hi *= 2;
  let lo = hi / 2 < 1 ? 0 : hi / 2;
  // Invariant: x_lo < R ≤ x_hi.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

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

/**
 * How a run ends, as a reader is told: it escaped after `steps`; it did not within the cap of `cap` steps; it never
 * can (started exactly on the stable direction without noise, x₂ stays 0); or the stable coordinate diverges.
 */
export type Escape = { kind: 'escaped'; steps: number } | { kind: 'capped'; cap: number } | { kind: 'never' } | { kind: 'diverges' };

/**
 * The escape of a simulated run given the regime of its stable coordinate: a diverging x₁ is divergence even when
 * |x₂| reached R first, so the count, the status and the table cannot disagree about it.
 */
export function escapeOf(t: Trajectory, regime: StableRegime, epsilon: number, sigma: number, cap: number): Escape {
  if (regime === 'diverges' || t.outcome === 'diverged') return { kind: 'diverges' };
  if (t.outcome === 'escaped') return { kind: 'escaped', steps: t.steps };
  return epsilon === 0 && sigma === 0 ? { kind: 'never' } : { kind: 'capped', cap };
}

/** The escape steps, or null when there is no count (capped, never, diverges). */
export const escapeSteps = (e: Escape): number | null => (e.kind === 'escaped' ? e.steps : null);

/** Noisy descent over several independent noise streams: how many escaped within the cap, and their mean. */
export interface NoisyEscape {
  runs: number;
  escaped: number;
  /** Mean steps of the runs that escaped (all of them, unless some hit the cap); null when none did or x₁ diverges. */
  mean: number | null;
  diverges: boolean;
}

/**
 * Escape steps of noisy descent over `runs` streams forked from rng in order; the first run's path is kept (the one
 * drawn), so the drawn path is one of the runs the mean is taken over.
 */
export function noisyEscapes(s: SaddleSettings, x0: Vec2, rng: Rng, runs: number): { stats: NoisyEscape; first: Trajectory } {
  const diverges = stableRegime(s.lambda1, s.lr, s.beta) === 'diverges';
  let first: Trajectory | null = null;
  let total = 0;
  let escaped = 0;
  for (let i = 0; i < runs; i++) {
    const t = simulate(s, x0, rng.fork(), i === 0);
    if (i === 0) first = t;
    if (t.outcome === 'escaped') {
      total += t.steps;
      escaped++;
    }
  }
  const mean = escaped && !diverges ? total / escaped : null;
  return { stats: { runs, escaped: diverges ? 0 : escaped, mean, diverges }, first: first! };
}

/** Mean escape steps over `runs` independent noise streams forked from rng (the mean of the runs that escaped). */
export function meanNoisyEscapeSteps(s: SaddleSettings, x0: Vec2, rng: Rng, runs: number): NoisyEscape {
  return noisyEscapes(s, x0, rng, runs).stats;
}

/** ε values spaced evenly in log scale from lo to hi, `n` of them. */
export function logSpace(lo: number, hi: number, n: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

export interface EscapeRow {
  epsilon: number;
  /** Plain gradient descent, simulated. */
  gd: Escape;
  /** The closed form ⌈ln(R/ε)/ln(1 + η|λ₂|)⌉ (counts x₂ only, whatever x₁ does). */
  gdClosedForm: number;
  /** Heavy ball with the widget's β, simulated. */
  momentum: Escape;
  /** Heavy ball's closed form (momentumEscapeSteps). */
  momentumClosedForm: number;
  /** Flow time ln(R/ε)/|λ₂| in units of η: the number of steps of size η it corresponds to. */
  flowSteps: number;
  /** Noisy descent over several streams, when σ > 0. */
  noisy: NoisyEscape | null;
}

/** Escape steps against the initial distance ε from the stable direction (start (x₁₀, ε), at rest). */
export function escapeSweep(s: SaddleSettings, epsilons: number[], x10: number, rng: Rng, noiseRuns = 8): EscapeRow[] {
  const gdRegime = stableRegime(s.lambda1, s.lr, 0);
  const momRegime = stableRegime(s.lambda1, s.lr, s.beta);
  return epsilons.map((epsilon) => {
    const gd = simulate({ ...s, beta: 0, sigma: 0 }, [x10, epsilon], undefined, false);
    const mom = simulate({ ...s, sigma: 0 }, [x10, epsilon], undefined, false);
    return {
      epsilon,
      gd: escapeOf(gd, gdRegime, epsilon, 0, s.maxSteps),
      gdClosedForm: gdEscapeSteps(epsilon, s.lambda2, s.lr, s.radius),
      momentum: escapeOf(mom, momRegime, epsilon, 0, s.maxSteps),
      momentumClosedForm: momentumEscapeSteps(epsilon, s.lambda2, s.lr, s.beta, s.radius),
      flowSteps: flowEscapeTime(epsilon, s.lambda2, s.radius) / s.lr,
      noisy: s.sigma > 0 ? meanNoisyEscapeSteps({ ...s, beta: 0 }, [x10, epsilon], rng.fork(), noiseRuns) : null,
    };
  });
}

/**
 * The noisy column of escapeSweep one ε at a time, from the same streams (rng forked once per ε, in order), so a page
 * can yield between the values: this column is the costly one (runs × steps normals per ε).
 */
export function* noisySweep(s: SaddleSettings, epsilons: number[], x10: number, rng: Rng, noiseRuns = 8): Generator<NoisyEscape> {
  for (const epsilon of epsilons) yield meanNoisyEscapeSteps({ ...s, beta: 0 }, [x10, epsilon], rng.fork(), noiseRuns);
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
  /** Noisy gradient descent from the same start: run 1 of the NOISE_RUNS of `noisyStats`; null when σ = 0. */
  noisy: Trajectory | null;
  sweep: EscapeRow[];
  /** The step cap of every simulation. */
  cap: number;
  /** 1 − ηλ₁: the stable coordinate's factor per plain descent step. */
  stableFactor: number;
  /** Largest |root| on the stable coordinate with momentum: its growth (> 1) or shrink (< 1) per step. */
  momentumStableFactor: number;
  gdRegime: StableRegime;
  momentumRegime: StableRegime;
  /** The edge of momentum's stable range, 2(1 + β), for ηλ₁. */
  momentumEdge: number;
  gdEscape: Escape;
  momentumEscape: Escape;
  gdClosedForm: number;
  momentumClosedForm: number;
  flowTime: number;
  momentumRate: number;
  /** Noisy descent from the start over NOISE_RUNS streams; null when σ = 0. */
  noisyStats: NoisyEscape | null;
  /** With `lazyNoise`: the sweep's noisy column still to compute, one ε per step (null when σ = 0 or computed). */
  pendingNoise: Generator<NoisyEscape> | null;
}

export const SCENE_START_X1 = 1;
export const SCENE_RADIUS = 1;
export const NOISE_RUNS = 8;

/**
 * The scene for a state. With `lazyNoise` the sweep's noisy column is left null and handed back as `pendingNoise`
 * (the page fills it in slices, so no task blocks the main thread); the build computes it at once.
 */
export function dynamicsScene(
  st: DynamicsState,
  epsilonRange: readonly [number, number],
  maxSteps: number,
  points = 15,
  lazyNoise = false,
): DynamicsScene {
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
  const gdRegime = stableRegime(st.lambda1, st.lr, 0);
  const momentumRegime = stableRegime(st.lambda1, st.lr, st.beta);
  const gd = simulate({ ...s, beta: 0, sigma: 0 }, start);
  const momentum = simulate({ ...s, sigma: 0 }, start);
  const noisy = st.sigma > 0 ? noisyEscapes({ ...s, beta: 0 }, start, noisyRng, NOISE_RUNS) : null;
  const epsilons = logSpace(epsilonRange[0], epsilonRange[1], points);
  const sweepRng = rng.fork();
  const later = lazyNoise && st.sigma > 0;
  return {
    gd,
    momentum,
    noisy: noisy?.first ?? null,
    sweep: escapeSweep(later ? { ...s, sigma: 0 } : s, epsilons, SCENE_START_X1, sweepRng, NOISE_RUNS),
    cap: maxSteps,
    stableFactor: 1 - st.lr * st.lambda1,
    momentumStableFactor: momentumRoots(st.lambda1, st.lr, st.beta)[0].abs,
    gdRegime,
    momentumRegime,
    momentumEdge: 2 * (1 + st.beta),
    gdEscape: escapeOf(gd, gdRegime, st.epsilon, 0, maxSteps),
    momentumEscape: escapeOf(momentum, momentumRegime, st.epsilon, 0, maxSteps),
    gdClosedForm: gdEscapeSteps(st.epsilon, st.lambda2, st.lr, SCENE_RADIUS),
    momentumClosedForm: momentumEscapeSteps(st.epsilon, st.lambda2, st.lr, st.beta, SCENE_RADIUS),
    flowTime: flowEscapeTime(st.epsilon, st.lambda2, SCENE_RADIUS),
    momentumRate: escapeRate(st.lambda2, st.lr, st.beta),
    noisyStats: noisy?.stats ?? null,
    pendingNoise: later ? noisySweep(s, epsilons, SCENE_START_X1, sweepRng, NOISE_RUNS) : null,
  };
}
