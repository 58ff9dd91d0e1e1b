// The DimensionsAndSaddles charts: contours of ½(a x₁² − b x₂²) with the slicing line, the slice L(t·u) itself,
// and the fraction of positive definite GOE matrices against n on a log scale. One function each for build and page.
import * as Plot from '@observablehq/plot';
import { squareMap } from '../shared/square-map.ts';
import { CHART_STYLE, plot, powerOfTen } from '../shared/chart-theme.ts';
import { lineAngle, type SliceScene } from '../../../lib/landscape/slices.ts';
import type { GoeStats } from '../../../lib/experiments/goe-stats.ts';

/** Half-width of the contour map, and the slice's range t ∈ [−R, R] (the slicing segment stays inside the map). */
export const SLICE_RADIUS = 1.25;
/** Colours over viridis (map) and over the page background in light and dark mode (slice, GOE chart). */
export const DIMS_COLORS = {
  slice: '#ff3d7f',
  flat: '#ffffff',
  up: '#ffffff',
  measured: 'currentColor',
  zero: '#e8590c',
  exact: '#d6336c',
  asymptote: '#1c7ed6',
} as const;

type Scaled = SVGSVGElement & { scale(name: string): { apply(v: number): number; invert(v: number): number } };

export interface SliceMapInput {
  document: Document;
  a: number;
  b: number;
  /** Angles (degrees) of the two flat directions: the edges of the cone of minimum-looking slices. */
  flat: number[];
  size?: number;
}

/** The contour map without the slicing line (the page redraws only the line while it rotates: see drawSliceLine). */
export function sliceMapChart({ document, a, b, flat, size = 420 }: SliceMapInput): SVGSVGElement {
  const R = SLICE_RADIUS,
    n = 61;
  const ticks = Array.from({ length: n }, (_, i) => -R + (2 * R * i) / (n - 1));
  const values: number[] = [];
  for (const y of ticks) for (const x of ticks) values.push(0.5 * (a * x * x - b * y * y));
  const half = R / (n - 1);
  const grid = { x1: -R - half, x2: R + half, y1: -R - half, y2: R + half, width: n, height: n };
  const flatLines = flat.map((deg) => {
    const r = (deg * Math.PI) / 180,
      t = R / Math.max(Math.abs(Math.cos(r)), Math.abs(Math.sin(r)));
    return { x1: -t * Math.cos(r), y1: -t * Math.sin(r), x2: t * Math.cos(r), y2: t * Math.sin(r) };
  });
  const marks: Plot.Markish[] = [
    Plot.contour(values, { ...grid, fill: Plot.identity, thresholds: 20 } as never),
    Plot.contour(values, { ...grid, stroke: 'black', strokeOpacity: 0.18, thresholds: 20 } as never),
    // x₁ (curves up) solid, x₂ (curves down) dashed, as in the other saddle figures.
    Plot.ruleY([0], { stroke: 'white', strokeOpacity: 0.55, strokeWidth: 1.2 }),
    Plot.ruleX([0], { stroke: 'white', strokeOpacity: 0.55, strokeWidth: 1.2, strokeDasharray: '5 3' }),
    Plot.link(flatLines, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'black', strokeOpacity: 0.45, strokeWidth: 4 }),
    Plot.link(flatLines, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: DIMS_COLORS.flat, strokeWidth: 1.8, strokeDasharray: '2 4' }),
  ];
  return squareMap({ document, domain: [-R, R], size, labels: ['x₁', 'x₂'], color: 'linear', marks });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Draws (or moves) the slicing segment t·u, t ∈ [−R, R], on a map from sliceMapChart, using the map's own scales. */
