import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng.ts';
import { runJobAt, summarizeResults } from '../../../src/lib/experiments/sweep.ts';
import { shardIndices } from '../../../src/lib/experiments/results-file.ts';
import {
  allReluDead,
  batchTrainer,
  lossAndGrad,
  paramCount,
  trainingErrors,
  type Activation,
} from '../../../src/lib/models/two-layer-classifier.ts';
import {
  XJ_CELLS,
  initialTheta,
  optimizerOf,
  paperRate,
  pointsOf,
  tally,
  xorJellyfish,
  xorJellyfishConfig,
  type XjCell,
  type XjJob,
} from '../../../src/lib/experiments/xor-jellyfish.ts';

const def = xorJellyfish.sweep;
const xor = pointsOf('xor', false);
const jelly = pointsOf('jellyfish', false);

/** Trains `runs` fresh Glorot starts of one cell and returns the tally (the job's own code path). */
function trainCell(cell: XjCell, runs: number, steps: number, seed: number) {
  const c = xorJellyfishConfig.parse({ runs, blocks: 1, steps });
  const data = pointsOf(cell.dataset, false);
  const theta = initialTheta(runs, cell.h, c.initScale, createRng(seed));
  const tr = batchTrainer(theta, runs, cell.h, cell.activation, data, optimizerOf(cell.optimizer, c));
  tr.advance(steps);
  return tally(theta, tr.diverged, cell, data);
}

/** The 2-2-1 ReLU solution of XOR on {0,1}²: z = 2·ReLU(x₁+x₂) − 4·ReLU(x₁+x₂−1) − 1. */
const XOR_SOLUTION = Float64Array.from([1, 1, 1, 1, 0, -1, 2, -4, -1]);

