// Names a point from its gradient norm and Hessian eigenvalues: minimum, maximum, saddle, degenerate or not critical.
//
// The second-order test (lecture 2): at a critical point, all eigenvalues > 0 → strict local minimum;
// all < 0 → strict local maximum; both signs → saddle point (even if some are zero); otherwise some are
// zero and the rest share a sign → the test is inconclusive ("degenerate"). Float32 Hessians are never
// exactly singular, so |λ| ≤ tol counts as zero, with tol relative to the largest |λ|.

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
}

export interface ClassifyOptions {
  /** ‖∇L‖ above this means "not a critical point". */
  gradTol?: number;
  /** |λ| ≤ max(absTol, relTol · max|λ|) counts as zero. */
  absTol?: number;
  relTol?: number;
}

export function classifyPoint(
  eigenvalues: ArrayLike<number>,
  gradNorm: number,
  { gradTol = 1e-3, absTol = 1e-5, relTol = 1e-4 }: ClassifyOptions = {},
): Classification {
  let scale = 0;
  for (let i = 0; i < eigenvalues.length; i++) scale = Math.max(scale, Math.abs(eigenvalues[i]!));
  const zeroTol = Math.max(absTol, relTol * scale);
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
  return { verdict, positive, negative, zero, positiveFraction: eigenvalues.length ? positive / eigenvalues.length : 0, zeroTol };
}
