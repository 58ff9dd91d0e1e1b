import { describe, expect, it } from 'vitest';
import { hutchinsonTrace } from '../../../src/lib/linalg/hutchinson.ts';
import { symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { denseOperator } from './dense-operator.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

describe('hutchinsonTrace', () => {
  const n = 100;
  const lambda = Array.from({ length: n }, (_, i) => Math.cos(i) * 2 + 0.5);
  const trace = lambda.reduce((s, v) => s + v, 0);
  const A = symmetricWithSpectrum(lambda, createRng(1));
  // Var[zᵀAz] = 2 Σ_{i≠j} A_ij² for Rademacher z.
  let off = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += A[i * n + j]! ** 2;
  const sd = Math.sqrt(2 * off);

  it('estimates the trace of a matrix with known spectrum within 4 standard errors', () => {
    const r = hutchinsonTrace(denseOperator(A, n), n, { probes: 400, rng: createRng(2) });
    expect(r.probes).toBe(400);
    expect(Math.abs(r.estimate - trace)).toBeLessThan(4 * r.standardError);
  });

  it('has a standard error that shrinks like 1/√probes and matches √(2Σ_{i≠j}A_ij² / probes)', () => {
    const small = hutchinsonTrace(denseOperator(A, n), n, { probes: 100, rng: createRng(3) });
    const large = hutchinsonTrace(denseOperator(A, n), n, { probes: 1600, rng: createRng(4) });
    expect(small.standardError / large.standardError).toBeGreaterThan(4 * 0.8);
    expect(small.standardError / large.standardError).toBeLessThan(4 * 1.25);
    expect(large.standardError / (sd / Math.sqrt(1600))).toBeGreaterThan(0.85);
    expect(large.standardError / (sd / Math.sqrt(1600))).toBeLessThan(1.15);
  });

  it('is exact, with zero standard error, for a diagonal matrix', () => {
    const D = new Float64Array(9);
    D[0] = 1;
    D[4] = -2;
    D[8] = 7.5;
    const r = hutchinsonTrace(denseOperator(D, 3), 3, { probes: 5, rng: createRng(5) });
    expect(r.estimate).toBe(6.5);
    expect(r.standardError).toBe(0);
  });

  it('needs at least two probes', () => {
    expect(() => hutchinsonTrace(denseOperator(A, n), n, { probes: 1, rng: createRng(6) })).toThrow(/probes/);
  });
});
