// Experiment: how often does a 2-h-1 network trained from a random start reach zero training error on XOR and on the
// jellyfish data? Reproduces the "convergence" table of Swirszcz, Czarnecki & Pascanu (2016, arXiv:1611.06310):
// h = 2…7, ReLU and sigmoid hidden units, Adam and full-batch gradient descent, 48 cells.
//
// Our choices where the paper is silent (all config fields, all reported in the summary):
// - loss: mean logistic loss (cross-entropy of σ(z) against 0/1 targets) on the four points; success = every point on
//   the right side of z = 0 after the last step (a point with z = 0 counts as an error);
// - initialisation: Glorot/Xavier uniform weights (W ~ U(±√(6/(2+h))), v ~ U(±√(6/(h+1))), times `initScale`),
//   zero biases, the default of the common 2016 toolkits;
// - full-batch GD at lr `gdLr`, Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) at lr `adamLr`, `steps` steps each;
// - XOR on {0,1}² (or {−1,1}² with `xorCentered`).
//
// Jobs are block-major: block 0 of every cell, then block 1 of every cell (each block's cell order rotated by one),
// so round-robin shards and the first jobs of a live run cover every cell.
import { z } from 'zod';
import { count, positiveNumber } from '../config/numbers.ts';
import { makeJellyfish } from '../data/jellyfish.ts';
import { makeXor } from '../data/xor.ts';
import { allReluDead, batchTrainer, paramCount, trainingErrors, type Optimizer, type Points } from '../models/two-layer-classifier.ts';
import type { Rng } from '../random/rng.ts';
import { wilsonInterval } from './goe-stats.ts';
import { defineSweep } from './sweep.ts';
import { fmt } from './types.ts';
import { XJ_LIVE, XJ_MAX_BLOCKS, XJ_MAX_RUNS, XJ_MAX_STEPS, XJ_PAPER, XJ_STEPS_PER_TICK } from './xor-jellyfish-limits.ts';
import {
  XJ_ACTIVATIONS,
  XJ_DATASETS,
  XJ_OPTIMIZERS,
  XJ_WIDTHS,
  paperRate,
  type XjActivation,
  type XjDataset,
  type XjOptimizer,
} from './xor-jellyfish-paper.ts';

export * from './xor-jellyfish-limits.ts';
export * from './xor-jellyfish-paper.ts';

export const xorJellyfishConfig = z.strictObject({
  /** Runs in one job (one block of one cell). */
  runs: count('runs', XJ_MAX_RUNS).default(XJ_LIVE.runs),
  /** Blocks per cell: a cell gets runs × blocks random starts. */
  blocks: count('blocks', XJ_MAX_BLOCKS).default(XJ_LIVE.blocks),
  /** Full-batch steps per run. */
  steps: count('steps', XJ_MAX_STEPS).default(XJ_LIVE.steps),
  gdLr: positiveNumber('gdLr').default(1),
  adamLr: positiveNumber('adamLr').default(0.01),
  /** Multiplies the Glorot-uniform bounds of the weights. */
  initScale: positiveNumber('initScale').default(1),
  /** XOR on {−1,1}² instead of {0,1}². */
  xorCentered: z.boolean().default(false),
});
export type XorJellyfishConfig = z.output<typeof xorJellyfishConfig>;

export interface XjCell {
  dataset: XjDataset;
  activation: XjActivation;
  optimizer: XjOptimizer;
  h: number;
}
export interface XjJob extends XjCell {
  block: number;
}

const jobResult = z.strictObject({
  runs: z.number().int(),
  /** Runs with zero training error after the last step. */
  successes: z.number().int(),
  /** Runs stopped by the divergence rule. */
  diverged: z.number().int(),
  /** ReLU runs whose hidden units are all inactive on all four points after the last step (0 for sigmoid). */
  dead: z.number().int(),
  /** Sum over runs of the final training errors (0…4 each). */
  errors: z.number().int(),
});
export type XjJobResult = z.output<typeof jobResult>;

