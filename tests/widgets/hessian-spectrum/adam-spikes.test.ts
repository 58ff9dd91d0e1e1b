// The loss spikes of the widget's default Adam run, reproduced and explained: near the minimum Adam's v̂ shrinks, its
// steps η/√v̂ grow until the Hessian scaled by them, D^½ H D^½, has an eigenvalue above 2(1 + β₁)/(1 − β₁) (the
// stability limit of momentum β₁ on a quadratic), the iterate oscillates out, and the large gradients raise v̂ again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/data/index.ts';
import { runExperiment } from '../../../src/lib/experiments/index.ts';
import type { MlpTrainStepResult } from '../../../src/lib/experiments/mlp-live.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { mlpObjective, objectiveHessian } from '../../../src/lib/models/objective.ts';
import { createRng } from '../../../src/lib/random/rng.ts';
import { optimizerSchema } from '../../../src/lib/train/optimizers.ts';
import { props } from '../../../src/components/widgets/hessian-spectrum/props.ts';
import { lossSpikes, runSettings, trainConfig, type RunSettings } from '../../../src/components/widgets/hessian-spectrum/model.ts';
import { datasetDims } from '../../../src/components/widgets/hessian-spectrum/dims.ts';

const defaults = props.parse({});
const settings: RunSettings = runSettings(defaults, defaults.hidden);
const adam = optimizerSchema.parse({ kind: 'adam', lr: settings.lr });
if (adam.kind !== 'adam') throw new Error('the default optimiser is Adam');
const { beta1, beta2, eps, lr } = adam;
/** On f = ½λx², x ← x − d·m̂ with m ← β₁m + (1 − β₁)λx is stable iff dλ < 2(1 + β₁)/(1 − β₁): 38 for β₁ = 0.9. */
const LIMIT = (2 * (1 + beta1)) / (1 - beta1);

/** What the lecture says about the spike, in both languages: [first spike, crossing step, lowest loss, λ_max(H)]. */
function quoted(locale: 'en' | 'zh-tw'): number[] {
  const text = readFileSync(new URL(`../../../src/content/lectures/${locale}/saddle-or-minimum.mdx`, import.meta.url), 'utf8');
  const re =
    locale === 'en'
      ? /about \$([\d.]+) \\times 10\^\{-5\}\$[^]*?near step ([\d,]+)[^]*?passes \$38\$ at about step ([\d,]+), while \$\\lambda_\{\\max\}\$ of \$H\$ itself stays at \$([\d.]+)\$/
      : /約 \$([\d.]+) \\times 10\^\{-5\}\$[^]*?第 ([\d,]+) 步附近[^]*?在第 ([\d,]+) 步左右超過 \$38\$，而 \$H\$ 本身的 \$\\lambda_\{\\max\}\$ 一直維持在 \$([\d.]+)\$/;
  const m = text.match(re);
  if (!m) throw new Error(`${locale}: the paragraph on Adam's spikes is missing or reworded`);
  const n = (v: string) => Number(v.replace(/,/g, ''));
  return [n(m[2]!), n(m[3]!), Number((n(m[1]!) * 1e-5).toPrecision(2)), n(m[4]!)];
}

const train = (steps: number, from: MlpTrainStepResult | null, recordEvery = 1) =>
  runExperiment({
    id: 'mlp-train-step',
    config: { ...trainConfig(settings, steps, from), recordEvery },
    seed: settings.seed,
  }) as Promise<MlpTrainStepResult>;

/** The objective the experiments train, built the same way (data set from the seed's first fork). */
function objective() {
  const d = datasetDims()[settings.dataset];
  const data = makeDataset('sinc', { n: 40 }, createRng(settings.seed).fork());
  const spec = { widths: [d.inputDim, ...settings.hidden, d.outputDim], activation: settings.activation, bias: true };
  return mlpObjective(spec, 'mse', data.inputs, data.targets, data.n);
}

/** Adam's per-parameter step η/(√v̂ + ε) after t updates. */
const steps = (r: MlpTrainStepResult) => r.optimizerState.v!.map((v) => lr / (Math.sqrt(v / (1 - beta2 ** r.optimizerState.t)) + eps));

