import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import {
  D1_BETTER_POINT,
  D1_LOCAL_MINIMUM,
  probeReluUnit,
  type DescendResult,
  type ProbeResult,
} from '../../../src/lib/experiments/relu-probe.ts';
import { analyzeReluUnit, descendReluUnit, reluUnitGradient, reluUnitHessian } from '../../../src/lib/models/relu-unit.ts';
import { createRng } from '../../../src/lib/random/rng.ts';

// Everything below is recomputed here in plain float64 from Eq. (1) of Swirszcz et al. (2016), not read from the code.
const D1 = [
  [-1, 3],
  [1, -3],
  [3, 0],
  [4, 1],
  [5, 2],
] as const;
const loss = ([w, b, v, c]: readonly number[]) => D1.reduce((s, [x, y]) => s + (v! * Math.max(0, w! * x + b!) + c! - y) ** 2, 0);

/** Central finite differences of `loss`: gradient and Hessian. */
const fdGradient = (t: readonly number[], h = 1e-6) =>
  t.map((_, i) => (loss(t.map((s, k) => s + (k === i ? h : 0))) - loss(t.map((s, k) => s - (k === i ? h : 0)))) / (2 * h));
function fdHessian(t: readonly number[], h = 1e-4): number[][] {
  const at = (di: number, dj: number, i: number, j: number) => loss(t.map((s, k) => s + (k === i ? di : 0) + (k === j ? dj : 0)));
  return t.map((_, i) => t.map((_, j) => (at(h, h, i, j) - at(h, -h, i, j) - at(-h, h, i, j) + at(-h, -h, i, j)) / (4 * h * h)));
}

/** det of a 4×4 matrix by cofactor expansion (independent of the eigensolver). */
function det(m: number[][]): number {
  if (m.length === 1) return m[0]![0]!;
  return m[0]!.reduce((s, a, j) => s + (j % 2 ? -1 : 1) * a * det(m.slice(1).map((r) => r.filter((_, k) => k !== j))), 0);
}
const shift = (H: number[][], l: number) => H.map((r, i) => r.map((a, j) => a - (i === j ? l : 0)));
/** 2 Σ JJᵀ: the Hessian where every residual of an active point is 0 (the rᵢ∇²fᵢ terms vanish). */
const gaussNewton = (Js: number[][]) => [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => Js.reduce((s, J) => s + 2 * J[i]! * J[j]!, 0)));

describe('one ReLU unit on D1 at the published local minimum (w, b, v, c) = (1, −3, 1, 0)', () => {
  const theta = [...D1_LOCAL_MINIMUM];
  const a = analyzeReluUnit(theta, D1);

  it('has L = 18: it outputs 0 at x = −1 and 1 (errors −3 and 3) and fits (3, 0), (4, 1), (5, 2) exactly', () => {
    expect(loss(theta)).toBe(18);
    expect(a.loss).toBe(18);
    expect(a.residuals).toEqual([-3, 3, 0, 0, 0]);
  });

  it('has zero gradient (also by finite differences: the kink point x = 3 has zero error, so L is C¹ there)', () => {
    expect(a.gradient).toEqual([0, 0, 0, 0]);
    // Central differences see the one-sided curvature as O(h): (9h² − 0)/(2h) = 4.5h for w. They shrink with h.
    for (const h of [1e-4, 1e-6]) for (const g of fdGradient(theta, h)) expect(Math.abs(g)).toBeLessThan(5 * h);
  });

  it('has x = 3 on the ReLU kink (w·3 + b = 0), so only one-sided Hessians, each matching finite differences on its side', () => {
    expect(a.kinks).toEqual([{ x: 3, residual: 0 }]);
    // Off side: x = 3 inactive. Active points x = 4, 5 have J = (x, 1, x − 3, 1); inactive ones J = (0, 0, 0, 1).
    const off = gaussNewton([
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [4, 1, 1, 1],
      [5, 1, 2, 1],
    ]);
    const on = gaussNewton([
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [3, 1, 0, 1],
      [4, 1, 1, 1],
      [5, 1, 2, 1],
    ]);
    expect(reluUnitHessian(theta, D1, 'off')).toEqual(off);
    expect(reluUnitHessian(theta, D1, 'on')).toEqual(on);
    // A nudge of b by ∓10⁻³ puts x = 3 on one side; a finite-difference step of 10⁻⁵ stays there.
    const near = (db: number) => fdHessian([1, -3 + db, 1, 0], 1e-5);
    for (const [H, side] of [
      [off, near(-1e-3)],
      [on, near(1e-3)],
    ] as const) {
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(side[i]![j]!).toBeCloseTo(H[i]![j]!, 1);
    }
  });

  it('has Hessian eigenvalues {0, 0.4552, 5.8153, 99.7295} (off side) and {0, 2, 4.4153, 119.5847} (on side), roots of det(H − λI)', () => {
    for (const [H, values] of [
      [reluUnitHessian(theta, D1, 'off'), a.eigenvalues],
      [reluUnitHessian(theta, D1, 'on'), a.eigenvaluesOn!],
    ] as const) {
      expect(values.reduce((s, l) => s + l, 0)).toBeCloseTo(
        H.reduce((s, r, i) => s + r[i]!, 0),
        9,
      );
      for (const l of values) expect(Math.abs(det(shift(H, l)))).toBeLessThan(1e-8 * 120 ** 3);
      expect(values[0]!).toBeCloseTo(0, 10);
      expect(values.slice(1).every((l) => l > 0.4)).toBe(true);
    }
    expect(a.eigenvalues.map((l) => Number(l.toFixed(4)) + 0)).toEqual([0, 0.4552, 5.8153, 99.7295]);
    expect(a.eigenvaluesOn!.map((l) => Number(l.toFixed(4)) + 0)).toEqual([0, 2, 4.4153, 119.5847]);
    expect(a.classification.verdict).toBe('degenerate');
  });

  it('is flat along the ReLU rescaling (αw, αb, v/α, c) (L ≡ 18), and rises only as 5s⁴ along its tangent (1, −3, −1, 0)', () => {
    for (const alpha of [0.5, 0.9, 1.1, 3]) expect(loss([alpha, -3 * alpha, 1 / alpha, 0])).toBeCloseTo(18, 12);
    // v(wx + b) = (1 − s)(1 + s)(x − 3): errors −s²·(1, 2) at x = 4, 5 → ΔL = 5s⁴.
    for (const s of [1e-2, 1e-1, 0.3]) expect(loss([1 + s, -3 - 3 * s, 1 - s, 0]) - 18).toBeCloseTo(5 * s ** 4, 12);
  });

  it('no probe lowers the loss at radius 10⁻² or 10⁻⁴, and the smallest rise is far below the typical one (the flat direction)', () => {
    for (const radius of [1e-2, 1e-4]) {
      const p = probeReluUnit(theta, D1, radius, 2000, createRng(7));
      expect(p.negative).toBe(0);
      expect(p.deltas).toHaveLength(2000);
      expect(p.min).toBeGreaterThanOrEqual(0);
      // ΔL ≤ ½ r² λ_max(on side) (+ higher-order terms): a sphere of radius r, not a ball.
      expect(p.max).toBeLessThanOrEqual(0.5 * radius ** 2 * 119.6 * 1.05);
      expect(p.min).toBeLessThan(p.mean / 10);
    }
  });
});

