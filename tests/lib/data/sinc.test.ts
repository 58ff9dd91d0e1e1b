import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import { makeSinc, sinc, type SincParams } from '../../../src/lib/data/sinc.ts';

const base: SincParams = { n: 61, range: 3, noise: 0, sampling: 'grid', seed: 0 };

describe('sinc', () => {
  it('is 1 at 0, 0 at every other integer, and 2/π at ±1/2', () => {
    expect(sinc(0)).toBe(1);
    for (const k of [-3, -2, -1, 1, 2, 3]) expect(Math.abs(sinc(k))).toBeLessThan(1e-15);
    expect(sinc(0.5)).toBeCloseTo(2 / Math.PI, 15);
    expect(sinc(-0.5)).toBeCloseTo(2 / Math.PI, 15);
  });

  it('is continuous at 0: sinc(x) ≈ 1 − (πx)²/6 for tiny x', () => {
    const x = 1e-4;
    expect(sinc(x)).toBeCloseTo(1 - (Math.PI * x) ** 2 / 6, 14);
  });
});

describe('makeSinc', () => {
  it('puts a noiseless grid of n points from −a to a, both ends included, with y = sin(πx)/(πx)', () => {
    const ds = makeSinc(base);
    expect([ds.n, ds.inputDim, ds.outputDim, ds.task]).toEqual([61, 1, 1, 'regression']);
    expect(ds.inputs[0]).toBe(-3);
    expect(ds.inputs[60]).toBe(3);
    expect(ds.inputs[30]).toBe(0);
    expect(ds.targets[30]).toBe(1);
    for (let i = 0; i < ds.n; i++) {
      const x = -3 + (6 * i) / 60;
      expect(ds.inputs[i]).toBeCloseTo(x, 6);
      expect(ds.targets[i]).toBeCloseTo(x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x), 6);
    }
  });

  it('draws uniform x inside [−a, a) and gives the same set for the same seed', () => {
    const params: SincParams = { ...base, n: 500, range: 2, sampling: 'uniform', noise: 0.1, seed: 11 };
    const a = makeSinc(params),
      b = makeSinc(params),
      c = makeSinc({ ...params, seed: 12 });
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).toEqual(b.targets);
    expect(a.inputs).not.toEqual(c.inputs);
    for (const x of a.inputs) {
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThanOrEqual(2);
    }
  });

  it('uses the generator it is given instead of the seed, and draws x before the noise', () => {
    const params: SincParams = { ...base, n: 100, sampling: 'uniform', noise: 0.2, seed: 999 };
    const a = makeSinc(params, createRng(5));
    const b = makeSinc({ ...params, noise: 0 }, createRng(5));
    expect(a.inputs).toEqual(b.inputs);
    expect(a.targets).not.toEqual(b.targets);
    expect(a.inputs).toEqual(makeSinc({ ...params, seed: 5 }).inputs);
  });

  it('adds Gaussian noise with mean 0 and standard deviation σ', () => {
    const sigma = 0.3;
    const ds = makeSinc({ ...base, n: 40_000, noise: sigma, seed: 3 });
    let s = 0,
      s2 = 0;
    for (let i = 0; i < ds.n; i++) {
      const r = ds.targets[i]! - sinc(ds.inputs[i]!);
      s += r;
      s2 += r * r;
    }
    const mean = s / ds.n;
    const sd = Math.sqrt(s2 / ds.n - mean * mean);
    expect(Math.abs(mean)).toBeLessThan((5 * sigma) / Math.sqrt(ds.n));
    expect(sd).toBeGreaterThan(sigma * 0.98);
    expect(sd).toBeLessThan(sigma * 1.02);
  });

  it('puts a single grid point at 0', () => {
    const ds = makeSinc({ ...base, n: 1 });
    expect(Array.from(ds.inputs)).toEqual([0]);
    expect(Array.from(ds.targets)).toEqual([1]);
  });

  it('rejects n < 1, a non-positive range and NaN noise', () => {
    expect(() => makeSinc({ ...base, n: 0 })).toThrow(/n must be/);
    expect(() => makeSinc({ ...base, range: 0 })).toThrow(/range/);
    expect(() => makeSinc({ ...base, noise: Number.NaN })).toThrow(/noise/);
  });
});
