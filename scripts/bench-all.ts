// The performance figures of issues #3, #9 and #10, each beside a baseline measured in the same run (entry: bench.ts).
// Prints a table and writes bench-results/bench.json. `--full` runs the slow baselines in full (no scaling);
// `--only reproductions` runs only the figures of the reproductions (bench-reproductions.ts), `--only lighthouse`
// only the Lighthouse table (bench-lighthouse.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../src/lib/autodiff/tf.ts';
import { denseHessian, hessianVectorProduct } from '../src/lib/autodiff/derivatives.ts';
import { mlpObjective, objectiveHessian } from '../src/lib/models/objective.ts';
import { mlpInit, type MlpSpec } from '../src/lib/models/mlp.ts';
import { createRng } from '../src/lib/random/rng.ts';
import { trainBatched, trainConfigSchema } from '../src/lib/train/train-batched.ts';
import { runExperiment } from '../src/lib/experiments/index.ts';
import { makeXor } from '../src/lib/data/xor.ts';
import { benchLinalg } from './bench-linalg.ts';
import { benchTrainingStep } from './bench-train.ts';
import { benchLiveDefaults, benchPaperSlices } from './bench-reproductions.ts';
import { benchLighthouse } from './bench-lighthouse.ts';
import { SURFACES } from '../src/lib/landscape/surfaces.ts';
import { analyzePoint, descentPath } from '../src/lib/landscape/surface-analysis.ts';
import { slice2d, taylorCurves, usefulRadius } from '../src/lib/landscape/taylor.ts';
import { dynamicsScene } from '../src/lib/landscape/saddle-dynamics.ts';

const full = process.argv.includes('--full');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'reproductions' && only !== 'lighthouse')
  throw new Error(`--only expects "reproductions" or "lighthouse", got "${only ?? ''}"`);
// npm scripts run from the project root.
setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  speedup?: number;
  target?: string;
  note?: string;
}
const figures: Figure[] = [];
const time = async (f: () => unknown | Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const median = async (runs: number, f: () => unknown | Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push(await time(f));
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};
// setBackend resolves false when a backend fails to start, while getBackend() may still name it: check both.
const backend = async (name: string) => {
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`backend ${name} did not start`);
};
const log = (s: string) => process.stderr.write(`${s}\n`);

