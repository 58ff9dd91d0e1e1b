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
import { rescaleAdjacentLayers } from '../../../src/lib/landscape/rescale.ts';
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

describe('the scale symmetry of ReLU networks (Li et al. 2018)', () => {
  // A 2-4-3-1 ReLU regression on 12 points; θ' has hidden layer 0 scaled by 10 and layer 1's weights by 1/10.
  const spec: MlpSpec = { widths: [2, 4, 3, 1], activation: 'relu', bias: true };
  const rng = createRng(11);
  const inputs = Array.from({ length: 24 }, () => rng.normal());
  const targets = Array.from({ length: 12 }, (_, i) => Math.sin(inputs[2 * i]!) + inputs[2 * i + 1]! ** 2);
  const theta = Float64Array.from({ length: 31 }, () => rng.normal() * 0.8);
  const scaled = rescaleAdjacentLayers(spec, theta, 0, 10);
  const xs = [-1, -0.4, 0, 0.4, 1],
    ys = [-1, 0, 1];

  it('leaves the network and its loss unchanged while moving θ far away', () => {
    const obj = mlpObjective(spec, 'mse', inputs, targets, 12);
    const still = new Float64Array(31);
    const lossAt = (t: ArrayLike<number>) => lossGrid(obj, t, still, still, [0], [0])[0]!;
    const [at, atScaled] = [lossAt(theta), lossAt(scaled)];
    expect(at).toBeGreaterThan(0.01);
    expect(atScaled).toBeCloseTo(at, 4);
    expect(Math.hypot(...scaled.map((v, i) => v - theta[i]!))).toBeGreaterThan(10);
    obj.dispose();
  });

  it('changes the picture along the same unnormalised directions, but not along filter-normalised ones', () => {
    const obj = mlpObjective(spec, 'mse', inputs, targets, 12);
    const gauss = (seed: number) => {
      const r = createRng(seed);
      return Float64Array.from({ length: 31 }, () => r.normal());
    };
    const maxGap = (a: Float64Array | number[], b: Float64Array | number[]) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
    const raw = lossGrid(obj, theta, gauss(1), gauss(2), xs, ys);
    const rawScaled = lossGrid(obj, scaled, gauss(1), gauss(2), xs, ys);
    expect(maxGap(raw, rawScaled)).toBeGreaterThan(0.5);
    const fn = (t: ArrayLike<number>, seed: number) => filterNormalizedDirection(spec, t, createRng(seed));
    const normal = lossGrid(obj, theta, fn(theta, 1), fn(theta, 2), xs, ys);
    const normalScaled = lossGrid(obj, scaled, fn(scaled, 1), fn(scaled, 2), xs, ys);
    expect(maxGap(normal, normalScaled)).toBeLessThan(1e-3 * Math.max(...Array.from(normal)));
    obj.dispose();
  });

  it('refuses an output layer, a factor that is not positive, and a tanh layer', () => {
    expect(() => rescaleAdjacentLayers(spec, theta, 2, 10)).toThrow(/hidden layer, 0 to 1/);
    expect(() => rescaleAdjacentLayers(spec, theta, 0, -2)).toThrow(/positive/);
    expect(() => rescaleAdjacentLayers({ ...spec, activation: 'tanh' }, theta, 0, 2)).toThrow(/tanh/);
  });
});
