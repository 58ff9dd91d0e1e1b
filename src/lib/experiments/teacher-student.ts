// Experiment: how often plain gradient descent on a two-layer ReLU teacher–student loss ends at a spurious local minimum.
//
// Reproduces Safran & Shamir (ICML 2018, arXiv:1712.08968), Tables 1 and 2, with their protocol as their code has it
// (github ItaySafran/OneLayerGDconvergence, GD_code/): x ~ N(0, I_d) with d = k, teacher v_j = e_j (j ≤ k), student
// of n neurons with output weights 1, the exact population loss F (models/teacher-student.ts); Xavier starts
// w_i ~ N(0, I_d/d); step 0.1 until max_i ‖2π∇_{w_i}F‖ ≤ 10⁻⁹, restarting with half the step if that norm passes 10⁴
// (models/teacher-student-descent.ts); an end point with F ≥ 10⁻³ is spurious (findBadMinima.m), and it counts as
// the paper counts it when it passes the authors' minimum test (models/teacher-student-certificate.ts): the paper's
// percentages are of those points only. Each one is reported with F, λ_min of the exact Hessian and ‖∇F‖.
//
// What one extra neuron does: from the first spurious points of a job (config.extraNeuron.perJob), an (n + 1)-neuron
// student starts at the spurious W plus a new row w_{n+1} = scale·u, u uniform on the unit sphere (drawn from the
// job's generator), and descends by the same rules; the trial reports whether it ended below the threshold (the
// global minimum F = 0 up to the threshold) or at another point at or above it.
//
// Differences from the authors' runs, all visible in the summary: a step budget (they had none; a run still moving
// then is 'unfinished'), runs that reach F ≤ 10⁻³ stop there (their verdict is the same as long as descent never
// climbs, and the summary counts every step where F rose: 'climbs'), and the float64 eigenvalue stands in for their
// rigorous bound. Jobs are blocks of runs of one
// (k, n), block-major (block 0 of every cell, then block 1, ...), so early jobs already fill the whole table; a
// round-robin shard i/N covers every cell equally when N divides the blocks per cell and shares no factor with the
// number of cells (paper preset: 40 blocks, 45 cells, so N = 2, 4 or 8).
import { z } from 'zod';
import { count, positiveNumber } from '../config/numbers.ts';
import { orthonormalRows } from '../data/teacher.ts';
import { symmetricEigenScheduled } from '../linalg/symmetric-eigen.ts';
import { certifyMinimum, type CertificateVerdict } from '../models/teacher-student-certificate.ts';
import {
  descendBatch,
  PAPER_GRAD_TOL,
  PAPER_RESTART_GRAD,
  PAPER_STEP_SIZE,
  type DescentOptions,
  type DescentRun,
} from '../models/teacher-student-descent.ts';
import { populationGradient, populationHessian, populationLoss } from '../models/teacher-student.ts';
import type { Rng } from '../random/rng.ts';
import { defineSweep, type JobContext } from './sweep.ts';
import { liveTeachers, TS_LIVE } from './teacher-student-limits.ts';
import {
  cellsOf,
  summarizeTeacherStudent,
  teacherStudentLines,
  type ExtraNeuronTrial,
  type RunOutcome,
  type SpuriousPoint,
  type TeacherStudentJob,
  type TeacherStudentJobResult,
  type TeacherStudentSummary,
} from './teacher-student-summary.ts';

export * from './teacher-student-summary.ts';
export * from './teacher-student-paper.ts';
export * from './teacher-student-limits.ts';

/** The paper's threshold: an end point with F at or above it is not a global minimum (findBadMinima.m). */
export const PAPER_SPURIOUS_LOSS = 1e-3;

const teacherSize = z.number().int().min(1, 'k must be at least 1').max(30, 'k must be at most 30');

