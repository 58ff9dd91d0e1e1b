// Dynamics near the saddle ½(λ₁x₁² + λ₂x₂²): simulations against the closed forms of flow, descent and heavy ball.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import {
  escapeRate,
  escapeSweep,
  flowEscapeTime,
  flowPoint,
  gdEscapeSteps,
  logSpace,
  maxStableLr,
  meanNoisyEscapeSteps,
  momentumRoots,
  simulate,
  stableConverges,
  type SaddleSettings,
} from '../../../src/lib/landscape/saddle-dynamics.ts';

const base: SaddleSettings = { lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0, sigma: 0, radius: 1, maxSteps: 100_000 };

describe('gradient flow', () => {
  it('solves ẋ = −Λx: each coordinate is x_i(0) e^{−λ_i t}', () => {
    const [a, b] = flowPoint(2, -0.5, [1, 1e-3], 3);
    expect(a).toBeCloseTo(Math.exp(-6), 14);
    expect(b).toBeCloseTo(1e-3 * Math.exp(1.5), 14);
  });
  it('reaches |x₂| = R at t = ln(R/ε)/|λ₂|, logarithmic in 1/ε', () => {
    const t = flowEscapeTime(1e-6, -0.5, 1);
    expect(t).toBeCloseTo(Math.log(1e6) / 0.5, 12);
    expect(Math.abs(flowPoint(1, -0.5, [1, 1e-6], t)[1])).toBeCloseTo(1, 10);
    // Halving ε adds the same time ln 2/|λ₂| whatever ε is.
    expect(flowEscapeTime(0.5e-9, -0.5, 1) - flowEscapeTime(1e-9, -0.5, 1)).toBeCloseTo(Math.log(2) / 0.5, 12);
    expect(flowEscapeTime(0, -0.5, 1)).toBe(Infinity);
  });
  it('is approached by gradient descent as η → 0 (kη → t)', () => {
    const t = flowEscapeTime(1e-4, -0.5, 1);
    const k = gdEscapeSteps(1e-4, -0.5, 1e-4, 1);
    expect(Math.abs(k * 1e-4 - t) / t).toBeLessThan(1e-3);
  });
});

describe('gradient descent', () => {
  it('takes exactly ⌈ln(R/ε)/ln(1 + η|λ₂|)⌉ steps to escape, for many ε, η, λ₂', () => {
    for (const eps of [1e-10, 3e-7, 1e-4, 0.02, 0.5])
      for (const lr of [0.01, 0.1, 0.7])
        for (const lambda2 of [-0.2, -1, -3]) {
          const s = { ...base, lr, lambda2 };
          const sim = simulate(s, [0.8, eps]);
          expect(sim.outcome).toBe('escaped');
          expect(sim.steps).toBe(gdEscapeSteps(eps, lambda2, lr, 1));
        }
    // The default of the widget: ε = 10⁻³, η = 0.1, λ₂ = −0.5: ln(1000)/ln(1.05) = 141.58 → 142.
    expect(gdEscapeSteps(1e-3, -0.5, 0.1, 1)).toBe(142);
  });
  it('multiplies each coordinate by 1 − ηλ_i per step', () => {
    const t = simulate({ ...base, maxSteps: 5, radius: 1e9 }, [1, 1e-3]);
    t.points.forEach(([a, b], k) => {
      expect(a).toBeCloseTo(0.9 ** k, 14);
      expect(b).toBeCloseTo(1e-3 * 1.05 ** k, 16);
    });
  });
  it('contracts the stable coordinate iff 0 < ηλ₁ < 2, and diverges otherwise', () => {
    expect(stableConverges(1, 1.99, 0)).toBe(true);
    expect(stableConverges(1, 2, 0)).toBe(false);
    expect(stableConverges(1, 2.5, 0)).toBe(false);
    expect(maxStableLr(1, 0)).toBe(2);
    // Started exactly on the stable direction: η λ₁ = 2.5 blows up, η λ₁ = 1.9 settles at the saddle.
    expect(simulate({ ...base, lr: 2.5, maxSteps: 1000 }, [1, 0]).outcome).toBe('diverged');
    const ok = simulate({ ...base, lr: 1.9, maxSteps: 1000 }, [1, 0]);
    expect(ok.outcome).toBe('max-steps');
    expect(Math.abs(ok.points.at(-1)![0])).toBeLessThan(1e-10);
    // With momentum the bound widens to ηλ₁ < 2(1 + β).
    expect(stableConverges(1, 2.5, 0.5)).toBe(true);
    expect(stableConverges(1, 3.01, 0.5)).toBe(false);
  });
  it('never leaves the stable direction from ε = 0 without noise', () => {
    const t = simulate({ ...base, maxSteps: 5000 }, [1, 0]);
    expect(t.outcome).toBe('max-steps');
    expect(t.points.every((p) => p[1] === 0)).toBe(true);
    expect(simulate({ ...base, beta: 0.9, maxSteps: 5000 }, [1, 0]).outcome).toBe('max-steps');
  });
});

