import { describe, expect, it } from 'vitest';
import { deepNetLoss, deepParamCount, initDeepNet } from '../../../src/lib/models/deep-linear.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { flatGdEngine } from '../../../src/lib/train/flat-gd-engine.ts';
import { runStepper } from '../../../src/lib/train/stepper.ts';
import { data, widthsOf } from '../models/deep-linear-fixtures.ts';

describe('the flat gradient-descent engine', () => {
  it('steps every run as θ ← θ − η∇L, and stops a run that has converged', async () => {
    const widths = widthsOf(2);
    const P = deepParamCount(widths);
    const f = deepNetLoss(widths, 'linear', data);
    const theta0 = initDeepNet(widths, 'linear', 2, createRng(1));
    const out = await runStepper(flatGdEngine(f, theta0, 2, 0.03), 5, { recordEvery: 5 });
    const by = theta0.slice();
    const g = new Float64Array(2 * P);
    for (let s = 0; s < 5; s++)
      for (let r = 0; r < 2; r++) {
        f(by, r * P, g, r * P);
        for (let i = r * P; i < (r + 1) * P; i++) by[i] = by[i]! - 0.03 * g[i]!;
      }
    expect(out.thetas).toEqual(Array.from(by));
    // Run 1 starts at a critical point (the origin): converged at step 0, θ untouched.
    const start = theta0.slice();
    start.fill(0, P);
    const stop = await runStepper(flatGdEngine(f, start, 2, 0.03), 50, { gradTol: 1e-12, recordEvery: 50 });
    expect(stop.runs[1]).toMatchObject({ state: 'converged', steps: 0 });
    expect(stop.thetas.slice(P).every((x) => x === 0)).toBe(true);
    expect(stop.runs[0]!.steps).toBe(50);
  });
});

describe('the flat engine with Adam', () => {
  it('takes the update of the array engine (Adam with bias correction) on every run', async () => {
    const { flatEngine } = await import('../../../src/lib/train/flat-gd-engine.ts');
    const { arrayEngine } = await import('../../../src/lib/train/array-engine.ts');
    const widths = widthsOf(3);
    const P = deepParamCount(widths);
    const f = deepNetLoss(widths, 'relu', data);
    const theta0 = initDeepNet(widths, 'relu', 2, createRng(3));
    const adam = { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;
    const flat = await runStepper(flatEngine(f, theta0, 2, adam), 40, { recordEvery: 40 });
    const g = (t: readonly number[]) => {
      const grad = new Float64Array(P);
      return { loss: f(Float64Array.from(t), 0, grad, 0), grad: Array.from(grad) };
    };
    const ref = await runStepper(arrayEngine(g, theta0, 2, adam), 40, { recordEvery: 40 });
    flat.thetas.forEach((t, i) => expect(t).toBeCloseTo(ref.thetas[i]!, 12));
    expect(flat.runs[0]!.loss).toBeLessThan(ref.history[0]!.losses[0]!);
  });
});
