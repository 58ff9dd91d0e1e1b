import { describe, expect, it } from 'vitest';
import { makeJellyfish } from '../../../src/lib/data/jellyfish.ts';

describe('makeJellyfish (Swirszcz, Czarnecki & Pascanu 2016, §3.1.2)', () => {
  it('has the positive class at [1.0, 0.0], [0.2, 0.6] and the negative class at [0.0, 1.0], [0.6, 0.2]', () => {
    const ds = makeJellyfish();
    expect([ds.n, ds.inputDim, ds.outputDim, ds.task]).toEqual([4, 2, 1, 'classification']);
    const points = [0, 1, 2, 3].map((i) => ({ x: [ds.inputs[2 * i], ds.inputs[2 * i + 1]], label: ds.labels![i], target: ds.targets[i] }));
    const f = Math.fround;
    expect(points).toEqual([
      { x: [1, 0], label: 1, target: 1 },
      { x: [f(0.2), f(0.6)], label: 1, target: 1 },
      { x: [0, 1], label: 0, target: 0 },
      { x: [f(0.6), f(0.2)], label: 0, target: 0 },
    ]);
  });

  it('is XOR-like: the segment between the positives crosses the segment between the negatives at (3/7, 3/7)', () => {
    // Solve p1 + t (p2 − p1) = q1 + s (q2 − q1) in float64 from the paper's numbers.
    const [p1, p2, q1, q2] = [
      [1, 0],
      [0.2, 0.6],
      [0, 1],
      [0.6, 0.2],
    ] as const;
    const [a, b, c, d] = [p2[0] - p1[0], -(q2[0] - q1[0]), p2[1] - p1[1], -(q2[1] - q1[1])];
    const [r1, r2] = [q1[0] - p1[0], q1[1] - p1[1]];
    const det = a * d - b * c;
    const t = (r1 * d - b * r2) / det,
      s = (a * r2 - c * r1) / det;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
    expect(p1[0] + t * a).toBeCloseTo(3 / 7, 12);
    expect(p1[1] + t * c).toBeCloseTo(3 / 7, 12);
  });

  it('cites the paper in its source', () => {
    expect(makeJellyfish().source).toMatch(/Swirszcz.*1611\.06310/);
  });
});
