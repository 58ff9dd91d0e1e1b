// XorJellyfish's chart: the success rate against the width h, ours (dots, 95% bars, solid line) beside the paper's
// (open circles, dashed line), one panel per optimizer and data set (rows) and activation (columns).
import * as Plot from '@observablehq/plot';
import type { XjSummary } from '../../../lib/experiments/xor-jellyfish.ts';
import { CHART_STYLE, plot } from '../shared/chart-theme.ts';
import { fill } from '../shared/format.ts';
import { P } from './view.ts';

export const XJ_COLORS = { ours: '#3b82c4', paper: 'currentColor' } as const;

export interface XjChartInput {
  document: Document;
  summary: XjSummary;
  strings: Record<string, string>;
  width?: number;
}

interface Point {
  row: string;
  col: string;
  h: number;
  paper: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

export function xjChart({ document, summary, strings: s, width = 560 }: XjChartInput): SVGSVGElement {
  const rowOf = (c: XjSummary['cells'][number]) => `${s[`${P}opt.${c.optimizer}`]} · ${s[`${P}data.${c.dataset}`]}`;
  const data: Point[] = summary.cells.map((c) => ({
    row: rowOf(c),
    col: s[`${P}act.${c.activation}`]!,
    h: c.h,
    paper: 100 * c.paper,
    rate: c.rate === null ? null : 100 * c.rate,
    lower: c.lower === null ? null : 100 * c.lower,
    upper: c.upper === null ? null : 100 * c.upper,
  }));
  const ours = data.filter((d) => d.rate !== null);
  const rows = [...new Set(data.map((d) => d.row))];
  const cols = [...new Set(data.map((d) => d.col))];
  return plot(
    {
      document,
      width,
      height: 110 + rows.length * 120,
      marginLeft: 44,
      marginRight: 12,
      marginTop: 28,
      marginBottom: 40,
      style: CHART_STYLE,
      fx: { domain: cols, label: null, padding: 0.12 },
      fy: { domain: rows, label: null, padding: 0.22, axis: null },
      x: {
        domain: [1.6, 7.4],
        ticks: [2, 3, 4, 5, 6, 7],
        tickFormat: 'd',
        label: s[`${P}axisH`]!,
        labelAnchor: 'center',
        labelArrow: 'none',
      },
      y: { domain: [0, 100], ticks: [0, 50, 100], label: s[`${P}axisRate`]!, labelAnchor: 'center', labelArrow: 'none', grid: true },
      marks: [
        Plot.frame({ strokeOpacity: 0.2 }),
        Plot.text(rows, {
          fy: (r: string) => r,
          frameAnchor: 'top-left',
          dx: 4,
          dy: 3,
          text: (r: string) => r,
          fontSize: 11,
          fontWeight: 600,
        }),
        Plot.line(data, { fx: 'col', fy: 'row', x: 'h', y: 'paper', stroke: XJ_COLORS.paper, strokeOpacity: 0.7, strokeDasharray: '4 3' }),
        Plot.dot(data, { fx: 'col', fy: 'row', x: 'h', y: 'paper', r: 3.5, stroke: XJ_COLORS.paper, fill: 'none', strokeWidth: 1.4 }),
        Plot.ruleX(ours, { fx: 'col', fy: 'row', x: 'h', y1: 'lower', y2: 'upper', stroke: XJ_COLORS.ours, strokeWidth: 1.6 }),
        Plot.line(ours, { fx: 'col', fy: 'row', x: 'h', y: 'rate', stroke: XJ_COLORS.ours, strokeWidth: 2 }),
        Plot.dot(ours, { fx: 'col', fy: 'row', x: 'h', y: 'rate', r: 3.5, fill: XJ_COLORS.ours }),
      ],
    },
    { minHeight: 110 + rows.length * 120 },
  ) as unknown as SVGSVGElement;
}

/** What the chart shows, for screen readers. */
export const chartLabel = (s: Record<string, string>, summary: XjSummary) =>
  fill(s[`${P}chartLabel`]!, { runs: summary.setting.runsPerCell });
