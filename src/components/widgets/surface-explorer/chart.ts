// The surface widgets' chart: filled loss contours, the point θ′, Hessian eigenvectors, descent path, escape step.
// One function for both the build-time figure (with a server-side document) and the live one in the page.
import * as Plot from '@observablehq/plot';
import { squareMap } from '../shared/square-map.ts';
import type { Vec2 } from '../../../lib/models/two-weight.ts';
import type { EscapeStep, PointAnalysis } from '../../../lib/landscape/surface-analysis.ts';

export interface SurfaceChartInput {
  document: Document;
  domain: readonly [number, number];
  grid: { values: number[]; ticks: number[] };
  analysis: PointAnalysis;
  path?: Vec2[] | undefined;
  escape?: EscapeStep | null | undefined;
  size?: number;
}

/** Colours chosen to read on viridis in light and dark pages, and apart for red–green colour blindness. */
export const CHART_COLORS = { down: '#ff7a1a', up: '#ffffff', path: '#ff3d7f', point: '#ffffff' } as const;

export function surfaceChart({ document, domain, grid, analysis, path, escape, size = 460 }: SurfaceChartInput): SVGSVGElement {
  const [lo, hi] = domain;
  const n = grid.ticks.length;
  const half = (hi - lo) / n / 2;
  const arrowLength = (hi - lo) / 6;
  const [x, y] = analysis.point;
  const arrows = analysis.eigenvalues.flatMap((lambda, i) => {
    const [ux, uy] = analysis.eigenvectors[i]!;
    if (Math.abs(lambda) <= analysis.classification.zeroTol) return [];
    const kind = lambda < 0 ? 'down' : 'up';
    return [1, -1].map((s) => ({ x1: x, y1: y, x2: x + s * arrowLength * ux, y2: y + s * arrowLength * uy, kind }));
  });
  const marks: Plot.Markish[] = [
    Plot.contour(grid.values, {
      x1: lo - half,
      x2: hi + half,
      y1: lo - half,
      y2: hi + half,
      width: n,
      height: n,
      fill: Plot.identity,
      thresholds: 24,
    } as never),
    Plot.contour(grid.values, {
      x1: lo - half,
      x2: hi + half,
      y1: lo - half,
      y2: hi + half,
      width: n,
      height: n,
      stroke: 'black',
      strokeOpacity: 0.18,
      thresholds: 24,
    } as never),
    Plot.ruleX([0], { stroke: 'white', strokeOpacity: 0.35 }),
    Plot.ruleY([0], { stroke: 'white', strokeOpacity: 0.35 }),
  ];
  if (path && path.length > 1) {
    marks.push(Plot.line(path, { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], stroke: 'white', strokeWidth: 5, strokeOpacity: 0.7 }));
    marks.push(Plot.line(path, { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], stroke: CHART_COLORS.path, strokeWidth: 2.5 }));
    marks.push(Plot.dot([path.at(-1)!], { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1], r: 4, fill: CHART_COLORS.path, stroke: 'white' }));
  }
  for (const kind of ['up', 'down'] as const) {
    const these = arrows.filter((a) => a.kind === kind);
    if (these.length) {
      marks.push(
        Plot.arrow(these, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'black', strokeWidth: 5, strokeOpacity: 0.45, headLength: 10 }),
      );
      marks.push(
        Plot.arrow(these, {
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: CHART_COLORS[kind],
          strokeWidth: 2.5,
          headLength: 10,
          ...(kind === 'up' ? { strokeDasharray: '5 3' } : {}),
        }),
      );
    }
  }
  if (escape)
    marks.push(
      Plot.arrow([escape], {
        x1: (e: EscapeStep) => e.from[0],
        y1: (e: EscapeStep) => e.from[1],
        x2: (e: EscapeStep) => e.to[0],
        y2: (e: EscapeStep) => e.to[1],
        stroke: CHART_COLORS.down,
        strokeWidth: 3.5,
        headLength: 14,
      }),
    );
  marks.push(
    Plot.dot([analysis.point], {
      x: (p: Vec2) => p[0],
      y: (p: Vec2) => p[1],
      r: 6.5,
      fill: CHART_COLORS.point,
      stroke: 'black',
      strokeWidth: 2,
    }),
  );
  return squareMap({ document, domain: [lo, hi], size, labels: ['w₁', 'w₂'], color: 'symlog', marks });
}