export const teacherStudentConfig = z.strictObject({
  /** Teacher neurons k (the input dimension is d = k). */
  ks: z.array(teacherSize).min(1).default([6, 7, 8, 9]),
  /** Student neurons n as offsets n − k (0: n = k). */
  nMinusK: z.array(z.number().int().min(0).max(3)).min(1).default([0, 1]),
  runsPerCell: count('runsPerCell', 100_000).default(40),
  /** Runs in one job (one block of one cell). */
  runsPerJob: count('runsPerJob', 1000).default(10),
  lr: positiveNumber('lr').default(PAPER_STEP_SIZE),
  /** Stop when max_i ‖∇_{w_i}F‖ ≤ gradTol (the paper: 10⁻⁹/(2π)). */
  gradTol: positiveNumber('gradTol').default(PAPER_GRAD_TOL),
  spuriousLoss: positiveNumber('spuriousLoss').default(PAPER_SPURIOUS_LOSS),
  maxSteps: count('maxSteps', 100_000_000).default(200_000),
  maxRestarts: z.number().int().min(0).max(30).default(4),
  extraNeuron: z
    .strictObject({
      /** Trials per job, from its first spurious points (0: none). */
      perJob: z.number().int().min(0).max(1000).default(10),
      /** Norm of the new neuron. */
      scale: positiveNumber('extraNeuron.scale').default(0.01),
    })
    .prefault({}),
  /** Spurious points kept per job in the results. */
  keepPoints: z.number().int().min(0).max(1000).default(5),
});
export type TeacherStudentConfig = z.output<typeof teacherStudentConfig>;

const descentOptions = (c: TeacherStudentConfig): DescentOptions => ({
  lr: c.lr,
  gradTol: c.gradTol,
  lossTol: c.spuriousLoss,
  maxSteps: c.maxSteps,
  restartGrad: PAPER_RESTART_GRAD,
  maxRestarts: c.maxRestarts,
});

/** Block-major: block b of every cell, then block b + 1. */
export function teacherStudentJobs(c: TeacherStudentConfig): TeacherStudentJob[] {
  const grid = cellsOf(c);
  const blocks = Math.ceil(c.runsPerCell / c.runsPerJob);
  const jobs: TeacherStudentJob[] = [];
  for (let block = 0; block < blocks; block++) {
    const first = block * c.runsPerJob;
    const runs = Math.min(c.runsPerJob, c.runsPerCell - first);
    grid.forEach(({ k, n }, cell) => jobs.push({ cell, k, n, block, runs, first }));
  }
  return jobs;
}

/** Xavier starts, as the authors draw them (randn(d, n)/√d): R·n rows of d independent N(0, 1/d) entries. */
export function xavierStarts(rng: Rng, runs: number, n: number, d: number): Float64Array {
  const W = new Float64Array(runs * n * d);
  const s = 1 / Math.sqrt(d);
  for (let i = 0; i < W.length; i++) W[i] = s * rng.normal();
  return W;
}

/** Accurate F, ‖∇F‖ and max_i ‖∇_{w_i}F‖ at W (models/teacher-student.ts, not the descent loop's arithmetic). */
export function pointMeasures(W: Float64Array, n: number, V: Float64Array, k: number, d: number) {
  const g = populationGradient(W, n, V, k, d);
  let sq = 0,
    rowMax = 0;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let r = 0; r < d; r++) t += g[i * d + r]! ** 2;
    sq += t;
    rowMax = Math.max(rowMax, t);
  }
  return { loss: populationLoss(W, n, V, k, d), gradNorm: Math.sqrt(sq), gradMax: Math.sqrt(rowMax) };
}

const outcomeOf = (run: DescentRun, loss: number, threshold: number): RunOutcome =>
  run.state === 'diverged' ? 'diverged' : loss < threshold ? 'global' : run.state === 'converged' ? 'spurious' : 'unfinished';

async function smallestEigenvalue(W: Float64Array, n: number, V: Float64Array, k: number, d: number, ctx: JobContext): Promise<number> {
  const P = n * d;
  const { values } = await symmetricEigenScheduled(populationHessian(W, n, V, k, d), P, () => ctx.scheduler.tick());
  return values[0]!;
}

