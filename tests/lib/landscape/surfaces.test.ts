import { describe, expect, it } from 'vitest';
import { SURFACES, SURFACE_IDS } from '../../../src/lib/landscape/surfaces.ts';
import { analyzePoint, descentPath, escapeStep, lossGrid2d } from '../../../src/lib/landscape/surface-analysis.ts';

const fd = (f: (p: [number, number]) => number, [x, y]: [number, number], h = 1e-5): [number, number] => [
  (f([x + h, y]) - f([x - h, y])) / (2 * h),
  (f([x, y + h]) - f([x, y - h])) / (2 * h),
];

describe('the registered surfaces', () => {
  it.each(SURFACE_IDS)('%s has the gradient and Hessian finite differences give', (id) => {
    const s = SURFACES[id];
    for (const p of [
      [0.3, -0.7],
      [1.1, 0.4],
      [-0.6, -1.2],
    ] as [number, number][]) {
      const g = s.gradient(p),
        num = fd((q) => s.loss(q), p);
      expect(g[0]).toBeCloseTo(num[0], 6);
      expect(g[1]).toBeCloseTo(num[1], 6);
      const H = s.hessian(p);
      const c1 = fd((q) => s.gradient(q)[0], p),
        c2 = fd((q) => s.gradient(q)[1], p);
      expect(H[0][0]).toBeCloseTo(c1[0], 5);
      expect(H[0][1]).toBeCloseTo(c1[1], 5);
      expect(H[1][0]).toBeCloseTo(c2[0], 5);
      expect(H[1][1]).toBeCloseTo(c2[1], 5);
    }
  });
});

describe('analyzePoint', () => {
  it('calls the origin of each lecture example what the second-order test says', () => {
    const verdict = (id: keyof typeof SURFACES) => analyzePoint(SURFACES[id], [0, 0]).classification.verdict;
    expect(verdict('two-weight')).toBe('saddle');
    expect(verdict('bowl')).toBe('local-minimum');
    expect(verdict('hilltop')).toBe('local-maximum');
    expect(verdict('saddle')).toBe('saddle');
    expect(verdict('quartic-valley')).toBe('degenerate');
    expect(verdict('quartic-saddle')).toBe('degenerate');
    expect(verdict('monkey')).toBe('degenerate');
    expect(analyzePoint(SURFACES['two-weight'], [1, 1]).classification.verdict).toBe('degenerate');
    expect(analyzePoint(SURFACES['two-weight'], [0.5, 0.5]).classification.verdict).toBe('not-critical');
  });

  it('gives the two-weight saddle its eigenvalues −2, 2 and the escape direction ±(1, 1)/√2', () => {
    const a = analyzePoint(SURFACES['two-weight'], [0, 0]);
    expect(a.eigenvalues).toEqual([-2, 2]);
    const step = escapeStep(SURFACES['two-weight'], a, 1)!;
    expect(Math.abs(step.direction[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(step.direction[0] * step.direction[1]).toBeCloseTo(0.5, 12);
    expect(step.lossAfter).toBeCloseTo(0.25, 12);
    expect(step.predicted).toBeCloseTo(0, 12);
  });

  it('offers no escape step where no eigenvalue is negative', () => {
    expect(escapeStep(SURFACES.bowl, analyzePoint(SURFACES.bowl, [0, 0]), 1)).toBeNull();
  });
});

describe('descentPath', () => {
  it('converges on the bowl for a small rate and diverges for a rate above 1 (|1 − 2η| > 1)', () => {
    expect(descentPath(SURFACES.bowl, [1, 1], 0.1, 10_000).outcome).toBe('converged');
    const bad = descentPath(SURFACES.bowl, [1, 1], 1.5, 10_000);
    expect(bad.outcome).toBe('diverged');
    expect(bad.points.every((p) => p.every(Number.isFinite))).toBe(true);
  });

  it('stays at the two-weight saddle when started exactly there, and leaves it from a nudge', () => {
    expect(descentPath(SURFACES['two-weight'], [0, 0], 0.1, 100)).toMatchObject({ outcome: 'converged', steps: 0 });
    const nudged = descentPath(SURFACES['two-weight'], [0.01, 0.02], 0.1, 5000);
    const [w1, w2] = nudged.points.at(-1)!;
    expect(w1 * w2).toBeCloseTo(1, 4);
  });
});

describe('lossGrid2d', () => {
  it('samples the loss row by row', () => {
    const { values, ticks } = lossGrid2d(SURFACES.saddle, -1, 1, 3);
    expect(ticks).toEqual([-1, 0, 1]);
    expect(values).toEqual([0, -1, 0, 1, 0, 1, 0, -1, 0]);
  });
});
