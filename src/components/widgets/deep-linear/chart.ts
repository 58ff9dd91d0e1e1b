// DeepLinear's chart: the histogram of gaps L_final − L* over the log bins of DL_GAP_EDGES, one panel per depth,
// linear runs (blue, left half of each bin) beside ReLU runs (orange, right half); a dashed rule at the tolerance.
import * as Plot from '@observablehq/plot';
import type { DlSummary } from '../../../lib/experiments/deep-linear-schema.ts';
import { CHART_STYLE, plot, powerOfTen } from '../shared/chart-theme.ts';
import { fill } from '../shared/format.ts';
import { P } from './view.ts';

export const DL_COLORS = { linear: '#3b82c4', relu: '#d9730d' } as const;

export interface DlChartInput {
  document: Document;
  summary: DlSummary;
  strings: Record<string, string>;
  width?: number;
}

interface Bar {
  depth: string;
  activation: 'linear' | 'relu';
  x1: number;
  x2: number;
  n: number;
}

/** An edge of the gap bins as an axis label: 0, 10⁻¹⁶, …, 1, 100. */
const edgeLabel = (e: number) => (e === 0 ? '0' : powerOfTen(e));

export function dlChart({ document, summary, strings: s, width = 560 }: DlChartInput): SVGSVGElement {
  const edges = summary.setting.gapEdges;
  // Bin i spans [i − 0.5, i + 0.5] on the x axis; edge k (between bins k and k + 1) sits at k + 0.5.
  const bars: Bar[] = summary.cells.flatMap((c) =>
    c.histogram.map((n, i) => ({
      depth: fill(s[`${P}panel`]!, { depth: c.depth }),
      activation: c.activation,
      x1: c.activation === 'linear' ? i - 0.42 : i,
      x2: c.activation === 'linear' ? i : i + 0.42,
      n,
    })),
  );
  const rows = summary.setting.depths.map((depth) => fill(s[`${P}panel`]!, { depth }));
  const narrow = width < 480;
  const tolAt = edges.indexOf(summary.setting.gapTol);
  const ymax = Math.max(1, ...bars.map((b) => b.n));
  return plot(
    {
      document,
      width,
      height: 70 + rows.length * (narrow ? 92 : 104),
      marginLeft: 44,
      marginRight: 12,
      marginTop: 12,
      marginBottom: 44,
      style: CHART_STYLE,
      fy: { domain: rows, label: null, padding: 0.18, axis: null },
      x: {
        domain: [-0.5, edges.length + 0.5],
        ticks: edges.map((_, k) => k + 0.5),
        // On a phone every other edge is labelled, so the labels never touch.
        tickFormat: (v: number) => {
          const k = Math.round(v - 0.5);
          return narrow && k % 2 === 1 && k !== edges.length - 1 ? '' : edgeLabel(edges[k]!);
        },
        label: s[`${P}axisGap`]!,
        labelAnchor: 'center',
        labelArrow: 'none',
      },
      y: { domain: [0, ymax], nice: true, ticks: 3, label: s[`${P}axisRuns`]!, labelAnchor: 'center', labelArrow: 'none', grid: true },
      color: { domain: ['linear', 'relu'], range: [DL_COLORS.linear, DL_COLORS.relu] },
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        ...(tolAt >= 0 ? [Plot.ruleX([tolAt + 0.5], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4 3' })] : []),
        Plot.rectY(
          bars.filter((b) => b.n > 0),
          { fy: 'depth', x1: 'x1', x2: 'x2', y: 'n', fill: 'activation' },
        ),
        Plot.text(rows, {
          fy: (r: string) => r,
          frameAnchor: 'top-left',
          dx: 4,
          dy: 3,
          text: (r: string) => r,
          fontSize: 11,
          fontWeight: 600,
        }),
      ],
    },
    { minHeight: 70 + rows.length * 92 },
  ) as unknown as SVGSVGElement;
}

/** What the chart shows, for screen readers. */
export const chartLabel = (s: Record<string, string>, summary: DlSummary) =>
  fill(s[`${P}chartLabel`]!, { runs: summary.setting.runsPerCell });
