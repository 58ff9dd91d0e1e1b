import { describe, expect, it } from 'vitest';
import { spectrumBins } from '../../../src/lib/landscape/spectrum-bins.ts';
import { classifyPoint } from '../../../src/lib/landscape/classify.ts';

describe('spectrumBins', () => {
  it('puts exactly the eigenvalues classifyPoint calls zero into the zero bin, and the rest by sign', () => {
    const eig = [-0.3, -2e-3, -5e-6, 0, 1e-6, 4e-5, 0.02, 0.5, 7, 31];
    const c = classifyPoint(eig, 0);
    const bins = spectrumBins(eig, c.zeroTol);
    const zero = bins.find((b) => b.sign === 0)!;
    expect(zero).toEqual({ lo: -c.zeroTol, hi: c.zeroTol, count: c.zero, sign: 0 });
    expect(bins.filter((b) => b.sign > 0).reduce((a, b) => a + b.count, 0)).toBe(c.positive);
    expect(bins.filter((b) => b.sign < 0).reduce((a, b) => a + b.count, 0)).toBe(c.negative);
  });

  it('uses half-decade edges 10^(k/2) beyond the tolerance, ordered, contiguous and covering every eigenvalue', () => {
    const eig = [-0.05, 0.002, 0.3, 0.31, 12];
    const bins = spectrumBins(eig, 1e-3);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.lo).toBeCloseTo(bins[i - 1]!.hi, 15);
    expect(bins[0]!.lo).toBeLessThanOrEqual(-0.05);
    expect(bins.at(-1)!.hi).toBeGreaterThanOrEqual(12);
    // (0.001, 10^-2.5], (10^-2.5, 0.01], …, (10^1, 10^1.5]
    expect(bins.filter((b) => b.sign > 0).map((b) => b.hi)).toEqual(
      [10 ** -2.5, 1e-2, 10 ** -1.5, 1e-1, 10 ** -0.5, 1, 10 ** 0.5, 10, 10 ** 1.5].map((v) => expect.closeTo(v, 12)),
    );
    const at = (v: number) => bins.find((b) => (v > 0 ? v > b.lo && v <= b.hi : v >= b.lo && v < b.hi))!.count;
    expect(at(0.3)).toBe(2); // 0.3 and 0.31 share (0.1, 0.316]
    expect(at(12)).toBe(1);
    expect(at(-0.05)).toBe(1);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(eig.length);
  });

  it('has only the zero bin when every eigenvalue is within the tolerance, and refuses a non-positive tolerance', () => {
    expect(spectrumBins([0, 1e-9, -1e-9], 1e-5)).toEqual([{ lo: -1e-5, hi: 1e-5, count: 3, sign: 0 }]);
    expect(() => spectrumBins([1], 0)).toThrow(/zeroTol must be positive/);
  });
});