if (!only) {
  // 1. Dense Hessian of a 2-30-30-1 tanh MLP on 100 points (P = 1051).
  {
    const rng = createRng(1);
    const N = 100;
    const X = Array.from({ length: 2 * N }, () => rng.normal());
    const Y = Array.from({ length: N }, (_, n) => Math.sin(X[2 * n]!) * X[2 * n + 1]!);
    const spec: MlpSpec = { widths: [2, 30, 30, 1], activation: 'tanh', bias: true };
    const theta = mlpInit(spec, createRng(2));
    const P = theta.length;
    const e = (i: number) => {
      const v = new Float32Array(P);
      v[i] = 1;
      return v;
    };
    const serial = async (name: string) => {
      await backend(name);
      const obj = mlpObjective(spec, 'mse', X, Y, N);
      const loss = (t: tf.Tensor2D) => obj.loss(t);
      const count = full ? P : 100;
      const ms =
        (await time(() => {
          for (let i = 0; i < count; i++) hessianVectorProduct(loss, theta, e(i));
        })) *
        (P / count);
      obj.dispose();
      return ms;
    };
    log(`dense Hessian, P = ${P}: serial baselines…`);
    const serialCpu = await serial('cpu');
    const serialWasm = await serial('wasm');
    await backend('wasm');
    const obj = mlpObjective(spec, 'mse', X, Y, N);
    const ours = await median(3, () => objectiveHessian(obj, theta));
    const autodiffBatched = await time(() => denseHessian((t) => obj.loss(t), theta, 256));
    obj.dispose();
    const scaled = full ? '' : ' (100 products timed, scaled to P)';
    figures.push({
      name: `dense Hessian P=${P}, R-operator batched, wasm`,
      value: ours,
      unit: 'ms',
      baseline: { name: `loop of ${P} serial HVPs, cpu${scaled}`, value: serialCpu },
      speedup: serialCpu / ours,
      target: '≥ 10×',
    });
    figures.push({
      name: `dense Hessian P=${P}, R-operator batched, wasm`,
      value: ours,
      unit: 'ms',
      baseline: { name: `loop of ${P} serial HVPs, wasm${scaled}`, value: serialWasm },
      speedup: serialWasm / ours,
      target: '≥ 10×',
    });
    figures.push({
      name: `dense Hessian P=${P}, reverse-over-reverse on stacked copies, wasm`,
      value: autodiffBatched,
      unit: 'ms',
      baseline: { name: `loop of ${P} serial HVPs, cpu${scaled}`, value: serialCpu },
      speedup: serialCpu / autodiffBatched,
      note: 'generic path for models without an R-operator',
    });
  }

  // 2. Symmetric eigendecomposition at P = 1000 (values and vectors) against ml-matrix.
  {
    log('eigendecomposition…');
    for (const r of await benchLinalg()) {
      figures.push({
        name: r.name,
        value: r.ms,
        unit: 'ms',
        baseline: { name: r.baselineName, value: r.baselineMs },
        speedup: r.speedup,
        ...(r.name.includes('1000') ? { target: '≤ 1500 ms and ≥ 3×' } : {}),
      });
    }
  }

  // 3. 100 independent XOR trainings (2-4-1 tanh, Adam, 5,000 steps): one batch against a loop of single runs.
  {
    const xor = makeXor();
    const spec: MlpSpec = { widths: [2, 4, 1], activation: 'tanh', bias: true };
    const R = 100;
    const steps = 5000;
    const starts = Array.from({ length: R }, (_, r) => mlpInit(spec, createRng(100 + r)));
    const config = trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps, recordEvery: steps });
    const ctx = { rng: createRng(1) };
    const batchedOn = async (name: string) => {
      await backend(name);
      const obj = mlpObjective(spec, 'mse', xor.inputs, xor.targets, xor.n);
      const ms = await time(() => trainBatched(obj, Float32Array.from(starts.flatMap((s) => [...s])), R, config, ctx));
      obj.dispose();
      return ms;
    };
    log('XOR: batched runs…');
    const batchedWasm = await batchedOn('wasm');
    const batchedCpu = await batchedOn('cpu');
    log('XOR: loop of single runs…');
    await backend('cpu'); // the faster backend for one small run (less overhead per op)
    const obj = mlpObjective(spec, 'mse', xor.inputs, xor.targets, xor.n);
    const loops = full ? R : 10;
    const loopMs =
      (await time(async () => {
        for (let r = 0; r < loops; r++) await trainBatched(obj, starts[r]!, 1, config, ctx);
      })) *
      (R / loops);
    obj.dispose();
    const scaled = full ? '' : ` (${loops} runs timed, scaled to ${R})`;
    figures.push({
      name: `${R} XOR trainings × ${steps} Adam steps, one batch, wasm`,
      value: batchedWasm,
      unit: 'ms',
      baseline: { name: `JS loop of ${R} single runs, cpu${scaled}`, value: loopMs },
      speedup: loopMs / batchedWasm,
      target: '≥ 10×',
    });
    figures.push({
      name: `${R} XOR trainings × ${steps} Adam steps, one batch, cpu`,
      value: batchedCpu,
      unit: 'ms',
      baseline: { name: `JS loop of ${R} single runs, cpu${scaled}`, value: loopMs },
      speedup: loopMs / batchedCpu,
      target: '≥ 10×',
    });
  }

  // 3b. The full-batch training step: the stepper (one evaluation of L and ∇L per step) against the old two-evaluation loop.
  for (const name of ['cpu', 'wasm']) {
    log(`training step, ${name}: stepper and the old loop…`);
    await backend(name);
    const f = await benchTrainingStep(name);
    figures.push({
      name: `full-batch training step, ${f.runs} runs of a 1-10-1 tanh MLP on sinc (Adam), stepper, ${name}`,
      value: f.stepperMs,
      unit: 'ms',
      baseline: { name: `old two-evaluation loop, ${name}`, value: f.baselineMs },
      speedup: f.baselineMs / f.stepperMs,
      note: `per step, median of 3 × ${f.steps} steps; final θ of the two differ by at most ${f.maxDifference.toExponential(1)}`,
    });
  }

  // 4. Tensor counts: unchanged after every experiment and after 10,000 training steps.
  {
    log('tensor counts…');
    await backend('wasm');
    const configs: [string, unknown][] = [
      ['toy-hessian', {}],
      ['relu-regression-minima', { starts: 64, steps: 500 }],
      ['mlp-spectrum', { steps: 500, criticalSteps: 100 }],
    ];
    for (const [id, config] of configs) {
      const before = tf.memory().numTensors;
      await runExperiment({ id, config, seed: 1 });
      figures.push({ name: `tensors left by experiment ${id}`, value: tf.memory().numTensors - before, unit: 'tensors', target: '0' });
    }
    const xor = makeXor();
    const obj = mlpObjective({ widths: [2, 4, 1], activation: 'tanh', bias: true }, 'mse', xor.inputs, xor.targets, xor.n);
    const before = tf.memory().numTensors;
    await trainBatched(
      obj,
      new Float32Array(17 * 4).fill(0.3),
      4,
      trainConfigSchema.parse({ optimizer: { kind: 'adam', lr: 0.01 }, steps: 10_000 }),
      { rng: createRng(1) },
    );
    figures.push({
      name: 'tensors left after 10,000 training steps',
      value: tf.memory().numTensors - before,
      unit: 'tensors',
      target: '0',
    });
    obj.dispose();
  }

  // 5. Main-thread work per interaction of the closed-form widgets (the numbers only; the worker is for the heavy ones).
  {
    log('closed-form widget interactions…');
    const saddle = SURFACES.saddle;
    figures.push({
      name: 'SurfaceExplorer click: point analysis + 200-step descent path',
      value: await median(51, () => {
        analyzePoint(saddle, [0.3, -0.2]);
        descentPath(saddle, [0.3, -0.2], 0.1, 200);
      }),
      unit: 'ms',
      target: '≤ 8 ms (half a 60 Hz frame), else the worker',
    });
    figures.push({
      name: 'TaylorApproximation move: 161-point curves + useful radius',
      value: await median(51, () => {
        const line = slice2d(saddle, [0.5, 0.5], 30);
        taylorCurves(line, 1.5);
        usefulRadius(line, 1.5, 0.1);
      }),
      unit: 'ms',
      target: '≤ 8 ms (half a 60 Hz frame), else the worker',
    });
    figures.push({
      name: 'SaddleDynamics change: trajectories + 15-point escape sweep (defaults)',
      value: await median(21, () =>
        dynamicsScene({ lambda1: 1, lambda2: -0.5, lr: 0.1, beta: 0.9, sigma: 0.01, epsilon: 1e-3, seed: 1 }, [1e-8, 1e-1], 5000),
      ),
      unit: 'ms',
      target: '≤ 8 ms (half a 60 Hz frame), else the worker',
    });
  }
}

