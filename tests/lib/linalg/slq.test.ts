import { describe, expect, it } from 'vitest';
import { densityOnGrid, stochasticLanczosQuadrature } from '../../../src/lib/linalg/slq.ts';
import { goeMatrix, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { denseOperator } from './dense-operator.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { expectClose } from './asserts.ts';

const sum = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v, 0);

describe('stochasticLanczosQuadrature', () => {
  it('gives weights that sum to 1 and a mean Σ w θ close to tr(A)/n', () => {
    const n = 200;
    const lambda = Array.from({ length: n }, (_, i) => -1 + 3 * (i / n) ** 2);
    const A = symmetricWithSpectrum(lambda, createRng(1));
    const probes = 20;
    const slq = stochasticLanczosQuadrature(denseOperator(A, n), n, { probes, steps: 30, rng: createRng(2) });
    expectClose(sum(slq.weights), 1, 1e-12, 'total weight');
    expect(slq.nodes.length).toBe(probes * 30);
    const mean = sum(slq.nodes.map((t, j) => t * slq.weights[j]!));
    // vᵀAv for v uniform on the sphere has variance 2·Var(λ)/(n + 2); the average of `probes` has that over probes.
    const mu = sum(lambda) / n,
      varLambda = sum(lambda.map((l) => (l - mu) ** 2)) / n;
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt((2 * varLambda) / (n + 2) / probes));
  });

  it('puts about half the mass at −1 and half at 2 when the spectrum is half −1 and half +2', () => {
    const n = 200;
    const A = symmetricWithSpectrum(
      Array.from({ length: n }, (_, i) => (i < n / 2 ? -1 : 2)),
      createRng(3),
    );
    const probes = 10;
    const slq = stochasticLanczosQuadrature(denseOperator(A, n), n, { probes, steps: 20, rng: createRng(4) });
    // Two distinct eigenvalues: every probe breaks down after 2 steps with exact nodes.
    expect(Array.from(slq.stepsPerProbe)).toEqual(new Array(probes).fill(2));
    for (const t of slq.nodes) expect(Math.min(Math.abs(t + 1), Math.abs(t - 2))).toBeLessThan(1e-10);
    const massAtMinusOne = sum(slq.weights.filter((_, j) => Math.abs(slq.nodes[j]! + 1) < 0.1));
    // ‖P v‖² for a half-dimensional projector has standard deviation ≈ √(1/(2(n+2))) per probe.
    expectClose(massAtMinusOne, 0.5, 4 * Math.sqrt(1 / (2 * (n + 2)) / probes), 'mass near −1');
  });

  it('recovers the semicircle density 1/π at 0 for a GOE matrix (n = 400)', () => {
    const n = 400;
    const slq = stochasticLanczosQuadrature(denseOperator(goeMatrix(n, createRng(5)), n), n, { probes: 10, steps: 60, rng: createRng(6) });
    const [atZero] = densityOnGrid(slq.nodes, slq.weights, [0], 0.1);
    // Smoothing √(4 − x²)/(2π) with σ = 0.1 lowers the peak by about σ²/8 · (1/π)… negligibly (≈ 0.001).
    expectClose(atZero!, 1 / Math.PI, 0.03, 'density at 0');
  });
});

describe('densityOnGrid', () => {
  it('is a sum of Gaussians: peak 1/(σ√(2π)) at a single node, and total mass 1', () => {
    const sigma = 0.25;
    expectClose(densityOnGrid([1], [1], [1], sigma)[0]!, 1 / (sigma * Math.sqrt(2 * Math.PI)), 1e-15);
    const grid = Array.from({ length: 2001 }, (_, i) => -5 + i * 0.005);
    const phi = densityOnGrid([-1, 0.5, 2], [0.2, 0.3, 0.5], grid, sigma);
    expectClose(sum(phi) * 0.005, 1, 1e-9, 'integral');
  });
});
