// Names a point from its gradient norm and Hessian eigenvalues: minimum, maximum, saddle, degenerate or not critical.
//
// The second-order test (lecture 2): at a critical point, all eigenvalues > 0 → strict local minimum;
// all < 0 → strict local maximum; both signs → saddle point (even if some are zero); otherwise some are
// zero and the rest share a sign → the test is inconclusive ("degenerate"). Computed Hessians are never
// exactly singular, so |λ| ≤ tol counts as zero; tol comes from numerics/tolerances.ts: the rounding bound of
// the precision (and the measured asymmetry, when the caller has it), or a coarser stated threshold.
import { FLAT_RELATIVE_TOL, zeroEigenvalueTolerance, type HessianAccuracy, type ZeroTolBasis } from '../numerics/tolerances.ts';

export type Verdict = 'local-minimum' | 'local-maximum' | 'saddle' | 'degenerate' | 'not-critical';

export interface Classification {
  verdict: Verdict;
  positive: number;
  negative: number;
  zero: number;
  /** Share of eigenvalues that are positive: the "minimum ratio" (1 at a strict minimum). */
  positiveFraction: number;
  /** The threshold below which |λ| counted as zero. */
  zeroTol: number;
  /** What set it (numerics/tolerances.ts): the measured asymmetry, the rounding floor, or the relative or absolute threshold. */
  zeroTolBasis: ZeroTolBasis;
  /** The rounding bound alone: eigenvalues within it are zero to the precision of the Hessian. */
  roundingTol: number;
}

export interface ClassifyOptions {
  /** ‖∇L‖ above this means "not a critical point". */
  gradTol?: number;
  /** How the Hessian was computed (default: float32, asymmetry not measured). */
  accuracy?: HessianAccuracy;
  /** A stated coarser threshold relative to max|λ| (default lecture 4's 10⁻⁴; 0 for the rounding bound alone). */
  relTol?: number;
  /** A stated absolute threshold (default none). */
  absTol?: number;
}

export function classifyPoint(
  eigenvalues: ArrayLike<number>,
  gradNorm: number,
  { gradTol = 1e-3, accuracy = { precision: 'float32' }, relTol = FLAT_RELATIVE_TOL, absTol = 0 }: ClassifyOptions = {},
): Classification {
  let scale = 0;
  for (let i = 0; i < eigenvalues.length; i++) scale = Math.max(scale, Math.abs(eigenvalues[i]!));
  const { tol: zeroTol, basis, rounding } = zeroEigenvalueTolerance(scale, accuracy, relTol, absTol);
  let positive = 0,
    negative = 0,
    zero = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    const l = eigenvalues[i]!;
    if (l > zeroTol) positive++;
    else if (l < -zeroTol) negative++;
    else zero++;
  }
  const verdict: Verdict = !(gradNorm <= gradTol)
    ? 'not-critical'
    : positive > 0 && negative > 0
      ? 'saddle'
      : zero > 0
        ? 'degenerate'
        : negative === 0
          ? 'local-minimum'
          : 'local-maximum';
  return {
    verdict,
    positive,
    negative,
    zero,
    positiveFraction: eigenvalues.length ? positive / eigenvalues.length : 0,
    zeroTol,
    zeroTolBasis: basis,
    roundingTol: rounding,
  };
}