export function drawSliceLine(document: Document, svg: SVGSVGElement, angle: number): void {
  const { x, y } = { x: (svg as Scaled).scale('x'), y: (svg as Scaled).scale('y') };
  const r = (angle * Math.PI) / 180,
    R = SLICE_RADIUS;
  const ends = [x.apply(-R * Math.cos(r)), y.apply(-R * Math.sin(r)), x.apply(R * Math.cos(r)), y.apply(R * Math.sin(r))].map((v) =>
    v.toFixed(2),
  );
  let g = svg.querySelector('g.dims-slice');
  if (!g) {
    g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'dims-slice');
    const attrs: Record<string, string>[] = [
      { stroke: 'black', 'stroke-opacity': '0.5', 'stroke-width': '6.5', 'stroke-linecap': 'round' },
      { stroke: DIMS_COLORS.slice, 'stroke-width': '3.5', 'stroke-linecap': 'round' },
    ];
    for (const a of attrs) {
      const line = document.createElementNS(SVG_NS, 'line');
      for (const [k, v] of Object.entries(a)) line.setAttribute(k, v);
      g.appendChild(line);
    }
    const dot = document.createElementNS(SVG_NS, 'circle');
    for (const [k, v] of Object.entries({
      r: '5.5',
      fill: 'white',
      stroke: 'black',
      'stroke-width': '2',
      cx: x.apply(0).toFixed(2),
      cy: y.apply(0).toFixed(2),
    }))
      dot.setAttribute(k, v);
    g.appendChild(dot);
    svg.appendChild(g);
  }
  g.querySelectorAll('line').forEach((line) => {
    line.setAttribute('x1', ends[0]!);
    line.setAttribute('y1', ends[1]!);
    line.setAttribute('x2', ends[2]!);
    line.setAttribute('y2', ends[3]!);
  });
}

/** The slicing angle (degrees, [0, 180)) of a point on the map, or null at the centre or outside the plot. */
export function angleAtPointer(svg: SVGSVGElement, clientX: number, clientY: number): number | null {
  const s = svg as Scaled;
  const rect = svg.getBoundingClientRect();
  const px = ((clientX - rect.left) * Number(svg.getAttribute('width'))) / rect.width;
  const py = ((clientY - rect.top) * Number(svg.getAttribute('height'))) / rect.height;
  const x = s.scale('x').invert(px),
    y = s.scale('y').invert(py);
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.hypot(x, y) < 0.03) return null;
  return lineAngle((Math.atan2(y, x) * 180) / Math.PI);
}

export interface SliceCurveInput {
  document: Document;
  scene: SliceScene;
  labels: { x: string; y: string };
  width?: number;
}

/** L(t·u) against t, between the steepest slices ½at² (up) and −½bt² (down). */
export function sliceCurveChart({ document, scene, labels, width = 420 }: SliceCurveInput): SVGSVGElement {
  const R = SLICE_RADIUS;
  const [lo, hi] = scene.eigenvalues;
  const ts = scene.curve.map((p) => p.t);
  const up = ts.map((t) => ({ t, loss: 0.5 * hi * t * t }));
  const down = ts.map((t) => ({ t, loss: 0.5 * lo * t * t }));
  const top = Math.max(0.5 * hi * R * R, 1e-9),
    bottom = Math.min(0.5 * lo * R * R, -1e-9);
  const pad = 0.06 * (top - bottom);
  const color = scene.verdict === 'maximum' ? DIMS_COLORS.asymptote : scene.verdict === 'flat' ? 'currentColor' : DIMS_COLORS.slice;
  return plot(
    {
      document,
      width,
      // Not flatter than 210 px when drawn at a narrow box's width, so the y axis keeps a few ticks.
      height: Math.round(Math.max(210, width * 0.6)),
      marginLeft: 52,
      marginBottom: 40,
      x: { domain: [-R, R], label: labels.x, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: [bottom - pad, top + pad], label: labels.y, labelAnchor: 'center', labelArrow: 'none', grid: true },
      style: CHART_STYLE,
      marks: [
        Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.5 }),
        Plot.line(up, { x: 't', y: 'loss', stroke: 'currentColor', strokeOpacity: 0.45, strokeWidth: 1.4, strokeDasharray: '5 3' }),
        Plot.line(down, { x: 't', y: 'loss', stroke: 'currentColor', strokeOpacity: 0.45, strokeWidth: 1.4, strokeDasharray: '2 3' }),
        Plot.line(scene.curve, { x: 't', y: 'loss', stroke: color, strokeWidth: 3 }),
        Plot.dot([{ t: 0, loss: 0 }], { x: 't', y: 'loss', r: 4.5, fill: color, stroke: 'currentColor' }),
      ],
    },
    { minHeight: 210 },
  ) as unknown as SVGSVGElement;
}

