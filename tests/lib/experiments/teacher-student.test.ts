// The Safran & Shamir reproduction: the descent loop against the closed forms, minima global and spurious, the sweep's jobs and summary.
import { describe, expect, it } from 'vitest';
import { orthonormalRows } from '../../../src/lib/data/teacher.ts';
import { symmetricEigen } from '../../../src/lib/linalg/symmetric-eigen.ts';
import { certifyMinimum } from '../../../src/lib/models/teacher-student-certificate.ts';
import { descendBatch, PAPER_GRAD_TOL, PAPER_RESTART_GRAD, type DescentOptions } from '../../../src/lib/models/teacher-student-descent.ts';
import { populationGradient, populationHessian, populationLoss } from '../../../src/lib/models/teacher-student.ts';
import { createRng, normalVector, permutation } from '../../../src/lib/random/rng.ts';
import { AbortError } from '../../../src/lib/train/abort.ts';
import { createScheduler } from '../../../src/lib/train/scheduler.ts';
import { jobSeed, runJobAt, summarizeResults } from '../../../src/lib/experiments/sweep.ts';
import { shardIndices } from '../../../src/lib/experiments/results-file.ts';
import {
  descendJob,
  paperCell,
  PAPER_CELLS,
  runTeacherStudentJob,
  teacherStudent,
  teacherStudentConfig,
  teacherStudentJobs,
  xavierStarts,
  type TeacherStudentConfig,
  type TeacherStudentJobResult,
} from '../../../src/lib/experiments/teacher-student.ts';

const noYield = async () => {};
const options = (o: Partial<DescentOptions> = {}): DescentOptions => ({
  lr: 0.1,
  gradTol: PAPER_GRAD_TOL,
  lossTol: 0,
  maxSteps: 100_000,
  restartGrad: PAPER_RESTART_GRAD,
  maxRestarts: 4,
  ...o,
});

/** max_i ‖∇_{w_i}F‖ of the closed form. */
function rowGradMax(g: Float64Array, n: number, d: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let r = 0; r < d; r++) t += g[i * d + r]! ** 2;
    worst = Math.max(worst, Math.sqrt(t));
  }
  return worst;
}

describe('descendBatch (the fast loop) against the closed forms of models/teacher-student.ts', () => {
  const rng = createRng(5);
  const cases = [
    { what: 'identity teacher, n = k = 5', n: 5, k: 5, d: 5, V: orthonormalRows(5, 5) },
    { what: 'identity teacher, n = 7 > k = 5', n: 7, k: 5, d: 5, V: orthonormalRows(5, 5) },
    { what: 'general teacher, n = 3, k = 4, d = 6', n: 3, k: 4, d: 6, V: normalVector(rng, 24) },
  ];

  it.each(cases)('evaluates F and max_i ‖∇_{w_i}F‖ as the closed form does ($what)', async ({ n, k, d, V }) => {
    const R = 4;
    const starts = normalVector(rng, R * n * d, 0.7);
    const out = await descendBatch(starts, R, n, V, k, d, options({ maxSteps: 1 }), noYield);
    out.forEach((run, r) => {
      const W = starts.subarray(r * n * d, (r + 1) * n * d);
      expect(run.state).toBe('budget');
      expect(Array.from(run.W)).toEqual(Array.from(W));
      expect(run.loss).toBeCloseTo(populationLoss(W, n, V, k, d), 13);
      expect(run.gradMax).toBeCloseTo(rowGradMax(populationGradient(W, n, V, k, d), n, d), 13);
    });
  });

  it.each(cases)('takes the step W − η∇F, and that step lowers F ($what)', async ({ n, k, d, V }) => {
    const R = 3;
    const starts = normalVector(rng, R * n * d, 0.7);
    const out = await descendBatch(starts, R, n, V, k, d, options({ maxSteps: 2 }), noYield);
    out.forEach((run, r) => {
      const W0 = starts.subarray(r * n * d, (r + 1) * n * d);
      const g = populationGradient(W0, n, V, k, d);
      run.W.forEach((w, p) => expect(w).toBeCloseTo(W0[p]! - 0.1 * g[p]!, 14));
      expect(populationLoss(run.W, n, V, k, d)).toBeLessThan(populationLoss(W0, n, V, k, d));
    });
  });

  it('gives a zero row a zero gradient and leaves it in place', async () => {
    const V = orthonormalRows(3, 3);
    const W = Float64Array.from([0.9, 0.2, -0.1, 0, 0, 0, 0.1, 0.3, 1.1]);
    const [run] = await descendBatch(W, 1, 3, V, 3, 3, options({ maxSteps: 2 }), noYield);
    expect(Array.from(run!.W.subarray(3, 6))).toEqual([0, 0, 0]);
    const g = populationGradient(W, 3, V, 3, 3);
    run!.W.forEach((w, p) => expect(w).toBeCloseTo(W[p]! - 0.1 * g[p]!, 14));
  });

  it('restarts a run that blows up from its start with the step halved, and ends it as diverged past maxRestarts', async () => {
    const V = orthonormalRows(4, 4);
    const starts = xavierStarts(createRng(9), 1, 4, 4);
    // Large steps overshoot until the gradient passes the restart norm; each restart halves the step.
    const [run] = await descendBatch(starts, 1, 4, V, 4, 4, options({ lr: 3000, maxRestarts: 30, lossTol: 1e-3 }), noYield);
    expect(run!.restarts).toBeGreaterThan(0);
    expect(run!.lr).toBe(3000 / 2 ** run!.restarts);
    expect(run!.state).toBe('low-loss');
    const [gone] = await descendBatch(starts, 1, 4, V, 4, 4, options({ lr: 3000, maxRestarts: 0 }), noYield);
    expect(gone!.state).toBe('diverged');
    expect(Array.from(gone!.W)).toEqual(Array.from(starts));
  });
});

