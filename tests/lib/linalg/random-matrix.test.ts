import { describe, expect, it } from 'vitest';
import { goeMatrix, randomOrthogonal, symmetricWithSpectrum } from '../../../src/lib/linalg/random-matrix.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { expectClose, orthonormalityError } from './asserts.ts';

describe('randomOrthogonal', () => {
  it('is orthogonal to working precision and reproducible from the seed', () => {
    const Q = randomOrthogonal(50, createRng(1));
    expect(orthonormalityError(Q, 50, 50)).toBeLessThan(1e-14);
    expect(Array.from(randomOrthogonal(5, createRng(2)))).toEqual(Array.from(randomOrthogonal(5, createRng(2))));
  });

  it('is Haar for n = 3: every entry is a coordinate of a uniform point on the sphere, so uniform on [−1, 1] (Archimedes)', () => {
    const rng = createRng(30);
    const bins = [0, 0, 0, 0],
      trials = 20000;
    for (let t = 0; t < trials; t++) {
      const Q = randomOrthogonal(3, rng);
      for (const v of [Q[0]!, Q[4]!, Q[8]!, Q[5]!]) bins[Math.min(3, Math.floor((v + 1) * 2))]!++;
    }
    for (const b of bins) expectClose(b / (4 * trials), 0.25, 0.015, 'share of entries in a quarter of [−1, 1]');
  });

  it('is Haar: an entry of a 4×4 has mean 0 and variance 1/4, and the determinant is ±1 with equal odds', () => {
    const rng = createRng(3);
    let s = 0,
      s2 = 0,
      positive = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const Q = randomOrthogonal(2, rng);
      const x = randomOrthogonal(4, rng)[5]!;
      s += x;
      s2 += x * x;
      if (Q[0]! * Q[3]! - Q[1]! * Q[2]! > 0) positive++;
    }
    expectClose(s / trials, 0, 0.03, 'mean of an entry');
    expectClose(s2 / trials, 0.25, 0.02, 'variance of an entry');
    expectClose(positive / trials, 0.5, 0.03, 'share of rotations');
  });
});

describe('symmetricWithSpectrum', () => {
  it('has the trace Σλ and Frobenius norm² Σλ² of its spectrum, and is exactly symmetric', () => {
    const lambda = [-3, -3, 0, 0, 0, 1.5, 4];
    const n = lambda.length;
    const A = symmetricWithSpectrum(lambda, createRng(4));
    let tr = 0,
      fro = 0;
    for (let i = 0; i < n; i++) {
      tr += A[i * n + i]!;
      for (let j = 0; j < n; j++) {
        fro += A[i * n + j]! ** 2;
        expect(A[i * n + j]).toBe(A[j * n + i]);
      }
    }
    expectClose(tr, -0.5, 1e-13, 'trace');
    expectClose(fro, 9 + 9 + 2.25 + 16, 1e-12, 'Frobenius²');
  });
});

describe('goeMatrix', () => {
  it('for n = 400 has second moment ≈ 1, support ≈ [−2, 2] and 61% of eigenvalues in [−1, 1] (semicircle)', () => {
    const n = 400;
    const { values } = symmetricEigen(goeMatrix(n, createRng(5)), n);
    const m2 = values.reduce((s, v) => s + v * v, 0) / n;
    expectClose(m2, 1 + 1 / n, 0.03, 'second moment (1/n) Σ λ²'); // sd ≈ 2/n
    expectClose(values[n - 1]!, 2, 0.15, 'largest eigenvalue'); // Tracy–Widom scale n^(−2/3) ≈ 0.02
    expectClose(values[0]!, -2, 0.15, 'smallest eigenvalue');
    // ∫_{−1}^{1} √(4 − x²)/(2π) dx = (√3 + 2π/3)/(2π) ≈ 0.6090.
    const inner = values.filter((v) => Math.abs(v) <= 1).length / n;
    expectClose(inner, (Math.sqrt(3) + (2 * Math.PI) / 3) / (2 * Math.PI), 0.03, 'fraction in [−1, 1]');
  });

  it('is symmetric with off-diagonal variance 1/n and diagonal variance 2/n', () => {
    const n = 300;
    const A = goeMatrix(n, createRng(6));
    let off = 0,
      diag = 0;
    for (let i = 0; i < n; i++) {
      diag += A[i * n + i]! ** 2;
      for (let j = 0; j < i; j++) {
        expect(A[i * n + j]).toBe(A[j * n + i]);
        off += A[i * n + j]! ** 2;
      }
    }
    expectClose((off / ((n * (n - 1)) / 2)) * n, 1, 0.02, 'n × off-diagonal variance');
    expectClose(diag, 2, 0.5, 'n × diagonal variance'); // sd ≈ √(8/n) ≈ 0.16
  });
});
