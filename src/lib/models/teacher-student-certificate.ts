// Safran & Shamir's test that a point found by gradient descent lies next to a true local minimum of the teacher–student loss.
//
// Notation as in teacher-student.ts (n student rows w_i, k teacher rows v_j, in ℝ^d). Gradient descent stops where
// ‖∇F‖ is tiny but not zero, and a positive smallest Hessian eigenvalue λ there is not proof of a minimum by itself. The
// authors' argument (Verify_minima_code/minimum.m and maxthirdderivative.m, github ItaySafran/OneLayerGDconvergence)
// closes the gap with a bound L₃ on the third derivative of F in a ball around W: if the Hessian at W is at least λ
// and the gradient g = ‖∇F(W)‖ is small next to λ²/L₃, the ball of radius
//   r = (3λ − √(9λ² − 25 g L₃)) / (2 L₃)
// around W contains a local minimum. Their third-derivative bound for a ball of radius ρ is
//   L₃(ρ) = n (√2 (n − 1)(w_max + w_min) + k v_max) / (π (w_min − ρ)²),
// w_max = max‖w_i‖ + ρ, w_min = min‖w_i‖ − ρ and v_max = max‖v_j‖, exactly as their code writes it; it is applied on
// ρ = 10⁻³·max‖w_i‖ and needs r ≤ ρ. The ball must also stay where F is three times differentiable: away from a zero
// row (r < min‖w_i‖) and from two coinciding rows (2r < min_{i<l} ‖w_i − w_l‖), where K is C² but not C³.
//
// What differs here: the authors evaluate λ with a rigorous lower bound in symbolic arithmetic and add a term for
// a family of symmetric copies of the point; this takes the float64 eigenvalue of teacher-student.ts's exact Hessian
// of the one point. So this is their criterion, not their computer-assisted proof.

export type CertificateVerdict = 'certified' | 'hessian' | 'gradient' | 'radius' | 'kink';

export interface MinimumCertificate {
  /** 'certified', or the first condition that failed: λ ≤ 0, discriminant < 0, r > ρ, or the ball meets a kink. */
  verdict: CertificateVerdict;
  /** L₃(ρ) on ρ = 10⁻³·max‖w_i‖. */
  thirdDerivativeBound: number;
  /** Radius of the ball known to hold a local minimum (NaN unless the discriminant is ≥ 0). */
  radius: number;
}

/** Fraction of max‖w_i‖ that sets the ball ρ where the third-derivative bound is taken (the authors' 10⁻³). */
export const CERTIFICATE_BALL_FRACTION = 1e-3;

const rowNorms = (M: Float64Array, m: number, d: number): number[] =>
  Array.from({ length: m }, (_, i) => {
    let t = 0;
    for (let r = 0; r < d; r++) t += M[i * d + r]! ** 2;
    return Math.sqrt(t);
  });

/** The authors' bound on the third derivative of F in the ball of radius ρ around W (see the header). */
export function thirdDerivativeBound(W: Float64Array, n: number, V: Float64Array, k: number, d: number, rho: number): number {
  const wn = rowNorms(W, n, d),
    vn = rowNorms(V, k, d);
  const wMax = Math.max(...wn) + rho,
    wMin = Math.min(...wn) - rho,
    vMax = Math.max(...vn);
  return (n * (Math.SQRT2 * (n - 1) * (wMax + wMin) + k * vMax)) / (Math.PI * wMin * wMin);
}

/**
 * Checks the authors' conditions for a local minimum near W.
 * @param lambdaMin smallest eigenvalue of ∇²F(W)
 * @param gradNorm ‖∇F(W)‖ (Euclidean norm of the whole gradient)
 */
export function certifyMinimum(
  W: Float64Array,
  n: number,
  V: Float64Array,
  k: number,
  d: number,
  lambdaMin: number,
  gradNorm: number,
): MinimumCertificate {
  const wn = rowNorms(W, n, d);
  const rho = CERTIFICATE_BALL_FRACTION * Math.max(...wn);
  const L3 = thirdDerivativeBound(W, n, V, k, d, rho);
  const fail = (verdict: CertificateVerdict, radius = NaN): MinimumCertificate => ({ verdict, thirdDerivativeBound: L3, radius });
  if (!(lambdaMin > 0)) return fail('hessian');
  const disc = 9 * lambdaMin * lambdaMin - 25 * gradNorm * L3;
  if (!(disc >= 0)) return fail('gradient');
  const radius = (3 * lambdaMin - Math.sqrt(disc)) / (2 * L3);
  if (!(radius <= rho)) return fail('radius', radius);
  let closest = Infinity;
  for (let i = 0; i < n; i++) {
    for (let l = i + 1; l < n; l++) {
      let t = 0;
      for (let r = 0; r < d; r++) t += (W[i * d + r]! - W[l * d + r]!) ** 2;
      closest = Math.min(closest, Math.sqrt(t));
    }
  }
  if (!(2 * radius < closest && Math.min(...wn) > radius)) return fail('kink', radius);
  return { verdict: 'certified', thirdDerivativeBound: L3, radius };
}
