// The summary of the deep-linear sweep (deep-linear.ts): per cell (activation × depth) the sorted gaps to the global
// minimum, their histogram and the outcome counts; the data's rank conditions; the analysis of the origin.
import { topSingular } from '../models/deep-linear-origin.ts';
import type { RegressionData } from '../data/linear-regression.ts';
import type { GlobalMinimum, LinearOptimum } from '../models/deep-linear-optimum.ts';
import { DL_ACTIVATIONS, DL_DEPTHS, DL_GAP_EDGES, gapBin, type DlActivation } from './deep-linear-limits.ts';
import type { DlCellSummary, DlJob, DlJobResult, DlSummary } from './deep-linear-schema.ts';
import type { DoneJob } from './sweep.ts';
import { fmt } from './types.ts';

export * from './deep-linear-schema.ts';

interface SummaryConfig {
  dx: number;
  dy: number;
  hidden: number;
  samples: number;
  scale: number;
  noise: number;
  dataSeed: number;
  lr: number;
  steps: number;
  gradTol: number;
  gapTol: number;
  initScale: number;
  runs: number;
  blocks: number;
}

const median = (s: readonly number[]) => (s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : null);

function cellSummary(activation: DlActivation, depth: number, mine: readonly DlJobResult[], gapTol: number): DlCellSummary {
  const gaps: number[] = [],
    losses: number[] = [],
    steps: number[] = [];
  let converged = 0,
    finished = 0,
    diverged = 0,
    dead = 0,
    maxGradNorm: number | null = null;
  for (const r of mine) {
    dead += r.dead;
    r.states.forEach((state, i) => {
      if (state === 'diverged') return void diverged++;
      if (state === 'converged') converged++;
      else finished++;
      if (r.gaps[i] !== null) gaps.push(r.gaps[i]!);
      if (r.losses[i] !== null) losses.push(r.losses[i]!);
      steps.push(r.steps[i]!);
      if (r.gradNorms[i] !== null) maxGradNorm = Math.max(maxGradNorm ?? 0, r.gradNorms[i]!);
    });
  }
  const asc = (a: number, b: number) => a - b;
  gaps.sort(asc);
  losses.sort(asc);
  steps.sort(asc);
  const histogram = new Array<number>(DL_GAP_EDGES.length + 1).fill(0);
  for (const g of gaps) histogram[gapBin(g)]!++;
  return {
    activation,
    depth,
    hiddenLayers: depth - 1,
    runs: converged + finished + diverged,
    converged,
    finished,
    diverged,
    dead,
    withinTol: gaps.filter((g) => Math.abs(g) <= gapTol).length,
    below: gaps.filter((g) => g < -gapTol).length,
    gaps,
    histogram,
    minGap: gaps[0] ?? null,
    medianGap: median(gaps),
    maxGap: gaps.at(-1) ?? null,
    minLoss: losses[0] ?? null,
    maxLoss: losses.at(-1) ?? null,
    spread: losses.length ? losses.at(-1)! - losses[0]! : null,
    medianSteps: median(steps),
    maxSteps: steps.at(-1) ?? null,
    maxGradNorm,
  };
}