export interface GoeChartInput {
  document: Document;
  stats: GoeStats[];
  maxN: number;
  labels: { x: string; y: string };
  width?: number;
}

/** Fraction positive definite against n (log y): dots with 95% bars, arrows down from 3/K where none was found. */
export function goeChart({ document, stats, maxN, labels, width = 560 }: GoeChartInput): SVGSVGElement {
  const found = stats.filter((s) => !s.zero && s.samples > 0);
  const zeros = stats.filter((s) => s.zero && s.samples > 0);
  const floorOf = [...found.map((s) => s.lower), ...zeros.map((s) => s.upper / 4), 0.1].filter((v) => v > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...floorOf)) - 0.15);
  const ref = Array.from({ length: Math.max(2, maxN * 8) }, (_, i) => 1 + ((maxN - 1) * i) / Math.max(1, maxN * 8 - 1))
    .map((n) => ({ n, p: Math.exp((-Math.log(3) / 4) * n * n) }))
    .filter((d) => d.p >= yMin);
  const exact = stats.filter((s) => s.exact !== null).map((s) => ({ n: s.n, p: s.exact! }));
  const step = Math.max(1, Math.ceil(maxN / 10));
  const decades = Array.from({ length: -Math.log10(yMin) + 1 }, (_, i) => 10 ** -i);
  const every = Math.max(1, Math.ceil(decades.length / 7));
  return plot(
    {
      document,
      width,
      // Not flatter than 250 px on a phone, so the decades of the log axis stay apart.
      height: Math.round(Math.max(250, width * 0.62)),
      marginLeft: 56,
      marginBottom: 40,
      marginRight: 12,
      x: {
        domain: [0.5, maxN + 0.5],
        label: labels.x,
        labelAnchor: 'center',
        labelArrow: 'none',
        ticks: Array.from({ length: maxN }, (_, i) => i + 1).filter((v) => (v - 1) % step === 0),
        tickFormat: 'd',
      },
      y: {
        type: 'log',
        domain: [yMin, 1],
        label: labels.y,
        labelAnchor: 'center',
        labelArrow: 'none',
        grid: true,
        ticks: decades.filter((_, i) => i % every === 0),
        // 10⁻² rather than 1e−2: only the decades are ticked.
        tickFormat: powerOfTen,
      },
      style: CHART_STYLE,
      marks: [
        Plot.line(ref, { x: 'n', y: 'p', stroke: DIMS_COLORS.asymptote, strokeWidth: 2, strokeDasharray: '6 4' }),
        Plot.ruleX(found, { x: 'n', y1: 'lower', y2: 'upper', stroke: DIMS_COLORS.measured, strokeWidth: 1.6 }),
        Plot.dot(found, { x: 'n', y: 'fraction', r: 3.6, fill: DIMS_COLORS.measured }),
        Plot.arrow(zeros, {
          x1: 'n',
          x2: 'n',
          y1: 'upper',
          y2: (s: GoeStats) => s.upper / 4,
          stroke: DIMS_COLORS.zero,
          strokeWidth: 2,
          headLength: 7,
        }),
        Plot.dot(zeros, { x: 'n', y: 'upper', symbol: 'square', r: 3, fill: DIMS_COLORS.zero }),
        Plot.dot(exact, { x: 'n', y: 'p', symbol: 'times', r: 6, stroke: DIMS_COLORS.exact, strokeWidth: 2.2 }),
      ],
    },
    { minHeight: 250 },
  ) as unknown as SVGSVGElement;
}