describe('the global minimum W = V (rows in any order)', () => {
  it('has zero loss, zero gradient and a positive semidefinite Hessian, and descent stops there at once', async () => {
    const rng = createRng(3);
    for (const k of [6, 9]) {
      const V = orthonormalRows(k, k);
      const perm = permutation(rng, k);
      const W = new Float64Array(k * k);
      for (let i = 0; i < k; i++) W[i * k + perm[i]!] = 1;
      expect(Math.abs(populationLoss(W, k, V, k, k))).toBeLessThan(1e-14);
      expect(Math.max(...populationGradient(W, k, V, k, k).map(Math.abs))).toBeLessThan(1e-15);
      const { values } = symmetricEigen(populationHessian(W, k, V, k, k), k * k);
      expect(values[0]!).toBeGreaterThan(-1e-12);
      const [run] = await descendBatch(W, 1, k, V, k, k, options(), noYield);
      expect(run!.state).toBe('converged');
      expect(run!.steps).toBe(1);
    }
  });
});

/** k = 7, n = 7 with 20 runs: seed 4 is one whose first block holds spurious points (the paper finds them in 5.5% of runs). */
const small: TeacherStudentConfig = teacherStudentConfig.parse({ ks: [7], nMinusK: [0], runsPerCell: 20, runsPerJob: 20 });
const smallJobs = teacherStudentJobs(small);
const smallResult = runJobAt(teacherStudent.sweep, small, smallJobs, 0, 4) as Promise<TeacherStudentJobResult>;

describe('a spurious point found by a small run (k = n = 7)', () => {
  it('is a critical point by the paper’s rule, with λ_min > 0, passing the authors’ minimum test', async () => {
    const r = await smallResult;
    expect(r.spurious).toBeGreaterThan(0);
    expect(r.certified).toBe(r.spurious);
    for (const p of r.points) {
      expect(p.loss).toBeGreaterThanOrEqual(small.spuriousLoss);
      // The closed-form gradient agrees with the loop's to rounding, so the stopping rule holds for it too.
      expect(p.gradMax).toBeLessThanOrEqual(PAPER_GRAD_TOL * 1.001);
      expect(p.lambdaMin).toBeGreaterThan(0);
      expect(p.verdict).toBe('certified');
    }
  });

  it('comes from descents that never climbed, so stopping the others at F ≤ 10⁻³ changed no verdict', async () => {
    const r = await smallResult;
    expect(r.climbs).toBe(0);
    expect(r.global).toBe(r.runs - r.spurious);
  });

  it('matches the paper’s (7, 7) row: F ≈ 0.023 and λ_min ≈ 0.014 at the printed precision', async () => {
    const r = await smallResult;
    const row = PAPER_CELLS.find((c) => c.k === 7 && c.n === 7)!;
    for (const p of r.points) {
      expect(Math.abs(p.loss - row.loss)).toBeLessThan(5e-4);
      expect(Math.abs(p.lambdaMin - row.lambdaMin)).toBeLessThan(5e-4);
    }
  });

  it('is a local minimum seen without the Hessian: F rises along 200 random directions of length 10⁻³', async () => {
    // Recompute the end point of a spurious run from its start, to probe it.
    const rng = createRng(0);
    const { V, ended } = await descendJob(smallJobs[0]!, small, { rng: createRng(jobSeed(4, 0)), scheduler: createScheduler() });
    const bad = ended.find((e) => e.state === 'converged' && populationLoss(e.W, 7, V, 7, 7) >= small.spuriousLoss)!;
    expect(bad).toBeDefined();
    const F0 = populationLoss(bad.W, 7, V, 7, 7);
    for (let t = 0; t < 200; t++) {
      const u = normalVector(rng, 49);
      const s = 1e-3 / Math.hypot(...u);
      const F = populationLoss(
        bad.W.map((w, p) => w + s * u[p]!),
        7,
        V,
        7,
        7,
      );
      expect(F).toBeGreaterThan(F0);
    }
    // And the authors' test passes on it independently of the job's bookkeeping.
    const g = populationGradient(bad.W, 7, V, 7, 7);
    const lambda = symmetricEigen(populationHessian(bad.W, 7, V, 7, 7), 49).values[0]!;
    expect(certifyMinimum(bad.W, 7, V, 7, 7, lambda, Math.hypot(...g)).verdict).toBe('certified');
    expect(certifyMinimum(bad.W, 7, V, 7, 7, -lambda, Math.hypot(...g)).verdict).toBe('hessian');
    expect(certifyMinimum(bad.W, 7, V, 7, 7, lambda, 1).verdict).toBe('gradient');
  });

  it('plus one small neuron, descends no higher than F + ε√F + ε²/4, the most a new neuron of norm ε can add', async () => {
    const r = await smallResult;
    expect(r.extra.length).toBe(Math.min(r.spurious, small.extraNeuron.perJob));
    const eps = small.extraNeuron.scale;
    for (const t of r.extra) {
      // F(W, εu) − F(W) = ε E[ReLU(uᵀx)(f − g)] + ε²/4 ≤ ε √(E ReLU²) √(E (f − g)²) + ε²/4 = ε √F + ε²/4.
      expect(t.loss).toBeLessThanOrEqual(t.fromLoss + eps * Math.sqrt(t.fromLoss) + eps ** 2 / 4);
      expect(['global', 'spurious']).toContain(t.outcome);
      if (t.outcome === 'global') expect(t.loss).toBeLessThan(small.spuriousLoss);
      else expect(t.lambdaMin).not.toBeNull();
    }
  });
});

