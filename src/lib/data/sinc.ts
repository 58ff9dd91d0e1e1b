// A 1-D regression set y = sinc(x) = sin(πx)/(πx) (with sinc(0) = 1) on x ∈ [−a, a], plus optional Gaussian noise.
//
// x is either an even grid −a, −a + 2a/(n−1), …, a (no randomness used) or n seeded uniform draws on [−a, a).
// Noise adds σ·ε with ε ~ N(0, 1) to every target; all uniforms are drawn before any normal, so the x of a
// seed do not depend on σ.
import { sinCos } from '../numerics/portable-math.ts';
import { createRng, type Rng } from '../random/rng.ts';
import { validateDataset, type Dataset } from './dataset.ts';

export interface SincParams {
  /** Number of samples N ≥ 1. */
  n: number;
  /** Half-width a > 0 of the interval [−a, a]. */
  range: number;
  /** Standard deviation σ ≥ 0 of the additive Gaussian noise on y. */
  noise: number;
  /** "grid": evenly spaced x including both ends; "uniform": x ~ U[−a, a). */
  sampling: 'grid' | 'uniform';
  /** Seed used when no generator is passed in. */
  seed: number;
}

/** The normalised sinc, sin(πx)/(πx), continuous at 0 where it equals 1. */
export function sinc(x: number): number {
  if (x === 0) return 1;
  const t = Math.PI * x;
  return Math.sin(t) / t;
}

/**
 * @param rng generator for the uniform x and the noise; defaults to createRng(params.seed)
 * @returns n samples, inputDim = outputDim = 1, task "regression"
 */
export function makeSinc(params: SincParams, rng: Rng = createRng(params.seed)): Dataset {
  const { n, range: a, noise, sampling } = params;
  if (!Number.isInteger(n) || n < 1) throw new Error(`makeSinc: n must be a whole number ≥ 1, got ${n}`);
  if (!(a > 0) || !Number.isFinite(a)) throw new Error(`makeSinc: range must be a finite number > 0, got ${a}`);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new Error(`makeSinc: noise must be a finite number ≥ 0, got ${noise}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = sampling === 'grid' ? (n === 1 ? 0 : -a + (2 * a * i) / (n - 1)) : -a + 2 * a * rng.next();
  }
  const y = x.map(sinc);
  if (noise > 0) for (let i = 0; i < n; i++) y[i] = y[i]! + noise * rng.normal();
  return validateDataset({
    id: 'sinc',
    inputs: Float32Array.from(x),
    targets: Float32Array.from(y),
    n,
    inputDim: 1,
    outputDim: 1,
    task: 'regression',
    source:
      `Synthetic: y = sin(πx)/(πx) on [−${a}, ${a}], ${sampling} x, Gaussian noise σ = ${noise}` +
      (sampling === 'uniform' || noise > 0 ? `, seed ${rng.seed}.` : '.'),
  });
}

/**
 * The grid x_i = −1 + 2i/(n−1) on [−1, 1] with y_i = sinc(a·x_i) = sin(aπx_i)/(aπx_i), in float64 and from portable
 * sine (numerics/portable-math.ts), so Node and every browser get the same targets to the last bit. With a = 5 and
 * n = 100 it is the regression target of the minimum-ratio experiment (sin(5πx)/(5πx); even n leaves 0 off the grid).
 */
export function sincGrid(n: number, a: number): { x: Float64Array; y: Float64Array } {
  if (!Number.isInteger(n) || n < 2) throw new Error(`sincGrid: n must be a whole number ≥ 2, got ${n}`);
  if (!(a > 0) || !Number.isFinite(a)) throw new Error(`sincGrid: a must be a finite number > 0, got ${a}`);
  const x = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const y = x.map((xi) => {
    if (xi === 0) return 1;
    const t = a * Math.PI * xi;
    return sinCos(t)[0] / t;
  });
  return { x, y };
}
