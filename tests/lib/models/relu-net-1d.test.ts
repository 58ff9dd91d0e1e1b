import { describe, expect, it } from 'vitest';
import {
  activationPatterns,
  deadUnits,
  initReluNet1d,
  layerBlocks,
  reluNet1dGradNormObjective,
  reluNet1dHessian,
  reluNet1dLossAndGradient,
} from '../../../src/lib/models/relu-net-1d.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { fdGradient } from '../autodiff/reference-mlp.ts';

const N = 12;
const x = Float64Array.from({ length: N }, (_, i) => -1 + (2 * i) / (N - 1));
const y = x.map((t) => Math.cos(3 * t) - 0.3 * t);
const data = { x, y };
const h = 8;
const P = 3 * h + 1;
const rng = createRng(7);
const theta = initReluNet1d(h, () => rng.next());
const lossAt = (t: Float64Array) => reluNet1dLossAndGradient(t, data).loss;

describe('the one-hidden-layer ReLU network on 1-D data', () => {
  it('has the gradient of its mean squared error, by central differences', () => {
    const { grad } = reluNet1dLossAndGradient(theta, data);
    const fd = fdGradient(lossAt, theta, 1e-6);
    for (let k = 0; k < P; k++) expect(grad[k]).toBeCloseTo(fd[k]!, 7);
  });

  it('has the exact Hessian, by central differences of the gradient, and H∇L as the gradient of ½‖∇L‖²', () => {
    const { hessian } = reluNet1dHessian(theta, data);
    let worst = 0;
    for (let a = 0; a < P; a++) {
      const row = fdGradient((t) => reluNet1dLossAndGradient(t, data).grad[a]!, theta, 1e-6);
      for (let k = 0; k < P; k++) worst = Math.max(worst, Math.abs(hessian[a * P + k]! - row[k]!));
    }
    expect(worst).toBeLessThan(1e-7);
    const { grad } = reluNet1dLossAndGradient(theta, data);
    const out = new Float64Array(P);
    const G = reluNet1dGradNormObjective(h, data)(theta, 0, out, 0);
    expect(G).toBeCloseTo(0.5 * grad.reduce((s, g) => s + g * g, 0), 14);
    for (let a = 0; a < P; a++) {
      let hg = 0;
      for (let k = 0; k < P; k++) hg += hessian[a * P + k]! * grad[k]!;
      expect(out[a]).toBeCloseTo(hg, 12);
    }
  });

  it('differs from its Gauss–Newton part only in the (wⱼ, vⱼ) and (bⱼ, vⱼ) entries, by ∂L/∂wⱼ / vⱼ and ∂L/∂bⱼ / vⱼ', () => {
    const { hessian, gaussNewton } = reluNet1dHessian(theta, data);
    const { grad } = reluNet1dLossAndGradient(theta, data);
    for (let a = 0; a < P; a++)
      for (let b = 0; b < P; b++) {
        const d = hessian[a * P + b]! - gaussNewton[a * P + b]!;
        const j = b - 2 * h;
        if (j >= 0 && j < h && (a === j || a === h + j)) expect(d).toBeCloseTo(grad[a]! / theta[2 * h + j]!, 12);
        else if (!(a - 2 * h >= 0 && a - 2 * h < h && (b === a - 2 * h || b === a - h))) expect(d).toBe(0);
      }
    // So at a critical point (every vⱼ ≠ 0) the Hessian is (2/N)JᵀJ: positive semidefinite of rank ≤ N. Here N < P.
    const { values } = symmetricEigen(gaussNewton, P);
    expect(values[0]).toBeGreaterThan(-1e-12 * values[P - 1]!);
    const rank = values.filter((v) => v > 1e-10 * values[P - 1]!).length;
    expect(rank).toBeLessThanOrEqual(Math.min(N, 1 + 2 * activationPatterns(theta, data)));
  });

  it('keeps its loss under the rescaling (λw, λb, v/λ) of a unit, and its layer blocks are the Gauss–Newton ones', () => {
    const s = theta.slice();
    s[2] = s[2]! * 3;
    s[h + 2] = s[h + 2]! * 3;
    s[2 * h + 2] = s[2 * h + 2]! / 3;
    expect(lossAt(s)).toBeCloseTo(lossAt(theta), 14);
    const { hessian, gaussNewton } = reluNet1dHessian(theta, data);
    const a = layerBlocks(hessian, P),
      b = layerBlocks(gaussNewton, P);
    expect(Array.from(a.first)).toEqual(Array.from(b.first));
    expect(Array.from(a.second)).toEqual(Array.from(b.second));
  });

  it('starts from PyTorch nn.Linear ranges and counts dead units', () => {
    const t = initReluNet1d(128, () => rng.next());
    expect(Math.max(...t.slice(0, 256).map(Math.abs))).toBeLessThan(1);
    expect(Math.max(...t.slice(256).map(Math.abs))).toBeLessThan(1 / Math.sqrt(128));
    const alive = theta.slice();
    for (let j = 0; j < h; j++) alive[h + j] = 5; // |w| < 1, so wx + 5 > 0 on [−1, 1]: every unit on everywhere
    expect(deadUnits(alive, data)).toBe(0);
    expect(activationPatterns(alive, data)).toBe(1);
    alive[0] = 1;
    alive[h] = -2; // x − 2 < 0 on [−1, 1]
    expect(deadUnits(alive, data)).toBe(1);
  });
});