describe('the better point (−7, −4, 1, 0) and the global minimum of D1', () => {
  it('has L = 14: it fits (−1, 3) exactly and outputs 0 elsewhere (errors 3, 0, −1, −2)', () => {
    const a = analyzeReluUnit([...D1_BETTER_POINT], D1);
    expect(loss([...D1_BETTER_POINT])).toBe(14);
    expect(a.residuals).toEqual([0, 3, 0, -1, -2]);
    expect(a.gradient).toEqual([0, 0, 0, 0]);
    expect(a.kinks).toEqual([]);
  });

  it('has Hessian eigenvalues 0, 0, 16 ± 4√5 (one active point: H = 2(JJᵀ + 4e₄e₄ᵀ), J = (−1, 1, 3, 1))', () => {
    const a = analyzeReluUnit([...D1_BETTER_POINT], D1);
    expect(reluUnitHessian([...D1_BETTER_POINT], D1)).toEqual(
      gaussNewton([
        [-1, 1, 3, 1],
        [0, 0, 0, 1],
        [0, 0, 0, 1],
        [0, 0, 0, 1],
        [0, 0, 0, 1],
      ]),
    );
    const expected = [0, 0, 16 - 4 * Math.sqrt(5), 16 + 4 * Math.sqrt(5)];
    a.eigenvalues.forEach((l, i) => expect(l).toBeCloseTo(expected[i]!, 10));
  });

  it('14 is the least loss of any θ: for w ≠ 0, ReLU(wx + b) = |w|·ReLU(s(x − k)) with s = sign w, k = −b/w, so a scan of (s, k) with least squares in (v|w|, c) covers every θ', () => {
    let best = Infinity;
    const ys: number[] = D1.map((p) => p[1]);
    const lsq = (h: number[]) => {
      const n = h.length,
        sh = h.reduce((a, v) => a + v, 0),
        shh = h.reduce((a, v) => a + v * v, 0);
      const sy = ys.reduce((a, v) => a + v, 0),
        shy = h.reduce((a, v, i) => a + v * ys[i]!, 0);
      const d = n * shh - sh * sh;
      const [a, c] = Math.abs(d) < 1e-12 ? [0, sy / n] : [(n * shy - sh * sy) / d, (shh * sy - sh * shy) / d];
      return h.reduce((s, v, i) => s + (a * v + c - ys[i]!) ** 2, 0);
    };
    for (const s of [1, -1])
      for (let i = 0; i <= 10_000; i++) best = Math.min(best, lsq(D1.map(([x]) => Math.max(0, s * (x - (-3 + i / 1000))))));
    expect(best).toBeCloseTo(14, 9);
    expect(best).toBeGreaterThan(14 - 1e-9);
    // w = 0: a constant, the mean 3/5 of the targets, with L = 23 − 5·(3/5)² = 21.2.
    expect(lsq([0, 0, 0, 0, 0])).toBeCloseTo(21.2, 12);
  });
});

