// The SaddleDynamics charts: trajectories over the contours of ½(λ₁x₁² + λ₂x₂²) with the stable and unstable
// directions drawn, and escape steps against ε on a log axis. One function each for the build and the page; both are
// drawn at the width of their box (never scaled down), so their 12 px text stays 12 px on a phone.
import * as Plot from '@observablehq/plot';
import { squareMap } from '../shared/square-map.ts';
import { CHART_STYLE, linearTick, plot, powerOfTen } from '../shared/chart-theme.ts';
import { escapeSteps, type DynamicsScene, type EscapeRow, type Vec2 } from '../../../lib/landscape/saddle-dynamics.ts';

export const DYNAMICS_COLORS = { gd: '#ff3d7f', momentum: '#ff9f1a', noisy: '#ffffff', axis: '#ffffff' } as const;
/** Colours of the escape chart, drawn on the page background (light or dark). */
export const ESCAPE_COLORS = { gd: '#d6336c', momentum: '#e8590c', noisy: '#1c7ed6' } as const;

const DOMAIN = 1.25;

export interface PhaseChartInput {
  document: Document;
  lambda1: number;
  lambda2: number;
  scene: DynamicsScene;
  labels: { stable: string; unstable: string };
  /** Width and height in CSS pixels: the box's width (boxWidth), 460 at build time. */
  size?: number;
}

const square = (document: Document, size: number, marks: Plot.Markish[]) =>
  squareMap({ document, domain: [-DOMAIN, DOMAIN], size, labels: ['x₁', 'x₂'], color: 'linear', marks });

/**
 * The filled and stroked contours of ½(λ₁x₁² + λ₂x₂²) at `size`, drawn on a map of their own and kept: they are
 * most of the cost of a redraw (hundreds of ms on a slow phone) and change only with λ₁, λ₂ or the size, while
 * keys and fields mostly move ε and η. Same size and domain, so the same scales as the map they are copied into.
 */
