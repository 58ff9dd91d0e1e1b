import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import {
  makeReluTeacher,
  makeTeacherDataset,
  orthonormalRows,
  reluSumTeacher,
  type ReluTeacherParams,
} from '../../../src/lib/data/teacher.ts';

const base: ReluTeacherParams = { n: 200, inputDim: 8, hiddenUnits: 5, weights: 'identity', noise: 0, seed: 1 };

describe('makeTeacherDataset', () => {
  it('labels N×d Gaussian inputs with any teacher and reads the output width off its result', () => {
    // A two-output linear teacher: y = (x₀ + x₁, x₀ − x₁).
    const teacher = (x: Float32Array, n: number) => {
      const y = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        y[2 * i] = x[3 * i]! + x[3 * i + 1]!;
        y[2 * i + 1] = x[3 * i]! - x[3 * i + 1]!;
      }
      return y;
    };
    const ds = makeTeacherDataset({ n: 10, inputDim: 3 }, teacher, createRng(4));
    expect([ds.n, ds.inputDim, ds.outputDim, ds.task]).toEqual([10, 3, 2, 'regression']);
    expect(ds.inputs).toHaveLength(30);
    expect(ds.targets[2 * 7]).toBeCloseTo(ds.inputs[21]! + ds.inputs[22]!, 6);
    expect(ds.targets[2 * 7 + 1]).toBeCloseTo(ds.inputs[21]! - ds.inputs[22]!, 6);
  });

  it('draws inputs with mean 0 and variance 1 in every coordinate', () => {
    const d = 4,
      n = 20_000;
    const ds = makeTeacherDataset({ n, inputDim: d }, (_x, m) => new Float32Array(m), createRng(8));
    for (let l = 0; l < d; l++) {
      let s = 0,
        s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = ds.inputs[i * d + l]!;
        s += v;
        s2 += v * v;
      }
      expect(Math.abs(s / n)).toBeLessThan(0.04);
      expect(s2 / n).toBeGreaterThan(0.96);
      expect(s2 / n).toBeLessThan(1.04);
    }
  });

  it('rejects a teacher whose output length is not a multiple of N', () => {
    expect(() => makeTeacherDataset({ n: 4, inputDim: 2 }, () => new Float32Array(6), createRng(0))).toThrow(
      /returned 6 values for 4 samples/,
    );
  });
});

describe('reluSumTeacher', () => {
  it('computes y = Σ_j ReLU(w_jᵀx) with output weights 1', () => {
    // W = [[1, 0], [1, −1]]: at x = (2, 3), ReLU(2) + ReLU(−1) = 2; at x = (−1, −4), ReLU(−1) + ReLU(3) = 3.
    const teacher = reluSumTeacher(new Float64Array([1, 0, 1, -1]), 2, 2);
    expect(Array.from(teacher(new Float32Array([2, 3, -1, -4]), 2))).toEqual([2, 3]);
  });
});

describe('orthonormalRows', () => {
  it('gives e_1 … e_k without a generator', () => {
    expect(Array.from(orthonormalRows(2, 3))).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('gives rows of unit norm that are mutually orthogonal with a generator', () => {
    const k = 6,
      d = 9;
    const W = orthonormalRows(k, d, createRng(21));
    for (let p = 0; p < k; p++) {
      for (let q = 0; q < k; q++) {
        let dot = 0;
        for (let l = 0; l < d; l++) dot += W[p * d + l]! * W[q * d + l]!;
        expect(dot).toBeCloseTo(p === q ? 1 : 0, 12);
      }
    }
  });

  it('rejects k > d', () => {
    expect(() => orthonormalRows(4, 3)).toThrow(/1 ≤ k ≤ d/);
  });
});

describe('makeReluTeacher (Safran & Shamir 2018)', () => {
  it('labels x with Σ_{j<k} ReLU(x_j) for the identity teacher', () => {
    const ds = makeReluTeacher(base);
    expect([ds.n, ds.inputDim, ds.outputDim, ds.hiddenUnits]).toEqual([200, 8, 1, 5]);
    for (let i = 0; i < ds.n; i++) {
      let y = 0;
      for (let j = 0; j < 5; j++) y += Math.max(0, ds.inputs[i * 8 + j]!);
      expect(ds.targets[i]).toBeCloseTo(y, 5);
    }
  });

  it('has mean output k/√(2π), since E[ReLU(z)] = 1/√(2π) for z ~ N(0, 1) and each w_jᵀx is N(0, 1)', () => {
    for (const weights of ['identity', 'random'] as const) {
      const ds = makeReluTeacher({ ...base, n: 40_000, weights, seed: 2 });
      const mean = ds.targets.reduce((s, y) => s + y, 0) / ds.n;
      expect(mean).toBeCloseTo(5 / Math.sqrt(2 * Math.PI), 1);
    }
  });

  it('is deterministic for a seed, and a seed gives the same inputs for both weight choices', () => {
    const a = makeReluTeacher({ ...base, weights: 'random' });
    const b = makeReluTeacher({ ...base, weights: 'random' });
    const c = makeReluTeacher({ ...base, weights: 'identity' });
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
    expect(a.teacherWeights).toEqual(b.teacherWeights);
    expect(a.inputs).toEqual(c.inputs);
    expect(a.targets).not.toEqual(c.targets);
    expect(makeReluTeacher({ ...base, seed: 2 }).inputs).not.toEqual(c.inputs);
  });

  it('cites Safran & Shamir in its source', () => {
    expect(makeReluTeacher(base).source).toMatch(/Safran & Shamir.*1712\.08968/);
  });
});
