// Schemas of the deep-linear sweep's job results and summary (deep-linear.ts, deep-linear-summary.ts).
import { z } from 'zod';
import type { DataConditions } from '../models/deep-linear-optimum.ts';
import type { OriginAnalysis } from '../models/deep-linear-origin.ts';
import { DL_ACTIVATIONS, type DlActivation } from './deep-linear-limits.ts';

export interface DlJob {
  activation: DlActivation;
  depth: number;
  block: number;
}

const num = z.number();
const conditionsSchema = z.strictObject({
  xxtRank: z.number().int(),
  xxtFullRank: z.boolean(),
  xytRank: z.number().int(),
  xytFullRank: z.boolean(),
  dyAtMostDx: z.boolean(),
  sigmaEigenvalues: z.array(num),
  sigmaMinRelativeGap: num.nullable(),
  sigmaDistinct: z.boolean(),
  hold: z.boolean(),
}) satisfies z.ZodType<DataConditions>;

export const originSchema = z.strictObject({
  depth: z.number().int(),
  hiddenLayers: z.number().int(),
  P: z.number().int(),
  gradNorm: num,
  hessianMin: num,
  hessianMax: num,
  analyticMin: num,
  analyticMax: num,
  fdError: num,
  negative: z.number().int(),
  zero: z.number().int(),
  positive: z.number().int(),
  verdict: z.enum(['local-minimum', 'local-maximum', 'saddle', 'degenerate', 'not-critical']),
  order: z.number().int(),
  coefficient: num,
  probes: z.array(z.strictObject({ t: num, measured: num, exact: num })),
}) satisfies z.ZodType<OriginAnalysis>;

/** One job's result: per run (in draw order) where it ended, and for the linear job of block 0 the origin analysis. */
export const dlJobResultSchema = z.strictObject({
  /** Final loss of each run (a diverged run: at its last finite θ). */
  losses: z.array(num.nullable()),
  /** L − L*: for linear runs from ½⟨E, EC⟩, for ReLU runs the loss minus the linear networks' L*. */
  gaps: z.array(num.nullable()),
  gradNorms: z.array(num.nullable()),
  steps: z.array(z.number().int()),
  states: z.array(z.enum(['converged', 'finished', 'diverged'])),
  /** ReLU runs with a hidden layer inactive on every sample. */
  dead: z.number().int(),
  /** The analysis of W = 0 at this depth (the linear job of block 0 only). */
  origin: originSchema.optional(),
});
export type DlJobResult = z.output<typeof dlJobResultSchema>;

const cellSchema = z.strictObject({
  activation: z.enum(DL_ACTIVATIONS),
  depth: z.number().int(),
  hiddenLayers: z.number().int(),
  runs: z.number().int(),
  converged: z.number().int(),
  /** Runs that spent the whole budget without meeting gradTol. */
  finished: z.number().int(),
  diverged: z.number().int(),
  dead: z.number().int(),
  /** Runs (not diverged) with |L − L*| ≤ gapTol. */
  withinTol: z.number().int(),
  /** Runs (not diverged) with L − L* < −gapTol: below the linear optimum (only a ReLU network can get there). */
  below: z.number().int(),
  /** L − L* of every run that did not diverge, ascending. */
  gaps: z.array(num),
  /** Counts per bin of DL_GAP_EDGES (length edges + 1). */
  histogram: z.array(z.number().int()),
  minGap: num.nullable(),
  medianGap: num.nullable(),
  maxGap: num.nullable(),
  /** Final losses of the runs that did not diverge: smallest, largest, and largest − smallest. */
  minLoss: num.nullable(),
  maxLoss: num.nullable(),
  spread: num.nullable(),
  medianSteps: num.nullable(),
  maxSteps: z.number().int().nullable(),
  /** Largest final ‖∇L‖ among the runs that did not diverge. */
  maxGradNorm: num.nullable(),
});
export type DlCellSummary = z.output<typeof cellSchema>;

export const deepLinearSummarySchema = z.strictObject({
  setting: z.strictObject({
    depths: z.array(z.number().int()),
    depthCounts: z.string(),
    dx: z.number().int(),
    dy: z.number().int(),
    hidden: z.number().int(),
    samples: z.number().int(),
    scale: num,
    noise: num,
    dataSeed: z.number().int(),
    lr: num,
    steps: z.number().int(),
    gradTol: num,
    gapTol: num,
    initScale: num,
    runsPerCell: z.number().int(),
    loss: z.string(),
    init: z.string(),
    gapEdges: z.array(num),
  }),
  data: z.strictObject({
    conditions: conditionsSchema,
    leastSquaresLoss: num,
    globalMinLoss: num,
    globalMinRank: z.number().int(),
    globalMinKind: z.enum(['least-squares', 'reduced-rank']),
    /** L(0) = ½‖Y‖² and σ_max(XYᵀ). */
    lossAtOrigin: num,
    sigmaMaxXY: num,
  }),
  /** The origin analysis of each depth whose linear block-0 job is done, by depth. */
  origin: z.array(originSchema),
  cells: z.array(cellSchema),
  /** All linear runs together: how many reached the global minimum within gapTol, and the largest gap of any. */
  linear: z.strictObject({ runs: z.number().int(), withinTol: z.number().int(), diverged: z.number().int(), maxGap: num.nullable() }),
  jobsDone: z.number().int(),
  jobsTotal: z.number().int(),
  runs: z.number().int(),
  diverged: z.number().int(),
});
export type DlSummary = z.output<typeof deepLinearSummarySchema>;
