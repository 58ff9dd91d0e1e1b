// Stochastic Lanczos quadrature: the spectral density of a symmetric operator as weighted Ritz values (Ubaru, Chen & Saad 2017).
// For the reproductions of issue #11: Hessians of digits networks, too large to form; nothing calls it yet.
//
// For a unit vector v, vᵀ f(A) v = Σ_i (vᵀu_i)² f(λ_i) is an integral against a discrete measure on the spectrum,
// and m Lanczos steps from v give its m-point Gauss quadrature: nodes θ_j = eigenvalues of T_m, weights τ_j =
// (first component of the j-th unit eigenvector of T_m)² (Golub & Welsch 1969). Each probe's weights sum to 1.
// With v uniform on the sphere, E[(vᵀu_i)²] = 1/n, so averaging over probes estimates the spectral density
// (1/n) Σ_i δ(t − λ_i); Ghorbani, Krishnan & Xiao (2019) use exactly this for neural-network Hessians.

import { normalVector, type Rng } from '../random/rng.ts';
import { lanczos } from './lanczos.ts';

export interface SlqOptions {
  /** Number of random starting vectors, ≥ 1. */
  probes: number;
  /** Lanczos steps per probe (fewer if Lanczos breaks down on an invariant subspace). */
  steps: number;
  rng: Rng;
}

export interface SpectralDensity {
  /** Ritz values of all probes, concatenated probe by probe. */
  nodes: Float64Array;
  /** Quadrature weight of each node divided by the number of probes: they sum to 1 overall. */
  weights: Float64Array;
  /** Probes used. */
  probes: number;
  /** Lanczos steps taken by each probe. */
  stepsPerProbe: Int32Array;
}

/**
 * Estimates the spectral density of symmetric A by stochastic Lanczos quadrature.
 * @param matvec v ↦ A v for symmetric A (v length n)
 * @param n dimension
 */
export function stochasticLanczosQuadrature(matvec: (v: Float64Array) => Float64Array, n: number, opts: SlqOptions): SpectralDensity {
  const { probes, steps, rng } = opts;
  if (!Number.isInteger(probes) || probes < 1) throw new Error(`slq: probes must be a positive integer, got ${probes}`);
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`slq: steps must be a positive integer, got ${steps}`);
  const nodes: number[] = [],
    weights: number[] = [];
  const stepsPerProbe = new Int32Array(probes);
  for (let p = 0; p < probes; p++) {
    // A Gaussian vector, normalised, is uniform on the unit sphere.
    const run = lanczos(matvec, n, steps, rng, { start: normalVector(rng, n) });
    stepsPerProbe[p] = run.steps;
    // The first row of an orthogonal matrix has unit norm; renormalise away the rounding anyway.
    let total = 0;
    for (const c of run.firstComponents) total += c * c;
    for (let j = 0; j < run.steps; j++) {
      nodes.push(run.values[j]!);
      weights.push((run.firstComponents[j]! * run.firstComponents[j]!) / total / probes);
    }
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights), probes, stepsPerProbe };
}

/**
 * Smooths a weighted set of nodes into a density on a grid: φ(t) = Σ_j w_j · N(t; θ_j, σ²).
 * @param nodes θ_j, length k
 * @param weights w_j, length k (summing to 1 gives a probability density)
 * @param grid points t at which to evaluate, length g
 * @param sigma Gaussian width σ > 0
 * @returns φ on the grid, length g
 */
export function densityOnGrid(nodes: ArrayLike<number>, weights: ArrayLike<number>, grid: ArrayLike<number>, sigma: number): Float64Array {
  if (nodes.length !== weights.length) throw new Error('densityOnGrid: nodes and weights differ in length');
  if (!(sigma > 0)) throw new Error(`densityOnGrid: sigma must be positive, got ${sigma}`);
  const out = new Float64Array(grid.length);
  const norm = 1 / (sigma * Math.sqrt(2 * Math.PI)),
    inv2s2 = 1 / (2 * sigma * sigma);
  for (let g = 0; g < grid.length; g++) {
    const t = grid[g]!;
    let s = 0;
    for (let j = 0; j < nodes.length; j++) {
      const d = t - nodes[j]!;
      s += weights[j]! * Math.exp(-d * d * inv2s2);
    }
    out[g] = s * norm;
  }
  return out;
}
