import { describe, expect, it } from 'vitest';
import {
  deepNetLoss,
  deepParamCount,
  endToEnd,
  initDeepNet,
  isDeadNetwork,
  layerOffsets,
  linearNetLossFromMoments,
  type DeepActivation,
} from '../../../src/lib/models/deep-linear.ts';
import { analyzeData } from '../../../src/lib/models/deep-linear-optimum.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { data, widthsOf, lossAt } from './deep-linear-fixtures.ts';

describe('deep networks on a flat parameter vector', () => {
  it('lay out W_1 … W_L row-major and multiply them end to end', () => {
    const widths = [3, 2, 4, 2];
    expect(deepParamCount(widths)).toBe(6 + 8 + 8);
    expect(layerOffsets(widths)).toEqual([0, 6, 14, 22]);
    const theta = initDeepNet(widths, 'linear', 1, createRng(3));
    const W = endToEnd(widths, theta);
    // Entry (a, b) of W_3 W_2 W_1 by explicit sums.
    const at = (k: number, i: number, j: number) => theta[layerOffsets(widths)[k - 1]! + i * widths[k - 1]! + j]!;
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 3; b++) {
        let s = 0;
        for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) s += at(3, a, i) * at(2, i, j) * at(1, j, b);
        expect(W[a * 3 + b]).toBeCloseTo(s, 14);
      }
  });

  it.each(['linear', 'relu'] as DeepActivation[])('have the gradient central differences give (%s, depths 2–5)', (activation) => {
    for (let depth = 2; depth <= 5; depth++) {
      const widths = widthsOf(depth);
      const P = deepParamCount(widths);
      const f = deepNetLoss(widths, activation, data);
      const theta = initDeepNet(widths, activation, 1, createRng(10 + depth));
      const grad = new Float64Array(P);
      f(theta, 0, grad, 0);
      const h = 1e-6;
      for (let i = 0; i < P; i++) {
        const p = theta.slice(),
          q = theta.slice();
        p[i] = p[i]! + h;
        q[i] = q[i]! - h;
        const fd = (lossAt(f, p) - lossAt(f, q)) / (2 * h);
        // Central differences: O(h²) truncation, O(ε/h) rounding. A ReLU kink inside ±h would break this: with
        // Gaussian weights a pre-activation within 1e-6 of 0 has probability ~1e-6 per entry.
        expect(Math.abs(fd - grad[i]!), `${activation} depth ${depth} θ_${i}`).toBeLessThan(1e-7 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('give the same linear loss and gradient from the data’s moments as from its samples', () => {
    const opt = analyzeData(data);
    for (let depth = 2; depth <= 5; depth++) {
      const widths = widthsOf(depth);
      const P = deepParamCount(widths);
      const theta = initDeepNet(widths, 'linear', 2, createRng(depth));
      const a = new Float64Array(P),
        b = new Float64Array(P);
      const la = deepNetLoss(widths, 'linear', data)(theta, P, a, 0);
      const lb = linearNetLossFromMoments(widths, opt.C, opt.wOls, opt.lossOls)(theta, P, b, 0);
      expect(lb).toBeCloseTo(la, 12);
      for (let i = 0; i < P; i++) expect(b[i]).toBeCloseTo(a[i]!, 11);
    }
  });

  it('flag a ReLU network dead when a hidden layer is off on every sample', () => {
    const widths = widthsOf(3);
    const theta = initDeepNet(widths, 'relu', 1, createRng(4));
    expect(isDeadNetwork(widths, theta, 0, data)).toBe(false);
    theta.fill(0, layerOffsets(widths)[1], layerOffsets(widths)[2]); // W_2 = 0: layer 2 outputs 0 everywhere
    expect(isDeadNetwork(widths, theta, 0, data)).toBe(true);
    const f = deepNetLoss(widths, 'relu', data);
    const g = new Float64Array(deepParamCount(widths));
    let yy = 0;
    for (const y of data.Y) yy += y * y;
    expect(f(theta, 0, g, 0)).toBeCloseTo(yy / 2, 14);
    // Every weight above the dead layer gets no gradient (W_1's gradient also vanishes: nothing flows back).
    expect(g.every((x) => x === 0 || Object.is(x, -0))).toBe(true);
  });
});