describe('the 2-h-1 classifier', () => {
  it.each<[Activation, number]>([
    ['sigmoid', 2],
    ['sigmoid', 5],
    ['relu', 3],
    ['relu', 7],
  ])('has the gradient of its loss (%s, h = %i) by central differences', (act, h) => {
    const rng = createRng(11 + h);
    const P = paramCount(h);
    for (const data of [xor, jelly]) {
      const theta = Float64Array.from({ length: P }, () => rng.normal());
      // Keep ReLU pre-activations away from the kink so the finite difference sees one linear piece.
      if (act === 'relu')
        for (let j = 0; j < h; j++)
          for (let i = 0; i < 4; i++) {
            const pre = theta[2 * j]! * data.x[2 * i]! + theta[2 * j + 1]! * data.x[2 * i + 1]! + theta[2 * h + j]!;
            if (Math.abs(pre) < 1e-3) theta[2 * h + j] = theta[2 * h + j]! + 0.01;
          }
      const grad = new Float64Array(P);
      lossAndGrad(theta, 0, h, act, data, grad);
      const eps = 1e-6;
      for (let k = 0; k < P; k++) {
        const plus = Float64Array.from(theta);
        const minus = Float64Array.from(theta);
        plus[k] = plus[k]! + eps;
        minus[k] = minus[k]! - eps;
        const fd = (lossAndGrad(plus, 0, h, act, data) - lossAndGrad(minus, 0, h, act, data)) / (2 * eps);
        expect(Math.abs(fd - grad[k]!)).toBeLessThan(1e-8 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('computes the logistic loss of a known point: z ≡ 0 gives log 2', () => {
    const theta = new Float64Array(paramCount(3));
    expect(lossAndGrad(theta, 0, 3, 'sigmoid', jelly)).toBeCloseTo(Math.LN2, 14);
  });

  it('counts a hand-set XOR solution as a success, and gradient descent keeps it one', () => {
    expect(trainingErrors(XOR_SOLUTION, 0, 2, 'relu', xor)).toBe(0);
    const theta = Float64Array.from(XOR_SOLUTION);
    const before = lossAndGrad(theta, 0, 2, 'relu', xor);
    const tr = batchTrainer(theta, 1, 2, 'relu', xor, { kind: 'gd', lr: 0.5 });
    tr.advance(500);
    expect(lossAndGrad(theta, 0, 2, 'relu', xor)).toBeLessThan(before);
    const cell: XjCell = { dataset: 'xor', activation: 'relu', optimizer: 'gd', h: 2 };
    expect(tally(theta, tr.diverged, cell, xor)).toEqual({ runs: 1, successes: 1, diverged: 0, dead: 0, errors: 0 });
  });

  it('leaves an all-dead ReLU start dead: only the output bias moves, and XOR is never solved', () => {
    const h = 4;
    const theta = new Float64Array(paramCount(h));
    for (let j = 0; j < h; j++) {
      theta[2 * j] = -1;
      theta[2 * j + 1] = -0.5;
      theta[2 * h + j] = -0.1; // every pre-activation ≤ −0.1 on {0,1}²
      theta[3 * h + j] = 1;
    }
    expect(allReluDead(theta, 0, h, xor)).toBe(true);
    const grad = new Float64Array(paramCount(h));
    lossAndGrad(theta, 0, h, 'relu', xor, grad);
    expect(grad.subarray(0, 4 * h).every((g) => g === 0)).toBe(true);
    const start = Float64Array.from(theta);
    for (const opt of [{ kind: 'gd', lr: 1 } as const, optimizerOf('adam', xorJellyfishConfig.parse({}))]) {
      const run = Float64Array.from(start);
      const tr = batchTrainer(run, 1, h, 'relu', xor, opt);
      tr.advance(3000);
      expect(Array.from(run.subarray(0, 4 * h))).toEqual(Array.from(start.subarray(0, 4 * h)));
      // A constant output gets two of the four XOR points wrong whatever c is.
      expect(trainingErrors(run, 0, h, 'relu', xor)).toBe(2);
      expect(tally(run, tr.diverged, { dataset: 'xor', activation: 'relu', optimizer: opt.kind, h }, xor)).toMatchObject({
        successes: 0,
        dead: 1,
      });
    }
  });

  it('trains R runs batched exactly as R single runs', () => {
    const h = 3;
    const P = paramCount(h);
    const theta = initialTheta(4, h, 1, createRng(5));
    const singles = [0, 1, 2, 3].map((r) => Float64Array.from(theta.subarray(r * P, (r + 1) * P)));
    const opt = optimizerOf('adam', xorJellyfishConfig.parse({}));
    batchTrainer(theta, 4, h, 'sigmoid', jelly, opt).advance(300);
    singles.forEach((s, r) => {
      batchTrainer(s, 1, h, 'sigmoid', jelly, opt).advance(300);
      expect(Array.from(s)).toEqual(Array.from(theta.subarray(r * P, (r + 1) * P)));
    });
  });
});

describe('the xor-jellyfish sweep', () => {
  const small = xorJellyfishConfig.parse({ runs: 3, blocks: 3, steps: 300 });

  it('lists its jobs block-major, every cell once per block, so round-robin shards meet every cell', () => {
    const paper = xorJellyfishConfig.parse(def.presets.paper);
    const jobs = def.jobs(paper);
    expect(jobs).toHaveLength(48 * paper.blocks);
    const key = (c: XjCell) => `${c.optimizer} ${c.dataset} ${c.activation} ${c.h}`;
    for (let b = 0; b < paper.blocks; b++) {
      const block = jobs.slice(48 * b, 48 * (b + 1));
      expect(block.every((j) => j.block === b)).toBe(true);
      expect(new Set(block.map(key)).size).toBe(48);
    }
    for (const n of [2, 3, 4, 5, 8])
      for (let i = 0; i < n; i++) {
        const mine = shardIndices(jobs.length, { index: i, count: n }).map((k) => jobs[k]!);
        expect(new Set(mine.map(key)).size).toBe(48);
      }
  });

  it('gives bit-identical job results for the same seed and index', async () => {
    const jobs = def.jobs(small);
    const a = await runJobAt(def, small, jobs, 7, 3);
    const b = await runJobAt(def, small, jobs, 7, 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.runs).toBe(3);
  });

  it('summarises any subset of jobs: cells without runs have no rate, the others count only their jobs', async () => {
    const jobs = def.jobs(small);
    const picked = [0, 50, 100];
    const done = [];
    for (const index of picked) done.push({ index, result: await runJobAt(def, small, jobs, index, 1) });
    const s = summarizeResults(def, small, jobs, done);
    expect(s.jobsDone).toBe(3);
    expect(s.jobsTotal).toBe(48 * 3);
    expect(s.runs).toBe(9);
    expect(s.setting.runsPerCell).toBe(9);
    const withRuns = s.cells.filter((c) => c.runs > 0);
    const cellsOf = new Set(
      picked.map((i) => (jobs[i] as XjJob).h + (jobs[i] as XjJob).optimizer + jobs[i]!.dataset + jobs[i]!.activation),
    );
    expect(withRuns).toHaveLength(cellsOf.size);
    for (const c of s.cells) {
      if (c.runs === 0) expect([c.rate, c.lower, c.upper]).toEqual([null, null, null]);
      else {
        expect(c.rate).toBe(c.successes / c.runs);
        expect(c.lower!).toBeLessThanOrEqual(c.rate!);
        expect(c.upper!).toBeGreaterThanOrEqual(c.rate!);
      }
      expect(c.paper).toBe(paperRate(c.optimizer, c.dataset, c.activation, c.h));
    }
    expect(def.summarySchema.safeParse(s).success).toBe(true);
    const empty = summarizeResults(def, small, jobs, []);
    expect(empty.runs).toBe(0);
  });

  it('has a bench setting with the same number of runs, one per job', () => {
    const paper = xorJellyfishConfig.parse(def.presets.paper);
    const single = xorJellyfishConfig.parse(def.bench!.single(def.presets.paper));
    expect(single.runs).toBe(1);
    expect(def.bench!.paperRuns(single)).toBe(def.bench!.paperRuns(paper));
    expect(paper.runs * paper.blocks).toBeGreaterThanOrEqual(100);
  });
});

// Qualitative patterns of the paper's table, with binomial tolerances: with n runs a rate p has standard error
// √(p(1−p)/n) ≤ 0.5/√n, so two independent rates differ by chance by more than 3·0.5·√(2/n) in well under 1% of seeds.
describe('the patterns of the published table', () => {
  const n = 60;
  const tol = 3 * 0.5 * Math.sqrt(2 / n);
  const rate = (cell: XjCell, steps = 2000, seed = 1) => trainCell(cell, n, steps, seed).successes / n;

  it('ReLU networks reach zero error on XOR more often when wider (h = 7 against h = 2, GD and Adam)', () => {
    for (const optimizer of ['gd', 'adam'] as const) {
      const narrow = rate({ dataset: 'xor', activation: 'relu', optimizer, h: 2 });
      const wide = rate({ dataset: 'xor', activation: 'relu', optimizer, h: 7 });
      expect(wide - narrow).toBeGreaterThan(tol);
    }
  });

  it('sigmoid networks of width ≥ 3 solve XOR with GD almost always, more often than ReLU networks of the same width', () => {
    const sig = rate({ dataset: 'xor', activation: 'sigmoid', optimizer: 'gd', h: 3 }, 10_000);
    const relu = rate({ dataset: 'xor', activation: 'relu', optimizer: 'gd', h: 3 }, 10_000);
    expect(sig).toBeGreaterThanOrEqual(0.9);
    expect(sig - relu).toBeGreaterThan(tol);
  });

  it('some narrow ReLU runs end with every hidden unit dead (the paper’s local minima), sigmoid runs never do', () => {
    const relu = trainCell({ dataset: 'jellyfish', activation: 'relu', optimizer: 'gd', h: 2 }, n, 2000, 2);
    const sig = trainCell({ dataset: 'jellyfish', activation: 'sigmoid', optimizer: 'gd', h: 2 }, n, 2000, 2);
    expect(relu.dead).toBeGreaterThan(0);
    expect(relu.successes + relu.dead).toBeLessThanOrEqual(n);
    expect(sig.dead).toBe(0);
  });

  it('stops a run whose loss is not finite, counts it as diverged and never as a success', () => {
    const h = 2;
    const theta = Float64Array.from([...XOR_SOLUTION, ...XOR_SOLUTION]);
    theta[paramCount(h) + 4 * h] = NaN; // the second run's output bias
    const tr = batchTrainer(theta, 2, h, 'relu', xor, { kind: 'gd', lr: 0.1 });
    tr.advance(10);
    expect(Array.from(tr.diverged)).toEqual([0, 1]);
    expect(tally(theta, tr.diverged, { dataset: 'xor', activation: 'relu', optimizer: 'gd', h }, xor)).toEqual({
      runs: 2,
      successes: 1,
      diverged: 1,
      dead: 0,
      errors: 4,
    });
    expect(XJ_CELLS).toHaveLength(48);
  });
});
