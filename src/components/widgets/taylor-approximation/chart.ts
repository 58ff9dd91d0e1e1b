// The Taylor widget's chart: the true loss along s with its first- and second-order models, the useful band and the gap at s.
// One function for both the build-time figure (with a server-side document) and the live one in the page.
import * as Plot from '@observablehq/plot';
import { CHART_STYLE, linearTick, plot } from '../shared/chart-theme.ts';
import type { TaylorValues, UsefulRadius } from '../../../lib/landscape/taylor.ts';

export interface TaylorChartInput {
  document: Document;
  curves: TaylorValues[];
  current: TaylorValues;
  useful: UsefulRadius;
  /** Axis label of s, e.g. "s" or "distance s along d". */
  xLabel: string;
  yLabel: string;
  /** Drawn at its box's width (chartHeight gives the height that goes with it). */
  width?: number;
  height?: number;
}

/** The least height: a phone still shows the curves apart. */
const TAYLOR_MIN_HEIGHT = 260;
/** The chart's height at a width: 340 at 640 px, never under TAYLOR_MIN_HEIGHT. */
export const chartHeight = (width: number): number => Math.round(Math.max(TAYLOR_MIN_HEIGHT, (width * 340) / 640));

/** Okabe–Ito colours: apart for colour-blind readers and legible on light and dark pages. */
export const TAYLOR_COLORS = { first: '#e69f00', second: '#0072b2', gap: '#d55e00', band: '#009e73' } as const;
/** The band's legend key: its colour as the chart's translucent fill reads on the page. */
export const BAND_KEY = 'rgba(0, 158, 115, 0.3)';

type Key = 'truth' | 'first' | 'second';

export function taylorChart({
  document,
  curves,
  current,
  useful,
  xLabel,
  yLabel,
  width = 640,
  height = chartHeight(width),
}: TaylorChartInput): SVGSVGElement {
  const truths = curves.map((c) => c.truth);
  let [yMin, yMax] = [Math.min(...truths), Math.max(...truths)];
  if (yMax - yMin < 1e-6) [yMin, yMax] = [yMin - 1, yMax + 1];
  const pad = (yMax - yMin) * 0.15;
  const r = Math.max(Math.abs(curves[0]!.s), Math.abs(curves.at(-1)!.s));
  const line = (key: Key, stroke: string, extra: Record<string, unknown> = {}) =>
    Plot.line(curves, { x: 's', y: key, stroke, strokeWidth: 2.5, clip: true, ...extra });
  return plot(
    {
      document,
      width,
      height,
      marginLeft: 48,
      marginBottom: 40,
      x: { domain: [-r, r], label: xLabel, labelAnchor: 'center', labelArrow: 'none', tickFormat: linearTick(2) },
      y: { domain: [yMin - pad, yMax + pad], label: yLabel, labelArrow: 'none', grid: true, tickFormat: linearTick(2) },
      style: CHART_STYLE,
      marks: [
        Plot.rectX([useful], {
          x1: (u: UsefulRadius) => -u.minus,
          x2: (u: UsefulRadius) => u.plus,
          fill: TAYLOR_COLORS.band,
          fillOpacity: 0.13,
        }),
        Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.35 }),
        line('first', TAYLOR_COLORS.first, { strokeDasharray: '6 4' }),
        line('second', TAYLOR_COLORS.second, { strokeDasharray: '2 3', strokeWidth: 3 }),
        line('truth', 'currentColor'),
        Plot.ruleX([current], { x: 's', stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '1 3' }),
        Plot.link([current], { x1: 's', x2: 's', y1: 'truth', y2: 'second', stroke: TAYLOR_COLORS.gap, strokeWidth: 4, clip: true }),
        Plot.dot([current], { x: 's', y: 'first', r: 4.5, fill: TAYLOR_COLORS.first, stroke: 'white', clip: true }),
        Plot.dot([current], { x: 's', y: 'second', r: 4.5, fill: TAYLOR_COLORS.second, stroke: 'white', clip: true }),
        Plot.dot([current], { x: 's', y: 'truth', r: 5.5, fill: 'currentColor', stroke: 'white', clip: true }),
      ],
    },
    { minHeight: TAYLOR_MIN_HEIGHT },
  ) as unknown as SVGSVGElement;
}