/** The extra-neuron trial from spurious point W (n rows): rows of W, then scale·u. */
async function extraNeuronTrial(
  W: Float64Array,
  fromLoss: number,
  n: number,
  V: Float64Array,
  k: number,
  d: number,
  c: TeacherStudentConfig,
  rng: Rng,
  ctx: JobContext,
): Promise<ExtraNeuronTrial> {
  const u = new Float64Array(d);
  let norm = 0;
  while (norm === 0) {
    for (let r = 0; r < d; r++) u[r] = rng.normal();
    norm = Math.hypot(...u);
  }
  const start = new Float64Array((n + 1) * d);
  start.set(W);
  for (let r = 0; r < d; r++) start[n * d + r] = (c.extraNeuron.scale * u[r]!) / norm;
  const [run] = await descendBatch(start, 1, n + 1, V, k, d, descentOptions(c), () => ctx.scheduler.tick());
  const { loss, gradNorm } = pointMeasures(run!.W, n + 1, V, k, d);
  const outcome = outcomeOf(run!, loss, c.spuriousLoss);
  if (outcome !== 'spurious' && outcome !== 'unfinished')
    return { fromLoss, loss, outcome, steps: run!.steps, lambdaMin: null, verdict: null };
  const lambdaMin = await smallestEigenvalue(run!.W, n + 1, V, k, d, ctx);
  const { verdict } = certifyMinimum(run!.W, n + 1, V, k, d, lambdaMin, gradNorm);
  return { fromLoss, loss, outcome, steps: run!.steps, lambdaMin, verdict };
}

/**
 * The descent part of a job: the teacher (d = k, v_j = e_j), the Xavier starts and where each run ended, and the
 * generator of the extra-neuron directions (split off first, so the starts do not depend on config.extraNeuron).
 */
export async function descendJob(job: TeacherStudentJob, c: TeacherStudentConfig, ctx: Pick<JobContext, 'rng' | 'scheduler'>) {
  const { k, n, runs } = job;
  const d = k;
  const V = orthonormalRows(k, d);
  const extraRng = ctx.rng.fork();
  const starts = xavierStarts(ctx.rng, runs, n, d);
  const ended = await descendBatch(starts, runs, n, V, k, d, descentOptions(c), () => ctx.scheduler.tick());
  return { d, V, ended, extraRng };
}

export async function runTeacherStudentJob(
  job: TeacherStudentJob,
  c: TeacherStudentConfig,
  ctx: JobContext,
): Promise<TeacherStudentJobResult> {
  const { k, n, runs } = job;
  const { d, V, ended, extraRng } = await descendJob(job, c, ctx);
  ctx.onProgress?.(0.5);
  const result: TeacherStudentJobResult = {
    runs,
    global: 0,
    spurious: 0,
    unfinished: 0,
    diverged: 0,
    restarts: 0,
    climbs: 0,
    certified: 0,
    positiveHessian: 0,
    certifiedLoss: 0,
    certifiedLambdaMin: 0,
    steps: 0,
    points: [],
    extra: [],
  };
  for (const run of ended) {
    result.restarts += run.restarts;
    result.climbs += run.climbs;
    result.steps += run.steps;
    const m = pointMeasures(run.W, n, V, k, d);
    const outcome = outcomeOf(run, m.loss, c.spuriousLoss);
    result[outcome]++;
    if (outcome !== 'spurious' && outcome !== 'unfinished') continue;
    const lambdaMin = await smallestEigenvalue(run.W, n, V, k, d, ctx);
    const verdict: CertificateVerdict = certifyMinimum(run.W, n, V, k, d, lambdaMin, m.gradNorm).verdict;
    if (lambdaMin > 0) result.positiveHessian++;
    if (verdict === 'certified') {
      result.certified++;
      result.certifiedLoss += m.loss;
      result.certifiedLambdaMin += lambdaMin;
    }
    const point: SpuriousPoint = { ...m, lambdaMin, steps: run.steps, state: run.state, verdict };
    if (result.points.length < c.keepPoints) result.points.push(point);
    if (outcome === 'spurious' && result.extra.length < c.extraNeuron.perJob)
      result.extra.push(await extraNeuronTrial(run.W, m.loss, n, V, k, d, c, extraRng, ctx));
  }
  ctx.onProgress?.(1);
  return result;
}

