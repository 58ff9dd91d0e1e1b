// Dynamics near the saddle ½(λ₁x₁² + λ₂x₂²): simulations against the closed forms of flow, descent and heavy ball.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import {
  escapeRate,
  escapeSweep,
  flowEscapeTime,
  flowPoint,
  gdEscapeSteps,
  dynamicsScene,
  logSpace,
  maxStableLr,
  meanNoisyEscapeSteps,
  momentumEscapeSteps,
  momentumRoots,
  noisyEscapes,
  simulate,
  stableConverges,
  stableRegime,
  NOISE_RUNS,
  type DynamicsState,
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
      expect(r.gd).toEqual({ kind: 'escaped', steps: r.gdClosedForm });
      expect(r.momentum).toEqual({ kind: 'escaped', steps: r.momentumClosedForm });
      expect(r.momentumClosedForm).toBeLessThan(r.gdClosedForm);
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
    expect(means[0]!.mean!).toBeGreaterThan(means[1]!.mean!);
    expect(means[1]!.mean!).toBeGreaterThan(means[2]!.mean!);
  });
  it('is reproducible from the seed', () => {
    const a = simulate(noisy(1e-3), [1, 0], createRng(5));
    const b = simulate(noisy(1e-3), [1, 0], createRng(5));
    expect(a.points).toEqual(b.points);
  });
});

describe('the edge of stability on x₁', () => {
  it('is ηλ₁ = 2 for descent and 2(1 + β) for heavy ball: converges inside, oscillates on it, diverges beyond', () => {
    // Products that are exactly 2 in float64 and one that is 2 only up to rounding (0.7 · 20/7).
    for (const [lr, l1] of [
      [2, 1],
      [0.2, 10],
      [0.4, 5],
      [0.7, 20 / 7],
    ] as const)
      expect(stableRegime(l1, lr, 0), `η = ${lr}, λ₁ = ${l1}`).toBe('oscillates');
    expect(stableRegime(1, 1.99999, 0)).toBe('converges');
    expect(stableRegime(1, 2.00001, 0)).toBe('diverges');
    expect(stableRegime(2, 1.9, 0.9)).toBe('oscillates'); // ηλ₁ = 3.8 = 2(1 + 0.9)
    expect(stableRegime(1, 3, 0.5)).toBe('oscillates');
    expect(stableRegime(1, 2.99999, 0.5)).toBe('converges');
    expect(stableRegime(1, 3.00001, 0.5)).toBe('diverges');
    // Inside the edge both roots are in the unit circle, beyond it one is outside: the roots agree with the regime.
    for (const beta of [0, 0.3, 0.9])
      for (const s of [0.5, 1.9, 2.5, 3.5, 4]) expect(momentumRoots(1, s, beta)[0].abs < 1).toBe(stableRegime(1, s, beta) === 'converges');
  });

  it('matches the simulation: on the edge |x₁| keeps its size forever, inside it shrinks, beyond it grows', () => {
    const on = simulate({ ...base, lr: 2, radius: 1e9, maxSteps: 2000 }, [1, 0]);
    expect(on.outcome).toBe('max-steps');
    on.points.forEach(([a], k) => expect(a).toBe(k % 2 === 0 ? 1 : -1));
    const inside = simulate({ ...base, lr: 1.999, radius: 1e9, maxSteps: 2000 }, [1, 0]);
    expect(Math.abs(inside.points.at(-1)![0])).toBeCloseTo(0.999 ** 2000, 9); // ≈ 0.135, shrinking
    const beyond = simulate({ ...base, lr: 2.001, radius: 1e9, maxSteps: 2000 }, [1, 0]);
    expect(Math.abs(beyond.points.at(-1)![0]) / 1.001 ** 2000).toBeCloseTo(1, 9); // ≈ 7.4, growing
    // Heavy ball on its edge ηλ₁ = 2(1 + β): roots −1 and −β, so x₁ settles to a constant amplitude.
    const mom = simulate({ ...base, lr: 3, beta: 0.5, radius: 1e9, maxSteps: 400 }, [1, 0]);
    const tail = mom.points.slice(-50).map(([a]) => Math.abs(a));
    for (const a of tail) expect(a).toBeCloseTo(tail[0]!, 9);
    expect(tail[0]).toBeGreaterThan(0.1);
  });
});

describe('heavy ball closed form', () => {
  it('gives the simulated escape step exactly, for many ε, η, β and λ₂', () => {
    for (const eps of [1e-12, 3e-7, 1e-3, 0.2])
      for (const lr of [0.01, 0.1, 0.5])
        for (const beta of [0, 0.3, 0.9])
          for (const lambda2 of [-0.2, -1, -3]) {
            const sim = simulate({ ...base, lr, beta, lambda2, radius: 1 }, [0.5, eps]);
            expect(sim.outcome).toBe('escaped');
            expect(sim.steps, `ε ${eps} η ${lr} β ${beta} λ₂ ${lambda2}`).toBe(momentumEscapeSteps(eps, lambda2, lr, beta, 1));
          }
    expect(momentumEscapeSteps(0, -0.5, 0.1, 0.9, 1)).toBe(Infinity);
    // A tiny ε: the count matches the simulation (x₂ grows ×1.2 per step).
    const sim = simulate({ ...base, beta: 0.9, maxSteps: 10_000 }, [1, 1e-300], undefined, false);
    expect(sim.outcome).toBe('escaped');
    expect(momentumEscapeSteps(1e-300, -0.5, 0.1, 0.9, 1)).toBe(sim.steps);
    // The smallest float64, where a simulation stalls in subnormal rounding: the formula (in logs) still counts,
    // within a step of ln(1/ε)/ln z₁ plus the start-up offset ln(1/a)/ln z₁ it has at every ε.
    const offset = momentumEscapeSteps(1e-300, -0.5, 0.1, 0.9, 1) - Math.log(1e300) / Math.log(1.2);
    const k = momentumEscapeSteps(5e-324, -0.5, 0.1, 0.9, 1);
    expect(Math.abs(k - (-Math.log(5e-324) / Math.log(1.2) + offset))).toBeLessThan(1.5);
  });
});

