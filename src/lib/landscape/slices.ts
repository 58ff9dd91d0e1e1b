// One-dimensional slices of a two-dimensional quadratic saddle: which directions make it look like a minimum.
//
// Near a critical point L(θ) ≈ ½ θᵀHθ. Along the line θ = t·u with u = (cos φ, sin φ) the slice is
// L(t u) = ½ t² (uᵀHu): a parabola whose curvature uᵀHu is the second directional derivative. For
// H = diag(a, −b) with a, b > 0 (a saddle), uᵀHu = a cos²φ − b sin²φ, positive — the slice "looks like a minimum" —
// exactly when tan²φ < a/b, i.e. within the cone |φ| < atan(√(a/b)) around the positive eigenvector, and
// negative (it looks like a maximum) outside; on the two boundary lines the slice is flat.

/** Range of the curvatures a and b the widget accepts (fields and props). */
export const CURVATURE_RANGE = [0.05, 5] as const;

export type Mat2 = readonly [readonly [number, number], readonly [number, number]];
export type Vec2 = readonly [number, number];

/** The saddle Hessian diag(a, −b): eigenvalue a > 0 along x, −b < 0 along y. */
export function saddleHessian(a: number, b: number): Mat2 {
  return [
    [a, 0],
    [0, -b],
  ];
}

/** The unit direction at `angle` degrees from the x axis. */
export function direction(angle: number): Vec2 {
  const r = (angle * Math.PI) / 180;
  return [Math.cos(r), Math.sin(r)];
}

/** ½ θᵀHθ. */
export function quadratic(H: Mat2, p: Vec2): number {
  return 0.5 * (H[0][0] * p[0] * p[0] + (H[0][1] + H[1][0]) * p[0] * p[1] + H[1][1] * p[1] * p[1]);
}

/** The slice's curvature d²/dt² L(t u) = uᵀHu (u need not be normalised; it is used as given). */
export function sliceCurvature(H: Mat2, u: Vec2): number {
  return 2 * quadratic(H, u);
}

export type SliceVerdict = 'minimum' | 'maximum' | 'flat';

/** What the slice looks like at t = 0; curvatures within `tol`·scale of 0 count as flat. */
export function sliceVerdict(curvature: number, scale: number, tol = 1e-9): SliceVerdict {
  if (Math.abs(curvature) <= tol * scale) return 'flat';
  return curvature > 0 ? 'minimum' : 'maximum';
}

/** Eigenvalues of a symmetric 2×2 matrix, ascending, and the angle (degrees, in [0, 180)) of the larger one's eigenvector. */
export function eigen2(H: Mat2): { values: [number, number]; angle: number } {
  const p = H[0][0],
    q = 0.5 * (H[0][1] + H[1][0]),
    r = H[1][1];
  const mean = 0.5 * (p + r),
    rad = Math.hypot(0.5 * (p - r), q);
  // The eigenvector of the larger eigenvalue makes the angle ½·atan2(2q, p − r) with the x axis.
  let angle = (0.5 * Math.atan2(2 * q, p - r) * 180) / Math.PI;
  if (angle < 0) angle += 180;
  return { values: [mean - rad, mean + rad], angle: angle >= 180 ? angle - 180 : angle };
}

export interface MinimumCone {
  /** Angle (degrees, in [0, 180)) of the eigenvector with the larger eigenvalue: the cone's axis. */
  centre: number;
  /** Half-angle (degrees) of the cone of directions whose slice looks like a minimum: atan(√(λ₊/|λ₋|)). */
  halfAngle: number;
  /** Share of all directions (lines through the point) whose slice looks like a minimum: 2·halfAngle/180. */
  share: number;
}

/**
 * The directions whose slice curves upwards. With eigenvalues λ₋ < 0 < λ₊ and α the angle from the λ₊ eigenvector,
 * uᵀHu = λ₊cos²α + λ₋sin²α > 0 ⇔ tan²α < λ₊/|λ₋|. A minimum (both > 0) gives the whole half-turn, a maximum none.
 */
export function minimumCone(H: Mat2): MinimumCone {
  const {
    values: [lo, hi],
    angle,
  } = eigen2(H);
  const halfAngle = lo >= 0 ? 90 : hi <= 0 ? 0 : (Math.atan(Math.sqrt(hi / -lo)) * 180) / Math.PI;
  return { centre: angle, halfAngle, share: (2 * halfAngle) / 180 };
}

/** Folds an angle in degrees onto a line's direction in [0, 180). */
export function lineAngle(angle: number): number {
  const a = angle % 180;
  return a < 0 ? a + 180 : a;
}

/**
 * The ranges of slicing angles in [0, 180] that look like a minimum, as [from, to] pairs (degrees).
 * The cone around `centre` may wrap around 0/180, in which case it is split in two.
 */
export function minimumRanges(cone: MinimumCone): [number, number][] {
  if (cone.halfAngle >= 90) return [[0, 180]];
  if (cone.halfAngle <= 0) return [];
  const from = cone.centre - cone.halfAngle,
    to = cone.centre + cone.halfAngle;
  if (from < 0)
    return [
      [0, to],
      [from + 180, 180],
    ];
  if (to > 180)
    return [
      [0, to - 180],
      [from, 180],
    ];
  return [[from, to]];
}

export interface SliceScene {
  angle: number;
  u: Vec2;
  H: Mat2;
  eigenvalues: [number, number];
  curvature: number;
  verdict: SliceVerdict;
  /** What the whole surface is at the origin: eigenvalues of both signs make it a saddle. */
  surface: 'saddle' | 'minimum' | 'maximum' | 'degenerate';
  cone: MinimumCone;
  ranges: [number, number][];
  /** The slice t ↦ L(t u), t ∈ [−radius, radius]. */
  curve: { t: number; loss: number }[];
}

/** Everything the slicing figure shows for the saddle diag(a, −b) cut at `angle` degrees. */
export function sliceScene(a: number, b: number, angle: number, radius = 1.25, points = 81): SliceScene {
  const H = saddleHessian(a, b);
  const u = direction(angle);
  const { values } = eigen2(H);
  const curvature = sliceCurvature(H, u);
  const scale = Math.max(Math.abs(values[0]), Math.abs(values[1]));
  const tol = 1e-9 * scale;
  const surface =
    values[0] < -tol && values[1] > tol ? 'saddle' : values[0] > tol ? 'minimum' : values[1] < -tol ? 'maximum' : 'degenerate';
  const cone = minimumCone(H);
  const curve = Array.from({ length: points }, (_, i) => {
    const t = -radius + (2 * radius * i) / (points - 1);
    return { t, loss: quadratic(H, [t * u[0], t * u[1]]) };
  });
  return {
    angle,
    u,
    H,
    eigenvalues: values,
    curvature,
    verdict: sliceVerdict(curvature, scale),
    surface,
    cone,
    ranges: minimumRanges(cone),
    curve,
  };
}