const finite = z.number().refine(Number.isFinite, 'must be finite');
const nonNegInt = z.number().int().min(0);
const outcomeSchema = z.enum(['global', 'spurious', 'unfinished', 'diverged']);
const verdictSchema = z.enum(['certified', 'hessian', 'gradient', 'radius', 'kink']);
const pointSchema = z.strictObject({
  loss: finite,
  lambdaMin: finite,
  gradNorm: finite,
  gradMax: finite,
  steps: nonNegInt,
  state: z.enum(['converged', 'low-loss', 'budget', 'diverged']),
  verdict: verdictSchema,
});
const trialSchema = z.strictObject({
  fromLoss: finite,
  loss: finite,
  outcome: outcomeSchema,
  steps: nonNegInt,
  lambdaMin: finite.nullable(),
  verdict: verdictSchema.nullable(),
});
const resultSchema = z.strictObject({
  runs: nonNegInt,
  global: nonNegInt,
  spurious: nonNegInt,
  unfinished: nonNegInt,
  diverged: nonNegInt,
  restarts: nonNegInt,
  climbs: nonNegInt,
  certified: nonNegInt,
  positiveHessian: nonNegInt,
  certifiedLoss: finite,
  certifiedLambdaMin: finite,
  steps: nonNegInt,
  points: z.array(pointSchema),
  extra: z.array(trialSchema),
});
const countsSchema = z.strictObject({
  tried: nonNegInt,
  global: nonNegInt,
  spurious: nonNegInt,
  unfinished: nonNegInt,
  diverged: nonNegInt,
  certified: nonNegInt,
});
const cellSchema = z.strictObject({
  k: nonNegInt,
  n: nonNegInt,
  runs: nonNegInt,
  global: nonNegInt,
  spurious: nonNegInt,
  unfinished: nonNegInt,
  diverged: nonNegInt,
  restarts: nonNegInt,
  climbs: nonNegInt,
  certified: nonNegInt,
  positiveHessian: nonNegInt,
  percent: finite.nullable(),
  interval: z.tuple([finite, finite]).nullable(),
  percentAll: finite.nullable(),
  lambdaMin: finite.nullable(),
  loss: finite.nullable(),
  meanSteps: finite.nullable(),
  paper: z.union([
    z.strictObject({ status: z.literal('row'), percent: finite, lambdaMin: finite, loss: finite }),
    z.strictObject({ status: z.enum(['none-found', 'not-run']) }),
  ]),
  extra: countsSchema,
  points: z.array(pointSchema),
});
const summarySchema = z.strictObject({
  cells: z.array(cellSchema),
  totals: z.strictObject({
    runs: nonNegInt,
    jobs: nonNegInt,
    diverged: nonNegInt,
    unfinished: nonNegInt,
    restarts: nonNegInt,
    climbs: nonNegInt,
  }),
  extraNeuron: countsSchema.extend({ scale: finite }),
  protocol: z.strictObject({ lr: finite, gradTol: finite, spuriousLoss: finite, maxSteps: nonNegInt }),
});

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const teacherStudent = defineSweep({
  id: 'teacher-student',
  description:
    'Safran & Shamir 2018: share of gradient-descent runs of an n-neuron ReLU student on a k-neuron orthonormal teacher that end at a spurious local minimum, with λ_min, and what one extra neuron does.',
  source: 'Safran & Shamir, ICML 2018 (arXiv:1712.08968), Tables 1 and 2; protocol from github ItaySafran/OneLayerGDconvergence',
  configSchema: teacherStudentConfig,
  presets: {
    live: {
      ks: liveTeachers(TS_LIVE.kMax),
      nMinusK: [...TS_LIVE.nMinusK],
      runsPerCell: TS_LIVE.runs * TS_LIVE.blocks,
      runsPerJob: TS_LIVE.runs,
    },
    paper: {
      ks: range(6, 20),
      nMinusK: [0, 1, 2],
      runsPerCell: 1000,
      runsPerJob: 25,
      maxSteps: 1_000_000,
      extraNeuron: { perJob: 2, scale: 0.01 },
      keepPoints: 3,
    },
  },
  version: 1,
  // The paper preset takes about 1.5 h on one core here: the committed file is a quarter of it (250 runs per cell).
  bench: {
    // The small teachers at exact width and one extra neuron, 50 runs each: batched in blocks of 25, then one by one.
    config: { ks: [6, 7, 8, 9], nMinusK: [0, 1], runsPerCell: 50, runsPerJob: 25 },
    single: (c) => ({ ...c, runsPerJob: 1 }),
    runs: (r) => r.runs,
    paperRuns: (c) => cellsOf(c).length * c.runsPerCell,
  },
  committed: { preset: 'paper', shard: '0/4' },
  resultSchema: resultSchema as z.ZodType<TeacherStudentJobResult>,
  summarySchema: summarySchema as z.ZodType<TeacherStudentSummary>,
  jobs: teacherStudentJobs,
  runJob: runTeacherStudentJob,
  summarize: (c, done) => summarizeTeacherStudent(c, done),
  lines: teacherStudentLines,
});
