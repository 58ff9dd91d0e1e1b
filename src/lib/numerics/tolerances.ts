// Every numerical tolerance of the course in one place, each tied to the precision the numbers were computed in.
//
// tfjs computes in float32 (machine epsilon ε₃₂ = 2⁻²³ ≈ 1.2e-7, twice the unit roundoff); the closed-form models
// (one ReLU unit, the 2-D surfaces) compute in float64 (ε₆₄ = 2⁻⁵² ≈ 2.2e-16). A tolerance tighter than the
// rounding of the numbers it tests cannot be met except by luck, so each one below has a floor.
//
// Zero eigenvalues. A dense Hessian is assembled from P Hessian-vector products, column by column, so H_ij and
// H_ji are two independent float32 computations of the same number. Their difference, the asymmetry
// a = max|H − Hᵀ|, is a measured sample of the entry-wise round-off; the symmetrised (H + Hᵀ)/2 still carries
// errors of that size. By Weyl's inequality the eigenvalues move by at most ‖E‖₂ ≤ ‖E‖_F ≤ P·max|E_ij|, so
// an eigenvalue within P·a of zero is indistinguishable from zero. The asymmetry can be zero by luck (or for a
// Hessian symmetric by construction), so a floor c·ε·‖H‖₂ applies too: rounding each entry alone moves
// eigenvalues by about ε·‖H‖, and the products summed into each entry add a few ε more.
// On top of this rounding bound a caller may ask for a coarser, stated "practically flat" threshold, e.g.
// lecture 4's |λ| ≤ 10⁻⁴·max|λ|; the threshold used is the larger, and classifyPoint reports which one it was.
//
// Gradient norms. A float32 gradient is a sum of per-sample terms that cancel near a critical point; its
// round-off is about ε₃₂ times the size of those terms, for which the loss |L| (with a floor of one loss unit
// for losses near zero) is the scale at hand. So ‖∇L‖ ≤ tol is tested with tol ≥ GRAD_TOL_FACTOR·ε·max(1, |L|);
// a tighter request is raised to that floor and the result says so.

export type Precision = 'float32' | 'float64';

export const EPSILON: Record<Precision, number> = { float32: 2 ** -23, float64: 2 ** -52 };

/** c of the floor c·ε·‖H‖₂ under which an eigenvalue counts as zero whatever the measured asymmetry. */
export const ZERO_FLOOR_FACTOR = 64;

/** Lecture 4's stated threshold: |λ| ≤ 10⁻⁴·max|λ| counts as "≈ 0" (practically flat, far above float32 rounding). */
export const FLAT_RELATIVE_TOL = 1e-4;

/** Multiple of ε·max(1, |L|) that a gradient-norm tolerance may not go below. */
export const GRAD_TOL_FACTOR = 8;

/** What is known about how a Hessian was computed. */
export interface HessianAccuracy {
  precision: Precision;
  /** Measured max|H − Hᵀ| before symmetrising (0 for a Hessian that is symmetric by construction). */
  asymmetry?: number;
  /** Size P of the matrix (the Weyl bound scales the entry-wise error by it). */
  size?: number;
}

export type ZeroTolBasis = 'asymmetry' | 'rounding-floor' | 'relative' | 'absolute';

export interface ZeroTolerance {
  /** |λ| at or below this counts as zero. */
  tol: number;
  /** Which term set it: the measured asymmetry P·a, the floor c·ε·‖H‖₂, or the caller's relative or absolute threshold. */
  basis: ZeroTolBasis;
  /** The rounding bound alone, max(P·a, c·ε·‖H‖₂): what "zero" means in this precision. */
  rounding: number;
}

/**
 * The zero-eigenvalue threshold for a spectrum with ‖H‖₂ = `norm` (its largest |λ|).
 * @param relTol a stated coarser threshold relative to ‖H‖₂ (0 for the rounding bound only)
 * @param absTol a stated absolute threshold (0 for none)
 */
export function zeroEigenvalueTolerance(norm: number, accuracy: HessianAccuracy, relTol = 0, absTol = 0): ZeroTolerance {
  // A spectrum that vanishes entirely has no scale: one unit keeps the threshold positive (every λ is 0 anyway).
  const floor = ZERO_FLOOR_FACTOR * EPSILON[accuracy.precision] * (norm > 0 ? norm : 1);
  const measured = (accuracy.size ?? 1) * (accuracy.asymmetry ?? 0);
  const candidates: [number, ZeroTolBasis][] = [
    [measured, 'asymmetry'],
    [floor, 'rounding-floor'],
    [relTol * norm, 'relative'],
    [absTol, 'absolute'],
  ];
  let [tol, basis] = candidates[1]!;
  for (const [v, b] of candidates) if (v > tol) [tol, basis] = [v, b];
  return { tol, basis, rounding: Math.max(measured, floor) };
}

/** The smallest gradient-norm tolerance that rounding lets a run meet at loss `loss`. */
export function gradTolFloor(loss: number, precision: Precision = 'float32'): number {
  return GRAD_TOL_FACTOR * EPSILON[precision] * Math.max(1, Number.isFinite(loss) ? Math.abs(loss) : 1);
}

/** A requested gradient tolerance raised to the rounding floor at `loss`; `raised` says whether it was. */
export function effectiveGradTol(requested: number, loss: number, precision: Precision = 'float32'): { tol: number; raised: boolean } {
  const floor = gradTolFloor(loss, precision);
  return requested > 0 && requested < floor ? { tol: floor, raised: true } : { tol: requested, raised: false };
}

/** The message a result carries when a gradient tolerance was raised. */
export function gradTolNotice(requested: number, used: number, loss: number, precision: Precision = 'float32'): string {
  return (
    `gradTol ${requested.toExponential(1)} is below ${precision} rounding at L = ${loss.toPrecision(3)}: ` +
    `used ${used.toExponential(1)} = ${GRAD_TOL_FACTOR}·ε·max(1, |L|)`
  );
}