const cellSummary = z.strictObject({
  dataset: z.enum(['xor', 'jellyfish']),
  activation: z.enum(['relu', 'sigmoid']),
  optimizer: z.enum(['adam', 'gd']),
  h: z.number().int(),
  runs: z.number().int(),
  successes: z.number().int(),
  diverged: z.number().int(),
  dead: z.number().int(),
  /** successes / runs (null before any run of the cell finished). */
  rate: z.number().nullable(),
  /** Wilson 95% interval of the rate. */
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** The published rate (fraction). */
  paper: z.number(),
});
export type XjCellSummary = z.output<typeof cellSummary>;

const summarySchema = z.strictObject({
  setting: z.strictObject({
    steps: z.number().int(),
    gdLr: z.number(),
    adamLr: z.number(),
    initScale: z.number(),
    xorCentered: z.boolean(),
    runsPerCell: z.number().int(),
    loss: z.string(),
    init: z.string(),
  }),
  jobsDone: z.number().int(),
  jobsTotal: z.number().int(),
  runs: z.number().int(),
  diverged: z.number().int(),
  cells: z.array(cellSummary),
});
export type XjSummary = z.output<typeof summarySchema>;

/** The 48 cells in table order: optimizer, data set, activation, then h. */
export const XJ_CELLS: readonly XjCell[] = XJ_OPTIMIZERS.flatMap((optimizer) =>
  XJ_DATASETS.flatMap((dataset) => XJ_ACTIVATIONS.flatMap((activation) => XJ_WIDTHS.map((h) => ({ dataset, activation, optimizer, h })))),
);

const sameCell = (a: XjCell, b: XjCell) =>
  a.dataset === b.dataset && a.activation === b.activation && a.optimizer === b.optimizer && a.h === b.h;

/** The four points of a data set as plain float64 arrays. */
export function pointsOf(dataset: XjDataset, xorCentered: boolean): Points {
  const ds = dataset === 'xor' ? makeXor({ centered: xorCentered }) : makeJellyfish();
  return { x: Float64Array.from(ds.inputs), t: Float64Array.from(ds.targets), n: ds.n };
}

/** Glorot-uniform weights and zero biases for `runs` runs, drawn run by run from `rng`. */
export function initialTheta(runs: number, h: number, initScale: number, rng: Rng): Float64Array {
  const P = paramCount(h);
  const theta = new Float64Array(runs * P);
  const a1 = initScale * Math.sqrt(6 / (2 + h));
  const a2 = initScale * Math.sqrt(6 / (h + 1));
  for (let r = 0; r < runs; r++) {
    const o = r * P;
    for (let k = 0; k < 2 * h; k++) theta[o + k] = a1 * (2 * rng.next() - 1);
    for (let j = 0; j < h; j++) theta[o + 3 * h + j] = a2 * (2 * rng.next() - 1);
  }
  return theta;
}