const layers = new WeakMap<Document, Map<string, Element[]>>();
function contourLayer(document: Document, lambda1: number, lambda2: number, size: number): Element[] {
  const cache = layers.get(document) ?? new Map<string, Element[]>();
  layers.set(document, cache);
  const key = `${lambda1},${lambda2},${size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // 41 × 41 samples: smooth at 460 px (a cell is 11 px) and a few times cheaper than 61 × 61 (contouring dominates).
  const n = 41;
  const values: number[] = [];
  const ticks = Array.from({ length: n }, (_, i) => -DOMAIN + (2 * DOMAIN * i) / (n - 1));
  for (const y of ticks) for (const x of ticks) values.push(0.5 * (lambda1 * x * x + lambda2 * y * y));
  const half = DOMAIN / (n - 1);
  const grid = { x1: -DOMAIN - half, x2: DOMAIN + half, y1: -DOMAIN - half, y2: DOMAIN + half, width: n, height: n };
  const svg = square(document, size, [
    Plot.contour(values, { ...grid, fill: Plot.identity, thresholds: 20 } as never),
    Plot.contour(values, { ...grid, stroke: 'black', strokeOpacity: 0.18, thresholds: 20 } as never),
  ]);
  const layer = [...svg.querySelectorAll('g[data-mark="contour"]')];
  cache.set(key, layer);
  if (cache.size > 6) cache.delete(cache.keys().next().value!);
  return layer;
}

export function phaseChart({ document, lambda1, lambda2, scene, labels, size = 460 }: PhaseChartInput): SVGSVGElement {
  const xy = { x: (p: Vec2) => p[0], y: (p: Vec2) => p[1] };
  const marks: Plot.Markish[] = [
    // Escape radius |x₂| = R = 1.
    Plot.ruleY([-1, 1], { stroke: 'white', strokeOpacity: 0.6, strokeDasharray: '2 4' }),
    // Stable direction (the x₁ axis) solid, unstable direction (the x₂ axis) dashed.
    Plot.ruleY([0], { stroke: 'black', strokeWidth: 5, strokeOpacity: 0.4 }),
    Plot.ruleY([0], { stroke: DYNAMICS_COLORS.axis, strokeWidth: 2.5 }),
    Plot.ruleX([0], { stroke: 'black', strokeWidth: 5, strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: DYNAMICS_COLORS.axis, strokeWidth: 2.5, strokeDasharray: '6 4' }),
    Plot.text([labels.stable], {
      x: -DOMAIN + 0.05,
      y: -0.09,
      text: (d: string) => d,
      textAnchor: 'start',
      fill: 'white',
      stroke: 'black',
      strokeWidth: 3,
      paintOrder: 'stroke',
      fontSize: 12,
    }),
    Plot.text([labels.unstable], {
      x: 0.06,
      y: -DOMAIN + 0.1,
      text: (d: string) => d,
      textAnchor: 'start',
      fill: 'white',
      stroke: 'black',
      strokeWidth: 3,
      paintOrder: 'stroke',
      fontSize: 12,
    }),
  ];
  const path = (t: { points: Vec2[] } | null, color: string) => {
    if (!t || t.points.length < 2) return;
    // Thin long paths for drawing; the last point is kept.
    const every = Math.max(1, Math.floor(t.points.length / 600));
    const pts = t.points
      .filter((_, i) => i % every === 0 || i === t.points.length - 1)
      .map(([a, b]) => [Math.max(-1e3, Math.min(1e3, a)), Math.max(-1e3, Math.min(1e3, b))] as Vec2);
    marks.push(Plot.line(pts, { ...xy, stroke: 'black', strokeWidth: 4.5, strokeOpacity: 0.45, clip: true }));
    marks.push(Plot.line(pts, { ...xy, stroke: color, strokeWidth: 2.2, clip: true }));
    marks.push(Plot.dot([pts.at(-1)!], { ...xy, r: 4, fill: color, stroke: 'black', clip: true }));
  };
  path(scene.noisy, DYNAMICS_COLORS.noisy);
  path(scene.momentum, DYNAMICS_COLORS.momentum);
  path(scene.gd, DYNAMICS_COLORS.gd);
  marks.push(Plot.dot([scene.gd.points[0]!], { ...xy, r: 6, fill: 'white', stroke: 'black', strokeWidth: 2 }));
  const svg = square(document, size, marks);
  // The contours go under the first mark (the escape-radius rules), over the axes, as if drawn in this plot.
  const first = svg.querySelector('g[data-mark="rule"]');
  for (const g of contourLayer(document, lambda1, lambda2, size)) svg.insertBefore(g.cloneNode(true), first);
  return svg;
}

export interface EscapeChartInput {
  document: Document;
  rows: EscapeRow[];
  labels: { x: string; y: string };
  /** CSS pixels: the box's width (boxWidth), 560 at build time. */
  width?: number;
}

/** The steps each series plots at a row; null where there is no count (capped, never, diverges). */
const SERIES = {
  gd: (r: EscapeRow) => escapeSteps(r.gd),
  momentum: (r: EscapeRow) => escapeSteps(r.momentum),
  noisy: (r: EscapeRow) => (r.noisy && r.noisy.escaped === r.noisy.runs ? r.noisy.mean : null),
  flow: (r: EscapeRow) => (Number.isFinite(r.flowSteps) ? r.flowSteps : null),
};

export function escapeChart({ document, rows, labels, width = 560 }: EscapeChartInput): SVGSVGElement {
  const x = (r: EscapeRow) => r.epsilon;
  const lo = Math.floor(Math.log10(rows[0]?.epsilon ?? 1e-8));
  const hi = Math.ceil(Math.log10(rows.at(-1)?.epsilon ?? 1e-1));
  const powers = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  // One label per ~48 px, so 10⁻⁸ … 10⁻¹ never overlap on a phone.
  const step = Math.ceil(powers.length / Math.max(2, Math.floor((width - 70) / 48)));
  const having = (y: (r: EscapeRow) => number | null) => rows.filter((r) => y(r) !== null);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    Plot.line(having(SERIES.flow), { x, y: SERIES.flow, stroke: 'currentColor', strokeWidth: 1.8, strokeDasharray: '6 4' }),
  ];
  const series = [
    ['gd', ESCAPE_COLORS.gd, 'circle'],
    ['momentum', ESCAPE_COLORS.momentum, 'square'],
    ['noisy', ESCAPE_COLORS.noisy, 'triangle'],
  ] as const;
  for (const [key, color, symbol] of series) {
    const y = SERIES[key];
    const data = having(y);
    if (!data.length) continue;
    marks.push(Plot.line(data, { x, y, stroke: color, strokeWidth: 2 }));
    marks.push(Plot.dot(data, { x, y, fill: color, symbol, r: 3.5 }));
  }
  return plot(
    {
      document,
      width,
      height: Math.round(Math.max(220, width * 0.62)),
      marginLeft: 52,
      marginBottom: 46,
      x: {
        type: 'log',
        label: labels.x,
        labelAnchor: 'center',
        labelArrow: 'none',
        tickFormat: powerOfTen,
        ticks: powers.filter((_, i) => (powers.length - 1 - i) % step === 0),
      },
      y: { label: labels.y, labelAnchor: 'center', labelArrow: 'none', grid: true, zero: true, ticks: 5, tickFormat: linearTick(0) },
      style: CHART_STYLE,
      marks,
    },
    { minHeight: 220 },
  ) as unknown as SVGSVGElement;
}
