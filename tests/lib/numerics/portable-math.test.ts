// The engine-independent acos and atan2 against Math's, at the edges and on a dense grid.
import { describe, expect, it } from 'vitest';
import { acos, angleOf, log, sinCos } from '../../../src/lib/numerics/portable-math.ts';

const ulp = (x: number) => Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);

describe('acos', () => {
  it('is exact at −1, 0, 1 and ½, and NaN outside [−1, 1]', () => {
    expect(acos(1)).toBe(0);
    expect(acos(-1)).toBe(Math.PI);
    expect(Math.abs(acos(0) - Math.PI / 2)).toBeLessThanOrEqual(ulp(Math.PI / 2));
    expect(Math.abs(acos(0.5) - Math.PI / 3)).toBeLessThanOrEqual(2 * ulp(Math.PI / 3));
    expect(acos(1.0000001)).toBeNaN();
    expect(acos(NaN)).toBeNaN();
  });

  it('agrees with Math.acos to a few units in the last place over [−1, 1], near ±1 too', () => {
    let worst = 0;
    const check = (c: number) => {
      const want = Math.acos(c);
      worst = Math.max(worst, Math.abs(acos(c) - want) / ulp(want));
    };
    for (let i = 0; i <= 200_000; i++) check(-1 + i / 100_000);
    for (let e = 1; e <= 52; e++) {
      check(1 - 2 ** -e);
      check(-1 + 2 ** -e);
    }
    expect(worst).toBeLessThan(8);
  });
});

describe('angleOf', () => {
  it('is atan2(s, c) on the upper half-plane', () => {
    let worst = 0;
    for (let i = 0; i <= 2000; i++) {
      const phi = (Math.PI * i) / 2000;
      for (const r of [1e-3, 1, 7.5]) {
        const s = Math.abs(r * Math.sin(phi)),
          c = r * Math.cos(phi);
        const want = Math.atan2(s, c);
        worst = Math.max(worst, Math.abs(angleOf(s, c) - want) / ulp(Math.max(want, 1e-300)));
      }
    }
    expect(worst).toBeLessThan(8);
    expect(angleOf(0, 0)).toBe(0);
    expect(angleOf(0, -2)).toBe(Math.PI);
  });
});

describe('log, sinCos', () => {
  it('log agrees with Math.log to a few ulps from 2⁻³² to 10⁶, and is exact at 1', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    let worst = 0;
    for (let i = 1; i <= 100_000; i++) {
      const x = 2 ** (-32 + (52 * i) / 100_000);
      worst = Math.max(worst, Math.abs(log(x) - Math.log(x)) / ulp(Math.max(Math.abs(Math.log(x)), 1)));
    }
    expect(worst).toBeLessThan(8);
  });

  it('sinCos agrees with Math.sin and Math.cos on [0, 2π] to about 10⁻¹⁶', () => {
    let worst = 0;
    for (let i = 0; i <= 100_000; i++) {
      const phi = (2 * Math.PI * i) / 100_000;
      const [s, c] = sinCos(phi);
      worst = Math.max(worst, Math.abs(s - Math.sin(phi)), Math.abs(c - Math.cos(phi)));
    }
    expect(worst).toBeLessThan(4e-16);
    expect(sinCos(0)).toEqual([0, 1]);
  });
});
