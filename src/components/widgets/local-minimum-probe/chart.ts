// The LocalMinimumProbe charts: D1 with the fit f(x) = v·ReLU(wx + b) + c, the histogram of probe ΔL with 0
// marked, and the loss along gradient descent. One function each, for the build, the page and the snapshots.
import * as Plot from '@observablehq/plot';
import { reluUnitOutput, type Point2 } from '../../../lib/models/relu-unit.ts';
import { CHART_STYLE, linearTick, logTick, minus, plot, powerOfTen } from '../shared/chart-theme.ts';
import type { Bin } from './model.ts';

/** Chosen to read on light and dark pages and to differ for red–green colour blindness (blue / orange). */
export const PROBE_COLORS = { fit: '#2f7fd8', up: '#2f7fd8', down: '#e8590c', handle: '#e8590c' } as const;
export const FIT_DOMAIN = { x: [-2, 6] as [number, number], y: [-5, 5] as [number, number] };
/** Widest a chart is drawn (its box may be wider on a large screen). */
export const CHART_MAX_WIDTH = 460;

const clampY = (y: number) => Math.max(FIT_DOMAIN.y[0] - 1, Math.min(FIT_DOMAIN.y[1] + 1, y));

/**
 * A y axis whose label sits above it, level, at the left: a rotated label beside the ticks collides with wide ones
 * ("4,000"), and this one cannot, whatever the ticks are.
 */
const Y_LABEL = { labelAnchor: 'top', labelArrow: 'none', labelOffset: 20 } as const;
const X_LABEL = { labelAnchor: 'center', labelArrow: 'none' } as const;
const MARGINS = { marginTop: 26, marginBottom: 42, marginRight: 14 } as const;

/** The fit sampled at the domain ends and the kink, which is all a hinge needs. */
function fitLine(theta: readonly number[]): [number, number][] {
  const [w, b] = theta as [number, number];
  const xs = [FIT_DOMAIN.x[0], FIT_DOMAIN.x[1]];
  if (w !== 0) {
    const k = -b / w;
    if (k > xs[0]! && k < xs[1]!) xs.splice(1, 0, k);
  }
  return xs.map((x) => [x, clampY(reluUnitOutput(theta, x))]);
}

/** Where the drag handle sits: the kink (−b/w, c) when it is inside the chart. */
export function kinkHandle(theta: readonly number[]): [number, number] | null {
  const [w, b, , c] = theta as [number, number, number, number];
  if (w === 0) return null;
  const k = -b / w;
  return k >= FIT_DOMAIN.x[0] && k <= FIT_DOMAIN.x[1] && c >= FIT_DOMAIN.y[0] && c <= FIT_DOMAIN.y[1] ? [k, c] : null;
}

export interface FitChartInput {
  document: Document;
  points: readonly Point2[];
  theta: readonly number[];
  /** Drawn dashed for comparison (the better point). */
  reference?: readonly number[];
  labels: { x: string; y: string };
  width?: number;
}

export function fitChart({ document, points, theta, reference, labels, width = CHART_MAX_WIDTH }: FitChartInput): SVGSVGElement {
  const xy = { x: (p: [number, number]) => p[0], y: (p: [number, number]) => p[1] };
  const errors = points.map(([x, y]) => ({ x, y, f: clampY(reluUnitOutput(theta, x)) }));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.25 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.25 }),
  ];
  if (reference)
    marks.push(
      Plot.line(fitLine(reference), {
        ...xy,
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeWidth: 1.6,
        strokeDasharray: '6 4',
        clip: true,
      }),
    );
  marks.push(
    Plot.link(errors, {
      x1: 'x',
      y1: 'y',
      x2: 'x',
      y2: 'f',
      stroke: PROBE_COLORS.down,
      strokeWidth: 2,
      strokeDasharray: '2 3',
      clip: true,
    }),
    Plot.line(fitLine(theta), { ...xy, stroke: PROBE_COLORS.fit, strokeWidth: 3, clip: true }),
    Plot.dot(points, { x: (p: Point2) => p[0], y: (p: Point2) => p[1], r: 5, fill: 'currentColor' }),
  );
  const handle = kinkHandle(theta);
  if (handle) marks.push(Plot.dot([handle], { ...xy, r: 7, fill: 'none', stroke: PROBE_COLORS.handle, strokeWidth: 2.5 }));
  return plot({
    document,
    width,
    height: Math.round(width * 0.8),
    ...MARGINS,
    marginLeft: 36,
    x: { domain: FIT_DOMAIN.x, label: labels.x, ...X_LABEL, tickFormat: linearTick(2) },
    y: { domain: FIT_DOMAIN.y, label: labels.y, ...Y_LABEL, grid: true, tickFormat: linearTick(2) },
    style: CHART_STYLE,
    marks,
  }) as unknown as SVGSVGElement;
}

