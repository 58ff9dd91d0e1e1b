// Converged extreme eigenpairs of a symmetric operator by Lanczos with locking and restarts, each with its true residual ‖Av − λv‖.
// For the reproductions of issue #11: the most negative Hessian eigenvalue at a digits network's solution; nothing calls it yet.
//
// One Lanczos run is grown until the wanted Ritz pairs at the requested end(s) have residual estimates
// |β_m s_{m,j}| ≤ tol·‖A‖; their Ritz vectors are then locked and a new run starts from a fresh random vector kept
// orthogonal to everything locked. Restarting is what finds repeated eigenvalues: a single Krylov space holds only
// one vector of each eigenspace, so the second copy of a double extreme eigenvalue only appears once the first is
// deflated. The search stops when a run's most extreme converged value no longer beats the current set
// (Courant–Fischer: with the locked vectors exact, nothing left can be more extreme than that run's extreme).

import { normalVector, type Rng } from '../random/rng.ts';
import { createKrylovBasis, extendKrylovBasis, ritzVectors } from './krylov-basis.ts';
import { tridiagonalEigen, type TridiagonalEigenResult } from './tridiagonal-eigen.ts';

type Side = 'largest' | 'smallest';

export interface ExtremeEigenpairsOptions {
  /** Which end of the spectrum; default 'largest'. */
  which?: Side | 'both';
  /** Eigenpairs wanted at each requested end; default 1. */
  count?: number;
  /** Relative residual target: ‖Av − λv‖ ≤ tol·‖A‖ (‖A‖ estimated from the Ritz values); default 1e-8. */
  tol?: number;
  /** Largest Krylov dimension of one run; default min(n, 300). */
  maxIter?: number;
  /** Most Lanczos runs (the first included); default 2·count + 4. */
  maxRestarts?: number;
  rng: Rng;
}

/** Eigenpairs at one end, ordered from the most extreme inward. */
export interface EigenpairSet {
  /** Largest first for 'largest', smallest first for 'smallest'. */
  values: Float64Array;
  /** Unit eigenvectors, length n each, aligned with values. */
  vectors: Float64Array[];
  /** True residual norms ‖A v − λ v‖, aligned with values. */
  residuals: Float64Array;
}

export interface ExtremeEigenpairsResult {
  largest?: EigenpairSet;
  smallest?: EigenpairSet;
  /** Every requested end has `count` pairs within tolerance, confirmed by a final run that found nothing more extreme. */
  converged: boolean;
  /** Products with A spent (Lanczos steps plus one residual check per accepted pair). */
  matvecs: number;
  /** Lanczos runs used. */
  runs: number;
}

interface Pair {
  value: number;
  vector: Float64Array;
  residual: number;
}

/**
 * Extreme eigenvalues and eigenvectors of the symmetric operator A.
 * @param matvec v ↦ A v for symmetric A (v length n)
 * @param n dimension
 */
