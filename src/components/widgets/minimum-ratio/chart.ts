// MinimumRatio's chart, the lecture's plot drawn twice: training loss (log scale) against minimum ratio for every
// network, counting λ > 0 as the homework does (open circles) and λ > τ (filled dots), each pair joined by a faint
// segment; a dashed rule at the homework's 0.5.
import * as Plot from '@observablehq/plot';
import type { MrSummary } from '../../../lib/experiments/minimum-ratio-schema.ts';
import { CHART_STYLE, logTick, plot } from '../shared/chart-theme.ts';
import { fill } from '../shared/format.ts';
import { P } from './view.ts';

export const MR_COLORS = { zero: '#d9730d', tau: '#3b82c4' } as const;

export interface MrChartInput {
  document: Document;
  summary: MrSummary;
  strings: Record<string, string>;
  width?: number;
}

export function mrChart({ document, summary, strings: s, width = 560 }: MrChartInput): SVGSVGElement {
  const points = summary.points.filter((p) => p.state !== 'diverged' && p.loss > 0);
  const losses = points.map((p) => p.loss);
  const lo = losses.length ? Math.min(...losses) : 1e-4;
  const hi = losses.length ? Math.max(...losses) : 1e-2;
  const y0 = 10 ** Math.floor(Math.log10(lo));
  const y1 = 10 ** Math.ceil(Math.log10(hi) + 1e-9);
  return plot(
    {
      document,
      width,
      height: Math.round(Math.min(340, Math.max(240, width * 0.6))),
      marginLeft: 52,
      marginRight: 14,
      marginTop: 14,
      marginBottom: 42,
      style: CHART_STYLE,
      x: { domain: [0, 1], ticks: 5, label: s[`${P}axisRatio`]!, labelAnchor: 'center', labelArrow: 'none', grid: true },
      y: {
        type: 'log',
        domain: [y0, y1],
        tickFormat: logTick,
        label: s[`${P}axisLoss`]!,
        labelAnchor: 'center',
        labelArrow: 'none',
        grid: true,
      },
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        Plot.ruleX([summary.setting.hwRatio], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' }),
        Plot.link(points, { x1: 'ratio', x2: 'ratioZero', y1: 'loss', y2: 'loss', stroke: 'currentColor', strokeOpacity: 0.18 }),
        Plot.dot(points, { x: 'ratioZero', y: 'loss', r: 3.2, stroke: MR_COLORS.zero, strokeWidth: 1.3 }),
        Plot.dot(points, { x: 'ratio', y: 'loss', r: 2.8, fill: MR_COLORS.tau, fillOpacity: 0.85 }),
      ],
    },
    { minHeight: 240 },
  ) as unknown as SVGSVGElement;
}

/** What the chart shows, for screen readers. */
export const chartLabel = (s: Record<string, string>, summary: MrSummary) =>
  fill(s[`${P}chartLabel`]!, { n: summary.networks - summary.diverged });
