import { describe, expect, it } from 'vitest';
import { extremeEigenpairs, lanczos } from '../../../src/lib/linalg/lanczos.ts';
import { randomOrthogonal, symmetricFromEigen, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { denseOperator } from './dense-operator.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import {
  alignment,
  column,
  expectArraysClose,
  expectClose,
  laplacian1d,
  laplacian1dEigenvalues,
  orthonormalityError,
  residualNorm,
} from './asserts.ts';

describe('lanczos', () => {
  it('reproduces the whole spectrum 2 − 2cos(kπ/(n+1)) of [−1, 2, −1] when run for n steps', () => {
    const n = 80;
    const run = lanczos(denseOperator(laplacian1d(n), n), n, n, createRng(1));
    expect(run.steps).toBe(n);
    expectArraysClose(run.values, laplacian1dEigenvalues(n), 1e-12, 'Ritz values');
    expect(run.alpha.length).toBe(n);
    expect(run.beta.length).toBe(n - 1);
  });

  it('stops on breakdown after as many steps as there are distinct eigenvalues, with exact Ritz values', () => {
    const n = 60;
    const lambda = Array.from({ length: n }, (_, i) => [-2, 0.5, 7][i % 3]!);
    const A = symmetricWithSpectrum(lambda, createRng(2));
    const run = lanczos(denseOperator(A, n), n, 20, createRng(3));
    expect(run.breakdown).toBe(true);
    expect(run.steps).toBe(3);
    expectArraysClose(run.values, [-2, 0.5, 7], 1e-12);
    expectArraysClose(run.residualNorms, [0, 0, 0], 0);
  });

  it('converges to well-separated extreme eigenvalues in few steps, with Ritz vectors whose residuals match the estimates', () => {
    const n = 300;
    const lambda = Array.from({ length: n }, (_, i) => (i === 0 ? -5 : i === 1 ? 12 : Math.sin(i)));
    const A = symmetricWithSpectrum(lambda, createRng(4));
    const run = lanczos(denseOperator(A, n), n, 40, createRng(5), { vectors: true });
    expectClose(run.values[0]!, -5, 1e-10, 'smallest Ritz value');
    expectClose(run.values[run.steps - 1]!, 12, 1e-10, 'largest Ritz value');
    const Y = run.vectors!;
    expect(orthonormalityError(Y, n, run.steps)).toBeLessThan(1e-12);
    for (const j of [0, run.steps - 1, run.steps >> 1]) {
      const r = residualNorm(A, n, column(Y, n, run.steps, j), run.values[j]!);
      expectClose(r, run.residualNorms[j]!, 1e-10, `residual of Ritz pair ${j}`);
    }
  });

  it('starts from a given vector: one step from an eigenvector is that eigenpair', () => {
    const n = 10;
    const Q = randomOrthogonal(n, createRng(6));
    const lambda = Array.from({ length: n }, (_, i) => i);
    const run = lanczos(denseOperator(symmetricFromEigen(lambda, Q), n), n, 5, createRng(7), { start: column(Q, n, n, 4) });
    expect(run.steps).toBe(1);
    expect(run.breakdown).toBe(true);
    expectClose(run.values[0]!, 4, 1e-13);
  });
});

