// SurfaceExplorer's map as SVG: golden snapshots, the valley floor w₁w₂ = 1 drawn where L = 0, contours at small L,
// and a diverging descent that never leaves the frame.
import { describe, expect, it } from 'vitest';
import { expectSvgSnapshot, snapshotDocument } from '../snapshot.ts';
import { contourLevels, surfaceChart } from '../../../src/components/widgets/surface-explorer/chart.ts';
import { SURFACES } from '../../../src/lib/landscape/surfaces.ts';
import { analyzePoint, descentPath, escapeStep, lossGrid2d } from '../../../src/lib/landscape/surface-analysis.ts';
import type { Vec2 } from '../../../src/lib/models/two-weight.ts';

const surface = SURFACES['two-weight'];
const [lo, hi] = surface.domain;
const grid = lossGrid2d(surface, lo, hi, 81);
type Scaled = SVGSVGElement & { scale(name: 'x' | 'y'): { range: [number, number]; invert(v: number): number } };

function chart(point: Vec2, extra: { path?: Vec2[]; escape?: ReturnType<typeof escapeStep>; size?: number } = {}): Scaled {
  return surfaceChart({
    document: snapshotDocument(),
    domain: surface.domain,
    grid,
    analysis: analyzePoint(surface, point),
    valley: surface.valley!.curves(lo, hi),
    size: 400,
    ...extra,
  }) as Scaled;
}

/** Every vertex of the paths of the mark with class `cls`, in SVG pixels. */
function vertices(svg: Element, cls: string): Vec2[] {
  const d = [...svg.querySelectorAll(`.${cls} path`)].map((p) => p.getAttribute('d') ?? '').join(' ');
  const nums = [...d.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/g)].map((m) => Number(m[0]));
  return Array.from({ length: nums.length / 2 }, (_, i) => [nums[2 * i]!, nums[2 * i + 1]!]);
}

describe('the SurfaceExplorer map', () => {
  it('matches its golden at the saddle, with the eigenvector arrows (the build-time figure)', () => {
    expectSvgSnapshot(chart([0, 0]), 'surface-explorer-saddle');
  });

  it('matches its golden with an escape step and with a diverging descent', () => {
    const a = analyzePoint(surface, [0, 0]);
    expectSvgSnapshot(chart([0, 0], { escape: escapeStep(surface, a, 1) }), 'surface-explorer-escape');
    expectSvgSnapshot(chart([2, 2], { path: descentPath(surface, [2, 2], 1.5, 2000).points }), 'surface-explorer-diverged');
  });

  it('draws the valley floor: every vertex of the dashed curve lies on w₁w₂ = 1, in both quadrants', () => {
    const svg = chart([0, 0]);
    const points = vertices(svg, 'surface-valley').map(([px, py]) => [svg.scale('x').invert(px), svg.scale('y').invert(py)]);
    expect(points.length).toBeGreaterThan(100);
    // The rendered coordinates are rounded to 0.01 px or so; 0.01 in w₁w₂ is about a pixel near the corners.
    for (const [w1, w2] of points) expect(Math.abs(w1! * w2! - 1)).toBeLessThan(0.01);
    expect(points.some(([w1]) => w1! > 0.5) && points.some(([w1]) => w1! < -0.5)).toBe(true);
  });

  it('draws contours below L = 0.1 and at the saddle level L = 1, so the valley is not one flat band', () => {
    const levels = contourLevels(grid.values);
    expect(levels[0]).toBeLessThan(0.1);
    expect(levels.filter((l) => l < 1).length).toBeGreaterThanOrEqual(3);
    expect(levels.some((l) => Math.abs(l - 1) < 1e-9)).toBe(true);
    // One filled band per level plus the lowest one, all drawn.
    expect(chart([0, 0]).querySelectorAll('.surface-contours path').length).toBe(levels.length + 1);
  });

  it('cuts a diverging descent at the frame: no vertex of the path is outside the plot area', () => {
    const run = descentPath(surface, [2, 2], 1.5, 2000);
    expect(run.outcome).toBe('diverged');
    const svg = chart([2, 2], { path: run.points });
    const [x0, x1] = svg.scale('x').range;
    const [y0, y1] = svg.scale('y').range;
    const drawn = vertices(svg, 'surface-path');
    expect(drawn.length).toBeGreaterThan(1);
    for (const [px, py] of drawn) {
      expect(px).toBeGreaterThanOrEqual(Math.min(x0, x1) - 0.01);
      expect(px).toBeLessThanOrEqual(Math.max(x0, x1) + 0.01);
      expect(py).toBeGreaterThanOrEqual(Math.min(y0, y1) - 0.01);
      expect(py).toBeLessThanOrEqual(Math.max(y0, y1) + 0.01);
    }
  });

  it('prints its ticks with true minus signs and its text at 12 px', () => {
    const svg = chart([0, 0]);
    const ticks = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(ticks).toContain('−2');
    expect(ticks.some((t) => t.includes('-'))).toBe(false);
    expect(svg.getAttribute('style') ?? '').toMatch(/font-size:\s*12px/);
  });
});