/** 0, 2×10⁻³, −1.5×10⁻⁵: ticks for loss changes that span many scales, with a true minus and a written power. */
export function scaledTick(v: number): string {
  if (v === 0) return '0';
  const k = Math.floor(Math.log10(Math.abs(v)) + 1e-9);
  const m = Number((v / 10 ** k).toPrecision(2));
  if (k === 0) return minus(String(m));
  const power = powerOfTen(10 ** k);
  return Math.abs(m) === 1 ? `${m < 0 ? '−' : ''}${power}` : `${minus(String(m))}×${power}`;
}

export interface ProbeChartInput {
  document: Document;
  bins: Bin[];
  labels: { x: string; y: string };
  width?: number;
}

export function probeChart({ document, bins, labels, width = CHART_MAX_WIDTH }: ProbeChartInput): SVGSVGElement {
  const lo = Math.min(0, bins[0]?.x0 ?? 0);
  const hi = Math.max(bins.at(-1)?.x1 ?? 1, lo === 0 ? 1e-12 : 0);
  return plot({
    document,
    width,
    height: Math.round(width * 0.55),
    ...MARGINS,
    marginLeft: 44,
    marginRight: 22,
    x: {
      domain: [lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)],
      label: labels.x,
      ...X_LABEL,
      ticks: Math.max(3, Math.floor(width / 120)),
      tickFormat: scaledTick,
    },
    y: { label: labels.y, ...Y_LABEL, grid: true, ticks: 4, tickFormat: linearTick(0) },
    style: CHART_STYLE,
    marks: [
      Plot.rectY(bins, {
        x1: 'x0',
        x2: 'x1',
        y: 'count',
        fill: (d: Bin) => (d.negative ? PROBE_COLORS.down : PROBE_COLORS.up),
        inset: 0.5,
      }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
      // ΔL = 0, the line between rises and falls (the x axis labels it 0: 0 is a multiple of every tick step).
      Plot.ruleX([0], { stroke: 'currentColor', strokeWidth: 2 }),
    ],
  }) as unknown as SVGSVGElement;
}

export interface DescentChartInput {
  document: Document;
  path: { step: number; loss: number }[];
  /** Losses marked by dashed lines (D1's reference points), each drawn only if it falls on the chart. */
  references: readonly number[];
  labels: { x: string; y: string; yLog: string };
  width?: number;
}

/**
 * The loss axis: logarithmic (ticks 10ᵏ) when the path spans a decade or more, otherwise linear with as many
 * decimals as its tick step needs (a descent that barely moves reads 18, 18.01, not 18.000000, 18.000000).
 */
export function lossAxis(losses: readonly number[]): {
  type: 'log' | 'linear';
  domain: [number, number];
  tickFormat: (v: number) => string;
} {
  const lo = Math.min(...losses);
  const hi = Math.max(...losses);
  if (hi / lo >= 10) return { type: 'log', domain: [lo, hi], tickFormat: logTick };
  // At least 1‰ of the level, so float noise of a stalled descent is not blown up into a slope.
  const pad = Math.max((hi - lo) * 0.08, hi * 5e-4, 1e-9);
  const domain: [number, number] = [Math.max(0, lo - pad), hi + pad];
  const step = (domain[1] - domain[0]) / 4;
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
  return { type: 'linear', domain, tickFormat: linearTick(digits) };
}

export function descentChart({ document, path, references, labels, width = CHART_MAX_WIDTH }: DescentChartInput): SVGSVGElement {
  const finite = path.filter((p) => Number.isFinite(p.loss) && p.loss > 0);
  const axis = lossAxis(finite.map((p) => p.loss));
  const refs = references.filter((r) => r >= axis.domain[0] && r <= axis.domain[1]);
  return plot({
    document,
    width,
    height: Math.round(width * 0.55),
    ...MARGINS,
    marginLeft: 52,
    x: { label: labels.x, ...X_LABEL, ticks: Math.max(3, Math.floor(width / 110)), tickFormat: linearTick(0) },
    y: { ...axis, label: axis.type === 'log' ? labels.yLog : labels.y, ...Y_LABEL, grid: true, ticks: 4 },
    style: CHART_STYLE,
    marks: [
      Plot.ruleY(refs, { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 4' }),
      Plot.text(refs, {
        y: (d: number) => d,
        frameAnchor: 'right',
        // Clear of the dot that marks where descent stopped, often at the right edge on one of these lines.
        dx: -12,
        dy: -7,
        text: (d: number) => `L = ${d}`,
        fill: 'currentColor',
        textAnchor: 'end',
      }),
      Plot.line(finite, { x: 'step', y: 'loss', stroke: PROBE_COLORS.fit, strokeWidth: 2.5 }),
      Plot.dot(finite.slice(-1), { x: 'step', y: 'loss', r: 5, fill: PROBE_COLORS.handle, stroke: 'currentColor' }),
    ],
  }) as unknown as SVGSVGElement;
}