/** The summary of any subset of finished jobs (in index order), with the data and origin analyses of the config. */
export function summarizeDeepLinear(
  c: SummaryConfig,
  done: readonly DoneJob<DlJob, DlJobResult>[],
  problem: { data: RegressionData; opt: LinearOptimum; min: GlobalMinimum },
): DlSummary {
  const { data, opt, min } = problem;
  const cells = DL_ACTIVATIONS.flatMap((activation) =>
    DL_DEPTHS.map((depth) =>
      cellSummary(
        activation,
        depth,
        done.filter((d) => d.job.activation === activation && d.job.depth === depth).map((d) => d.result),
        c.gapTol,
      ),
    ),
  );
  const lin = cells.filter((x) => x.activation === 'linear');
  const linGaps = lin.flatMap((x) => (x.maxGap === null ? [] : [x.maxGap]));
  let yy = 0;
  for (let i = 0; i < data.Y.length; i++) yy += data.Y[i]! ** 2;
  return {
    setting: {
      depths: [...DL_DEPTHS],
      depthCounts: 'weight matrices L = H + 1 (H hidden layers, the paper’s count)',
      dx: c.dx,
      dy: c.dy,
      hidden: c.hidden,
      samples: c.samples,
      scale: c.scale,
      noise: c.noise,
      dataSeed: c.dataSeed,
      lr: c.lr,
      steps: c.steps,
      gradTol: c.gradTol,
      gapTol: c.gapTol,
      initScale: c.initScale,
      runsPerCell: c.runs * c.blocks,
      loss: '½‖Ŷ − Y‖_F², summed over the samples (no 1/m)',
      init: 'Gaussian, variance 2/(fan_in + fan_out) (linear) or 2/fan_in (ReLU), times initScale²; no biases',
      gapEdges: [...DL_GAP_EDGES],
    },
    data: {
      conditions: opt.conditions,
      leastSquaresLoss: opt.lossOls,
      globalMinLoss: min.loss,
      globalMinRank: min.rank,
      globalMinKind: min.kind,
      lossAtOrigin: yy / 2,
      sigmaMaxXY: topSingular(opt.M, data.dy, data.dx).sigma,
    },
    origin: done.flatMap((d) => (d.result.origin ? [d.result.origin] : [])).sort((a, b) => a.depth - b.depth),
    cells,
    linear: {
      runs: lin.reduce((t, x) => t + x.runs, 0),
      withinTol: lin.reduce((t, x) => t + x.withinTol, 0),
      diverged: lin.reduce((t, x) => t + x.diverged, 0),
      maxGap: linGaps.length ? Math.max(...linGaps) : null,
    },
    jobsDone: done.length,
    jobsTotal: c.blocks * DL_ACTIVATIONS.length * DL_DEPTHS.length,
    runs: cells.reduce((t, x) => t + x.runs, 0),
    diverged: cells.reduce((t, x) => t + x.diverged, 0),
  };
}

/** A few lines for the command line. */
export function deepLinearLines(s: DlSummary): string[] {
  const d = s.data;
  const out = [
    `data d_x = ${s.setting.dx}, d_y = ${s.setting.dy}, m = ${s.setting.samples}, hidden width ${s.setting.hidden}: ` +
      `conditions ${d.conditions.hold ? 'hold' : 'FAIL'} (rank XXᵀ ${d.conditions.xxtRank}, rank XYᵀ ${d.conditions.xytRank}, ` +
      `Σ eigenvalues ${d.conditions.sigmaEigenvalues.map((v) => fmt(v)).join(', ')}); L* = ${fmt(d.globalMinLoss, 8)} (${d.globalMinKind}), L(0) = ${fmt(d.lossAtOrigin)}`,
    `linear runs: ${s.linear.withinTol} of ${s.linear.runs} within ${fmt(s.setting.gapTol)} of L*, largest gap ${s.linear.maxGap === null ? '–' : fmt(s.linear.maxGap, 3)}, ${s.linear.diverged} diverged`,
  ];
  for (const c of s.cells)
    out.push(
      `${c.activation} depth ${c.depth}: ${c.runs} runs, ${c.converged} converged, ${c.finished} out of budget, ${c.diverged} diverged` +
        (c.activation === 'relu' ? `, ${c.dead} dead, ${c.below} below the linear L*` : '') +
        `; gap min ${c.minGap === null ? '–' : fmt(c.minGap, 3)}, median ${c.medianGap === null ? '–' : fmt(c.medianGap, 3)}, max ${c.maxGap === null ? '–' : fmt(c.maxGap, 3)}` +
        `; ${c.withinTol} within tolerance`,
    );
  for (const o of s.origin)
    out.push(
      `origin, depth ${o.depth}: Hessian eigenvalues [${fmt(o.hessianMin)}, ${fmt(o.hessianMax)}] (exact [${fmt(o.analyticMin)}, ${fmt(o.analyticMax)}]), ` +
        `${o.negative} negative, verdict ${o.verdict}; L(tD) − L(0) = −${fmt(o.coefficient)} t^${o.order} + …, ` +
        `measured/t^${o.order} at t = ${o.probes.map((p) => `${p.t}: ${fmt(p.measured, 6)}`).join(', ')}`,
    );
  return out;
}
