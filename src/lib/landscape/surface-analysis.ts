// What SurfaceExplorer shows about a point: loss, gradient, Hessian eigenpairs, verdict, escape step, descent path.
import { symmetricEigen2, type Mat2, type Vec2 } from '../models/two-weight.ts';
import { classifyPoint, type Classification } from './classify.ts';
import type { Surface } from './surfaces.ts';

export interface PointAnalysis {
  point: Vec2;
  loss: number;
  gradient: Vec2;
  gradNorm: number;
  hessian: Mat2;
  /** Ascending, with unit eigenvectors in the same order. */
  eigenvalues: Vec2;
  eigenvectors: [Vec2, Vec2];
  classification: Classification;
}

/** A point is called critical when ‖∇L‖ ≤ this: the widget moves in steps of 0.01 and reads 4 digits. */
export const CRITICAL_GRAD_TOL = 1e-6;

export function analyzePoint(s: Surface, point: Vec2): PointAnalysis {
  const gradient = s.gradient(point);
  const hessian = s.hessian(point);
  const { values, vectors } = symmetricEigen2(hessian);
  const gradNorm = Math.hypot(gradient[0], gradient[1]);
  return {
    point,
    loss: s.loss(point),
    gradient,
    gradNorm,
    hessian,
    eigenvalues: values,
    eigenvectors: vectors,
    classification: classifyPoint(values, gradNorm, {
      gradTol: CRITICAL_GRAD_TOL,
      accuracy: { precision: 'float64' },
      absTol: 1e-9,
      relTol: 1e-9,
    }),
  };
}

export interface EscapeStep {
  from: Vec2;
  to: Vec2;
  direction: Vec2;
  lossBefore: number;
  lossAfter: number;
  /** L + ½ λ α², what the second-order model predicts. */
  predicted: number;
}

/** One step of length α along the eigenvector of the most negative eigenvalue, or null if there is none. */
export function escapeStep(s: Surface, a: PointAnalysis, alpha: number): EscapeStep | null {
  const lambda = a.eigenvalues[0];
  if (!(lambda < -a.classification.zeroTol)) return null;
  // Of ±u, take the one along which the gradient (if any) also points downhill.
  let u = a.eigenvectors[0];
  if (u[0] * a.gradient[0] + u[1] * a.gradient[1] > 0) u = [-u[0], -u[1]];
  const to: Vec2 = [a.point[0] + alpha * u[0], a.point[1] + alpha * u[1]];
  const g = a.gradient[0] * u[0] + a.gradient[1] * u[1];
  return {
    from: a.point,
    to,
    direction: u,
    lossBefore: a.loss,
    lossAfter: s.loss(to),
    predicted: a.loss + alpha * g + 0.5 * lambda * alpha * alpha,
  };
}

export interface DescentPath {
  points: Vec2[];
  losses: number[];
  /** 'converged': ‖∇L‖ fell below tol; 'diverged': the loss or a weight became non-finite or huge. */
  outcome: 'converged' | 'diverged' | 'max-steps';
  steps: number;
}

/** Gradient descent θ ← θ − η∇L(θ) from `start`; stops on convergence, divergence or after `maxSteps`. */
export function descentPath(s: Surface, start: Vec2, lr: number, maxSteps: number, tol = 1e-6, limit = 1e6): DescentPath {
  const points: Vec2[] = [start];
  const losses = [s.loss(start)];
  let p = start;
  for (let k = 1; k <= maxSteps; k++) {
    const g = s.gradient(p);
    if (Math.hypot(g[0], g[1]) <= tol) return { points, losses, outcome: 'converged', steps: k - 1 };
    p = [p[0] - lr * g[0], p[1] - lr * g[1]];
    const l = s.loss(p);
    if (!Number.isFinite(l) || Math.abs(p[0]) > limit || Math.abs(p[1]) > limit) return { points, losses, outcome: 'diverged', steps: k };
    points.push(p);
    losses.push(l);
  }
  return { points, losses, outcome: 'max-steps', steps: maxSteps };
}

/**
 * The parts of a polyline inside the box [lo, hi]², each segment cut where it crosses the box (Liang–Barsky), so a
 * chart can draw a path that leaves its view, even one that diverges to ±∞, without drawing outside the frame.
 * Non-finite points end a part. Returns the parts in order; a part has at least two points.
 */
export function clipPolyline(points: readonly Vec2[], lo: number, hi: number): Vec2[][] {
  const parts: Vec2[][] = [];
  let part: Vec2[] = [];
  const close = () => {
    if (part.length > 1) parts.push(part);
    part = [];
  };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (![...a, ...b].every(Number.isFinite)) {
      close();
      continue;
    }
    const cut = clipSegment(a, b, lo, hi);
    if (!cut) {
      close();
      continue;
    }
    const [p, q] = cut;
    const last = part.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) {
      close();
      part.push(p);
    }
    part.push(q);
    if (q !== b) close();
  }
  close();
  return parts;
}

/** The piece of segment a→b inside [lo, hi]², or null; the ends are `a` and `b` themselves where they are inside. */
function clipSegment(a: Vec2, b: Vec2, lo: number, hi: number): [Vec2, Vec2] | null {
  let t0 = 0;
  let t1 = 1;
  const d: Vec2 = [b[0] - a[0], b[1] - a[1]];
  for (const k of [0, 1] as const) {
    for (const [p, q] of [
      [-d[k], a[k] - lo],
      [d[k], hi - a[k]],
    ] as const) {
      if (p === 0) {
        if (q < 0) return null;
        continue;
      }
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  if (t0 > t1) return null;
  const at = (t: number): Vec2 => [a[0] + t * d[0], a[1] + t * d[1]];
  return [t0 === 0 ? a : at(t0), t1 === 1 ? b : at(t1)];
}

/** Loss on an n×n grid over [lo, hi]², row-major with row j at w₂ = ys[j]. */
export function lossGrid2d(s: Surface, lo: number, hi: number, n: number): { values: number[]; ticks: number[] } {
  const ticks = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const values: number[] = [];
  for (const y of ticks) for (const x of ticks) values.push(s.loss([x, y]));
  return { values, ticks };
}