describe('extremeEigenpairs', () => {
  const spectrum = (n: number) => Array.from({ length: n }, (_, i) => -1 + (2 * i) / n);

  it('finds the largest eigenpairs of a known spectrum with residuals within tolerance', () => {
    const n = 200;
    const lambda = spectrum(n);
    lambda[0] = 10;
    lambda[1] = 9;
    lambda[2] = 8.5;
    const A = symmetricWithSpectrum(lambda, createRng(8));
    const res = extremeEigenpairs(denseOperator(A, n), n, { which: 'largest', count: 3, tol: 1e-10, rng: createRng(9) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.largest!.values, [10, 9, 8.5], 1e-9);
    res.largest!.vectors.forEach((v, j) => {
      const r = residualNorm(A, n, v, res.largest!.values[j]!);
      expectClose(res.largest!.residuals[j]!, r, 1e-12, 'reported residual');
      expect(r).toBeLessThanOrEqual(1e-10 * 10 * 10);
    });
  });

  it('finds both copies of a repeated extreme eigenvalue, with vectors spanning its eigenspace', () => {
    const n = 120;
    const Q = randomOrthogonal(n, createRng(10));
    const lambda = spectrum(n);
    lambda[5] = 4;
    lambda[17] = 4;
    lambda[30] = 3;
    const A = symmetricFromEigen(lambda, Q);
    const res = extremeEigenpairs(denseOperator(A, n), n, { which: 'largest', count: 3, tol: 1e-10, rng: createRng(11) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.largest!.values, [4, 4, 3], 1e-9);
    const [v1, v2] = res.largest!.vectors;
    for (const v of [v1!, v2!]) {
      const inSpace = Math.hypot(alignment(v, column(Q, n, n, 5)), alignment(v, column(Q, n, n, 17)));
      expect(inSpace).toBeCloseTo(1, 8);
    }
    expect(alignment(v1!, v2!)).toBeLessThan(1e-8);
  });

  it('handles a spectrum that is mostly zeros, from both ends', () => {
    const n = 150;
    const lambda = new Array(n).fill(0);
    lambda[3] = -2;
    lambda[40] = 1;
    lambda[90] = 3;
    const A = symmetricWithSpectrum(lambda, createRng(12));
    const res = extremeEigenpairs(denseOperator(A, n), n, { which: 'both', count: 2, tol: 1e-10, rng: createRng(13) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.largest!.values, [3, 1], 1e-10);
    expectArraysClose(res.smallest!.values, [-2, 0], 1e-10);
    for (const set of [res.largest!, res.smallest!]) {
      set.vectors.forEach((v, j) => expect(residualNorm(A, n, v, set.values[j]!)).toBeLessThan(1e-9));
    }
  });

  it('lets a pair locked for one end count for the other when the Krylov space is short (five distinct values)', () => {
    const n = 25;
    const lambda = [-3, -1.5, -0.5, 6, ...new Array(n - 4).fill(0)];
    const A = symmetricWithSpectrum(lambda, createRng(16));
    const res = extremeEigenpairs(denseOperator(A, n), n, { which: 'both', count: 3, tol: 1e-10, rng: createRng(17) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.smallest!.values, [-3, -1.5, -0.5], 1e-10);
    expectArraysClose(res.largest!.values, [6, 0, 0], 1e-10);
  });

  it('reports convergence once the whole spectrum is locked (n = 2, both ends)', () => {
    const res = extremeEigenpairs(denseOperator(Float64Array.from([0, -2, -2, 0]), 2), 2, { which: 'both', rng: createRng(18) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.largest!.values, [2], 1e-12);
    expectArraysClose(res.smallest!.values, [-2], 1e-12);
  });

  it('finds the two smallest eigenvalues of [−1, 2, −1], 2 − 2cos(π/(n+1)) and 2 − 2cos(2π/(n+1))', () => {
    const n = 60;
    const known = laplacian1dEigenvalues(n);
    const res = extremeEigenpairs(denseOperator(laplacian1d(n), n), n, { which: 'both', count: 2, tol: 1e-10, rng: createRng(14) });
    expect(res.converged).toBe(true);
    expectArraysClose(res.smallest!.values, [known[0]!, known[1]!], 1e-10);
    expectArraysClose(res.largest!.values, [known[n - 1]!, known[n - 2]!], 1e-10);
  });

  it('says so when the iteration budget is too small', () => {
    const n = 200;
    const res = extremeEigenpairs(denseOperator(laplacian1d(n), n), n, {
      which: 'smallest',
      count: 1,
      tol: 1e-12,
      maxIter: 5,
      maxRestarts: 2,
      rng: createRng(15),
    });
    expect(res.converged).toBe(false);
    expect(res.runs).toBe(2);
  });
});
