// Schemas of the minimum-ratio sweep's job results and summary (minimum-ratio.ts, minimum-ratio-summary.ts).
import { z } from 'zod';

export interface MrJob {
  block: number;
}

const num = z.number();
const int = z.number().int();

/** One network of a job: where training and the descent on ½‖∇L‖² left it, and its exact Hessian there. */
export const mrNetworkSchema = z.strictObject({
  /** L and ‖∇L‖ after training (Adam on L) and after the descent on ½‖∇L‖². */
  trainedLoss: num,
  trainedGradNorm: num,
  loss: num,
  gradNorm: num,
  /** How the descent on ½‖∇L‖² ended: target gradient reached, budget spent, or diverged (θ then is its last finite one). */
  state: z.enum(['converged', 'finished', 'diverged']),
  lambdaMin: num,
  lambdaMax: num,
  /**
   * The certificate max_j (2/N)‖(αⱼ, βⱼ)‖: the exact Hessian is its Gauss–Newton part (positive semidefinite) plus a
   * residual part whose eigenvalues are ±(2/N)‖(αⱼ, βⱼ)‖ and 0, so λ_min ≥ −certificate (Weyl).
   */
  certificate: num,
  /** Eigenvalues above τ and below −τ for each τ = t·λ_max of MR_TAU_GRID. */
  positive: z.array(int),
  negative: z.array(int),
  /** The same counts at MR_TAU for the two per-layer blocks together (first layer (w, b), second layer (v, c)). */
  layerPositive: int,
  layerNegative: int,
  /** The per-layer blocks' smallest eigenvalue. */
  layerMin: num,
  dead: int,
  patterns: int,
});
export type MrNetwork = z.output<typeof mrNetworkSchema>;

export const mrJobResultSchema = z.strictObject({ networks: z.array(mrNetworkSchema) });
export type MrJobResult = z.output<typeof mrJobResultSchema>;

/** One network as the chart and the CSV read it. */
const pointSchema = z.strictObject({
  loss: num,
  gradNorm: num,
  /** Minimum ratio with λ > 0 (the homework's count) and with λ > τ (ours). */
  ratioZero: num,
  ratio: num,
  negative: int,
  lambdaMin: num,
  certificate: num,
  /** The homework's rule with its own count (λ > 0), and with ours. */
  hwZero: z.boolean(),
  hw: z.boolean(),
  dead: int,
  state: z.enum(['converged', 'finished', 'diverged']),
});
export type MrPoint = z.output<typeof pointSchema>;

const countsSchema = z.strictObject({ min: num.nullable(), median: num.nullable(), max: num.nullable() });

export const minimumRatioSummarySchema = z.strictObject({
  setting: z.strictObject({
    hidden: int,
    parameters: int,
    samples: int,
    frequency: num,
    trainSteps: int,
    trainLr: num,
    criticalSteps: int,
    criticalLr: num,
    gradStop: num,
    tau: num,
    tauGrid: z.array(num),
    hwGrad: num,
    hwRatio: num,
    networks: int,
  }),
  networks: int,
  diverged: int,
  /** Networks with ‖∇L‖ < the homework's 10⁻³ after the descent. */
  belowHwGrad: int,
  /** The homework's rule (‖∇L‖ < 10⁻³ and ratio > 0.5) with λ > 0, and with λ > τ. */
  hwLikeZero: int,
  hwLike: int,
  /** Every eigenvalue above τ (a true strict minimum by the second-order test). */
  allPositive: int,
  /** No eigenvalue below −τ (second-order stationary to the tolerance). */
  noNegative: int,
  /** Networks whose λ_min is at least −certificate (to rounding): all of them, if the decomposition is right. */
  certified: int,
  /** Networks whose per-layer blocks have an eigenvalue below −τ. */
  layerNegative: int,
  ratioZero: countsSchema,
  ratio: countsSchema,
  loss: countsSchema,
  gradNorm: countsSchema,
  negativeShare: countsSchema,
  dead: countsSchema,
  /** The network with the largest λ > 0 ratio: its ratios and its share of eigenvalues below −τ. */
  extreme: z.strictObject({ ratioZero: num, ratio: num, negativeShare: num, zeroShare: num, gradNorm: num, lambdaMin: num }).nullable(),
  /** Median minimum ratio over the networks at each τ of the grid. */
  ratioByTau: z.array(num.nullable()),
  /** Median share of eigenvalues below −τ at each τ of the grid. */
  negativeByTau: z.array(num.nullable()),
  points: z.array(pointSchema),
  jobsDone: int,
  jobsTotal: int,
});
export type MrSummary = z.output<typeof minimumRatioSummarySchema>;
