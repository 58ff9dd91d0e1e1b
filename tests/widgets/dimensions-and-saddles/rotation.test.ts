// DimensionsAndSaddles' slicing line in motion: the Rotate animation's angle over time and the arrow keys on the map.
import { describe, expect, it } from 'vitest';
import { keyAngle, rotationAngle } from '../../../src/components/widgets/dimensions-and-saddles/rotation.ts';

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

  it('never turns backwards when a frame is stamped before the animation started', () => {
    expect(rotationAngle(30, -16, false).angle).toBe(30);
    expect(rotationAngle(30, -16, true).angle).toBe(30);
  });
});

describe('keyAngle', () => {
  it('turns the line the way the slider does: → and ↑ increase the angle, ← and ↓ decrease it', () => {
    // A range input's ArrowRight/ArrowUp raise its value; the map's keys must agree.
    expect(keyAngle(30, 'ArrowRight', false)).toBe(31);
    expect(keyAngle(30, 'ArrowUp', false)).toBe(31);
    expect(keyAngle(30, 'ArrowLeft', false)).toBe(29);
    expect(keyAngle(30, 'ArrowDown', false)).toBe(29);
    expect(keyAngle(30, 'ArrowRight', true)).toBe(45);
  });

  it('wraps through 0° ≡ 180° and ignores other keys', () => {
    expect(keyAngle(0, 'ArrowLeft', false)).toBe(179);
    expect(keyAngle(175, 'ArrowRight', true)).toBe(10);
    expect(keyAngle(30, 'Enter', false)).toBe(null);
  });
});