export function extremeEigenpairs(
  matvec: (v: Float64Array) => Float64Array,
  n: number,
  opts: ExtremeEigenpairsOptions,
): ExtremeEigenpairsResult {
  if (!Number.isInteger(n) || n < 1) throw new Error(`extremeEigenpairs: n must be a positive integer, got ${n}`);
  const which = opts.which ?? 'largest',
    count = opts.count ?? 1,
    tol = opts.tol ?? 1e-8;
  if (!Number.isInteger(count) || count < 1) throw new Error(`extremeEigenpairs: count must be ≥ 1, got ${count}`);
  const maxIter = opts.maxIter ?? Math.min(n, 300),
    maxRuns = opts.maxRestarts ?? 2 * count + 4;
  const sides: Side[] = which === 'both' ? ['largest', 'smallest'] : [which];
  const found: Pair[] = [];
  const done = new Set<Side>();
  let matvecs = 0,
    runs = 0,
    scale = 0;
  const sign = (side: Side) => (side === 'largest' ? 1 : -1);
  // Every locked pair is an exact-to-tolerance eigenpair, whichever end it was harvested for, so each end
  // chooses from all of them.
  const best = (side: Side) => [...found].sort((p, q) => sign(side) * (q.value - p.value)).slice(0, count);

  while (runs < maxRuns && done.size < sides.length) {
    if (found.length >= n) {
      // The whole spectrum is locked: nothing is left to be more extreme.
      for (const side of sides) done.add(side);
      break;
    }
    runs++;
    const kb = createKrylovBasis(
      n,
      maxIter,
      normalVector(opts.rng, n),
      found.map((p) => p.vector),
    );
    const need = (side: Side) => Math.max(1, count - best(side).length);
    let eig: TridiagonalEigenResult | undefined,
      estimates = new Float64Array(0);
    while (extendKrylovBasis(kb, matvec)) {
      const m = kb.steps;
      eig = tridiagonalEigen(kb.alpha.subarray(0, m), kb.beta.subarray(0, m - 1));
      const lastBeta = kb.breakdown ? 0 : kb.beta[m - 1]!;
      estimates = eig.lastComponents.map((s) => Math.abs(lastBeta * s));
      scale = Math.max(scale, Math.abs(eig.values[0]!), Math.abs(eig.values[m - 1]!));
      const ready = sides.every((side) => done.has(side) || convergedRun(estimates, side, need(side), tol * scale));
      if (ready || kb.breakdown) break;
    }
    matvecs += kb.matvecs;
    const m = kb.steps;
    if (eig === undefined) break;
    const s = tridiagonalEigen(kb.alpha.subarray(0, m), kb.beta.subarray(0, m - 1), { vectors: true }).vectors!;
    const y = ritzVectors(kb.basis, n, m, s);
    // Ritz indices already locked in this run (in 'both' mode a short run can reach one pair from either end).
    const taken = new Set<number>();
    for (const side of sides) {
      if (done.has(side)) continue;
      const current = best(side);
      const threshold = current.length >= count ? current[count - 1]!.value : undefined;
      let extreme: number | undefined;
      for (let t = 0; t < Math.min(count, m); t++) {
        const j = side === 'largest' ? m - 1 - t : t;
        if (!(estimates[j]! <= tol * scale)) break;
        if (!taken.has(j)) {
          const vector = new Float64Array(n);
          for (let i = 0; i < n; i++) vector[i] = y[i * m + j]!;
          const value = eig.values[j]!,
            residual = trueResidual(matvec, vector, value);
          matvecs++;
          if (!(residual <= 10 * tol * scale)) break;
          taken.add(j);
          found.push({ value, vector, residual });
        }
        if (t === 0) extreme = eig.values[j]!;
      }
      // This run's extreme is the extreme of everything not locked before it; if it does not beat the count-th
      // value (beyond tolerance), nothing unfound can, and this end is confirmed.
      if (threshold !== undefined && extreme !== undefined && sign(side) * (extreme - threshold) <= tol * scale) {
        done.add(side);
      }
    }
  }

  const result: ExtremeEigenpairsResult = { converged: done.size === sides.length, matvecs, runs };
  for (const side of sides) {
    const set = best(side);
    result[side] = {
      values: Float64Array.from(set, (p) => p.value),
      vectors: set.map((p) => p.vector),
      residuals: Float64Array.from(set, (p) => p.residual),
    };
  }
  return result;
}

/** Whether the `need` most extreme Ritz pairs at `side` all have residual estimates within `limit`. */
function convergedRun(estimates: Float64Array, side: Side, need: number, limit: number): boolean {
  const m = estimates.length;
  if (m < need) return false;
  for (let t = 0; t < need; t++) {
    if (!(estimates[side === 'largest' ? m - 1 - t : t]! <= limit)) return false;
  }
  return true;
}

/** ‖A v − λ v‖ with one product. */
function trueResidual(matvec: (v: Float64Array) => Float64Array, v: Float64Array, lambda: number): number {
  const av = matvec(v);
  let ss = 0;
  for (let i = 0; i < v.length; i++) {
    const r = av[i]! - lambda * v[i]!;
    ss += r * r;
  }
  return Math.sqrt(ss);
}
