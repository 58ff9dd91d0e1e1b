// Projection/residual coordinates of a trajectory relative to the line θ₀ → θ* (Goodfellow et al. 2015).
// For the reproductions of issue #11 (Goodfellow et al. 2015, the trajectory in projection); nothing calls it yet.
//
// With u = (θ* − θ₀)/‖θ* − θ₀‖ and d_t = θ_t − θ₀: projection a_t = (d_t·u)/‖θ* − θ₀‖ (0 at θ₀, 1 at θ*),
// residual r_t = ‖d_t − (d_t·u) u‖ (distance from the line, in parameter units). A trajectory that
// followed the straight line would have r_t = 0 throughout.

export interface ProjectedPoint {
  projection: number;
  residual: number;
}

/**
 * @param trajectory T×P row-major (snapshots of θ during training)
 */
export function projectTrajectory(
  theta0: ArrayLike<number>,
  thetaStar: ArrayLike<number>,
  trajectory: ArrayLike<number>,
  steps: number,
): ProjectedPoint[] {
  const P = theta0.length;
  const u = new Float64Array(P);
  let len2 = 0;
  for (let i = 0; i < P; i++) {
    u[i] = thetaStar[i]! - theta0[i]!;
    len2 += u[i]! ** 2;
  }
  const len = Math.sqrt(len2);
  if (!(len > 0)) throw new Error('projectTrajectory: θ* equals θ₀, so there is no line to project on');
  for (let i = 0; i < P; i++) u[i] = u[i]! / len;
  const out: ProjectedPoint[] = [];
  for (let t = 0; t < steps; t++) {
    let along = 0,
      all = 0;
    for (let i = 0; i < P; i++) {
      const d = trajectory[t * P + i]! - theta0[i]!;
      along += d * u[i]!;
      all += d * d;
    }
    out.push({ projection: along / len, residual: Math.sqrt(Math.max(0, all - along * along)) });
  }
  return out;
}