describe('heavy-ball momentum', () => {
  it('has characteristic roots of z² − (1 + β − ηλ)z + β', () => {
    for (const [lambda, lr, beta] of [
      [-0.5, 0.1, 0.9],
      [1, 0.1, 0.5],
      [1, 1.5, 0.3],
      [-2, 0.05, 0],
    ] as const) {
      for (const r of momentumRoots(lambda, lr, beta)) {
        // Evaluate the polynomial at the complex root.
        const b = 1 + beta - lr * lambda;
        const re = r.re * r.re - r.im * r.im - b * r.re + beta;
        const im = 2 * r.re * r.im - b * r.im;
        expect(Math.hypot(re, im)).toBeLessThan(1e-12);
      }
    }
    expect(escapeRate(-0.5, 0.1, 0)).toBeCloseTo(1.05, 15);
    // The lecture's example: λ₂ = −0.5, η = 0.1, β = 0.9 has roots 1.2 and 0.75.
    const [big, small] = momentumRoots(-0.5, 0.1, 0.9);
    expect(big.re).toBeCloseTo(1.2, 14);
    expect(small.re).toBeCloseTo(0.75, 14);
  });
  it('escapes at the larger root, faster than 1 + η|λ₂|: the simulated growth ratio matches it', () => {
    for (const beta of [0.3, 0.6, 0.9]) {
      const rate = escapeRate(-0.5, 0.1, beta);
      expect(rate).toBeGreaterThan(1.05);
      const t = simulate({ ...base, beta, radius: 1e6, maxSteps: 400 }, [1, 1e-12]);
      const p = t.points;
      const ratio = p.at(-1)![1] / p.at(-2)![1];
      expect(Math.abs(ratio - rate) / rate).toBeLessThan(1e-9);
    }
  });
  it('takes fewer steps to escape than plain descent, at every ε', () => {
    const rows = escapeSweep({ ...base, beta: 0.9 }, logSpace(1e-8, 1e-1, 8), 1, createRng(1));
    for (const r of rows) {
      expect(r.gd).toBe(r.gdClosedForm);
      expect(r.momentum).toBeLessThan(r.gd);
    }
  });
});

describe('noise', () => {
  const noisy = (sigma: number) => ({ ...base, sigma, maxSteps: 20_000 });
  it('lets the iterate escape even from exactly on the stable direction', () => {
    const t = simulate(noisy(1e-4), [1, 0], createRng(7));
    expect(t.outcome).toBe('escaped');
    expect(t.steps).toBeLessThan(20_000);
    expect(() => simulate(noisy(1e-4), [1, 0])).toThrow(/rng/);
  });
  it('has a finite mean escape time from ε = 0 that falls as σ grows', () => {
    const means = [1e-8, 1e-5, 1e-2].map((sigma) => meanNoisyEscapeSteps(noisy(sigma), [1, 0], createRng(42), 16));
    for (const m of means) expect(m.escaped).toBe(16);
    expect(means[0]!.mean).toBeGreaterThan(means[1]!.mean);
    expect(means[1]!.mean).toBeGreaterThan(means[2]!.mean);
  });
  it('is reproducible from the seed', () => {
    const a = simulate(noisy(1e-3), [1, 0], createRng(5));
    const b = simulate(noisy(1e-3), [1, 0], createRng(5));
    expect(a.points).toEqual(b.points);
  });
});