describe('the scene a reader sees', () => {
  const st: DynamicsState = { lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0.9, sigma: 0, epsilon: 1e-3, seed: 1 };
  const scene = (over: Partial<DynamicsState>, cap = 5000) => dynamicsScene({ ...st, ...over }, [1e-8, 1e-1], cap, 5);

  it('starts exactly on the stable direction: never escapes without noise, and noise moves it off', () => {
    const sc = scene({ epsilon: 0 });
    expect(sc.gdEscape).toEqual({ kind: 'never' });
    expect(sc.momentumEscape).toEqual({ kind: 'never' });
    expect(sc.gdClosedForm).toBe(Infinity);
    const noisy = scene({ epsilon: 0, sigma: 1e-3 });
    expect(noisy.noisyStats!.escaped).toBe(NOISE_RUNS);
    expect(noisy.noisyStats!.mean).toBeGreaterThan(0);
  });

  it('tells a hit step cap from never: ε = 10⁻³⁰⁰ needs 14159 steps, past the cap of 5000', () => {
    const sc = scene({ epsilon: 1e-300 });
    expect(sc.gdEscape).toEqual({ kind: 'capped', cap: 5000 });
    expect(sc.gdClosedForm).toBe(Math.ceil(Math.log(1e300) / Math.log(1.05)));
    expect(sc.gdClosedForm).toBe(14159);
    // With a cap large enough the simulation reaches the closed form.
    expect(scene({ epsilon: 1e-300 }, 20_000).gdEscape).toEqual({ kind: 'escaped', steps: 14159 });
    expect(sc.momentumEscape).toEqual({ kind: 'escaped', steps: sc.momentumClosedForm });
  });

  it('counts an escape on the edge ηλ₁ = 2 (x₁ oscillates) and calls ηλ₁ > 2 divergence, not an escape', () => {
    const edge = scene({ lr: 2, lambda1: 1, beta: 0 });
    expect(edge.gdRegime).toBe('oscillates');
    expect(edge.stableFactor).toBe(-1);
    expect(edge.gdEscape).toEqual({ kind: 'escaped', steps: gdEscapeSteps(1e-3, -0.5, 2, 1) });
    expect(edge.sweep.every((r) => r.gd.kind === 'escaped')).toBe(true);
    const beyond = scene({ lr: 2.5 });
    expect(beyond.gdRegime).toBe('diverges');
    expect(beyond.gdEscape).toEqual({ kind: 'diverges' });
    expect(beyond.sweep.every((r) => r.gd.kind === 'diverges')).toBe(true);
    // Momentum β = 0.9 is still inside its edge 3.8 at ηλ₁ = 2.5, and escapes.
    expect(beyond.momentumRegime).toBe('converges');
    expect(beyond.momentumEscape.kind).toBe('escaped');
  });

  it('computes the sweep’s noisy column lazily, one ε at a time, to the same numbers as at once', () => {
    const eager = scene({ sigma: 0.01 });
    const lazy = dynamicsScene({ ...st, sigma: 0.01 }, [1e-8, 1e-1], 5000, 5, true);
    expect(lazy.sweep.every((r) => r.noisy === null)).toBe(true);
    expect([...lazy.pendingNoise!]).toEqual(eager.sweep.map((r) => r.noisy));
    expect({ ...lazy, sweep: null, pendingNoise: null }).toEqual({ ...eager, sweep: null, pendingNoise: null });
    expect(dynamicsScene(st, [1e-8, 1e-1], 5000, 5, true).pendingNoise).toBeNull();
  });

  it('draws the first of the noisy runs it averages, and averages exactly those runs', () => {
    const sc = scene({ sigma: 0.01 });
    const s = { lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0, sigma: 0.01, radius: 1, maxSteps: 5000 };
    const rng = createRng(1).fork();
    const runs = Array.from({ length: NOISE_RUNS }, () => simulate(s, [1, 1e-3], rng.fork(), false).steps);
    expect(sc.noisy!.steps).toBe(runs[0]);
    expect(sc.noisyStats!.mean).toBeCloseTo(runs.reduce((a, b) => a + b, 0) / NOISE_RUNS, 12);
    expect(noisyEscapes(s, [1, 1e-3], createRng(1).fork(), NOISE_RUNS).stats).toEqual(sc.noisyStats);
  });
});