/** λ_max of H and of D^½ H D^½ (D = diag of Adam's steps) at the run's θ. */
function sharpness(obj: ReturnType<typeof objective>, r: MlpTrainStepResult) {
  const P = r.theta.length;
  const H = objectiveHessian(obj, r.theta);
  const d = steps(r).map(Math.sqrt);
  const A = new Float64Array(P * P);
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) A[i * P + j] = (d[i]! * (H[i * P + j]! + H[j * P + i]!) * d[j]!) / 2;
  return { raw: symmetricEigen(H, P).values[P - 1]!, scaled: symmetricEigen(A, P).values[P - 1]! };
}

describe('the default HessianSpectrum run (sinc, 1-10-1 tanh, Adam η = 0.01, seed 1)', { timeout: 240_000 }, () => {
  it('spikes near step 3,700 because Adam’s scaled curvature crosses 2(1 + β₁)/(1 − β₁) = 38 while the Hessian stays put', async () => {
    expect(settings).toMatchObject({ dataset: 'sinc', hidden: [10], activation: 'tanh', optimizer: 'adam', lr: 0.01, seed: 1 });
    expect(LIMIT).toBeCloseTo(38, 10);
    const early = await train(300, null);
    let r = await train(3500 - 300, early);
    const history = [...early.history, ...r.history];
    // v̂ has shrunk with the gradient: the largest step η/√v̂ is many times what it was at step 300.
    expect(Math.max(...steps(r))).toBeGreaterThan(5 * Math.max(...steps(early)));
    const obj = objective();
    const trace: { step: number; loss: number; grad: number; raw: number; scaled: number }[] = [];
    try {
      while (r.step <= 3760) {
        trace.push({ step: r.step, loss: r.loss, grad: r.gradNorm, ...sharpness(obj, r) });
        r = await train(4, r);
        history.push(...r.history);
      }
    } finally {
      obj.dispose();
    }
    // The first spike in the window (as the widget's note finds it), and the lowest loss before it.
    const spike = trace.find((p) => p.step === lossSpikes(trace)[0])!;
    const lowest = Math.min(...trace.filter((p) => p.step < spike.step).map((p) => p.loss));
    const crossing = trace.find((p) => p.scaled > LIMIT)!;
    expect(spike, 'a spike in the window').toBeDefined();
    expect(trace[0]!.scaled).toBeLessThan(LIMIT);
    // The limit is crossed first (near step 3,640), while the gradient is as small as before; then it grows ten-fold.
    expect(crossing.step).toBeLessThan(spike.step - 20);
    expect(crossing.grad).toBeLessThan(2 * trace[0]!.grad);
    expect(spike.grad).toBeGreaterThan(10 * crossing.grad);
    // The Hessian hardly changes (λ_max ≈ 10.8 throughout): the step grew, not the curvature.
    const raws = trace.map((p) => p.raw);
    expect(Math.max(...raws) / Math.min(...raws)).toBeLessThan(1.01);
    expect(Number(raws[0]!.toFixed(1))).toBe(10.8);
    // The spike's large gradients raise v̂: afterwards the scaled curvature is back below the limit.
    expect(trace.at(-1)!.scaled).toBeLessThan(LIMIT - 1);

    // The widget's note sees the same spike, and the ones that follow: the cycle repeats.
    history.push(...(await train(5000 - r.step, r)).history);
    const spikes = lossSpikes(history);
    expect(spikes[0]).toBeGreaterThan(3600);
    expect(spikes[0]).toBeLessThan(3800);
    expect(spikes.length).toBeGreaterThanOrEqual(5);

    // The lecture quotes these numbers, rounded as it prints them, in both languages.
    const measured = [
      Math.round(spike.step / 100) * 100,
      Math.round(crossing.step / 10) * 10,
      Number(lowest.toPrecision(2)),
      Number(raws[0]!.toFixed(1)),
    ];
    expect(quoted('en')).toEqual(measured);
    expect(quoted('zh-tw')).toEqual(measured);
  });
});
