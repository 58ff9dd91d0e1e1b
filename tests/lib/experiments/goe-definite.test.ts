import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import {
  batchSeed,
  deanMajumdar,
  exactPositiveDefinite,
  goeDefinite,
  goeStats,
  initialSamples,
  INITIAL_BUDGET,
  mergeCounts,
  wilsonInterval,
  type GoeDefiniteResult,
} from '../../../src/lib/experiments/goe-definite.ts';
import { goeMatrix } from '../../../src/lib/linalg/random-matrix.ts';
import { isPositiveDefinite } from '../../../src/lib/linalg/cholesky.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';

/** Γ(x) for x a positive multiple of 1/2. */
function gammaHalf(x: number): number {
  let g = Number.isInteger(x) ? 1 : Math.sqrt(Math.PI);
  for (let t = Number.isInteger(x) ? 1 : 0.5; t < x; t++) g *= t;
  return g;
}

/**
 * P(all eigenvalues of an N×N GOE matrix > 0) from the joint eigenvalue density ∝ |Δ(λ)| e^(−Σλ²/2) (scale-free, so
 * any GOE variance will do): the positive-orthant integral by the midpoint rule, over Mehta's closed-form total
 * ∫ |Δ| e^(−Σλ²/2) dλ = (2π)^(N/2) ∏_{j ≤ N} Γ(1 + j/2)/Γ(3/2). Independent of the sampler and of the derivation in the code.
 */
function orthantProbability(N: 2 | 3, h: number, L = 8.5): number {
  const m = Math.round(L / h),
    xs = Array.from({ length: m }, (_, i) => (i + 0.5) * h),
    w = xs.map((x) => Math.exp((-x * x) / 2));
  let s = 0;
  if (N === 2) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) s += Math.abs(xs[i]! - xs[j]!) * w[i]! * w[j]!;
  else {
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        const dij = Math.abs(xs[i]! - xs[j]!) * w[i]! * w[j]!;
        for (let k = 0; k < m; k++) s += dij * Math.abs(xs[i]! - xs[k]!) * Math.abs(xs[j]! - xs[k]!) * w[k]!;
      }
  }
  let total = (2 * Math.PI) ** (N / 2);
  for (let j = 1; j <= N; j++) total *= gammaHalf(1 + j / 2) / gammaHalf(1.5);
  return (s * h ** N) / total;
}

/** Asserts k of K lies within `sigmas` binomial standard deviations of p. */
function expectBinomial(k: number, K: number, p: number, sigmas = 4.5) {
  const sd = Math.sqrt((p * (1 - p)) / K);
  expect(Math.abs(k / K - p), `${k}/${K} = ${k / K} vs p = ${p} (sd ${sd})`).toBeLessThanOrEqual(sigmas * sd);
}

describe('exact positive-definite probabilities of GOE matrices', () => {
  it('are 1/2 for n = 1 and (2 − √2)/4 for n = 2, which quadrature of the eigenvalue density confirms', () => {
    expect(exactPositiveDefinite(1)).toBe(0.5);
    expect(exactPositiveDefinite(2)).toBeCloseTo(0.1464466094, 9);
    expect(orthantProbability(2, 0.005)).toBeCloseTo((2 - Math.SQRT2) / 4, 4);
    expect(exactPositiveDefinite(3)).toBeNull();
  });

  it('are matched by goeMatrix + Cholesky sampling within binomial bands for n = 1, 2, 3 (fixed seed)', () => {
    const rng = createRng(2024);
    const K = 100_000;
    const p3 = orthantProbability(3, 0.05);
    expect(p3).toBeGreaterThan(0.02);
    expect(p3).toBeLessThan(0.035);
    for (const [n, p] of [
      [1, 0.5],
      [2, (2 - Math.SQRT2) / 4],
      [3, p3],
    ] as const) {
      let k = 0;
      for (let s = 0; s < K; s++) if (isPositiveDefinite(goeMatrix(n, rng), n)) k++;
      expectBinomial(k, K, p);
    }
  });
});

