// Paths on a surface's view: a polyline cut to the box [lo, hi]², and the two-weight valley floor w₁w₂ = 1.
import { describe, expect, it } from 'vitest';
import { clipPolyline } from '../../../src/lib/landscape/surface-analysis.ts';
import { SURFACES } from '../../../src/lib/landscape/surfaces.ts';

describe('clipPolyline', () => {
  it('keeps a polyline inside the box as it is', () => {
    const p: [number, number][] = [
      [0, 0],
      [0.5, 1],
      [1, -1],
    ];
    expect(clipPolyline(p, -2, 2)).toEqual([p]);
  });

  it('cuts a segment where it leaves the box and where it comes back, leaving two parts', () => {
    const parts = clipPolyline(
      [
        [0, 0],
        [4, 0],
        [0, 1],
      ],
      -2,
      2,
    );
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual([
      [0, 0],
      [2, 0],
    ]);
    // From (4, 0) to (0, 1): x = 2 at t = 1/2, y = 0.5.
    expect(parts[1]![0]![0]).toBeCloseTo(2, 12);
    expect(parts[1]![0]![1]).toBeCloseTo(0.5, 12);
    expect(parts[1]![1]).toEqual([0, 1]);
  });

  it('ends a diverging path at the frame and drops points at ±∞ or NaN', () => {
    const parts = clipPolyline(
      [
        [1, 1],
        [-1e6, -1e6],
        [Infinity, 3],
        [Number.NaN, 0],
      ],
      -2,
      2,
    );
    expect(parts).toEqual([
      [
        [1, 1],
        [-2, -2],
      ],
    ]);
  });

  it('drops a segment that passes the box by (x + y = 3 misses the corner (1, 1))', () => {
    expect(
      clipPolyline(
        [
          [3, 0],
          [0, 3],
        ],
        -1,
        1,
      ),
    ).toEqual([]);
  });
});

describe('the two-weight valley floor', () => {
  it('lies on w₁w₂ = 1 where L = 0, runs edge to edge in both quadrants of [−2, 2]², and is absent from a view that misses it', () => {
    const s = SURFACES['two-weight'];
    const branches = s.valley!.curves(-2, 2, 50);
    expect(branches).toHaveLength(2);
    for (const b of branches) {
      expect(b).toHaveLength(50);
      for (const p of b) {
        expect(p[0] * p[1]).toBeCloseTo(1, 12);
        expect(s.loss(p)).toBeCloseTo(0, 12);
      }
      expect(Math.abs(b[0]![0])).toBeCloseTo(0.5, 12);
      expect(Math.abs(b.at(-1)![0])).toBeCloseTo(2, 12);
    }
    expect(s.valley!.curves(-0.9, 0.9)).toEqual([]);
  });
});
