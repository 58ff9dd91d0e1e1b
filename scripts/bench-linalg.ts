// Times symmetricEigen (values and vectors) against ml-matrix's EigenvalueDecomposition (JAMA tred2/tql2) on the same random symmetric matrix.
//
// `benchLinalg()` returns the figures for scripts/bench.ts; run directly
// (node_modules/.bin/node --experimental-strip-types scripts/bench-linalg.ts) it also times n = 2000 and a
// Hessian-like spectrum (a bulk of tiny eigenvalues and a few large ones) and prints everything.
// ml-matrix is imported here only: src/lib stays free of dependencies.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { symmetricWithSpectrum } from '../src/lib/linalg/random-matrix.ts';
import { symmetricEigen } from '../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../src/lib/random/rng.ts';

export interface LinalgFigure {
  name: string;
  ms: number;
  baselineName: string;
  baselineMs: number;
  speedup: number;
}

/** Symmetric n×n with independent N(0, 1) entries on and below the diagonal, row-major. */
function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

function timeMs(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median of `runs` timings of symmetricEigen with vectors, after one warm-up at a small size. */
function timeOurs(A: Float64Array, n: number, runs = 3): number {
  symmetricEigen(A.subarray(0, 64 * 64).slice(), 64, { vectors: true });
  return median(Array.from({ length: runs }, () => timeMs(() => symmetricEigen(A, n, { vectors: true }))));
}

/** ml-matrix timings: three runs (median) if one takes under 2.5 s, else that single run. */
function timeMlMatrix(A: Float64Array, n: number): { ms: number; runs: number; maxValueGap: number } {
  const rows = Array.from({ length: n }, (_, i) => Array.from(A.subarray(i * n, (i + 1) * n)));
  let decomposition: EigenvalueDecomposition | undefined;
  const once = () => {
    const M = new Matrix(rows);
    return timeMs(() => {
      decomposition = new EigenvalueDecomposition(M, { assumeSymmetric: true });
    });
  };
  const times = [once()];
  if (times[0]! < 2500) times.push(once(), once());
  // Sanity: both must agree on the spectrum.
  const theirs = [...decomposition!.realEigenvalues].sort((a, b) => a - b);
  const ours = symmetricEigen(A, n).values;
  const maxValueGap = Math.max(...theirs.map((v, i) => Math.abs(v - ours[i]!)));
  return { ms: median(times), runs: times.length, maxValueGap };
}

/** The n = 1000 comparison: symmetricEigen with vectors against ml-matrix on the same matrix. */
export async function benchLinalg(): Promise<LinalgFigure[]> {
  const n = 1000;
  const A = randomSymmetric(n, 1);
  const ms = timeOurs(A, n);
  const base = timeMlMatrix(A, n);
  if (base.maxValueGap > 1e-8) throw new Error(`bench-linalg: spectra disagree by ${base.maxValueGap}`);
  return [
    {
      name: `symmetricEigen n=${n}, values and vectors (median of 3)`,
      ms,
      baselineName: `ml-matrix EigenvalueDecomposition n=${n} (${base.runs === 1 ? 'one run' : `median of ${base.runs}`})`,
      baselineMs: base.ms,
      speedup: base.ms / ms,
    },
  ];
}

async function main(): Promise<void> {
  const fmt = (x: number) => `${x.toFixed(0)} ms`;
  for (const f of await benchLinalg()) {
    console.log(`${f.name}: ${fmt(f.ms)}   vs ${f.baselineName}: ${fmt(f.baselineMs)}   → ${f.speedup.toFixed(2)}×`);
  }
  const n2 = 2000;
  console.log(`symmetricEigen n=${n2}, values and vectors (median of 3): ${fmt(timeOurs(randomSymmetric(n2, 2), n2))}`);
  // Hessian-like: 90% of eigenvalues in a bulk of width ~1e-4, the rest spread over [1, 101].
  const rng = createRng(3);
  const lambda = Array.from({ length: 1000 }, (_, i) => (i < 900 ? 1e-4 * rng.normal() : 1 + 100 * rng.next()));
  const H = symmetricWithSpectrum(lambda, rng);
  console.log(`symmetricEigen n=1000, Hessian-like clustered spectrum (median of 3): ${fmt(timeOurs(H, 1000))}`);
}

// Run directly (also as scripts/run-ts.mjs bundles it), not when scripts/bench.ts imports it.
if (/bench-linalg\.(ts|mjs)$/.test(process.argv[1] ?? '')) await main();
