// DimensionsAndSaddles' inputs: clamping of typed values and the angle of the rotate animation.
import { describe, expect, it } from 'vitest';
import { clamp, rotationAngle } from '../../src/components/widgets/dimensions-and-saddles/fields.ts';

describe('clamp', () => {
  it('keeps curvatures in range and rounds counts to whole numbers', () => {
    expect(clamp('a', 99)).toBe(5);
    expect(clamp('b', 0)).toBe(0.05);
    expect(clamp('maxN', 3.7)).toBe(4);
    expect(clamp('samples', -5)).toBe(1);
  });
});

describe('rotationAngle', () => {
  it('turns 180° in one half-turn, through 90° at its middle, and ends where it started', () => {
    const half = rotationAngle(30, 3500, false);
    expect(half).toEqual({ angle: 120, finished: false });
    expect(rotationAngle(150, 3500, false).angle).toBe(60); // wraps: 150° + 90° ≡ 60°
    expect(rotationAngle(30.4, 7000, false)).toEqual({ angle: 30, finished: true });
  });

  it('jumps 15° every half second with reduced motion', () => {
    expect(rotationAngle(0, 499, true).angle).toBe(0);
    expect(rotationAngle(0, 1000, true).angle).toBe(30);
    expect(rotationAngle(0, 6000, true).finished).toBe(true);
  });
});