export const optimizerOf = (kind: XjOptimizer, c: XorJellyfishConfig): Optimizer =>
  kind === 'gd' ? { kind: 'gd', lr: c.gdLr } : { kind: 'adam', lr: c.adamLr, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Counts the outcomes of trained runs. */
export function tally(theta: Float64Array, diverged: Uint8Array, cell: XjCell, data: Points): XjJobResult {
  const runs = diverged.length;
  const out: XjJobResult = { runs, successes: 0, diverged: 0, dead: 0, errors: 0 };
  for (let r = 0; r < runs; r++) {
    if (diverged[r]) {
      out.diverged++;
      out.errors += data.n;
      continue;
    }
    const e = trainingErrors(theta, r, cell.h, cell.activation, data);
    out.errors += e;
    if (e === 0) out.successes++;
    if (cell.activation === 'relu' && allReluDead(theta, r, cell.h, data)) out.dead++;
  }
  return out;
}

export const xorJellyfish = defineSweep({
  id: 'xor-jellyfish',
  description:
    'How often 2-h-1 networks (h = 2…7, ReLU or sigmoid, Adam or full-batch GD) reach zero training error on XOR and the jellyfish data from random starts.',
  source: 'Swirszcz, Czarnecki & Pascanu 2016, arXiv:1611.06310, table of convergence rates; lecture "Do deep networks have local minima?"',
  configSchema: xorJellyfishConfig,
  presets: { live: { ...XJ_LIVE }, paper: { ...XJ_PAPER } },
  version: 1,
  resultSchema: jobResult,
  summarySchema,
  // Block b lists the cells rotated by b, so that a round-robin shard (every N-th job) meets every cell, not only the
  // cells ≡ i mod N that an unrotated order would give it whenever N divides 48.
  jobs: (c) =>
    Array.from({ length: c.blocks }, (_, block) => XJ_CELLS.map((_, k) => ({ ...XJ_CELLS[(k + block) % XJ_CELLS.length]!, block }))).flat(),
  async runJob(job, c, ctx) {
    const data = pointsOf(job.dataset, c.xorCentered);
    const theta = initialTheta(c.runs, job.h, c.initScale, ctx.rng);
    const trainer = batchTrainer(theta, c.runs, job.h, job.activation, data, optimizerOf(job.optimizer, c));
    const chunk = Math.max(1, Math.floor(XJ_STEPS_PER_TICK / Math.max(1, Math.ceil(c.runs / 16))));
    while (trainer.step < c.steps) {
      await ctx.scheduler.tick();
      trainer.advance(Math.min(chunk, c.steps - trainer.step));
      ctx.onProgress?.(trainer.step / c.steps);
    }
    ctx.scheduler.check();
    return tally(theta, trainer.diverged, job, data);
  },
  summarize(c, done) {
    const cells = XJ_CELLS.map((cell): XjCellSummary => {
      const mine = done.filter((d) => sameCell(d.job, cell));
      const sum = (key: keyof XjJobResult) => mine.reduce((t, d) => t + d.result[key], 0);
      const runs = sum('runs');
      const successes = sum('successes');
      const [lower, upper] = runs > 0 ? wilsonInterval(successes, runs) : [null, null];
      return {
        ...cell,
        runs,
        successes,
        diverged: sum('diverged'),
        dead: sum('dead'),
        rate: runs > 0 ? successes / runs : null,
        lower,
        upper,
        paper: paperRate(cell.optimizer, cell.dataset, cell.activation, cell.h)!,
      };
    });
    return {
      setting: {
        steps: c.steps,
        gdLr: c.gdLr,
        adamLr: c.adamLr,
        initScale: c.initScale,
        xorCentered: c.xorCentered,
        runsPerCell: c.runs * c.blocks,
        loss: 'mean logistic loss (binary cross-entropy of σ(z))',
        init: 'Glorot-uniform weights, zero biases',
      },
      jobsDone: done.length,
      jobsTotal: c.blocks * XJ_CELLS.length,
      runs: cells.reduce((t, x) => t + x.runs, 0),
      diverged: cells.reduce((t, x) => t + x.diverged, 0),
      cells,
    };
  },
  lines: (s) => [
    `${s.runs} runs (${s.jobsDone}/${s.jobsTotal} jobs), ${s.diverged} diverged; ${s.setting.steps} steps, GD lr ${fmt(s.setting.gdLr)}, Adam lr ${fmt(s.setting.adamLr)}`,
    ...s.cells.map(
      (x) =>
        `${x.optimizer} ${x.dataset} ${x.activation} h=${x.h}: ${x.successes}/${x.runs}` +
        (x.rate === null ? '' : ` = ${fmt(100 * x.rate, 3)}% [${fmt(100 * x.lower!, 3)}, ${fmt(100 * x.upper!, 3)}]`) +
        ` (paper ${fmt(100 * x.paper, 3)}%)` +
        (x.dead ? `, ${x.dead} all-dead` : ''),
    ),
  ],
  bench: {
    // One block of 25 starts in each of the 48 cells, batched; then the same 1,200 runs one per job.
    config: { runs: 25, blocks: 1, steps: XJ_PAPER.steps },
    single: (c) => ({ ...c, runs: 1, blocks: (c.runs ?? 1) * (c.blocks ?? 1) }),
    runs: (r) => r.runs,
    paperRuns: (c) => c.runs * c.blocks * XJ_CELLS.length,
  },
});
