// Taylor models along a line: closed-form gaps, exactness on quadratics, and the useful radius.
import { describe, expect, it } from 'vitest';
import {
  FUNCTIONS_1D,
  FUNCTION_1D_IDS,
  directionAt,
  slice1d,
  slice2d,
  taylorAt,
  taylorCurves,
  usefulRadius,
} from '../../../src/lib/landscape/taylor.ts';
import { SURFACES, SURFACE_IDS } from '../../../src/lib/landscape/surfaces.ts';

const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);

describe('FUNCTIONS_1D', () => {
  it.each(FUNCTION_1D_IDS)('%s has derivatives that match central finite differences', (id) => {
    const f = FUNCTIONS_1D[id];
    const h = 1e-5;
    for (const x of [-1.7, -0.4, 0, 0.3, 1.1, 1.9]) {
      close(f.df(x), (f.f(x + h) - f.f(x - h)) / (2 * h), 1e-6);
      close(f.d2f(x), (f.df(x + h) - f.df(x - h)) / (2 * h), 1e-6);
    }
  });

  it('log-cosh stays finite far from the origin', () => {
    close(FUNCTIONS_1D['log-cosh'].f(800), 800 - Math.LN2, 1e-9);
  });
});

describe('taylorAt', () => {
  it('gives the double well at x = 1 a second-order gap of exactly 4s³ + s⁴ and a first-order gap of 4s² + 4s³ + s⁴', () => {
    const line = slice1d(FUNCTIONS_1D['double-well'], 1);
    for (const s of [-0.8, -0.3, 0.1, 0.5, 1]) {
      const v = taylorAt(line, s);
      close(v.second, 4 * s * s, 1e-12);
      close(v.gap2, Math.abs(4 * s ** 3 + s ** 4), 1e-12);
      close(v.gap1, Math.abs(4 * s * s + 4 * s ** 3 + s ** 4), 1e-12);
    }
  });

  it('is exact to second order on every quadratic surface, in every direction', () => {
    for (const id of ['bowl', 'hilltop', 'saddle'] as const) {
      for (const angle of [0, 30, 45, 100, 270]) {
        const line = slice2d(SURFACES[id], [0.3, -0.7], angle);
        for (const v of taylorCurves(line, 1.5, 31)) close(v.gap2, 0, 1e-12);
      }
    }
    for (const v of taylorCurves(slice1d(FUNCTIONS_1D.parabola, 0.4), 2, 41)) close(v.gap2, 0, 1e-12);
  });

  it('reads slope gᵀd and curvature dᵀHd of the two-weight loss along the diagonal: (1 − s²/2)² against 1 − s²', () => {
    const line = slice2d(SURFACES['two-weight'], [0, 0], 45);
    close(line.slope, 0, 1e-15);
    close(line.curvature, -2, 1e-12);
    for (const s of [-1, 0.5, 1.2]) {
      const v = taylorAt(line, s);
      close(v.truth, (1 - (s * s) / 2) ** 2, 1e-12);
      close(v.second, 1 - s * s, 1e-12);
      close(v.gap2, s ** 4 / 4, 1e-12);
    }
  });

  it('matches the second directional derivative by finite differences on every surface', () => {
    for (const id of SURFACE_IDS) {
      const line = slice2d(SURFACES[id], [0.4, -0.6], 63);
      const h = 1e-4;
      close(line.slope, (line.at(h) - line.at(-h)) / (2 * h), 1e-6);
      close(line.curvature, (line.at(h) - 2 * line.at(0) + line.at(-h)) / (h * h), 1e-4);
    }
  });

  it('has gaps that vanish at s = 0, the first-order one like s² and the second-order one like s³', () => {
    const line = slice1d(FUNCTIONS_1D['sine-bowl'], 0.3);
    expect(taylorAt(line, 0).gap1).toBe(0);
    expect(taylorAt(line, 0).gap2).toBe(0);
    const r1 = taylorAt(line, 1e-2).gap1 / taylorAt(line, 5e-3).gap1;
    const r2 = taylorAt(line, 1e-2).gap2 / taylorAt(line, 5e-3).gap2;
    close(r1, 4, 0.1);
    close(r2, 8, 0.2);
  });
});

describe('directionAt', () => {
  it('is a unit vector at the given angle in degrees', () => {
    const [x, y] = directionAt(45);
    close(x, Math.SQRT1_2, 1e-15);
    close(y, Math.SQRT1_2, 1e-15);
    close(Math.hypot(...directionAt(123)), 1, 1e-15);
  });
});

describe('usefulRadius', () => {
  it('is the whole range for a quadratic', () => {
    expect(usefulRadius(slice2d(SURFACES.saddle, [1, 1], 20), 1.5, 0.01)).toEqual({ minus: 1.5, plus: 1.5, tolerance: 0.01 });
  });

  it('stops the double well at x = 1 where 4s³ + s⁴ reaches the tolerance, later on the side where the cubic term is negative', () => {
    const r = usefulRadius(slice1d(FUNCTIONS_1D['double-well'], 1), 2, 0.05);
    close(4 * r.plus ** 3 + r.plus ** 4, 0.05, 1e-9);
    close(Math.abs(-4 * r.minus ** 3 + r.minus ** 4), 0.05, 1e-9);
    expect(r.minus).toBeGreaterThan(r.plus);
  });

  it('stops the two-weight diagonal at s⁴/4 = tolerance', () => {
    const r = usefulRadius(slice2d(SURFACES['two-weight'], [0, 0], 45), 2, 0.04);
    close(r.plus, 0.4 ** 0.5 * 1, 1e-9);
    close(r.minus, r.plus, 1e-9);
  });
});