describe('gradient, Hessian and probes away from the minima', () => {
  it('match finite differences at a generic θ with no point on a kink', () => {
    const t = [0.7, -1.2, 1.3, 0.4];
    const a = analyzeReluUnit(t, D1);
    expect(a.kinks).toEqual([]);
    reluUnitGradient(t, D1).forEach((g, i) => expect(g).toBeCloseTo(fdGradient(t)[i]!, 5));
    const H = fdHessian(t);
    a.hessian.forEach((r, i) => r.forEach((h, j) => expect(h).toBeCloseTo(H[i]![j]!, 4)));
  });

  it('finds probes that lower the loss where the gradient is not zero, about half of them at a small radius', () => {
    const p = probeReluUnit([0.5, 0, 1, 0], D1, 1e-3, 1000, createRng(3));
    expect(p.analysis.classification.verdict).toBe('not-critical');
    expect(p.negative).toBeGreaterThan(400);
    expect(p.negative).toBeLessThan(600);
    expect(p.min).toBeLessThan(0);
  });

  it('calls a kink with a nonzero error a corner (not critical), since the one-sided gradients differ there', () => {
    // w·1 + b = 0 puts x = 1 (target −3) on the kink with error 0 − (−3) = 3.
    const a = analyzeReluUnit([1, -1, 1, 0], D1);
    expect(a.kinks).toEqual([{ x: 1, residual: 3 }]);
    expect(a.classification.verdict).toBe('not-critical');
  });
});

describe('gradient descent on D1', () => {
  it('from near the local minimum stays at L = 18 (it slides onto the flat rescaling curve), not far from where it began', async () => {
    const start = [1.05, -3.1, 0.9, 0.1];
    const d = await descendReluUnit(start, D1, { lr: 0.01, steps: 20_000 });
    expect(d.outcome).toBe('converged');
    expect(d.loss).toBeCloseTo(18, 9);
    expect(Math.hypot(...d.theta.map((t, i) => t - start[i]!))).toBeLessThan(0.3);
    // The end is on the curve (αw, αb, v/α, 0): kink still at x = 3 and v·w = 1.
    expect(-d.theta[1] / d.theta[0]).toBeCloseTo(3, 5);
    expect(d.theta[2] * d.theta[0]).toBeCloseTo(1, 5);
  });

  it('from (−1, 0, 1, 0) reaches the global minimum L = 14', async () => {
    const d = await descendReluUnit([-1, 0, 1, 0], D1, { lr: 0.01, steps: 20_000 });
    expect(d.outcome).toBe('converged');
    expect(d.loss).toBeCloseTo(14, 9);
    expect(d.path[0]!.step).toBe(0);
    expect(d.path.at(-1)!.step).toBe(d.steps);
    expect(d.path.length).toBeLessThanOrEqual(202);
  });

  it('reports divergence at a huge learning rate instead of returning NaN', async () => {
    const d = await descendReluUnit([0.5, 0, 1, 0], D1, { lr: 5, steps: 1000 });
    expect(d.outcome).toBe('diverged');
    expect(d.steps).toBeLessThan(1000);
  });
});

describe('the relu-probe experiment', () => {
  it('probes with a seeded generator: the same seed gives the same ΔL, plain JSON, zero lowered at the published point', async () => {
    const run = (seed: number) => runExperiment({ id: 'relu-probe', config: { probes: 300 }, seed }) as Promise<ProbeResult>;
    const [r1, r2, r3] = await Promise.all([run(1), run(1), run(2)]);
    expect(r1).toEqual(JSON.parse(JSON.stringify(r1)));
    expect(r1.deltas).toEqual(r2.deltas);
    expect(r1.deltas).not.toEqual(r3.deltas);
    expect(r1.analysis.loss).toBe(18);
    expect(r1.negative).toBe(0);
  });

  it('descends: diverges at η = 5 (no end analysis), converges to 14 from (−1, 0, 1, 0) at the default η', async () => {
    const bad = (await runExperiment({
      id: 'relu-probe',
      config: { mode: 'descend', theta: [0.5, 0, 1, 0], lr: 5 },
      seed: 1,
    })) as DescendResult;
    expect(bad.descent.outcome).toBe('diverged');
    expect(bad.end).toBeUndefined();
    const good = (await runExperiment({ id: 'relu-probe', config: { mode: 'descend', theta: [-1, 0, 1, 0] }, seed: 1 })) as DescendResult;
    expect(good.end!.loss).toBeCloseTo(14, 9);
    expect(good).toEqual(JSON.parse(JSON.stringify(good)));
  });

  it('rejects a non-finite θ naming the parameter', async () => {
    await expect(runExperiment({ id: 'relu-probe', config: { theta: [1, Number.NaN, 1, 0] }, seed: 1 })).rejects.toThrow(/theta\.1/);
  });
});
