// The LocalMinimumProbe charts: D1 with the fit f(x) = v·ReLU(wx + b) + c, the histogram of probe ΔL with 0
// marked, and the loss along gradient descent. One function each, for the build and the page.
import * as Plot from '@observablehq/plot';
import { reluUnitOutput, type Point2 } from '../../../lib/models/relu-unit.ts';

/** Chosen to read on light and dark pages and to differ for red–green colour blindness (blue / orange). */
export const PROBE_COLORS = { fit: '#2f7fd8', up: '#2f7fd8', down: '#e8590c', handle: '#e8590c' } as const;
export const FIT_DOMAIN = { x: [-2, 6] as [number, number], y: [-5, 5] as [number, number] };

const clampY = (y: number) => Math.max(FIT_DOMAIN.y[0] - 1, Math.min(FIT_DOMAIN.y[1] + 1, y));

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

export function fitChart({ document, points, theta, reference, labels, width = 460 }: FitChartInput): SVGSVGElement {
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
  return Plot.plot({
    document,
    width,
    height: Math.round(width * 0.8),
    marginLeft: 40,
    marginBottom: 40,
    x: { domain: FIT_DOMAIN.x, label: labels.x, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: FIT_DOMAIN.y, label: labels.y, labelAnchor: 'center', labelArrow: 'none', grid: true },
    style: { background: 'transparent', fontSize: '12px' },
    marks,
  }) as unknown as SVGSVGElement;
}

export interface Bin {
  x0: number;
  x1: number;
  count: number;
  /** Every value in the bin is below 0 (bins never straddle 0). */
  negative: boolean;
}

/** 0, 2e−3, −1.5e−5: short ticks for loss changes that span many scales. */
const expTick = (v: number) => (v === 0 ? '0' : Number(v.toPrecision(2)).toExponential().replace('e+', 'e').replace(/-/g, '−'));

export interface ProbeChartInput {
  document: Document;
  bins: Bin[];
  labels: { x: string; y: string };
  width?: number;
}

export function probeChart({ document, bins, labels, width = 460 }: ProbeChartInput): SVGSVGElement {
  const lo = Math.min(0, bins[0]?.x0 ?? 0);
  const hi = Math.max(bins.at(-1)?.x1 ?? 1, lo === 0 ? 1e-12 : 0);
  return Plot.plot({
    document,
    width,
    height: Math.round(width * 0.5),
    marginLeft: 48,
    marginBottom: 40,
    x: {
      domain: [lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)],
      label: labels.x,
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: 4,
      tickFormat: expTick,
    },
    y: { label: labels.y, labelAnchor: 'center', labelArrow: 'none', grid: true },
    style: { background: 'transparent', fontSize: '12px' },
    marks: [
      Plot.rectY(bins, {
        x1: 'x0',
        x2: 'x1',
        y: 'count',
        fill: (d: Bin) => (d.negative ? PROBE_COLORS.down : PROBE_COLORS.up),
        inset: 0.5,
      }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.ruleX([0], { stroke: 'currentColor', strokeWidth: 2 }),
      Plot.text(['0'], {
        x: 0,
        frameAnchor: 'top',
        dy: -2,
        text: (d: string) => d,
        fill: 'currentColor',
        textAnchor: 'middle',
        lineAnchor: 'bottom',
      }),
    ],
  }) as unknown as SVGSVGElement;
}

export interface DescentChartInput {
  document: Document;
  path: { step: number; loss: number }[];
  labels: { x: string; y: string };
  width?: number;
}

export function descentChart({ document, path, labels, width = 460 }: DescentChartInput): SVGSVGElement {
  const finite = path.filter((p) => Number.isFinite(p.loss) && p.loss > 0);
  const refs = [14, 18];
  return Plot.plot({
    document,
    width,
    height: Math.round(width * 0.5),
    marginLeft: 48,
    marginBottom: 40,
    x: { label: labels.x, labelAnchor: 'center', labelArrow: 'none', ticks: 5 },
    y: { type: 'log', label: labels.y, labelAnchor: 'center', labelArrow: 'none', grid: true },
    style: { background: 'transparent', fontSize: '12px' },
    marks: [
      Plot.ruleY(refs, { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 4' }),
      Plot.text(refs, {
        y: (d: number) => d,
        frameAnchor: 'right',
        dx: -4,
        dy: -6,
        text: (d: number) => `L = ${d}`,
        fill: 'currentColor',
        textAnchor: 'end',
      }),
      Plot.line(finite, { x: 'step', y: 'loss', stroke: PROBE_COLORS.fit, strokeWidth: 2.5 }),
      Plot.dot(finite.slice(-1), { x: 'step', y: 'loss', r: 5, fill: PROBE_COLORS.handle, stroke: 'currentColor' }),
    ],
  }) as unknown as SVGSVGElement;
}
