import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/lib/autodiff/tf.ts';
import { mlpObjective } from '../../../src/lib/models/objective.ts';
import type { MlpSpec } from '../../../src/lib/models/mlp.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { twoWeightLoss } from '../../../src/lib/models/two-weight.ts';
import { alphaRangeSchema, alphasOf, lossAlongLine } from '../../../src/lib/landscape/interpolation.ts';
import { projectTrajectory } from '../../../src/lib/landscape/projection.ts';
import { filterNormalizedDirection } from '../../../src/lib/landscape/directions.ts';
import { lossGrid } from '../../../src/lib/landscape/grid.ts';
import { parseConfig } from '../../../src/lib/config/parse.ts';

const toy: MlpSpec = { widths: [1, 1, 1], activation: 'linear', bias: false };

describe('lossAlongLine', () => {
  it('gives the two-weight loss (1 − w₁w₂)² along the line from the saddle to (1, 1) and beyond', () => {
    const obj = mlpObjective(toy, 'sse', [1], [1], 1);
    const before = tf.memory().numTensors;
    const alphas = alphasOf(parseConfig(alphaRangeSchema, { from: -0.5, to: 2, count: 26 }));
    const losses = lossAlongLine(obj, [0, 0], [1, 1], alphas);
    alphas.forEach((a, i) => expect(losses[i]).toBeCloseTo(twoWeightLoss([a, a]), 5));
    expect(losses[alphas.indexOf(1)]).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    obj.dispose();
  });

  it('rejects a reversed α range, naming the field', () => {
    expect(() => parseConfig(alphaRangeSchema, { from: 1, to: 0 })).toThrow(/to: the α range is reversed/);
    expect(() => parseConfig(alphaRangeSchema, { from: Number.NaN })).toThrow(/from: from must be/);
  });
});

describe('projectTrajectory', () => {
  it('puts θ₀ at (0, 0), θ* at (1, 0) and measures the distance off the line', () => {
    const t0 = [0, 0, 0],
      ts = [2, 0, 0];
    const traj = [0, 0, 0, 1, 3, 4, 2, 0, 0];
    const pts = projectTrajectory(t0, ts, traj, 3);
    expect(pts[0]).toEqual({ projection: 0, residual: 0 });
    expect(pts[1]!.projection).toBeCloseTo(0.5, 12);
    expect(pts[1]!.residual).toBeCloseTo(5, 12);
    expect(pts[2]).toEqual({ projection: 1, residual: 0 });
  });
});

describe('filterNormalizedDirection', () => {
  it('gives every unit of a direction the norm of that unit in θ, and leaves biases still', () => {
    const spec: MlpSpec = { widths: [3, 4, 2], activation: 'relu', bias: true };
    const theta = Float64Array.from({ length: 26 }, (_, i) => Math.sin(i + 1));
    const d = filterNormalizedDirection(spec, theta, createRng(3));
    // Layer 1: W is 3×4 at 0..11, b at 12..15; layer 2: W 4×2 at 16..23, b at 24..25.
    for (const [w, fanIn, fanOut] of [
      [0, 3, 4],
      [16, 4, 2],
    ] as const) {
      for (let j = 0; j < fanOut; j++) {
        const col = (v: ArrayLike<number>) => Math.hypot(...Array.from({ length: fanIn }, (_, i) => v[w + i * fanOut + j]!));
        expect(col(d)).toBeCloseTo(col(theta), 10);
      }
    }
    expect([...d.slice(12, 16), ...d.slice(24)]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('lossGrid', () => {
  it('evaluates θ + x d₁ + y d₂ on the grid, row by row', () => {
    const obj = mlpObjective(toy, 'sse', [1], [1], 1);
    const xs = [-1, 0, 0.5, 1],
      ys = [-1, 0, 1];
    const grid = lossGrid(obj, [0, 0], [1, 0], [0, 1], xs, ys);
    ys.forEach((y, j) => xs.forEach((x, i) => expect(grid[j * xs.length + i]).toBeCloseTo(twoWeightLoss([x, y]), 5)));
    obj.dispose();
  });
});
