import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import { makeSwirszczRegression, SWIRSZCZ_SETS, type ReluNet1D } from '../../../src/lib/data/swirszcz-regression.ts';

/** Eq. (1) of the paper in plain float64: L = Σ_i (Σ_j v_j ReLU(w_j x_i + b_j) + c − y_i)². */
function loss({ w, b, v, c }: ReluNet1D, points: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (const [x, y] of points) {
    let f = c;
    for (let j = 0; j < w.length; j++) f += v[j]! * Math.max(0, w[j]! * x + b[j]!);
    sum += (f - y) ** 2;
  }
  return sum;
}

/** The one-unit net as a 4-vector (w, b, v, c), the lecture's notation. */
const net1 = ([w, b, v, c]: readonly number[]): ReluNet1D => ({ w: [w!], b: [b!], v: [v!], c: c! });

describe('Swirszcz et al. data set D1 with one ReLU unit, f(x) = v·ReLU(wx + b) + c', () => {
  const D1 = [
    [-1, 3],
    [1, -3],
    [3, 0],
    [4, 1],
    [5, 2],
  ] as const;

  it('is the five points (−1, 3), (1, −3), (3, 0), (4, 1), (5, 2)', () => {
    const ds = makeSwirszczRegression('d1');
    expect([ds.n, ds.inputDim, ds.outputDim, ds.task]).toEqual([5, 1, 1, 'regression']);
    const pairs = Array.from(ds.inputs, (x, i) => [x, ds.targets[i]]).sort((p, q) => p[0]! - q[0]!);
    expect(pairs).toEqual(D1.map((p) => [...p]));
  });

  it('has loss 18 at (w, b, v, c) = (1, −3, 1, 0) and 14 at (−7, −4, 1, 0), as the lecture says', () => {
    expect(loss(net1([1, -3, 1, 0]), D1)).toBe(18);
    expect(loss(net1([-7, -4, 1, 0]), D1)).toBe(14);
  });

  it('records those two points with the losses a by-hand evaluation gives', () => {
    const ref = SWIRSZCZ_SETS.d1.reference;
    expect(ref.map((r) => [r.params.w[0], r.params.b[0], r.params.v[0], r.params.c, r.loss])).toEqual([
      [1, -3, 1, 0, 18],
      [-7, -4, 1, 0, 14],
    ]);
    for (const r of ref) expect(loss(r.params, SWIRSZCZ_SETS.d1.points)).toBe(r.loss);
  });

  it('cannot lower the loss 18 by any small step away from (1, −3, 1, 0) (Proposition 1: a local minimum)', () => {
    const rng = createRng(1611_06310);
    const theta = [1, -3, 1, 0];
    for (let trial = 0; trial < 2000; trial++) {
      const radius = 10 ** -(2 + 4 * rng.next());
      const step = theta.map(() => rng.normal());
      const norm = Math.hypot(...step);
      const moved = theta.map((t, i) => t + (radius * step[i]!) / norm);
      expect(loss(net1(moved), D1)).toBeGreaterThanOrEqual(18 - 1e-9);
    }
  });
});

describe('Swirszcz et al. data sets D2 (two ReLU units) and D3 (three)', () => {
  it('D2 is (−1, 5), (0, 0), (1, −1), (10, −3), (11, −4), (12, −5) and D3 is (−1, 3), (0, 0), (1, −1), (10, −3), (11, −4), (12, −6)', () => {
    const pairs = (id: 'd2' | 'd3') => {
      const ds = makeSwirszczRegression(id);
      return Array.from(ds.inputs, (x, i) => [x, ds.targets[i]]);
    };
    expect(pairs('d2')).toEqual([
      [-1, 5],
      [0, 0],
      [1, -1],
      [10, -3],
      [11, -4],
      [12, -5],
    ]);
    expect(pairs('d3')).toEqual([
      [-1, 3],
      [0, 0],
      [1, -1],
      [10, -3],
      [11, -4],
      [12, -6],
    ]);
  });

  it('D2: the global minimum fits every point exactly (L = 0) and the local minimum has L = 8/3', () => {
    const pts = SWIRSZCZ_SETS.d2.points;
    expect(loss({ w: [-5, 1], b: [1, -8], v: [1, -1], c: -1 }, pts)).toBe(0);
    expect(loss({ w: [-3, 1], b: [4 + 1 / 3, -10], v: [1, -1], c: -3 }, pts)).toBeCloseTo(8 / 3, 12);
  });

  it('D2: with w₂ = −1 as printed, the second unit is dead on every point and neither claim holds (L = 29 and 23/3)', () => {
    const pts = SWIRSZCZ_SETS.d2.points;
    const [global, local] = SWIRSZCZ_SETS.d2.reference;
    expect(global!.printedW).toEqual([-5, -1]);
    expect(local!.printedW).toEqual([-3, -1]);
    expect(loss({ ...global!.params, w: global!.printedW! }, pts)).toBe(29);
    expect(loss({ ...local!.params, w: local!.printedW! }, pts)).toBeCloseTo(23 / 3, 12);
  });

  it('D2: in the global minimum every unit is off at x₃ = 1 (the blind spot the paper points out)', () => {
    const { w, b } = SWIRSZCZ_SETS.d2.reference[0]!.params;
    for (let j = 0; j < 2; j++) expect(w[j]! * 1 + b[j]!).toBeLessThan(0);
  });

  it('D3: the better local minimum has L = 1/6 and the worse one L = 2/3', () => {
    const pts = SWIRSZCZ_SETS.d3.points;
    expect(loss({ w: [-1.5, -1.5, 1.5], b: [1, 0, -13 - 1 / 6], v: [1, 1, -1], c: -1 }, pts)).toBeCloseTo(1 / 6, 12);
    expect(loss({ w: [-2, 1, 1], b: [3 + 2 / 3, -10, -11], v: [1, -1, -1], c: -3 }, pts)).toBeCloseTo(2 / 3, 12);
  });

  it('stores, for every reference point, the loss that Eq. (1) gives', () => {
    for (const set of Object.values(SWIRSZCZ_SETS)) {
      for (const r of set.reference) {
        expect(r.params.w).toHaveLength(set.hiddenUnits);
        expect(loss(r.params, set.points)).toBeCloseTo(r.loss, 12);
      }
    }
  });
});
