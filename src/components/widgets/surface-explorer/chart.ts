// The SurfaceExplorer's map: loss contours on square-root levels, the valley floor, the point θ′, Hessian
// eigenvectors, the descent path (cut at the frame) and the escape step. One function for the build-time figure
// (with a server-side document) and the live one in the page.
import * as Plot from '@observablehq/plot';
import { squareMap } from '../shared/square-map.ts';
import { linearTick } from '../shared/chart-theme.ts';
import { clipPolyline, type EscapeStep, type PointAnalysis } from '../../../lib/landscape/surface-analysis.ts';
import type { Vec2 } from '../../../lib/models/two-weight.ts';

export interface SurfaceChartInput {
  document: Document;
  domain: readonly [number, number];
  grid: { values: number[]; ticks: number[] };
  analysis: PointAnalysis;
  /** The curve of minima, one polyline per branch (Surface.valley), drawn over the contours. */
  valley?: Vec2[][] | undefined;
  path?: Vec2[] | undefined;
  escape?: EscapeStep | null | undefined;
  /** Width and height in CSS pixels: the map is drawn at its box's width. */
  size?: number;
}

/** Colours chosen to read on viridis in light and dark pages, and apart for red–green colour blindness. */
export const CHART_COLORS = { down: '#ff7a1a', up: '#ffffff', path: '#ff3d7f', point: '#ffffff', valley: '#7df9ff' } as const;

/** How many contour bands: the levels are (k/BANDS)² of the loss range above its minimum. */
const BANDS = 20;

/**
 * The loss levels of the contours, ascending: min + (max − min)·(k/BANDS)², k = 1 … BANDS − 1. Square-root spacing
 * puts many contours where the loss is small, so a valley floor shows; on (1 − w₁w₂)² over [−2, 2]² the lowest
 * level is 25/400 = 0.0625 and L = 1, the saddle's level through the axes, is one of them.
 */
export function contourLevels(values: readonly number[]): number[] {
  const [lo, hi] = range(values);
  return Array.from({ length: BANDS - 1 }, (_, i) => lo + (hi - lo) * ((i + 1) / BANDS) ** 2);
}

function range(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

export function surfaceChart({ document, domain, grid, analysis, valley, path, escape, size = 400 }: SurfaceChartInput): SVGSVGElement {
  const [lo, hi] = domain;
  const n = grid.ticks.length;
  const half = (hi - lo) / (n - 1) / 2;
  const arrowLength = (hi - lo) / 6;
  const [x, y] = analysis.point;
  // Contoured and coloured in √(L − min), where equal steps are the square-root levels of contourLevels; lighter is higher.
  const [min, max] = range(grid.values);
  const root = grid.values.map((v) => Math.sqrt(v - min));
  // The first threshold, 0, fills the lowest band (the valley) too: Plot fills only where the value is at or above one.
  const thresholds = Array.from({ length: BANDS }, (_, i) => (Math.sqrt(max - min) * i) / BANDS);
  const box = { x1: lo - half, x2: hi + half, y1: lo - half, y2: hi + half, width: n, height: n, thresholds };
  const arrows = analysis.eigenvalues.flatMap((lambda, i) => {
    const [ux, uy] = analysis.eigenvectors[i]!;
    if (Math.abs(lambda) <= analysis.classification.zeroTol) return [];
    const kind = lambda < 0 ? 'down' : 'up';
    return [1, -1].map((s) => ({ x1: x, y1: y, x2: x + s * arrowLength * ux, y2: y + s * arrowLength * uy, kind }));
  });
  const xy = { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1] };
  const polylines = (parts: Vec2[][]) => parts.flatMap((part, i) => part.map((p) => ({ p, i })));
  const partXY = { x: (d: { p: Vec2 }) => d.p[0], y: (d: { p: Vec2 }) => d.p[1], z: (d: { i: number }) => d.i };
  const marks: Plot.Markish[] = [
    // One mark fills the bands and draws their edges: the contours are computed once per redraw, not twice.
    Plot.contour(root, {
      ...box,
      value: Plot.identity,
      fill: 'value',
      stroke: 'black',
      strokeOpacity: 0.2,
      className: 'surface-contours',
    } as never),
    Plot.ruleX([0], { stroke: 'white', strokeOpacity: 0.35 }),
    Plot.ruleY([0], { stroke: 'white', strokeOpacity: 0.35 }),
    Plot.axisX({ tickFormat: linearTick(1), label: 'w₁', labelAnchor: 'center', labelArrow: 'none' }),
    Plot.axisY({ tickFormat: linearTick(1), label: 'w₂', labelAnchor: 'center', labelArrow: 'none' }),
  ];
  if (valley?.length) {
    const data = polylines(valley.flatMap((branch) => clipPolyline(branch, lo, hi)));
    marks.push(Plot.line(data, { ...partXY, stroke: 'black', strokeOpacity: 0.5, strokeWidth: 4.5 }));
    marks.push(
      Plot.line(data, { ...partXY, stroke: CHART_COLORS.valley, strokeWidth: 2, strokeDasharray: '6 3', className: 'surface-valley' }),
    );
  }
  // The path is cut at the frame: a diverging descent leaves the view within a few steps and must not be drawn over
  // the readout. Its last visible point is marked.
  const visible = path && path.length > 1 ? clipPolyline(path, lo, hi) : [];
  if (visible.length) {
    const data = polylines(visible);
    marks.push(Plot.line(data, { ...partXY, stroke: 'white', strokeWidth: 5, strokeOpacity: 0.7 }));
    marks.push(Plot.line(data, { ...partXY, stroke: CHART_COLORS.path, strokeWidth: 2.5, className: 'surface-path' }));
    marks.push(Plot.dot([visible.at(-1)!.at(-1)!], { ...xy, r: 4, fill: CHART_COLORS.path, stroke: 'white' }));
  }
  for (const kind of ['up', 'down'] as const) {
    const these = arrows.filter((a) => a.kind === kind);
    if (!these.length) continue;
    const ends = { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', headLength: 10, clip: true } as const;
    marks.push(Plot.arrow(these, { ...ends, stroke: 'black', strokeWidth: 5, strokeOpacity: 0.45 }));
    marks.push(
      Plot.arrow(these, { ...ends, stroke: CHART_COLORS[kind], strokeWidth: 2.5, ...(kind === 'up' ? { strokeDasharray: '5 3' } : {}) }),
    );
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
        clip: true,
      }),
    );
  marks.push(Plot.dot([analysis.point], { ...xy, r: 6.5, fill: CHART_COLORS.point, stroke: 'black', strokeWidth: 2 }));
  return squareMap({ document, domain: [lo, hi], size, labels: ['w₁', 'w₂'], color: 'linear', marks });
}