// 6. The reproductions: live defaults in Chromium, and paper-preset slices on every core against single runs.
// (Their sweeps are float64 JavaScript; tfjs only counts tensors for the leak check, on the cpu backend.)
if (only !== 'lighthouse') {
  await backend('cpu');
  figures.push(...(await benchLiveDefaults(log)), ...(await benchPaperSlices(log, new URL(import.meta.url))));
}

// 7. Lighthouse on every lecture page (issue #10), last and alone, so that nothing else loads the machine meanwhile.
if (!only || only === 'lighthouse') figures.push(...(await benchLighthouse(log)));

const fmt = (v: number, unit: string) =>
  unit === 'ms'
    ? v >= 10_000
      ? `${(v / 1000).toFixed(1)} s`
      : v < 10
        ? `${v.toFixed(2)} ms`
        : `${v.toFixed(0)} ms`
    : `${Number(v.toPrecision(3))} ${unit}`;
for (const f of figures) {
  const base = f.baseline ? `   vs ${f.baseline.name}: ${fmt(f.baseline.value, f.unit)}  → ${f.speedup!.toFixed(1)}×` : '';
  console.log(`${f.name}: ${fmt(f.value, f.unit)}${base}${f.target ? `   [target ${f.target}]` : ''}${f.note ? `   (${f.note})` : ''}`);
}
mkdirSync('bench-results', { recursive: true });
const record = { date: new Date().toISOString(), node: process.version, full, figures };
writeFileSync('bench-results/bench.json', `${JSON.stringify(record, null, 2)}\n`);
console.log('written bench-results/bench.json');