describe('the goe-definite experiment', () => {
  it('samples every n from 1 to maxN and agrees with the exact values for n = 1 and 2', async () => {
    const r = (await runExperiment({ id: 'goe-definite', config: { maxN: 6, samples: 20_000 }, seed: 7 })) as GoeDefiniteResult;
    expect(r.rows.map((x) => x.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.rows.every((x) => x.samples === 20_000)).toBe(true);
    expectBinomial(r.rows[0]!.positiveDefinite, 20_000, 0.5);
    expectBinomial(r.rows[1]!.positiveDefinite, 20_000, (2 - Math.SQRT2) / 4);
    // The fraction can only fall as n grows (a PD matrix's leading (n−1)×(n−1) block is PD): allow for noise.
    for (let i = 1; i < 6; i++) expect(r.rows[i]!.positiveDefinite).toBeLessThanOrEqual(r.rows[i - 1]!.positiveDefinite + 30);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('is reproducible from the seed, and different seeds give different counts', async () => {
    const run = (seed: number) => runExperiment({ id: 'goe-definite', config: { maxN: 4, samples: 3000 }, seed });
    expect(await run(11)).toEqual(await run(11));
    expect(await run(11)).not.toEqual(await run(12));
  });

  it('reports partial counts as it goes, and stops with an AbortError when cancelled', async () => {
    const partials: GoeDefiniteResult[] = [];
    const r = await goeDefinite.run(
      { maxN: 5, samples: 500 },
      { rng: createRng(1), onProgress: (p) => partials.push(p.partial as GoeDefiniteResult) },
    );
    expect(partials.length).toBeGreaterThanOrEqual(5);
    expect(partials[0]!.rows.length).toBe(1);
    expect(partials.at(-1)).toEqual(r);
    const controller = new AbortController();
    const run = goeDefinite.run(
      { maxN: 30, samples: 1_000_000 },
      { rng: createRng(1), signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });

  it('rejects a config outside the limits, naming the field', async () => {
    await expect(runExperiment({ id: 'goe-definite', config: { maxN: 41 }, seed: 1 })).rejects.toThrow(/maxN/);
    await expect(runExperiment({ id: 'goe-definite', config: { samples: 0 }, seed: 1 })).rejects.toThrow(/samples/);
  });
});

describe('counts, intervals and batches', () => {
  it("gives Wilson's interval: 5 of 20 → [0.1119, 0.4687]", () => {
    const [lo, hi] = wilsonInterval(5, 20);
    expect(lo).toBeCloseTo(0.1119, 4);
    expect(hi).toBeCloseTo(0.4687, 4);
  });

  it('reports 0 of K as the rule-of-three bound [0, 3/K], and carries exact and asymptotic references', () => {
    const [s1, s5] = goeStats([
      { n: 1, samples: 1000, positiveDefinite: 480 },
      { n: 5, samples: 2000, positiveDefinite: 0 },
    ]);
    expect(s5!.zero).toBe(true);
    expect(s5!.upper).toBe(3 / 2000);
    expect(s5!.lower).toBe(0);
    expect(s1!.fraction).toBe(0.48);
    expect(s1!.lower).toBeLessThan(0.48);
    expect(s1!.upper).toBeGreaterThan(0.48);
    expect(s1!.exact).toBe(0.5);
    // Dean & Majumdar: exp(−(ln 3)/4 · n²) = 3^(−n²/4).
    expect(s5!.asymptotic).toBeCloseTo(3 ** (-25 / 4), 15);
    expect(deanMajumdar(2)).toBeCloseTo(1 / 3, 15);
  });

  it('adds batches n by n, and derives distinct seeds for distinct batches', () => {
    const merged = mergeCounts(
      [
        { n: 1, samples: 10, positiveDefinite: 4 },
        { n: 2, samples: 10, positiveDefinite: 1 },
      ],
      [
        { n: 1, samples: 5, positiveDefinite: 3 },
        { n: 3, samples: 5, positiveDefinite: 0 },
      ],
    );
    expect(merged).toEqual([
      { n: 1, samples: 15, positiveDefinite: 7 },
      { n: 2, samples: 10, positiveDefinite: 1 },
      { n: 3, samples: 5, positiveDefinite: 0 },
    ]);
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let b = 0; b < 50; b++) seeds.add(batchSeed(seed, b));
    expect(seeds.size).toBe(1000);
  });

  it('keeps the first batch within its budget of normals', () => {
    expect(initialSamples(12, 2000)).toBe(2000);
    const s = initialSamples(40, 1_000_000);
    expect((s * (40 * 41 * 81)) / 6).toBeLessThanOrEqual(INITIAL_BUDGET);
    expect(s).toBeGreaterThan(0);
  });
});