describe('the sweep', () => {
  it('gives the same result for a job run twice, and for the job alone or inside the whole sweep', async () => {
    const c = teacherStudentConfig.parse({ ks: [6], nMinusK: [0, 1], runsPerCell: 6, runsPerJob: 3 });
    const jobs = teacherStudentJobs(c);
    const a = await runJobAt(teacherStudent.sweep, c, jobs, 3, 11);
    const b = await runJobAt(teacherStudent.sweep, c, jobs, 3, 11);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const whole = await teacherStudent.run(c, { rng: createRng(11) });
    expect(JSON.stringify(whole.results[3])).toBe(JSON.stringify(a));
    expect(teacherStudent.sweep.resultSchema.safeParse(a).success).toBe(true);
  });

  it('orders jobs block-major, and a paper shard i/4 or i/8 holds every cell equally', () => {
    const paper = teacherStudentConfig.parse(teacherStudent.sweep.presets.paper);
    const jobs = teacherStudentJobs(paper);
    expect(jobs).toHaveLength(45 * 40);
    expect(jobs.slice(0, 45).map((j) => j.block)).toEqual(new Array(45).fill(0));
    for (let cell = 0; cell < 45; cell++) expect(jobs.filter((j) => j.cell === cell).reduce((t, j) => t + j.runs, 0)).toBe(1000);
    for (const N of [4, 8])
      for (const i of [0, N - 1]) {
        const per = new Array(45).fill(0);
        for (const index of shardIndices(jobs.length, { index: i, count: N })) per[jobs[index]!.cell]! += jobs[index]!.runs;
        expect(new Set(per)).toEqual(new Set([1000 / N]));
      }
  });

  it('summarises any subset of jobs: counts add up, cells without jobs are empty, the paper’s rows sit beside ours', async () => {
    const c = teacherStudentConfig.parse({ ks: [6, 8], nMinusK: [0, 1], runsPerCell: 4, runsPerJob: 2, extraNeuron: { perJob: 1 } });
    const jobs = teacherStudentJobs(c);
    const done = [];
    for (const index of [0, 2, 5])
      done.push({ index, result: (await runJobAt(teacherStudent.sweep, c, jobs, index, 2)) as TeacherStudentJobResult });
    const s = summarizeResults(teacherStudent.sweep, c, jobs, done);
    expect(teacherStudent.sweep.summarySchema.safeParse(s).success).toBe(true);
    expect(s.cells.map((x) => [x.k, x.n, x.runs])).toEqual([
      [6, 6, 2],
      [6, 7, 2],
      [8, 8, 2],
      [8, 9, 0],
    ]);
    expect(s.totals.runs).toBe(6);
    for (const cell of s.cells) {
      expect(cell.global + cell.spurious + cell.unfinished + cell.diverged).toBe(cell.runs);
      if (cell.runs === 0) expect([cell.percent, cell.interval, cell.lambdaMin]).toEqual([null, null, null]);
      else expect(cell.interval![0]).toBeLessThanOrEqual(cell.percent!);
    }
    expect(s.cells[0]!.paper).toEqual({ status: 'row', percent: 0.3, lambdaMin: 0.0047, loss: 0.025 });
    expect(s.cells[1]!.paper).toEqual({ status: 'none-found' });
    expect(paperCell(20, 21)).toBe('not-run');
    expect(teacherStudent.sweep.lines(s).length).toBe(s.cells.length + 2);
  });

  it('stops a job at once when its signal fires mid-descent', async () => {
    const controller = new AbortController();
    const scheduler = createScheduler(controller.signal, 0);
    let ticks = 0;
    const job = teacherStudentJobs(small)[0]!;
    const run = runTeacherStudentJob(job, small, {
      rng: createRng(1),
      scheduler: {
        ...scheduler,
        tick: async () => {
          if (++ticks === 3) controller.abort();
          return scheduler.tick();
        },
      },
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(ticks).toBe(3);
  });
});
